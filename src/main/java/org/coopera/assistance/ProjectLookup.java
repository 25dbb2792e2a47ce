package org.coopera.assistance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules (funds, capacity, monitoring) may read of assistance projects. A project whose
 * State withdrew its consent is suspended: it accepts no new activity and no disbursement.
 */
public interface ProjectLookup {

  Optional<ProjectRef> project(UUID id);

  /** Every project, by title, for the choices of a form. */
  List<ProjectRef> all();

  /**
   * A project as other modules see it.
   *
   * @param status {@code PLANNED}, {@code ACTIVE}, {@code SUSPENDED}, {@code COMPLETED} or {@code
   *     CANCELLED}
   * @param budget the project's budget, in {@code currency}
   */
  record ProjectRef(
      UUID id,
      String stateIso3,
      String title,
      String status,
      boolean published,
      java.math.BigDecimal budget,
      String currency) {

    /** Whether money may still be disbursed to it and activities added. */
    public boolean acceptsNewWork() {
      return status.equals("PLANNED") || status.equals("ACTIVE");
    }
  }
}
