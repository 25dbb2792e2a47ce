package org.coopera.treaties.importing;

import java.util.List;

/**
 * Why a row or a file cannot be imported, as a message key with arguments, so that it reads in the
 * user's language.
 *
 * @param file the file name
 * @param row the row number as a spreadsheet shows it, or 0 for the file as a whole
 */
public record ImportProblem(String file, int row, String messageKey, List<Object> arguments) {

  public ImportProblem {
    arguments = List.copyOf(arguments);
  }

  public static ImportProblem of(String file, int row, String messageKey, Object... arguments) {
    return new ImportProblem(file, row, messageKey, List.of(arguments));
  }
}
