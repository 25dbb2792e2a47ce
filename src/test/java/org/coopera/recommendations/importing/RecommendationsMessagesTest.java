package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every problem the parsers can report, and every text of the template, has its messages. */
class RecommendationsMessagesTest {

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        "i18n/recommendations",
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  @Test
  void everyProblemHasAnEnglishAndAFrenchMessage() {
    for (Locale locale : new Locale[] {Locale.ROOT, Locale.FRENCH}) {
      ResourceBundle messages = bundle(locale);
      for (Problem problem : Problem.values()) {
        assertThat(problem.key()).startsWith("import.problem.");
        assertThat(messages.containsKey(problem.key()))
            .as(problem.key() + " in " + locale)
            .isTrue();
      }
    }
    assertThat(bundle(Locale.FRENCH).getString(Problem.EMPTY.key()))
        .isEqualTo("Le fichier {0} est vide.");
  }

  @Test
  void everyTemplateColumnIsExplained() {
    for (Locale locale : new Locale[] {Locale.ROOT, Locale.FRENCH}) {
      ResourceBundle messages = bundle(locale);
      for (String column : CooperaTemplate.COLUMNS) {
        assertThat(messages.containsKey("import.template.column." + column)).isTrue();
      }
    }
  }
}
