package org.coopera.assistance.projects;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;

/**
 * A project as its pages, the API and the IATI export show it.
 *
 * @param providers the providers that accepted its request (who works on it)
 */
public record Project(
    UUID id,
    UUID requestId,
    String stateIso3,
    String stateName,
    String iatiIdentifier,
    String title,
    String description,
    String status,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal budgetAmount,
    String budgetCurrency,
    boolean published,
    String suspendedReason,
    List<Partner> partners,
    List<UUID> recommendations,
    List<Provider> providers,
    Instant updatedAt,
    long version) {

  /**
   * A partner with its IATI organisation role (1 funding, 2 accountable, 3 extending, 4
   * implementing).
   */
  public record Partner(String organisationCode, String stateIso3, String name, int role) {}

  public boolean visibleTo(CooperaUser user) {
    return ProjectAccess.maySee(user, stateIso3, published, providers);
  }

  /** Whether activities may still be added (not suspended, completed or cancelled). */
  public boolean acceptsNewWork() {
    return status.equals("PLANNED") || status.equals("ACTIVE");
  }
}
