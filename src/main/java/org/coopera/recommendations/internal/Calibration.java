package org.coopera.recommendations.internal;

import java.util.Arrays;

/**
 * A monotone map from a model's raw score to the share of right answers at that score, fitted by
 * isotonic regression (pool-adjacent-violators, equal scores pooled from the start) on held-out
 * predictions, and read by linear interpolation between the mean scores of the fitted blocks. Each
 * block's rate is smoothed as {@code (right + 0.5) / (n + 1)}. Immutable and thread-safe.
 */
final class Calibration {

  /** Leaves scores as they are: for models trained on too few examples to calibrate. */
  static final Calibration IDENTITY = new Calibration(new double[] {0, 1}, new double[] {0, 1});

  private final double[] scores;
  private final double[] rates;

  private Calibration(double[] scores, double[] rates) {
    this.scores = scores;
    this.rates = rates;
  }

  /**
   * Fits the map.
   *
   * @param scores held-out raw scores
   * @param right whether each prediction was right; same length
   * @param count how many of the entries to use
   */
  static Calibration fit(double[] scores, boolean[] right, int count) {
    double[] sorted = Arrays.copyOf(scores, count);
    Arrays.sort(sorted);
    int nextRight = 0;
    double[] rightSorted = rightScores(scores, right, count);
    double[] blockScore = new double[count];
    double[] blockRight = new double[count];
    double[] blockSize = new double[count];
    int blocks = 0;
    for (int i = 0; i < count; ) {
      int j = i;
      while (j < count && sorted[j] == sorted[i]) {
        j++;
      }
      int rightHere = 0;
      while (nextRight < rightSorted.length && rightSorted[nextRight] == sorted[i]) {
        nextRight++;
        rightHere++;
      }
      blockScore[blocks] = sorted[i] * (j - i);
      blockRight[blocks] = rightHere;
      blockSize[blocks] = j - i;
      blocks++;
      i = j;
      while (blocks > 1
          && blockRight[blocks - 2] / blockSize[blocks - 2]
              >= blockRight[blocks - 1] / blockSize[blocks - 1]) {
        blocks--;
        blockScore[blocks - 1] += blockScore[blocks];
        blockRight[blocks - 1] += blockRight[blocks];
        blockSize[blocks - 1] += blockSize[blocks];
      }
    }
    double[] knots = new double[blocks];
    double[] rates = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      knots[b] = blockScore[b] / blockSize[b];
      rates[b] = (blockRight[b] + 0.5) / (blockSize[b] + 1);
    }
    return blocks < 2 ? IDENTITY : new Calibration(knots, rates);
  }

  /** The scores of the right predictions, sorted. */
  private static double[] rightScores(double[] scores, boolean[] right, int count) {
    int n = 0;
    double[] result = new double[count];
    for (int i = 0; i < count; i++) {
      if (right[i]) {
        result[n++] = scores[i];
      }
    }
    result = Arrays.copyOf(result, n);
    Arrays.sort(result);
    return result;
  }

  /** The calibrated confidence of a raw score, between 0 and 1. */
  double apply(double score) {
    int i = Arrays.binarySearch(scores, score);
    if (i >= 0) {
      return rates[i];
    }
    int above = -i - 1;
    if (above == 0) {
      return rates[0];
    }
    if (above == scores.length) {
      return rates[scores.length - 1];
    }
    double x0 = scores[above - 1];
    double x1 = scores[above];
    if (x1 == x0) {
      return rates[above];
    }
    double t = (score - x0) / (x1 - x0);
    return rates[above - 1] + t * (rates[above] - rates[above - 1]);
  }

  /** The number of knots. */
  int size() {
    return scores.length;
  }
}
