package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static final List<List<String>> CORPUS =
      List.of(
          List.of("tortur", "polic", "investig"),
          List.of("tortur", "prison"),
          List.of("death", "penalti", "abolish"),
          List.of("death", "penalti", "moratorium"));

  @Test
  void termsBelowTheMinimumDocumentFrequencyAreLeftOut() {
    Vocabulary vocabulary = Vocabulary.build(CORPUS, 2);
    assertThat(vocabulary.size()).isEqualTo(3);
    assertThat(vocabulary.id("death")).isEqualTo(0);
    assertThat(vocabulary.id("penalti")).isEqualTo(1);
    assertThat(vocabulary.id("tortur")).isEqualTo(2);
    assertThat(vocabulary.id("prison")).isEqualTo(-1);
    assertThat(vocabulary.documentCount()).isEqualTo(4);
  }

  @Test
  void rarerTermsWeighMore() {
    Vocabulary vocabulary = Vocabulary.build(CORPUS, 1);
    assertThat(vocabulary.idf(vocabulary.id("prison")))
        .isGreaterThan(vocabulary.idf(vocabulary.id("tortur")));
  }

  @Test
  void vectorsHaveUnitLengthAndTheirCosineIsTheirDotProduct() {
    Vocabulary vocabulary = Vocabulary.build(CORPUS, 1);
    SparseVector a = vocabulary.vector(List.of("death", "penalti", "abolish", "abolish"));
    SparseVector b = vocabulary.vector(List.of("death", "penalti", "moratorium"));
    SparseVector c = vocabulary.vector(List.of("tortur", "prison"));
    assertThat(a.norm()).isCloseTo(1.0, within(1e-6));
    assertThat(a.dot(a)).isCloseTo(1.0, within(1e-6));
    assertThat(a.dot(b)).isBetween(0.1, 0.9).isCloseTo(b.dot(a), within(1e-9));
    assertThat(a.dot(c)).isZero();
  }

  @Test
  void unknownTermsCountInTheLengthButGetNoEntry() {
    Vocabulary vocabulary = Vocabulary.build(CORPUS, 1);
    SparseVector known = vocabulary.vector(List.of("tortur"));
    SparseVector mixed = vocabulary.vector(List.of("tortur", "bridg", "road"));
    assertThat(mixed.size()).isEqualTo(1);
    assertThat(mixed.weight(0)).isLessThan(known.weight(0));
    assertThat(vocabulary.vector(List.of("bridg"))).isSameAs(SparseVector.EMPTY);
  }

  @Test
  void aLongVectorIsSearchedAsAMergeWouldFindIt() {
    int[] ids = new int[100];
    float[] weights = new float[100];
    for (int i = 0; i < 100; i++) {
      ids[i] = 2 * i;
      weights[i] = i;
    }
    SparseVector longer = new SparseVector(ids, weights);
    SparseVector shorter = new SparseVector(new int[] {4, 5, 198}, new float[] {1, 1, 2});
    assertThat(shorter.dot(longer)).isEqualTo(2.0 + 99 * 2);
    assertThat(longer.dot(shorter)).isEqualTo(2.0 + 99 * 2);
    SparseVector sum = shorter.plus(longer);
    assertThat(sum.size()).isEqualTo(101);
    assertThat(sum.dot(new SparseVector(new int[] {4, 5}, new float[] {1, 1}))).isEqualTo(4.0);
    assertThat(shorter.times(2).dot(shorter)).isEqualTo(12.0);
  }
}
