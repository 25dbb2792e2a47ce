package org.coopera.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text (RFC 4180: commas, double quotes, doubled quotes inside, line breaks inside quoted
 * cells, CRLF or LF, a leading byte-order mark) into rows of cells, kept as text: no value is read
 * as a null or a number, so Namibia's code {@code NA} stays {@code NA}. The reading counterpart of
 * {@link Csv}.
 */
public final class CsvRows {

  private CsvRows() {}

  /** The cells of one line (no line break in it); an empty line is one empty cell. */
  public static List<String> line(String line) {
    List<List<String>> rows = parse(line);
    return rows.isEmpty() ? List.of("") : rows.get(0);
  }

  /** The rows; a quote never closed makes the last row run to the end of the text. */
  public static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
