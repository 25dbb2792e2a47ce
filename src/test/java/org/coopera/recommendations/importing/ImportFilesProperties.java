package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.coopera.FileMutations;
import org.coopera.FileMutations.Mutation;
import org.slf4j.LoggerFactory;

/**
 * Each import format, from a valid sample, damaged by {@link FileMutations} (bytes flipped,
 * inserted, deleted, the file cut short, a part of the ZIP container changed, hostile text, another
 * encoding) and read by {@link ImportFiles}, with or without the format chosen: no exception
 * escapes, the answer says something (rows or problems), and every problem is a message that the
 * bundle holds. 1,150 tries in all, with fixed seeds.
 */
class ImportFilesProperties {

  private static final Properties MESSAGES = FileMutations.messages("i18n/recommendations");

  private static Level poiLevel;
  private static Level importingLevel;

  private final ImportFiles files = new ImportFiles();

  @BeforeContainer
  static void quiet() {
    poiLevel = logger("org.apache.poi").getLevel();
    importingLevel = logger("org.coopera.recommendations.importing").getLevel();
    logger("org.apache.poi").setLevel(Level.OFF);
    logger("org.coopera.recommendations.importing").setLevel(Level.OFF);
  }

  @AfterContainer
  static void restore() {
    logger("org.apache.poi").setLevel(poiLevel);
    logger("org.coopera.recommendations.importing").setLevel(importingLevel);
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @Provide
  Arbitrary<List<Mutation>> damage() {
    return FileMutations.mutations();
  }

  @Provide
  Arbitrary<ImportFormat> chosen() {
    return Arbitraries.of(ImportFormat.class).injectNull(0.5);
  }

  @Property(tries = 300, seed = "1101")
  void theCooperaTemplateAsCsv(
      @ForAll("damage") List<Mutation> damage, @ForAll("chosen") ImportFormat format) {
    check("coopera-template.csv", ImportFixtures.fixture("coopera-template.csv"), damage, format);
  }

  @Property(tries = 250, seed = "1102")
  void theCooperaTemplateAsXlsx(
      @ForAll("damage") List<Mutation> damage, @ForAll("chosen") ImportFormat format) {
    check("coopera-template.xlsx", ImportFixtures.fixture("coopera-template.xlsx"), damage, format);
  }

  @Property(tries = 250, seed = "1103")
  void aUprInfoCsv(@ForAll("damage") List<Mutation> damage, @ForAll("chosen") ImportFormat format) {
    check("upr-info.csv", ImportFixtures.fixture("upr-info-defects.csv"), damage, format);
  }

  @Property(tries = 250, seed = "1104")
  void aUprInfoXls(@ForAll("damage") List<Mutation> damage, @ForAll("chosen") ImportFormat format) {
    check("upr-info.xls", ImportFixtures.fixture("upr-info-legacy.xls"), damage, format);
  }

  @Property(tries = 100, seed = "1105")
  void anOhchrMatrix(
      @ForAll("damage") List<Mutation> damage, @ForAll("chosen") ImportFormat format) {
    check(
        "matrix.docx",
        OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34),
        damage,
        format);
  }

  private void check(String name, byte[] sample, List<Mutation> damage, ImportFormat format) {
    byte[] mutant = FileMutations.apply(sample, damage);
    ParsedFile file = files.read(name, mutant, format);
    assertThat(file).isNotNull();
    assertThat(file.rows().isEmpty() && file.problems().isEmpty()).as("says nothing").isFalse();
    for (FileProblem problem : file.problems()) {
      assertThat(MESSAGES).containsKey(problem.messageKey());
    }
  }
}
