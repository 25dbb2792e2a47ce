package org.coopera.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes RFC 4180 CSV for exports: UTF-8 with a byte-order mark (so spreadsheet programs read the
 * accents right), CRLF line ends, quoting where needed, and cells that a spreadsheet would take for
 * a formula ({@code = + - @}, tab, carriage return) neutralised with a leading apostrophe.
 */
public final class Csv implements AutoCloseable {

  public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

  private final Writer out;

  private Csv(Writer out) {
    this.out = out;
  }

  /** Answers the response with a CSV download named {@code filename}, header row written. */
  public static Csv download(HttpServletResponse response, String filename, List<String> header)
      throws IOException {
    response.setContentType(MEDIA_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(filename).build().toString());
    return start(response.getWriter(), header);
  }

  /** Starts a CSV document on {@code out}, writing the byte-order mark and the header row. */
  public static Csv start(Writer out, List<String> header) {
    Csv csv = new Csv(out);
    csv.write("\uFEFF");
    csv.row(header);
    return csv;
  }

  public Csv row(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    write(line.append("\r\n").toString());
    return this;
  }

  /**
   * The text of a cell as a spreadsheet should see it: text that a spreadsheet would run as a
   * formula gets a leading apostrophe; numbers stay. A formula is text whose first character, after
   * any spaces, is {@code = + - @}, tab or carriage return, or their full-width forms ({@code ＝ ＋ －
   * ＠}, which spreadsheets set to East Asian input read as the ASCII ones).
   */
  public static String neutralise(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof Number) {
      return text;
    }
    int first = 0;
    while (first < text.length() && text.charAt(first) == ' ') {
      first++;
    }
    if (first < text.length() && FORMULA_STARTS.indexOf(text.charAt(first)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /** The characters that start a formula, ASCII and full-width. */
  private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  static String cell(Object value) {
    String text = neutralise(value);
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
