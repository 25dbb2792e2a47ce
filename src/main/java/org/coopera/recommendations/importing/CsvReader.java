package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text as RFC 4180 does: quoted cells may hold delimiters, doubled quotes and line
 * breaks; records end with CR, LF or CRLF. It is lenient where spreadsheet programs are: a quote
 * inside an unquoted cell, or text after a closing quote, is kept as written. The delimiter is the
 * one of comma, semicolon and tab that the first record uses most (comma on a tie), so a file saved
 * by a French Excel, which writes semicolons, reads as well.
 *
 * <p>Row numbers count records, blank ones included, from 1: a record whose quoted cell spans
 * several lines is one row, as a spreadsheet shows it.
 */
final class CsvReader {

  private final String text;
  private final char delimiter;
  private final List<Table.Row> rows = new ArrayList<>();
  private final List<FileProblem> problems = new ArrayList<>();
  private int position;

  private CsvReader(String text) {
    this.text = text;
    this.delimiter = delimiter(text);
  }

  static Table read(String text) {
    CsvReader reader = new CsvReader(text);
    reader.readAll();
    return new Table(reader.rows, reader.problems);
  }

  private void readAll() {
    int number = 0;
    while (position < text.length()) {
      number++;
      List<String> cells = record(number);
      Table.Row row = new Table.Row(number, cells);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }
  }

  private List<String> record(int number) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (inQuotes) {
        if (c != '"') {
          cell.append(c);
        } else if (position < text.length() && text.charAt(position) == '"') {
          cell.append('"');
          position++;
        } else {
          inQuotes = false;
        }
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
        quoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
          position++;
        }
        cells.add(cell.toString());
        return cells;
      } else if (c == '"' && cell.isEmpty() && !quoted) {
        inQuotes = true;
        quoted = true;
      } else {
        cell.append(c);
      }
    }
    if (inQuotes) {
      problems.add(Problem.UNCLOSED_QUOTE.ofRow(number));
    }
    cells.add(cell.toString());
    return cells;
  }

  /** The delimiter the first record uses most, counting only outside quotes. */
  static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean inQuotes = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes && (c == '\r' || c == '\n')) {
        if (commas + semicolons + tabs > 0) {
          break;
        }
      } else if (!inQuotes && c == ',') {
        commas++;
      } else if (!inQuotes && c == ';') {
        semicolons++;
      } else if (!inQuotes && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }
}
