package org.coopera.platform.pdf;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A weight of a document's text (regular or bold) that measures, wraps and draws lines in any of
 * the interface languages. Texts are given in logical order, as typed. Before a line is drawn its
 * Arabic letters take their joined forms (ICU's Arabic shaping), the line is put in visual order
 * (the Unicode bidirectional algorithm, with the document's direction as the paragraph's), and it
 * is cut into runs of one font each: Arabic letters in the Arabic font, Chinese in the CJK font,
 * the rest in DejaVu Sans, punctuation and digits in the font of the run they stand in.
 */
public final class PdfFace {

  private static final Logger log = LoggerFactory.getLogger(PdfFace.class);
  private static final int CACHED_LINES = 4096;

  /** Where a line goes in the width given to it; start and end follow the text's direction. */
  public enum Align {
    START,
    END,
    CENTRE
  }

  /** Part of a line in visual order drawn in one font. */
  private record Run(ScriptFont font, String text, float width) {}

  /** A line ready to draw: its runs from left to right and its width at size 1000. */
  private record Shaped(List<Run> runs, float width) {}

  private final PdfFonts fonts;
  private final ScriptFont latin;
  private final ScriptFont arabic;
  private final ScriptFont cjk;
  private final Map<String, Shaped> shaped =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shaped> eldest) {
          return size() > CACHED_LINES;
        }
      };

  PdfFace(PdfFonts fonts, ScriptFont latin, ScriptFont arabic, ScriptFont cjk) {
    this.fonts = fonts;
    this.latin = latin;
    this.arabic = arabic;
    this.cjk = cjk;
  }

  /** Whether the document's language is written right to left. */
  public boolean rightToLeft() {
    return fonts.rightToLeft();
  }

  /** The width of one line of text, in points. */
  public float width(String line, float size) {
    return shape(line).width() / 1000f * size;
  }

  /**
   * The text cut into lines no wider than {@code width}: at its line breaks, where the language
   * allows a break (between words, between Chinese characters), and inside a word longer than a
   * line. The lines stay in logical order, ready for {@link #draw}.
   */
  public List<String> wrap(String text, float size, float width) {
    List<String> lines = new ArrayList<>();
    BreakIterator breaks = BreakIterator.getLineInstance(ULocale.forLocale(fonts.language()));
    for (String paragraph : clean(text).split("\n", -1)) {
      String words = paragraph.strip().replaceAll(" {2,}", " ");
      boolean additive = !complex(words);
      breaks.setText(words);
      StringBuilder line = new StringBuilder();
      float lineWidth = 0;
      int start = breaks.first();
      for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
        String segment = words.substring(start, end);
        float visible =
            additive
                ? lineWidth + width(segment.stripTrailing(), size)
                : width((line + segment).stripTrailing(), size);
        if (visible <= width) {
          line.append(segment);
          lineWidth = additive ? lineWidth + width(segment, size) : 0;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString().stripTrailing());
          line.setLength(0);
        }
        String rest = segment;
        while (width(rest.stripTrailing(), size) > width) {
          int cut = longestPrefix(rest, size, width);
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
        lineWidth = width(rest, size);
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /**
   * Draws one line with its baseline at {@code baseline} and its left end at {@code x}, in the
   * colour given.
   */
  public void draw(
      PDPageContentStream content, String line, float size, float x, float baseline, Color colour) {
    Shaped text = shape(line);
    if (text.runs().isEmpty()) {
      return;
    }
    try {
      content.setStrokingColor(colour);
      content.setLineWidth(size * 0.035f);
      content.beginText();
      content.setNonStrokingColor(colour);
      content.newLineAtOffset(x, baseline);
      boolean stroked = false;
      for (Run run : text.runs()) {
        PDFont font = run.font().font();
        content.setFont(font, size);
        if (run.font().simulatedBold() != stroked) {
          stroked = run.font().simulatedBold();
          content.setRenderingMode(stroked ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        }
        content.showText(run.text());
      }
      if (stroked) {
        content.setRenderingMode(RenderingMode.FILL);
      }
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Draws one line in a box from {@code left}, {@code width} wide: at its start (the left in a
   * left-to-right language, the right in a right-to-left one), at its end, or centred.
   */
  public void draw(
      PDPageContentStream content,
      String line,
      float size,
      float left,
      float width,
      float baseline,
      Align align,
      Color colour) {
    float textWidth = width(line, size);
    boolean rightToLeft = fonts.rightToLeft();
    float x =
        switch (align) {
          case CENTRE -> left + (width - textWidth) / 2;
          case START -> rightToLeft ? left + width - textWidth : left;
          case END -> rightToLeft ? left : left + width - textWidth;
        };
    draw(content, line, size, x, baseline, colour);
  }

  // --- shaping -----------------------------------------------------------------------------------

  private Shaped shape(String line) {
    Shaped known = shaped.get(line);
    if (known == null) {
      known = runs(visual(clean(line).replace('\n', ' ')));
      shaped.put(line, known);
    }
    return known;
  }

  /**
   * Arabic vowel and other marks (harakat: fatha, damma, kasra, shadda, tanwin, sukun, superscript
   * alef, Quranic annotations). PDFBox draws glyphs one after the other without OpenType mark
   * positioning, so a mark would stand apart from its letter; reports leave them out, as most
   * printed Arabic does.
   */
  private static final Pattern ARABIC_MARKS =
      Pattern.compile("[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED]");

  /** The line with Arabic letters joined and in the order it is seen, left to right. */
  private String visual(String logical) {
    String text = logical;
    if (hasArabic(text)) {
      text = ARABIC_MARKS.matcher(text).replaceAll("");
      try {
        text =
            new ArabicShaping(
                    ArabicShaping.LETTERS_SHAPE
                        | ArabicShaping.TEXT_DIRECTION_LOGICAL
                        | ArabicShaping.LENGTH_GROW_SHRINK)
                .shape(text);
      } catch (ArabicShapingException e) {
        throw new IllegalStateException("Arabic text cannot be shaped: " + logical, e);
      }
    }
    if (!fonts.rightToLeft() && !Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
      return text;
    }
    Bidi bidi = new Bidi();
    bidi.setPara(text, fonts.rightToLeft() ? Bidi.RTL : Bidi.LTR, null);
    return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
  }

  /** The visual line cut into runs of one font each. */
  private Shaped runs(String visual) {
    List<Run> runs = new ArrayList<>();
    ScriptFont current = null;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < visual.length(); ) {
      int c = visual.codePointAt(i);
      i += Character.charCount(c);
      ScriptFont font = fontFor(c, current);
      if (font == null) {
        if (Character.getType(c) == Character.FORMAT) {
          continue; // an invisible mark (joiner, direction mark) no font draws
        }
        int replacement = Character.isSpaceChar(c) ? ' ' : '?';
        if (!Character.isSpaceChar(c)) {
          missing(c, visual);
        }
        c = replacement;
        font = current != null && current.has(c) ? current : latin;
      }
      if (font != current && !text.isEmpty()) {
        runs.add(run(current, text.toString()));
        text.setLength(0);
      }
      current = font;
      text.appendCodePoint(c);
    }
    if (!text.isEmpty()) {
      runs.add(run(current, text.toString()));
    }
    float width = (float) runs.stream().mapToDouble(Run::width).sum();
    return new Shaped(List.copyOf(runs), width);
  }

  private static Run run(ScriptFont font, String text) {
    try {
      return new Run(font, text, font.font().getStringWidth(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The font for a character: by its script first; a character of no script (space, digit,
   * punctuation, combining mark) stays in the current run's font when that font has it.
   */
  private ScriptFont fontFor(int c, ScriptFont current) {
    int script = UScript.getScript(c);
    if ((script == UScript.COMMON || script == UScript.INHERITED)
        && current != null
        && current.has(c)) {
      return current;
    }
    for (ScriptFont font : chain(script)) {
      if (font.has(c)) {
        return font;
      }
    }
    return null;
  }

  private List<ScriptFont> chain(int script) {
    return switch (script) {
      case UScript.ARABIC, UScript.SYRIAC, UScript.THAANA -> List.of(arabic, latin, cjk);
      case UScript.HAN,
          UScript.HIRAGANA,
          UScript.KATAKANA,
          UScript.BOPOMOFO,
          UScript.HANGUL,
          UScript.YI ->
          List.of(cjk, latin, arabic);
      default -> List.of(latin, arabic, cjk);
    };
  }

  private static void missing(int c, String text) {
    String message =
        String.format("No report font has a glyph for U+%04X in \"%s\"", c, text.strip());
    if (PdfFonts.strict()) {
      throw new IllegalStateException(message);
    }
    log.warn("{}; drawn as a question mark", message);
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

  /** The text with tabs as spaces and without control characters other than line breaks. */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                out.append('\n');
              } else if (c == '\t' || c == '\r') {
                out.append(' ');
              } else if (!Character.isISOControl(c)) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static boolean hasArabic(String text) {
    return text.codePoints().anyMatch(c -> UScript.getScript(c) == UScript.ARABIC);
  }

  /** Whether the text's width is not the sum of its parts' (joined letters, reordering). */
  private boolean complex(String text) {
    return fonts.rightToLeft()
        || hasArabic(text)
        || Bidi.requiresBidi(text.toCharArray(), 0, text.length());
  }
}
