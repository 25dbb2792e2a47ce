package org.coopera.implementation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.coopera.implementation.ImplementationStatus;
import org.junit.jupiter.api.Test;

class StatusChartTest {

  @Test
  void drawsAPngOfTheStatedSizeWithABarPerStatus() throws IOException {
    byte[] png =
        StatusChart.png(
            List.of(
                new StatusChart.Bar(ImplementationStatus.NOT_STARTED, "Non commencée", 3),
                new StatusChart.Bar(ImplementationStatus.IN_PROGRESS, "En cours", 0),
                new StatusChart.Bar(
                    ImplementationStatus.PARTIALLY_IMPLEMENTED, "Partiellement mise en œuvre", 12),
                new StatusChart.Bar(
                    ImplementationStatus.FULLY_IMPLEMENTED, "Pleinement mise en œuvre", 7),
                new StatusChart.Bar(
                    ImplementationStatus.NOT_IMPLEMENTABLE, "Impossible à mettre en œuvre", 1)),
            false,
            Long::toString);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(StatusChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(StatusChart.HEIGHT);
    assertThat(pixels(image, 0x2E7D32)).as("the fully implemented bar").isGreaterThan(1000);
    assertThat(pixels(image, 0xE69F00))
        .as("the partly implemented bar, longer than the fully implemented one")
        .isGreaterThan(pixels(image, 0x2E7D32));
    assertThat(pixels(image, 0x1F6FB4)).as("no bar for a count of zero").isZero();
  }

  @Test
  void drawsAnEmptyChartWithoutBars() throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(StatusChart.png(List.of(), false, Long::toString)));

    assertThat(image.getWidth()).isEqualTo(StatusChart.WIDTH);
  }

  private static int pixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
