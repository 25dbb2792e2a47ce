package org.coopera.funds.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.coopera.funds.internal.Funds;
import org.coopera.platform.InvalidInputException;

/**
 * The forms of the funds pages, as typed: every field a string, so that a refused form shows back
 * exactly what was typed, read into the service's figures only when sent.
 */
final class FundForms {

  private FundForms() {}

  /** A new bilateral or other funding line. */
  record FundForm(String code, String name, String kind, String description) {}

  /** A pledge or a contribution: one donor, the amount in its currency, the rate used. */
  record IncomeForm(
      String donorState,
      String donorOrganisation,
      String amount,
      String currency,
      String usdRate,
      String date,
      String forYear,
      String pledgeId) {

    Funds.Income income() {
      return new Funds.Income(
          donorState,
          donorOrganisation,
          decimal(amount, "amount"),
          currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
          decimal(usdRate, "usdRate"),
          day(date, "date"),
          year(forYear),
          id(pledgeId, "pledgeId"));
    }
  }

  /**
   * An allocation (with its project), a change of one (with the version it was read at), a
   * disbursement or an expenditure (with the allocation drawn from), in US dollars.
   */
  record OutgoForm(
      String allocationId,
      String projectId,
      String amountUsd,
      String date,
      String purpose,
      String version) {

    Funds.Outgo outgo() {
      Long read = blank(version) ? null : whole(version, "version");
      return new Funds.Outgo(
          id(projectId, "projectId"),
          decimal(amountUsd, "amountUsd"),
          day(date, "date"),
          purpose,
          read);
    }

    UUID allocation() {
      UUID id = id(allocationId, "allocationId");
      if (id == null) {
        throw new InvalidInputException("funds.error.required", "allocationId");
      }
      return id;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static BigDecimal decimal(String value, String field) {
    if (blank(value)) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("funds.error.number", field, value);
    }
  }

  private static Long whole(String value, String field) {
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("funds.error.number", field, value);
    }
  }

  private static LocalDate day(String value, String field) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("funds.error.date", field, value);
    }
  }

  private static Integer year(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("funds.error.year", "forYear");
    }
  }

  private static UUID id(String value, String field) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("funds.error.choice", field);
    }
  }
}
