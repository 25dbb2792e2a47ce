package org.coopera.recommendations.importing;

import java.util.List;

/**
 * Something wrong with a file, said in a person's words: a message key of the {@code
 * i18n/recommendations} bundle with its arguments, and the row concerned (0 when the whole file
 * is).
 */
public record FileProblem(int row, String messageKey, List<Object> arguments) {

  public FileProblem {
    arguments = List.copyOf(arguments);
  }

  public static FileProblem ofFile(String messageKey, Object... arguments) {
    return new FileProblem(0, messageKey, List.of(arguments));
  }

  public static FileProblem ofRow(int row, String messageKey, Object... arguments) {
    return new FileProblem(row, messageKey, List.of(arguments));
  }
}
