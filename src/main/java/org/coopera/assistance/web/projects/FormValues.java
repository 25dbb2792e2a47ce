package org.coopera.assistance.web.projects;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.coopera.platform.InvalidInputException;

/**
 * What the assistance forms send, read as the services expect it: blank is null, and a date or a
 * number that cannot be read is refused with the field it concerns, so the page keeps the text.
 */
public final class FormValues {

  private FormValues() {}

  /** An ISO date (as date inputs send it), null when blank. */
  public static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("projects.error.date", field);
    }
  }

  /** A decimal number, null when blank. */
  public static BigDecimal number(String value, String field, String messageKey) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(messageKey, field);
    }
  }

  /** A whole number, null when blank. */
  public static Integer integer(String value, String field, String messageKey) {
    BigDecimal number = number(value, field, messageKey);
    if (number == null) {
      return null;
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidInputException(messageKey, field);
    }
  }

  /** The i-th of repeated fields, or null. */
  static String at(List<String> values, int i) {
    return values == null || i >= values.size() ? null : values.get(i);
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
