package org.coopera.recommendations.internal;

import java.util.Set;

/**
 * A text with the labels a person gave or confirmed: one training example of the {@link
 * TagSuggester}.
 *
 * @param text the recommendation's text
 * @param labels opaque labels such as {@code theme:D51}, {@code sdg:16.3} or {@code group:children}
 */
record TaggedText(String text, Set<String> labels) {

  TaggedText {
    text = text == null ? "" : text;
    labels = Set.copyOf(labels);
  }
}
