package org.coopera.implementation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * An embedded font of a PDF report with what the layout needs of it: text it can show (a character
 * it has no glyph for becomes a question mark, a space it lacks a plain space), widths, and lines
 * wrapped to a width.
 */
final class PdfFont {

  private final PDFont font;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();

  PdfFont(PDFont font) {
    this.font = font;
  }

  PDFont font() {
    return font;
  }

  /** The text with only characters the font can show; line breaks are kept. */
  String showable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                out.append('\n');
              } else if (c == '\t' || c == '\r') {
                out.append(' ');
              } else if (Character.isISOControl(c)) {
                return;
              } else if (hasGlyph(c)) {
                out.appendCodePoint(c);
              } else {
                out.append(Character.isSpaceChar(c) ? ' ' : '?');
              }
            });
    return out.toString();
  }

  /** The width of showable text, in points. */
  float width(String showable, float size) {
    try {
      return font.getStringWidth(showable) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text cut into lines no wider than {@code width}: at its line breaks, between words, and
   * inside a word longer than a line.
   */
  List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : showable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split(" +")) {
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (width(candidate, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        String rest = word;
        while (width(rest, size) > width) {
          int cut = longestPrefix(rest, size, width);
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private int longestPrefix(String word, float size, float width) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (width(word.substring(0, next), size) > width) {
        break;
      }
      end = next;
    }
    return end;
  }

  private boolean hasGlyph(int codePoint) {
    return glyphs.computeIfAbsent(
        codePoint,
        c -> {
          try {
            font.encode(new String(Character.toChars(c)));
            return true;
          } catch (IllegalArgumentException | IOException e) {
            return false;
          }
        });
  }
}
