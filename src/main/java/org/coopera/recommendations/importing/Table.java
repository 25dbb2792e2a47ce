package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cells of a CSV file or of a workbook's first sheet, as text, before any layout is applied.
 * Blank rows are left out; each row keeps the number a person sees when they open the file.
 *
 * @param rows the non-blank rows in file order, the heading row first
 * @param problems row problems met while reading (a quote never closed)
 */
record Table(List<Row> rows, List<FileProblem> problems) {

  Table {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  /**
   * One row of cells; a cell is null when the spreadsheet has nothing there.
   *
   * @param number the row number in the file (1 for the first line or spreadsheet row)
   */
  record Row(int number, List<String> cells) {

    Row {
      cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The cell at {@code column}, null when the row is shorter or the column is -1. */
    String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : null;
    }

    boolean isBlank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  Row heading() {
    return rows.get(0);
  }

  List<Row> dataRows() {
    return rows.subList(1, rows.size());
  }
}
