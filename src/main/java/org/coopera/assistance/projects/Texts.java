package org.coopera.assistance.projects;

import java.time.LocalDate;
import org.coopera.platform.InvalidInputException;

/** Checks of what people type, shared by assessments and projects. */
final class Texts {

  private Texts() {}

  /** The stripped text, or null when blank. */
  static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String required(String value, String field, int max) {
    String text = clean(value);
    if (text == null) {
      throw new InvalidInputException("projects.error.required", field);
    }
    if (text.length() > max) {
      throw new InvalidInputException("projects.error.too-long", field, max);
    }
    return text;
  }

  static LocalDate date(LocalDate value, String field) {
    if (value == null) {
      throw new InvalidInputException("projects.error.required", field);
    }
    return value;
  }

  /** Refuses an end before its start. */
  static void inOrder(LocalDate start, LocalDate end, String endField) {
    if (start != null && end != null && end.isBefore(start)) {
      throw new InvalidInputException("projects.error.dates-order", endField);
    }
  }
}
