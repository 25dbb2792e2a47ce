package org.coopera.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The money that funds put into projects, as the funds module records it: what each fund committed
 * (its allocations), paid (disbursements) and what was spent. Defined here and implemented by the
 * funds module, so that the assistance module can report the transactions of a project (in its IATI
 * activity) without depending on funds.
 */
public interface ProjectMoney {

  /**
   * The transactions of each project asked for, oldest first; a project without money is absent.
   */
  Map<UUID, List<Transaction>> transactions(Collection<UUID> projects);

  /**
   * One movement of money for a project, in US dollars.
   *
   * @param fundCode the fund the money comes from
   * @param description the purpose of an allocation or what an expenditure paid for; may be null
   */
  record Transaction(
      Type type,
      LocalDate date,
      BigDecimal amountUsd,
      String fundCode,
      String fundName,
      String description) {}

  /** Allocation (a commitment to the project), disbursement, or expenditure. */
  enum Type {
    COMMITMENT,
    DISBURSEMENT,
    EXPENDITURE
  }
}
