package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terms of a corpus that occur in at least a minimum number of its documents, each with an id
 * (ids follow the terms' alphabetical order, so the same corpus always gives the same ids) and an
 * inverse document frequency. Turns a document's terms into a TF-IDF vector: sublinear term
 * frequency {@code 1 + ln tf}, smoothed {@code idf = ln((1 + N) / (1 + df)) + 1} times the term's
 * {@linkplain TextFeatures#emphasis emphasis}, L2-normalised. Terms outside the vocabulary get no
 * entry but count in the norm. Immutable and thread-safe.
 */
final class Vocabulary {

  private final Map<String, Integer> ids;
  private final float[] idf;
  private final int documentCount;

  private Vocabulary(Map<String, Integer> ids, float[] idf, int documentCount) {
    this.ids = ids;
    this.idf = idf;
    this.documentCount = documentCount;
  }

  /**
   * Counts in how many documents each term occurs and keeps those that occur in at least {@code
   * minDocumentFrequency} of them.
   *
   * @param documents each document's terms, as {@link TextFeatures#terms} gives them
   * @param minDocumentFrequency at least 1
   */
  static Vocabulary build(List<List<String>> documents, int minDocumentFrequency) {
    if (minDocumentFrequency < 1) {
      throw new IllegalArgumentException("minimum document frequency below 1");
    }
    Map<String, int[]> frequencies = new HashMap<>();
    for (List<String> terms : documents) {
      for (String term : new HashSet<>(terms)) {
        frequencies.computeIfAbsent(term, t -> new int[1])[0]++;
      }
    }
    TreeMap<String, Integer> kept = new TreeMap<>();
    frequencies.forEach(
        (term, df) -> {
          if (df[0] >= minDocumentFrequency) {
            kept.put(term, df[0]);
          }
        });
    Map<String, Integer> ids = new HashMap<>(kept.size() * 2);
    float[] idf = new float[kept.size()];
    int n = documents.size();
    for (Map.Entry<String, Integer> entry : kept.entrySet()) {
      int id = ids.size();
      ids.put(entry.getKey(), id);
      double emphasis = TextFeatures.emphasis(entry.getKey());
      idf[id] = (float) (emphasis * (Math.log((1.0 + n) / (1.0 + entry.getValue())) + 1.0));
    }
    return new Vocabulary(Map.copyOf(ids), idf, n);
  }

  /** The number of terms kept. */
  int size() {
    return idf.length;
  }

  /** The number of documents the vocabulary was built from. */
  int documentCount() {
    return documentCount;
  }

  /** The term's id, or -1 when the term is not in the vocabulary. */
  int id(String term) {
    Integer id = ids.get(term);
    return id == null ? -1 : id;
  }

  /** The inverse document frequency of the term with this id, times its emphasis. */
  float idf(int id) {
    return idf[id];
  }

  /**
   * The TF-IDF vector of a document's terms, normalised to unit length over all its terms: known
   * ones and unknown ones alike (an unknown term weighs as a term seen in one document would), so
   * that the known terms of a text made mostly of unknown words carry little weight, just as in a
   * cosine against any vector of the vocabulary. Empty when no term is known.
   */
  SparseVector vector(List<String> terms) {
    int[] known = new int[terms.size()];
    int count = 0;
    List<String> unknown = new ArrayList<>();
    for (String term : terms) {
      Integer id = ids.get(term);
      if (id != null) {
        known[count++] = id;
      } else {
        unknown.add(term);
      }
    }
    if (count == 0) {
      return SparseVector.EMPTY;
    }
    Arrays.sort(known, 0, count);
    int[] vectorIds = new int[count];
    float[] weights = new float[count];
    int size = 0;
    double norm = 0;
    for (int i = 0; i < count; ) {
      int j = i;
      while (j < count && known[j] == known[i]) {
        j++;
      }
      vectorIds[size] = known[i];
      weights[size] = (float) ((1.0 + Math.log(j - i)) * idf[known[i]]);
      norm += (double) weights[size] * weights[size];
      size++;
      i = j;
    }
    norm += unknownWeight(unknown);
    float scale = (float) (1.0 / Math.sqrt(norm));
    for (int i = 0; i < size; i++) {
      weights[i] *= scale;
    }
    return new SparseVector(Arrays.copyOf(vectorIds, size), Arrays.copyOf(weights, size));
  }

  /** The squared weights of the unknown terms, as if each occurred in one document. */
  private double unknownWeight(List<String> unknown) {
    if (unknown.isEmpty()) {
      return 0;
    }
    Collections.sort(unknown);
    double idfOfOne = Math.log((1.0 + documentCount) / 2.0) + 1.0;
    double sum = 0;
    for (int i = 0; i < unknown.size(); ) {
      int j = i;
      while (j < unknown.size() && unknown.get(j).equals(unknown.get(i))) {
        j++;
      }
      double weight = (1.0 + Math.log(j - i)) * idfOfOne * TextFeatures.emphasis(unknown.get(i));
      sum += weight * weight;
      i = j;
    }
    return sum;
  }
}
