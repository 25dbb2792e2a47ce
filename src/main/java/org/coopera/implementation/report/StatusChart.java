package org.coopera.implementation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import javax.imageio.ImageIO;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.platform.pdf.PdfFonts;

/**
 * A horizontal bar chart of a report's entries by status, drawn with Java2D into a PNG. It needs no
 * display ({@code java.awt.headless} is set when nobody set it) and no system font: labels use the
 * fonts that the application ships for its PDF reports, one per script (Java2D joins Arabic letters
 * and orders right-to-left text). In a right-to-left language the chart is mirrored: labels on the
 * right, bars growing to the left.
 */
final class StatusChart {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final int WIDTH = 1200;
  static final int HEIGHT = 600;

  private static final int MARGIN = 30;
  private static final float FONT_SIZE = 26f;

  /** The report fonts in the order tried for a character: Latin, Arabic, Chinese. */
  private static final List<Font> FONTS =
      PdfFonts.FILES.stream().map(StatusChart::loadFont).toList();

  private static final Map<ImplementationStatus, Color> COLOURS =
      Map.of(
          ImplementationStatus.NOT_STARTED, new Color(0x9E9E9E),
          ImplementationStatus.IN_PROGRESS, new Color(0x1F6FB4),
          ImplementationStatus.PARTIALLY_IMPLEMENTED, new Color(0xE69F00),
          ImplementationStatus.FULLY_IMPLEMENTED, new Color(0x2E7D32),
          ImplementationStatus.NOT_IMPLEMENTABLE, new Color(0xB23A3A));

  /** One bar: a status, its label in the report's language, and its number of entries. */
  record Bar(ImplementationStatus status, String label, long count) {}

  private StatusChart() {}

  /** The chart as PNG bytes, {@value #WIDTH} by {@value #HEIGHT} pixels. */
  static byte[] png(List<Bar> bars, boolean rightToLeft, LongFunction<String> number) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setFont(FONTS.get(0));
      if (!bars.isEmpty()) {
        new Drawing(g, rightToLeft, number).draw(bars);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  /** A tick step of 1, 2 or 5 times a power of ten, giving at most about six ticks. */
  private static long step(long max) {
    long power = 1;
    while (true) {
      for (long factor : new long[] {1, 2, 5}) {
        if (max / (factor * power) <= 6) {
          return factor * power;
        }
      }
      power *= 10;
    }
  }

  /** One chart being drawn, mirrored or not. */
  private record Drawing(Graphics2D g, boolean rightToLeft, LongFunction<String> number) {

    void draw(List<Bar> bars) {
      FontMetrics metrics = g.getFontMetrics();
      int labelWidth =
          (int)
              Math.min(
                  WIDTH * 2 / 5,
                  bars.stream().mapToDouble(b -> advance(b.label())).max().orElse(0));
      int countWidth = (int) advance(number.apply(8888));
      int left = MARGIN + labelWidth + 20;
      int right = WIDTH - MARGIN - countWidth;
      int top = MARGIN;
      int axis = HEIGHT - MARGIN - metrics.getHeight();
      long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
      long step = step(max);
      long scaleMax = ((max + step - 1) / step) * step;

      g.setStroke(new BasicStroke(2f));
      for (long tick = 0; tick <= scaleMax; tick += step) {
        int x = x(left + (int) ((right - left) * tick / scaleMax));
        g.setColor(new Color(0xDDDDDD));
        g.drawLine(x, top, x, axis);
        g.setColor(Color.DARK_GRAY);
        String text = number.apply(tick);
        text(text, x - (float) advance(text) / 2, axis + metrics.getAscent() + 6);
      }
      int slot = (axis - top) / bars.size();
      int thickness = Math.max(4, slot * 3 / 5);
      for (int i = 0; i < bars.size(); i++) {
        Bar bar = bars.get(i);
        int y = top + i * slot + (slot - thickness) / 2;
        int length = (int) ((right - left) * bar.count() / scaleMax);
        g.setColor(COLOURS.getOrDefault(bar.status(), Color.GRAY));
        g.fillRect(rightToLeft ? x(left) - length : left, y, length, thickness);
        int baseline = y + (thickness + metrics.getAscent() - metrics.getDescent()) / 2;
        g.setColor(Color.BLACK);
        String label = fit(bar.label(), labelWidth);
        float labelAdvance = (float) advance(label);
        text(label, rightToLeft ? x(left) + 20 : left - 20 - labelAdvance, baseline);
        String count = number.apply(bar.count());
        float countAdvance = (float) advance(count);
        text(
            count,
            rightToLeft ? x(left + length) - 10 - countAdvance : left + length + 10,
            baseline);
      }
      g.setColor(Color.BLACK);
      g.drawLine(x(left), top, x(left), axis);
    }

    /** The x of a point of the left-to-right chart in this chart. */
    private int x(int x) {
      return rightToLeft ? WIDTH - x : x;
    }

    private void text(String text, float x, float baseline) {
      if (!text.isEmpty()) {
        layout(text).draw(g, x, baseline);
      }
    }

    private double advance(String text) {
      return text.isEmpty() ? 0 : layout(text).getAdvance();
    }

    /** The text laid out with a font per script, joined and ordered by Java2D. */
    private TextLayout layout(String text) {
      AttributedString attributed = new AttributedString(text);
      int i = 0;
      while (i < text.length()) {
        int c = text.codePointAt(i);
        int next = i + Character.charCount(c);
        attributed.addAttribute(TextAttribute.FONT, fontFor(c), i, next);
        i = next;
      }
      attributed.addAttribute(
          TextAttribute.RUN_DIRECTION,
          rightToLeft ? TextAttribute.RUN_DIRECTION_RTL : TextAttribute.RUN_DIRECTION_LTR);
      FontRenderContext context = g.getFontRenderContext();
      return new TextLayout(attributed.getIterator(), context);
    }

    /** The label, shortened with an ellipsis when it is wider than the space for labels. */
    private String fit(String label, int width) {
      if (advance(label) <= width) {
        return label;
      }
      String shortened = label;
      while (!shortened.isEmpty() && advance(shortened + "…") > width) {
        shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
      }
      return shortened.strip() + "…";
    }
  }

  /** The first report font with a glyph for the character, preferring the one for its script. */
  private static Font fontFor(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    if (script == Character.UnicodeScript.ARABIC && FONTS.get(1).canDisplay(c)) {
      return FONTS.get(1);
    }
    if (script == Character.UnicodeScript.HAN && FONTS.get(2).canDisplay(c)) {
      return FONTS.get(2);
    }
    for (Font font : FONTS) {
      if (font.canDisplay(c)) {
        return font;
      }
    }
    return FONTS.get(0);
  }

  private static Font loadFont(String path) {
    try (InputStream in = PdfFonts.open(path)) {
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(FONT_SIZE);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("The report font cannot be read", e);
    }
  }
}
