package org.coopera.platform.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One font file of a document's fonts, parsed when a character first asks whether it has a glyph
 * and embedded (as a subset of the glyphs used) only when text is drawn with it.
 */
final class ScriptFont {

  private final PDDocument document;
  private final String path;
  private final boolean simulatedBold;
  private TrueTypeFont file;
  private CmapLookup cmap;
  private PDType0Font font;

  /**
   * @param simulatedBold whether this regular font stands in for a bold one, drawn thicker
   */
  ScriptFont(PDDocument document, String path, boolean simulatedBold) {
    this.document = document;
    this.path = path;
    this.simulatedBold = simulatedBold;
  }

  boolean simulatedBold() {
    return simulatedBold;
  }

  /** Whether the font has a real glyph (not the missing-glyph box) for the code point. */
  boolean has(int codePoint) {
    return cmap().getGlyphId(codePoint) > 0;
  }

  /** The font embedded in the document, as a subset written when the document is saved. */
  PDType0Font font() {
    if (font == null) {
      try {
        font = PDType0Font.load(document, file(), true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return font;
  }

  private CmapLookup cmap() {
    if (cmap == null) {
      try {
        cmap = file().getUnicodeCmapLookup();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cmap;
  }

  private TrueTypeFont file() {
    if (file == null) {
      try {
        file = new TTFParser().parse(new RandomAccessReadBuffer(PdfFonts.bytes(path)));
      } catch (IOException e) {
        throw new UncheckedIOException("The font " + path + " cannot be read", e);
      }
    }
    return file;
  }
}
