package org.coopera.recommendations.internal;

import java.util.Arrays;
import java.util.List;

/**
 * An inverted index over L2-normalised sparse vectors that finds the documents similar to a query
 * (cosine similarity), touching only the documents that share a term with the query. Postings are
 * kept in three primitive arrays (compressed sparse columns): 8 bytes for each non-zero entry of
 * each indexed vector, plus 4 bytes a term. Immutable and thread-safe.
 */
final class NeighbourIndex {

  private final int documentCount;
  private final int[] start;
  private final int[] documents;
  private final float[] weights;

  private NeighbourIndex(int documentCount, int[] start, int[] documents, float[] weights) {
    this.documentCount = documentCount;
    this.start = start;
    this.documents = documents;
    this.weights = weights;
  }

  /**
   * Indexes the vectors; a document's number is its position in the list.
   *
   * @param termCount one more than the largest term id in any vector
   */
  static NeighbourIndex build(List<SparseVector> vectors, int termCount) {
    int[] start = new int[termCount + 1];
    for (SparseVector vector : vectors) {
      for (int i = 0; i < vector.size(); i++) {
        start[vector.id(i) + 1]++;
      }
    }
    for (int t = 0; t < termCount; t++) {
      start[t + 1] += start[t];
    }
    int[] next = start.clone();
    int[] documents = new int[start[termCount]];
    float[] weights = new float[start[termCount]];
    for (int d = 0; d < vectors.size(); d++) {
      SparseVector vector = vectors.get(d);
      for (int i = 0; i < vector.size(); i++) {
        int slot = next[vector.id(i)]++;
        documents[slot] = d;
        weights[slot] = vector.weight(i);
      }
    }
    return new NeighbourIndex(vectors.size(), start, documents, weights);
  }

  /**
   * The documents numbered above {@code after} whose similarity to the query is at least {@code
   * minSimilarity}, in ascending document order.
   */
  Neighbours atLeast(SparseVector query, double minSimilarity, int after) {
    Scores scores = score(query);
    int[] found = new int[scores.touchedCount()];
    int count = 0;
    for (int i = 0; i < scores.touchedCount(); i++) {
      int d = scores.touched()[i];
      if (d > after && scores.values()[d] >= minSimilarity) {
        found[count++] = d;
      }
    }
    Arrays.sort(found, 0, count);
    float[] similarities = new float[count];
    for (int i = 0; i < count; i++) {
      similarities[i] = scores.values()[found[i]];
    }
    return new Neighbours(Arrays.copyOf(found, count), similarities);
  }

  /** Accumulates the query's dot product with every document that shares a term with it. */
  private Scores score(SparseVector query) {
    float[] values = new float[documentCount];
    int[] touched = new int[Math.min(documentCount, 1024)];
    int touchedCount = 0;
    for (int i = 0; i < query.size(); i++) {
      int term = query.id(i);
      if (term >= start.length - 1) {
        continue;
      }
      float q = query.weight(i);
      for (int p = start[term]; p < start[term + 1]; p++) {
        int d = documents[p];
        if (values[d] == 0) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, Math.min(documentCount, touchedCount * 2));
          }
          touched[touchedCount++] = d;
        }
        values[d] += q * weights[p];
      }
    }
    return new Scores(values, touched, touchedCount);
  }

  /** Dot products by document number, and which documents have one. */
  private record Scores(float[] values, int[] touched, int touchedCount) {}

  /**
   * Documents found similar to a query, in ascending document order.
   *
   * @param documents document numbers
   * @param similarities their cosine similarity to the query
   */
  record Neighbours(int[] documents, float[] similarities) {

    int size() {
      return documents.length;
    }
  }
}
