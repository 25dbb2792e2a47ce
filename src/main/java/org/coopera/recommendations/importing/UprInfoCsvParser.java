package org.coopera.recommendations.importing;

/**
 * The UPR Info export as CSV: Mac Roman with bare carriage returns as the database wrote it, or
 * UTF-8 / Windows-1252 once a person has saved it again ({@link TextDecoding}); RFC 4180 quoting,
 * line breaks inside quoted cells allowed ({@link CsvReader}); columns found by heading ({@link
 * UprInfoLayout}). A row with fewer or more cells than the heading row is reported and left out.
 * Row numbers: the heading row is 1, the first data row 2.
 */
final class UprInfoCsvParser {

  private UprInfoCsvParser() {}

  static ParsedFile parse(String fileName, byte[] content) {
    return parse(fileName, CsvReader.read(TextDecoding.decode(content).text()));
  }

  static ParsedFile parse(String fileName, Table table) {
    return UprInfoLayout.parse(fileName, table, true);
  }
}
