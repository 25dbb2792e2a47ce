package org.coopera.recommendations.internal;

import java.util.Arrays;

/**
 * A sparse vector of term weights: term ids in ascending order and their weights, in two primitive
 * arrays. A vector of {@code n} non-zero entries costs {@code 56 + 8n} bytes on a 64-bit JVM with
 * compressed references (this object 24, each array a 16-byte header plus 4 bytes an entry); a
 * recommendation has about 25 to 35 entries (unigrams and bigrams), so a million of them take
 * roughly 300 MB.
 *
 * <p>The arrays are not copied: whoever builds a vector hands them over and nobody changes them
 * afterwards, which makes vectors immutable in practice and safe to share between threads.
 */
final class SparseVector {

  static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  private final int[] ids;
  private final float[] weights;

  /**
   * @param ids term ids, strictly ascending; handed over, not copied
   * @param weights the weight of each id, same length; handed over, not copied
   */
  SparseVector(int[] ids, float[] weights) {
    if (ids.length != weights.length) {
      throw new IllegalArgumentException("ids and weights differ in length");
    }
    this.ids = ids;
    this.weights = weights;
  }

  /** The number of non-zero entries. */
  int size() {
    return ids.length;
  }

  boolean isEmpty() {
    return ids.length == 0;
  }

  /** The term id of entry {@code i} (entries are in ascending id order). */
  int id(int i) {
    return ids[i];
  }

  /** The weight of entry {@code i}. */
  float weight(int i) {
    return weights[i];
  }

  /**
   * The dot product; for L2-normalised vectors this is the cosine similarity. Merges the two sorted
   * id lists, or looks the shorter vector's ids up in the longer one when that is much longer (a
   * text against a cluster's sum).
   */
  double dot(SparseVector other) {
    if (ids.length * 8 < other.ids.length) {
      return lookUpIn(other);
    }
    if (other.ids.length * 8 < ids.length) {
      return other.lookUpIn(this);
    }
    int[] a = ids;
    int[] b = other.ids;
    int i = 0;
    int j = 0;
    double sum = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        sum += (double) weights[i++] * other.weights[j++];
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  private double lookUpIn(SparseVector longer) {
    double sum = 0;
    int from = 0;
    for (int i = 0; i < ids.length && from < longer.ids.length; i++) {
      int at = Arrays.binarySearch(longer.ids, from, longer.ids.length, ids[i]);
      if (at >= 0) {
        sum += (double) weights[i] * longer.weights[at];
        from = at + 1;
      } else {
        from = -at - 1;
      }
    }
    return sum;
  }

  /** This vector multiplied by a factor. */
  SparseVector times(double factor) {
    float[] scaled = new float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      scaled[i] = (float) (weights[i] * factor);
    }
    return new SparseVector(ids, scaled);
  }

  /** The sum of the two vectors. */
  SparseVector plus(SparseVector other) {
    int[] a = ids;
    int[] b = other.ids;
    int[] sumIds = new int[a.length + b.length];
    float[] sumWeights = new float[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        sumIds[n] = a[i];
        sumWeights[n++] = weights[i++];
      } else if (i == a.length || b[j] < a[i]) {
        sumIds[n] = b[j];
        sumWeights[n++] = other.weights[j++];
      } else {
        sumIds[n] = a[i];
        sumWeights[n++] = weights[i++] + other.weights[j++];
      }
    }
    return new SparseVector(Arrays.copyOf(sumIds, n), Arrays.copyOf(sumWeights, n));
  }

  /** The Euclidean norm. */
  double norm() {
    double sum = 0;
    for (float w : weights) {
      sum += (double) w * w;
    }
    return Math.sqrt(sum);
  }

  /** The bytes this vector occupies on the heap (see the class comment). */
  long heapBytes() {
    return 24 + 2 * (16 + 4L * ids.length);
  }
}
