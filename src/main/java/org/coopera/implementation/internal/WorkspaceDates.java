package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.coopera.platform.InvalidInputException;

/** Dates and amounts as typed in the workspace's forms (ISO dates, decimal numbers). */
final class WorkspaceDates {

  private WorkspaceDates() {}

  /** A date typed as {@code 2026-06-30}, or null when left empty. */
  static LocalDate date(String typed, String field) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("workspace.error.date", field, typed.strip());
    }
  }

  static LocalDate requiredDate(String typed, String field) {
    LocalDate date = date(typed, field);
    if (date == null) {
      throw new InvalidInputException("workspace.error.date-required", field);
    }
    return date;
  }

  /** A number typed with a dot or a comma as the decimal mark, or null when left empty. */
  static BigDecimal number(String typed, String field) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String cleaned = typed.strip().replace(" ", "").replace(' ', ' ').replace(",", ".");
    try {
      return new BigDecimal(cleaned);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("workspace.error.number", field, typed.strip());
    }
  }

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
