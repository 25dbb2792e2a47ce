package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.coopera.platform.InvalidInputException;

/**
 * The rules that keep money from being created or lost, on figures in US dollars. The service
 * applies them to figures read under row locks; {@link Ledger} applies them in memory, which is
 * what the property-based tests exercise. Each refusal names the figures.
 */
public final class FundRules {

  private FundRules() {}

  /** An allocation may not ask more than the fund's available balance. */
  public static void allocation(String fund, BigDecimal available, BigDecimal asked) {
    if (asked.compareTo(available) > 0) {
      throw new InvalidInputException(
          "funds.error.allocation-beyond-available",
          "amountUsd",
          Money.format(available.max(BigDecimal.ZERO)),
          fund,
          Money.format(asked));
    }
  }

  /** A disbursement may not exceed what remains of its allocation. */
  public static void disbursement(BigDecimal remaining, BigDecimal asked) {
    if (asked.compareTo(remaining) > 0) {
      throw new InvalidInputException(
          "funds.error.disbursement-beyond-remaining",
          "amountUsd",
          Money.format(remaining),
          Money.format(asked));
    }
  }

  /** An expenditure may not exceed what was disbursed and not yet spent. */
  public static void expenditure(BigDecimal unspent, BigDecimal asked) {
    if (asked.compareTo(unspent) > 0) {
      throw new InvalidInputException(
          "funds.error.expenditure-beyond-disbursed",
          "amountUsd",
          Money.format(unspent),
          Money.format(asked));
    }
  }

  /** An allocation may be lowered only down to what was already disbursed from it. */
  public static void allocationChange(
      String fund,
      BigDecimal available,
      BigDecimal current,
      BigDecimal disbursed,
      BigDecimal next) {
    if (next.compareTo(disbursed) < 0) {
      throw new InvalidInputException(
          "funds.error.allocation-below-disbursed",
          "amountUsd",
          Money.format(disbursed),
          Money.format(next));
    }
    allocation(fund, available.add(current), next);
  }

  /** Money moves from an allocation only after its decision, and is spent only after that. */
  public static void notBefore(LocalDate decided, LocalDate date, String field) {
    if (date.isBefore(decided)) {
      throw new InvalidInputException("funds.error.date-before-decision", field, date, decided);
    }
  }
}
