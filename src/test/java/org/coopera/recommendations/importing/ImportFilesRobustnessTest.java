package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Feeds thousands of damaged variants of every fixture to {@link ImportFiles#read}: bytes flipped,
 * files cut short, or both. Whatever the bytes, no exception may escape, and the answer says
 * something: rows, or at least one problem. The seed is fixed so a failure can be replayed.
 */
class ImportFilesRobustnessTest {

  private static final long SEED = 20_251_128L;

  private final ImportFiles files = new ImportFiles();

  private static Level poiLevel;
  private static Level importingLevel;

  /** POI logs every XML error it meets at ERROR; thousands of them say nothing here. */
  @BeforeAll
  static void quiet() {
    poiLevel = logger("org.apache.poi").getLevel();
    importingLevel = logger("org.coopera.recommendations.importing").getLevel();
    logger("org.apache.poi").setLevel(Level.OFF);
    logger("org.coopera.recommendations.importing").setLevel(Level.OFF);
  }

  @AfterAll
  static void restore() {
    logger("org.apache.poi").setLevel(poiLevel);
    logger("org.coopera.recommendations.importing").setLevel(importingLevel);
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @Test
  void noByteSequenceMakesTheReadThrow() {
    Map<String, byte[]> fixtures = new LinkedHashMap<>();
    fixtures.put("upr-info-defects.csv", ImportFixtures.fixture("upr-info-defects.csv"));
    fixtures.put("coopera-template.csv", ImportFixtures.fixture("coopera-template.csv"));
    fixtures.put("pdf-named.csv", ImportFixtures.fixture("pdf-named.csv"));
    fixtures.put("upr-info-legacy.xls", ImportFixtures.fixture("upr-info-legacy.xls"));
    fixtures.put("coopera-template.xlsx", ImportFixtures.fixture("coopera-template.xlsx"));
    fixtures.put("truncated.xlsx", ImportFixtures.fixture("truncated.xlsx"));
    fixtures.put("matrix.docx", OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34));
    Map<String, Integer> rounds =
        Map.of("upr-info-legacy.xls", 1000, "coopera-template.xlsx", 800, "matrix.docx", 400);

    Random random = new Random(SEED);
    int total = 0;
    for (Map.Entry<String, byte[]> fixture : fixtures.entrySet()) {
      int count = rounds.getOrDefault(fixture.getKey(), 1000);
      for (int i = 0; i < count; i++, total++) {
        byte[] mutant = mutate(fixture.getValue(), random);
        String what = fixture.getKey() + " mutant " + i;
        ImportFormat format = i % 4 == 0 ? ImportFormat.values()[i / 4 % 3] : null;
        assertThatCode(
                () -> {
                  ParsedFile file = files.read(fixture.getKey(), mutant, format);
                  assertThat(file).as(what).isNotNull();
                  assertThat(file.rows().isEmpty() && file.problems().isEmpty())
                      .as(what + " says nothing")
                      .isFalse();
                })
            .as(what)
            .doesNotThrowAnyException();
      }
    }
    assertThat(total).isGreaterThan(6000);
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    int kind = random.nextInt(3);
    if (kind != 1) {
      int flips = 1 + random.nextInt(8);
      for (int f = 0; f < flips; f++) {
        int at = random.nextInt(bytes.length);
        bytes[at] =
            (byte)
                (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ (1 << random.nextInt(8)));
      }
    }
    if (kind != 0) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }
    return bytes;
  }
}
