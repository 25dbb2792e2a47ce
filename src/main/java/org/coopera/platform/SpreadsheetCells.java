package org.coopera.platform;

import org.apache.poi.ss.usermodel.Cell;

/**
 * Writes text into the cells of an exported workbook as {@link Csv} writes it into a CSV: text that
 * a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) gets a
 * leading apostrophe, so that it stays text even when someone edits the cell or saves the sheet as
 * CSV. Numbers are written as numbers by the caller, never through here.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  /** Sets the cell to the text of {@code value}, neutralised; nothing for null. */
  public static void text(Cell cell, Object value) {
    if (value != null) {
      cell.setCellValue(Csv.neutralise(value.toString()));
    }
  }
}
