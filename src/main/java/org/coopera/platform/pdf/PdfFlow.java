package org.coopera.platform.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Content flowing down the A4 pages of a PDF: a cursor that starts a new page when what comes next
 * does not fit, and the drawing of lines of text, boxes and images at that cursor. Positions across
 * the page are given from the start of the writing area (its left edge in a left-to-right language,
 * its right edge in a right-to-left one) through {@link #at}, so that one layout serves both.
 */
public final class PdfFlow implements AutoCloseable {

  public static final float MARGIN = 56f;
  public static final PDRectangle PAGE = PDRectangle.A4;

  private final PDDocument document;
  private final PdfFonts fonts;
  private PDPageContentStream content;
  private float y;

  public PdfFlow(PDDocument document, PdfFonts fonts) {
    this.document = document;
    this.fonts = fonts;
  }

  public PdfFonts fonts() {
    return fonts;
  }

  public float left() {
    return MARGIN;
  }

  public float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  /**
   * The left edge of a box {@code width} wide that begins {@code offset} from the start of the
   * writing area, in the direction of the document's language.
   */
  public float at(float offset, float width) {
    return fonts.rightToLeft() ? left() + width() - offset - width : left() + offset;
  }

  public float y() {
    return y;
  }

  /** The height left on the current page (none before the first page). */
  public float room() {
    return content == null ? 0 : y - MARGIN;
  }

  /** The height of a page's writing area. */
  public float pageHeight() {
    return PAGE.getHeight() - 2 * MARGIN;
  }

  public void newPage() {
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
  public void ensure(float height) {
    if (content == null || (height > room() && y < PAGE.getHeight() - MARGIN)) {
      newPage();
    }
  }

  /** Whether nothing has been drawn on the current page yet. */
  public boolean atTopOfPage() {
    return content != null && y >= PAGE.getHeight() - MARGIN;
  }

  public void down(float height) {
    y -= height;
  }

  /** Draws a line of text with its left end at {@code x}, its baseline {@code size} below top. */
  public void text(PdfFace face, float size, float x, float top, String line, Color colour) {
    face.draw(content, line, size, x, top - size, colour);
  }

  /** Draws a line of text in a box from {@code x}, {@code width} wide, placed as asked. */
  public void text(
      PdfFace face,
      float size,
      float x,
      float width,
      float top,
      String line,
      PdfFace.Align align,
      Color colour) {
    face.draw(content, line, size, x, width, top - size, align, colour);
  }

  /** Writes wrapped lines from the cursor down, each {@code leading} high, in a box. */
  public void lines(
      PdfFace face,
      float size,
      float leading,
      float x,
      float width,
      List<String> lines,
      PdfFace.Align align,
      Color colour) {
    for (String line : lines) {
      ensure(leading);
      text(face, size, x, width, y, line, align, colour);
      y -= leading;
    }
  }

  public void fill(float x, float top, float w, float h, Color colour) {
    try {
      content.setNonStrokingColor(colour);
      content.addRect(x, top - h, w, h);
      content.fill();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void box(float x, float top, float w, float h) {
    try {
      content.setStrokingColor(Color.GRAY);
      content.setLineWidth(0.5f);
      content.addRect(x, top - h, w, h);
      content.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void image(PDImageXObject image, float x, float top, float w, float h) {
    try {
      content.drawImage(image, x, top - h, w, h);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes each page's number at the foot of its end side, worded by {@code label} (page, pages):
   * call when every page is written and the flow closed.
   */
  public void numberPages(java.util.function.BiFunction<Integer, Integer, String> label) {
    int count = document.getNumberOfPages();
    int number = 0;
    PdfFace face = fonts.regular();
    float size = 8;
    for (PDPage page : document.getPages()) {
      number++;
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        face.draw(
            footer,
            label.apply(number, count),
            size,
            left(),
            width(),
            MARGIN / 2,
            PdfFace.Align.END,
            new Color(0x55, 0x55, 0x55));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
