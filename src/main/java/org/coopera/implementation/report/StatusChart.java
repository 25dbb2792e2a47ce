package org.coopera.implementation.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.coopera.implementation.ImplementationStatus;

/**
 * A horizontal bar chart of a report's entries by status, drawn with Java2D into a PNG. It needs no
 * display ({@code java.awt.headless} is set when nobody set it) and no system font: labels use the
 * DejaVu Sans that the application ships.
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
  private static final Font FONT = loadFont();

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
  static byte[] png(List<Bar> bars) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setFont(FONT);
      if (!bars.isEmpty()) {
        draw(g, bars);
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

  private static void draw(Graphics2D g, List<Bar> bars) {
    FontMetrics metrics = g.getFontMetrics();
    int labelWidth =
        Math.min(
            WIDTH * 2 / 5,
            bars.stream().mapToInt(b -> metrics.stringWidth(b.label())).max().orElse(0));
    int countWidth = metrics.stringWidth("0000");
    int left = MARGIN + labelWidth + 20;
    int right = WIDTH - MARGIN - countWidth;
    int top = MARGIN;
    int axis = HEIGHT - MARGIN - metrics.getHeight();
    long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
    long step = step(max);
    long scaleMax = ((max + step - 1) / step) * step;

    g.setStroke(new BasicStroke(2f));
    for (long tick = 0; tick <= scaleMax; tick += step) {
      int x = left + (int) ((right - left) * tick / scaleMax);
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(x, top, x, axis);
      g.setColor(Color.DARK_GRAY);
      String text = Long.toString(tick);
      g.drawString(text, x - metrics.stringWidth(text) / 2, axis + metrics.getAscent() + 6);
    }
    int slot = (axis - top) / bars.size();
    int thickness = Math.max(4, slot * 3 / 5);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = top + i * slot + (slot - thickness) / 2;
      int length = (int) ((right - left) * bar.count() / scaleMax);
      g.setColor(COLOURS.getOrDefault(bar.status(), Color.GRAY));
      g.fillRect(left, y, length, thickness);
      int baseline = y + (thickness + metrics.getAscent() - metrics.getDescent()) / 2;
      g.setColor(Color.BLACK);
      String label = fit(bar.label(), metrics, labelWidth);
      g.drawString(label, left - 20 - metrics.stringWidth(label), baseline);
      g.drawString(Long.toString(bar.count()), left + length + 10, baseline);
    }
    g.setColor(Color.BLACK);
    g.drawLine(left, top, left, axis);
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

  /** The label, shortened with an ellipsis when it is wider than the space for labels. */
  private static String fit(String label, FontMetrics metrics, int width) {
    if (metrics.stringWidth(label) <= width) {
      return label;
    }
    String shortened = label;
    while (!shortened.isEmpty() && metrics.stringWidth(shortened + "…") > width) {
      shortened = shortened.substring(0, shortened.length() - 1);
    }
    return shortened.strip() + "…";
  }

  private static Font loadFont() {
    try (InputStream in = ReportFonts.open(ReportFonts.REGULAR)) {
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(FONT_SIZE);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("The report font cannot be read", e);
    }
  }
}
