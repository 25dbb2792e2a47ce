package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Suggests labels for a text, learned from texts that people have already labelled.
 *
 * <p>The method: TF-IDF vectors of word unigrams and bigrams ({@link TextFeatures}, {@link
 * Vocabulary}), one-vs-rest logistic regression over them ({@link LogisticModel}), and a monotone
 * calibration of its scores fitted on held-out predictions ({@link Calibration}): the examples are
 * cut into consecutive folds, each fold is scored by a model trained on the others, and the share
 * of right labels at each score becomes the confidence. On the UPR Info export (train on sessions
 * 1–9, test on 10–13) this beat a similarity-weighted k-nearest-neighbour vote and a blend of the
 * two; see {@code BENCHMARKS.md}.
 *
 * <p>Training is a pure function of the examples, their order and the settings (fixed seeds; the
 * folds are trained in parallel but each on its own), so confirmed labels can simply be added and
 * the suggester trained again. The trained suggester is immutable and safe to share between
 * threads.
 */
final class TagSuggester {

  /** Suggestions below this confidence are not shown. */
  static final double DISPLAY_THRESHOLD = 0.4;

  /** At most this many suggestions are shown for one text. */
  static final int DISPLAY_LIMIT = 5;

  /** Suggestions below this confidence are never returned. */
  private static final double FLOOR = 0.01;

  private final TextFeatures features;
  private final Vocabulary vocabulary;
  private final List<String> labels;
  private final LogisticModel model;
  private final Calibration calibration;

  private TagSuggester(
      TextFeatures features,
      Vocabulary vocabulary,
      List<String> labels,
      LogisticModel model,
      Calibration calibration) {
    this.features = features;
    this.vocabulary = vocabulary;
    this.labels = labels;
    this.model = model;
    this.calibration = calibration;
  }

  /** Trains with the {@linkplain Settings#DEFAULT default settings}. */
  static TagSuggester train(List<TaggedText> examples) {
    return train(examples, Settings.DEFAULT);
  }

  /** Trains on the examples; the same examples in the same order give the same suggester. */
  static TagSuggester train(List<TaggedText> examples, Settings settings) {
    TextFeatures features = new TextFeatures();
    List<List<String>> terms =
        examples.parallelStream().map(example -> features.terms(example.text())).toList();
    Vocabulary vocabulary = Vocabulary.build(terms, settings.minDocumentFrequency());
    List<SparseVector> vectors = terms.parallelStream().map(vocabulary::vector).toList();
    TreeSet<String> labelSet = new TreeSet<>();
    examples.forEach(example -> labelSet.addAll(example.labels()));
    List<String> labels = List.copyOf(labelSet);
    List<int[]> exampleLabels = new ArrayList<>(examples.size());
    for (TaggedText example : examples) {
      exampleLabels.add(
          example.labels().stream()
              .mapToInt(label -> Collections.binarySearch(labels, label))
              .sorted()
              .toArray());
    }
    TagTraining training =
        new TagTraining(vectors, exampleLabels, labels.size(), vocabulary.size(), settings);
    return new TagSuggester(
        features, vocabulary, labels, training.model(-1), training.calibration());
  }

  /**
   * Up to {@code max} labels for the text, most confident first (ties in label order); labels with
   * a confidence under 0.01 are left out, and a text without any known term gets none.
   */
  List<Suggestion> suggest(String text, int max) {
    SparseVector vector = vocabulary.vector(features.terms(text));
    if (vector.isEmpty() || labels.isEmpty() || max <= 0) {
      return List.of();
    }
    double[] scores = new double[labels.size()];
    model.probabilities(vector, scores);
    List<Integer> order = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      if (calibration.apply(scores[l]) >= FLOOR) {
        order.add(l);
      }
    }
    order.sort(Comparator.comparingDouble((Integer l) -> -scores[l]).thenComparing(labels::get));
    List<Suggestion> suggestions = new ArrayList<>();
    for (int l : order.subList(0, Math.min(max, order.size()))) {
      suggestions.add(new Suggestion(labels.get(l), calibration.apply(scores[l])));
    }
    return suggestions;
  }

  /**
   * The suggestions to show a person: confidence at least {@link #DISPLAY_THRESHOLD}, at most
   * {@link #DISPLAY_LIMIT}, most confident first. Empty when the suggester has nothing worth
   * showing (it abstains).
   */
  List<Suggestion> suggestionsToShow(String text) {
    return suggest(text, DISPLAY_LIMIT).stream()
        .filter(suggestion -> suggestion.confidence() >= DISPLAY_THRESHOLD)
        .toList();
  }

  /** The labels seen in training, in alphabetical order. */
  List<String> labels() {
    return labels;
  }

  /**
   * An estimate of the heap the trained suggester holds, in bytes: the model's weights plus about
   * 120 bytes a vocabulary term.
   */
  long heapBytes() {
    return model.heapBytes() + 120L * vocabulary.size();
  }

  /**
   * How the suggester learns. The defaults were chosen on the UPR Info benchmark.
   *
   * @param minDocumentFrequency terms in fewer training texts are ignored
   * @param prior the strength of the logistic regression's L2 regularisation over the whole
   *     training set: per example it is {@code prior / n}, so that a small training set is held
   *     back more (a Gaussian prior on the weights), a large one less
   * @param epochs the logistic regression's passes over the examples
   * @param seed the seed of the logistic regression's shuffles
   * @param calibrationFolds the number of folds for fitting the calibration; with fewer than 2, or
   *     fewer than 10 examples a fold, scores are left uncalibrated
   */
  record Settings(
      int minDocumentFrequency, double prior, int epochs, long seed, int calibrationFolds) {

    static final Settings DEFAULT = new Settings(2, 0.05, 20, 20260101L, 5);
  }
}
