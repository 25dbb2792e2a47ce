package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {

  private final TextFeatures features = new TextFeatures();

  @Test
  void wordsAreLowerCasedStemmedAndStopWordsDropped() {
    assertThat(features.terms("Investigating the Allegations of Torture"))
        .containsExactly("investig", "alleg", "tortur", "investig alleg", "alleg tortur");
  }

  @Test
  void bigramsJoinWordsAcrossTheStopWordsBetweenThem() {
    assertThat(features.terms("Abolish the death penalty"))
        .contains("abolish death", "death penalti");
  }

  @Test
  void frenchAndSpanishTextsAreStemmedAsSuchAndAccentsFolded() {
    assertThat(features.terms("Abolir la peine de mort"))
        .containsExactly("aboli", "pein", "mort", "aboli pein", "pein mort");
    assertThat(features.terms("Garantizar la protección de los niños"))
        .contains("proteccion")
        .doesNotContain("la", "los");
    assertThat(features.terms("Mettre fin à la détention arbitraire")).contains("detention");
  }

  @Test
  void chineseBecomesCharacterBigramsAndRussianAndArabicWords() {
    assertThat(features.terms("废除死刑")).containsExactly("废除", "除死", "死刑");
    assertThat(features.terms("Отменить смертную казнь")).hasSize(5);
    assertThat(features.terms("إلغاء عقوبة الإعدام")).contains("عقوب");
  }

  @Test
  void aTreatyIsOneWordWhetherNamedOrAbbreviated() {
    List<String> acronym = features.terms("Ratify the OP-CAT");
    assertThat(acronym).containsExactly("ratifi", "unopcat", "ratifi unopcat");
    assertThat(
            features.terms(
                "Ratify the Optional Protocol to the Convention against Torture and Other Cruel,"
                    + " Inhuman or Degrading Treatment or Punishment"))
        .isEqualTo(acronym);
    assertThat(features.terms("Ratifier le Protocole facultatif à la Convention contre la torture"))
        .contains("unopcat");
    assertThat(features.terms("Ratify the Second Optional Protocol to the ICCPR"))
        .contains("unopiccpr2")
        .doesNotContain("uniccpr");
    assertThat(features.terms("Ratify OP-CRC-AC and the CRC")).contains("unopcrcac", "uncrc");
    assertThat(features.terms("the cat")).containsExactly("cat");
  }

  @Test
  void treatyWordsWeighMore() {
    assertThat(TextFeatures.emphasis("unopcat")).isEqualTo(TextFeatures.TREATY_EMPHASIS);
    assertThat(TextFeatures.emphasis("ratifi unopcat")).isEqualTo(1.0);
    assertThat(TextFeatures.emphasis("tortur")).isEqualTo(1.0);
  }

  @Test
  void noTextHasNoTerms() {
    assertThat(features.terms(null)).isEmpty();
    assertThat(features.terms("  ")).isEmpty();
    assertThat(features.terms("the of and")).isEmpty();
  }
}
