package org.coopera.recommendations.internal;

/**
 * A label the {@link TagSuggester} proposes for a text.
 *
 * @param label the label, as given in training
 * @param confidence between 0 and 1: the share of suggestions at this confidence that were right on
 *     held-out texts (see {@code BENCHMARKS.md})
 */
record Suggestion(String label, double confidence) {

  Suggestion {
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence outside 0..1: " + confidence);
    }
  }
}
