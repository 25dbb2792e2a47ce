package org.coopera.recommendations.importing;

/**
 * The problems the parsers report, each with its message key in the {@code i18n/recommendations}
 * bundle. File-level messages take the file name as {@code {0}}; row-level messages do not repeat
 * the row number, which {@link FileProblem#row()} carries and the page shows beside the message.
 */
enum Problem {
  /** {0} file name. */
  EMPTY("file.empty"),
  /** {0} file name, {1} its size in MB, {2} the limit in MB. */
  TOO_LARGE("file.too-large"),
  /** {0} file name. */
  PDF("file.pdf"),
  /** {0} file name. */
  BINARY("file.binary"),
  /** {0} file name: an HTML page or an XML spreadsheet saved under a spreadsheet's name. */
  MARKUP("file.markup"),
  /** {0} file name: a Word 97–2003 document. */
  LEGACY_WORD("file.legacy-word"),
  /** {0} file name: an Excel 5.0/95 workbook. */
  LEGACY_EXCEL("file.legacy-excel"),
  /** {0} file name. */
  ENCRYPTED("file.encrypted"),
  /** {0} file name: a ZIP container whose end is missing. */
  TRUNCATED("file.truncated"),
  /** {0} file name. */
  DAMAGED("file.damaged"),
  /** {0} file name. */
  ZIP_BOMB("file.zip-bomb"),
  /** {0} file name: an OpenDocument file (LibreOffice). */
  OPEN_DOCUMENT("file.open-document"),
  /** {0} file name: a ZIP archive that is neither XLSX nor DOCX. */
  OTHER_ZIP("file.other-zip"),
  /** {0} file name: text, but no row with two cells or more. */
  NOT_A_TABLE("file.not-a-table"),
  /** {0} file name: a spreadsheet whose first sheet has no row. */
  NO_ROWS("file.no-rows"),
  /** {0} file name: a heading row and nothing under it. */
  NO_DATA_ROWS("file.no-data-rows"),
  /** {0} file name, {1} the headings found. */
  UNKNOWN_LAYOUT("file.unknown-layout"),
  /** {0} file name, {1} the headings that are missing. */
  MISSING_COLUMNS("file.missing-columns"),
  /** {0} file name: an OHCHR matrix was announced, but the file is not a Word document. */
  NOT_WORD("file.not-word"),
  /** {0} file name: a table format was announced, but the file is a Word document. */
  WORD_NOT_TABLE("file.word-not-table"),
  /** {0} file name: no table of the document has a "Recommendation" heading. */
  NO_RECOMMENDATION_COLUMN("file.no-recommendation-column"),
  /** {0} file name: a matrix whose State under review neither the document nor its name gives. */
  MATRIX_NO_STATE("file.matrix-no-state"),
  /** {0} file name: a matrix whose UPR session neither the document nor its name gives. */
  MATRIX_NO_SESSION("file.matrix-no-session"),
  /** {0} cells in the row, {1} cells in the heading row. */
  CELL_COUNT("row.cell-count"),
  /** A quoted cell that is never closed: the rest of the file was read into it. */
  UNCLOSED_QUOTE("row.unclosed-quote"),
  /** {0} cells in the row, {1} headings: a Word table row that does not line up. */
  CELLS_NOT_ALIGNED("row.cells-not-aligned");

  static final String KEY_PREFIX = "import.problem.";

  private final String key;

  Problem(String suffix) {
    this.key = KEY_PREFIX + suffix;
  }

  String key() {
    return key;
  }

  FileProblem ofFile(Object... arguments) {
    return FileProblem.ofFile(key, arguments);
  }

  FileProblem ofRow(int row, Object... arguments) {
    return FileProblem.ofRow(row, key, arguments);
  }

  ParsedFile unreadable(ImportFormat format, Object... arguments) {
    return ParsedFile.unreadable(format, ofFile(arguments));
  }
}
