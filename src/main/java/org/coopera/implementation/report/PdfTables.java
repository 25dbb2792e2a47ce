package org.coopera.implementation.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.coopera.implementation.report.ReportDocument.Table;
import org.coopera.platform.pdf.PdfFace;
import org.coopera.platform.pdf.PdfFlow;

/**
 * Draws tables in a PDF flow. A row that does not fit on the rest of a page moves to the next one;
 * a row taller than a whole page is split between pages, line by line. The header row is drawn
 * again at the top of every page the table runs onto. The first column stands at the start of the
 * line: on the left, or on the right in a right-to-left language.
 */
final class PdfTables {

  private static final float SIZE = 8.5f;
  private static final float HEADER_SIZE = 7.5f;
  private static final float LEADING = SIZE * 1.3f;
  private static final float PADDING = 3f;
  private static final Color HEADER_FILL = new Color(0xE6, 0xE6, 0xE6);

  private final PdfFlow flow;
  private final PdfFace regular;
  private final PdfFace bold;

  PdfTables(PdfFlow flow, PdfFace regular, PdfFace bold) {
    this.flow = flow;
    this.regular = regular;
    this.bold = bold;
  }

  void draw(Table table) {
    float[] widths = widths(table.weights());
    List<List<String>> header = cells(table.header(), widths, bold, HEADER_SIZE);
    float headerHeight = height(header);
    List<List<List<String>>> rows = new ArrayList<>();
    for (List<String> row : table.rows()) {
      rows.add(cells(row, widths, regular, SIZE));
    }
    float firstRow = rows.isEmpty() ? 0 : Math.min(height(rows.get(0)), 3 * LEADING);
    flow.ensure(headerHeight + firstRow + 2 * PADDING);
    drawRow(header, widths, bold, 0, lineCount(header), true);
    for (List<List<String>> row : rows) {
      int lines = lineCount(row);
      float whole = lines * LEADING + 2 * PADDING;
      if (whole > flow.room() && whole <= flow.pageHeight() - headerHeight) {
        continueOnNewPage(header, widths);
      }
      int from = 0;
      boolean freshPage = false;
      while (from < lines) {
        int fitting = (int) ((flow.room() - 2 * PADDING) / LEADING);
        if (fitting <= 0 && !freshPage) {
          continueOnNewPage(header, widths);
          freshPage = true;
          continue;
        }
        fitting = Math.max(1, fitting);
        int to = Math.min(lines, from + fitting);
        drawRow(row, widths, regular, from, to, false);
        from = to;
        if (from < lines) {
          continueOnNewPage(header, widths);
          freshPage = true;
        }
      }
    }
    flow.down(8);
  }

  private void continueOnNewPage(List<List<String>> header, float[] widths) {
    flow.newPage();
    drawRow(header, widths, bold, 0, lineCount(header), true);
  }

  /** Draws lines {@code from} to {@code to} of every cell of a row, with their boxes. */
  private void drawRow(
      List<List<String>> row, float[] widths, PdfFace font, int from, int to, boolean header) {
    float height = (to - from) * LEADING + 2 * PADDING;
    float offset = 0;
    float top = flow.y();
    for (int column = 0; column < row.size(); column++) {
      float x = flow.at(offset, widths[column]);
      if (header) {
        flow.fill(x, top, widths[column], height, HEADER_FILL);
      }
      flow.box(x, top, widths[column], height);
      List<String> lines = row.get(column);
      for (int line = from; line < Math.min(to, lines.size()); line++) {
        float lineTop = top - PADDING - (line - from) * LEADING;
        flow.text(
            font,
            header ? HEADER_SIZE : SIZE,
            x + PADDING,
            widths[column] - 2 * PADDING,
            lineTop - 1,
            lines.get(line),
            PdfFace.Align.START,
            Color.BLACK);
      }
      offset += widths[column];
    }
    flow.down(height);
  }

  private float[] widths(List<Integer> weights) {
    int total = weights.stream().mapToInt(Integer::intValue).sum();
    float[] widths = new float[weights.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = flow.width() * weights.get(i) / total;
    }
    return widths;
  }

  private static List<List<String>> cells(
      List<String> row, float[] widths, PdfFace font, float size) {
    List<List<String>> cells = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      cells.add(font.wrap(row.get(i), size, widths[i] - 2 * PADDING));
    }
    return cells;
  }

  private static int lineCount(List<List<String>> row) {
    return row.stream().mapToInt(List::size).max().orElse(1);
  }

  private static float height(List<List<String>> row) {
    return lineCount(row) * LEADING + 2 * PADDING;
  }
}
