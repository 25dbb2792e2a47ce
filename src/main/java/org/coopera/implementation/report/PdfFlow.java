package org.coopera.implementation.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Content flowing down the A4 pages of a PDF: a cursor that starts a new page when what comes next
 * does not fit, and the drawing of lines of text, boxes and images at that cursor.
 */
final class PdfFlow implements AutoCloseable {

  static final float MARGIN = 56f;
  static final PDRectangle PAGE = PDRectangle.A4;

  private final PDDocument document;
  private PDPageContentStream content;
  private float y;

  PdfFlow(PDDocument document) {
    this.document = document;
  }

  float left() {
    return MARGIN;
  }

  float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  float y() {
    return y;
  }

  /** The height left on the current page (none before the first page). */
  float room() {
    return content == null ? 0 : y - MARGIN;
  }

  /** The height of a page's writing area. */
  float pageHeight() {
    return PAGE.getHeight() - 2 * MARGIN;
  }

  void newPage() {
    closeContent();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    try {
      content = new PDPageContentStream(document, page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = PAGE.getHeight() - MARGIN;
  }

  /** Starts a new page unless {@code height} fits on this one (or the page is still empty). */
  void ensure(float height) {
    if (content == null || (height > room() && y < PAGE.getHeight() - MARGIN)) {
      newPage();
    }
  }

  /** Whether nothing has been drawn on the current page yet. */
  boolean atTopOfPage() {
    return content != null && y >= PAGE.getHeight() - MARGIN;
  }

  void down(float height) {
    y -= height;
  }

  /** Draws a line of showable text with its baseline {@code ascent} below {@code top}. */
  void text(PdfFont font, float size, float x, float top, String line, Color colour) {
    if (line.isEmpty()) {
      return;
    }
    try {
      content.beginText();
      content.setNonStrokingColor(colour);
      content.setFont(font.font(), size);
      content.newLineAtOffset(x, top - size);
      content.showText(line);
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes wrapped lines from the cursor down, each {@code leading} high. */
  void lines(PdfFont font, float size, float leading, float x, List<String> lines, Color colour) {
    for (String line : lines) {
      ensure(leading);
      text(font, size, x, y, line, colour);
      y -= leading;
    }
  }

  void fill(float x, float top, float w, float h, Color colour) {
    try {
      content.setNonStrokingColor(colour);
      content.addRect(x, top - h, w, h);
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void box(float x, float top, float w, float h) {
    try {
      content.setStrokingColor(Color.GRAY);
      content.setLineWidth(0.5f);
      content.addRect(x, top - h, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void image(PDImageXObject image, float x, float top, float w, float h) {
    try {
      content.drawImage(image, x, top - h, w, h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    closeContent();
  }

  private void closeContent() {
    if (content != null) {
      try {
        content.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        content = null;
      }
    }
  }
}
