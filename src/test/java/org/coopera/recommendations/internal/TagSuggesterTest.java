package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopera.recommendations.internal.RecommendationExamples.CHILDREN;
import static org.coopera.recommendations.internal.RecommendationExamples.DEATH_PENALTY;
import static org.coopera.recommendations.internal.RecommendationExamples.TORTURE;
import static org.coopera.recommendations.internal.RecommendationExamples.WOMEN;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TagSuggesterTest {

  private static final TagSuggester SUGGESTER = TagSuggester.train(RecommendationExamples.all());

  @Test
  void aClearCaseGetsItsThemeFirstAndShown() {
    assertThat(top("Investigate allegations of torture in prisons and prosecute the perpetrators"))
        .isEqualTo(TORTURE);
    assertThat(top("Adopt a law to combat domestic violence against women")).isEqualTo(WOMEN);
    assertThat(top("Prohibit corporal punishment of children at home and in schools"))
        .isEqualTo(CHILDREN);
    assertThat(top("Abolish the death penalty and commute all death sentences"))
        .isEqualTo(DEATH_PENALTY);
    assertThat(SUGGESTER.suggestionsToShow("Halt executions and abolish the death penalty"))
        .extracting(Suggestion::label)
        .containsExactly(DEATH_PENALTY);
  }

  @Test
  void aFrenchRecommendationIsRecognised() {
    assertThat(top("Abolir la peine de mort")).isEqualTo(DEATH_PENALTY);
    assertThat(top("Enquêter sur les allégations de torture")).isEqualTo(TORTURE);
  }

  @Test
  void suggestionsComeMostConfidentFirstWithConfidencesBetweenZeroAndOne() {
    List<Suggestion> suggestions =
        SUGGESTER.suggest("Protect children from torture in detention", 4);
    assertThat(suggestions).hasSizeBetween(2, 4);
    assertThat(suggestions)
        .extracting(Suggestion::confidence)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a))
        .allSatisfy(confidence -> assertThat(confidence).isBetween(0.0, 1.0));
    assertThat(suggestions.get(0).confidence())
        .isGreaterThan(suggestions.get(suggestions.size() - 1).confidence());
    assertThat(suggestions).extracting(Suggestion::label).contains(CHILDREN, TORTURE);
  }

  @Test
  void aTextAboutSomethingElseGetsNothingShown() {
    assertThat(SUGGESTER.suggestionsToShow("Improve the road network and repair rural bridges"))
        .isEmpty();
    assertThat(SUGGESTER.suggestionsToShow("Ensure that the national budget is published on time"))
        .isEmpty();
  }

  @Test
  void atMostTheLimitIsShownAndNeverBelowTheThreshold() {
    List<Suggestion> shown =
        SUGGESTER.suggestionsToShow(
            "Abolish the death penalty for children, end torture and violence against women");
    assertThat(shown).hasSizeLessThanOrEqualTo(TagSuggester.DISPLAY_LIMIT);
    assertThat(shown)
        .allSatisfy(
            s -> assertThat(s.confidence()).isGreaterThanOrEqualTo(TagSuggester.DISPLAY_THRESHOLD));
  }

  @Test
  void trainingTwiceOnTheSameExamplesGivesTheSameSuggestions() {
    TagSuggester again = TagSuggester.train(RecommendationExamples.all());
    for (TaggedText example : RecommendationExamples.all()) {
      assertThat(again.suggest(example.text(), 10))
          .isEqualTo(SUGGESTER.suggest(example.text(), 10));
    }
  }

  @Test
  void aTrainedSuggesterAnswersManyThreadsAlike() throws Exception {
    String text = "Investigate torture by the police";
    List<Suggestion> expected = SUGGESTER.suggest(text, 5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Suggestion>>> answers =
          pool.invokeAll(java.util.Collections.nCopies(32, () -> SUGGESTER.suggest(text, 5)));
      for (Future<List<Suggestion>> answer : answers) {
        assertThat(answer.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void chineseTextAndEmptyInputDoNotBreakIt() {
    assertThat(SUGGESTER.suggest("废除死刑", 5)).isEmpty();
    assertThat(SUGGESTER.suggest("", 5)).isEmpty();
    assertThat(SUGGESTER.suggest(null, 5)).isEmpty();
    assertThat(SUGGESTER.suggest("Abolish the death penalty", 0)).isEmpty();

    TagSuggester untrained = TagSuggester.train(List.of());
    assertThat(untrained.suggest("Abolish the death penalty", 5)).isEmpty();
    assertThat(untrained.labels()).isEmpty();

    TagSuggester chinese =
        TagSuggester.train(
            List.of(
                new TaggedText("废除死刑", java.util.Set.of(DEATH_PENALTY)),
                new TaggedText("立即废除死刑", java.util.Set.of(DEATH_PENALTY)),
                new TaggedText("禁止酷刑", java.util.Set.of(TORTURE)),
                new TaggedText("调查所有酷刑指控", java.util.Set.of(TORTURE))));
    assertThat(chinese.suggest("全面废除死刑", 1))
        .extracting(Suggestion::label)
        .containsExactly(DEATH_PENALTY);
  }

  private static String top(String text) {
    List<Suggestion> suggestions = SUGGESTER.suggest(text, 1);
    assertThat(suggestions).as("suggestions for %s", text).isNotEmpty();
    return suggestions.get(0).label();
  }
}
