package org.coopera.recommendations.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One-vs-rest logistic regression over sparse TF-IDF vectors: for each label, the probability that
 * a text carries it. All labels are trained together by stochastic gradient descent on the L2-
 * regularised log loss (learning rate {@code 1 / (λ (t + t0))}, Bottou's schedule; the shared
 * regularisation is applied lazily through one scale factor), visiting the examples in an order
 * shuffled by a fixed seed, so that the same examples always give the same model.
 *
 * <p>Weights are dense: {@code 4 × terms × labels} bytes (40,000 terms and 60 labels: 9.6 MB;
 * 100,000 terms and 300 labels: 120 MB). Immutable and thread-safe once trained.
 */
final class LogisticModel {

  private final int labelCount;
  private final float[] weights;
  private final float[] bias;

  private LogisticModel(int labelCount, float[] weights, float[] bias) {
    this.labelCount = labelCount;
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * Trains on the examples.
   *
   * @param vectors the examples' TF-IDF vectors (length at most 1)
   * @param labels each example's label numbers (0 to {@code labelCount - 1})
   * @param termCount one more than the largest term id
   * @param lambda the L2 regularisation strength per example
   * @param epochs passes over the examples
   * @param seed the seed of the shuffles
   */
  static LogisticModel train(
      List<SparseVector> vectors,
      List<int[]> labels,
      int labelCount,
      int termCount,
      double lambda,
      int epochs,
      long seed) {
    float[] weights = new float[termCount * labelCount];
    float[] bias = new float[labelCount];
    double[] gradient = new double[labelCount];
    double[] rates = baseRates(labels, labelCount);
    for (int l = 0; l < labelCount; l++) {
      bias[l] = (float) Math.log(rates[l] / (1 - rates[l]));
    }
    int n = vectors.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    double t0 = 1.0 / lambda;
    double scale = 1.0;
    long t = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (int e : order) {
        SparseVector x = vectors.get(e);
        double rate = 1.0 / (lambda * (t0 + t++));
        scores(x, weights, bias, scale, labelCount, gradient);
        for (int l = 0; l < labelCount; l++) {
          gradient[l] = sigmoid(gradient[l]);
        }
        for (int label : labels.get(e)) {
          gradient[label] -= 1.0;
        }
        scale *= 1.0 - rate * lambda;
        double step = rate / scale;
        for (int i = 0; i < x.size(); i++) {
          int offset = x.id(i) * labelCount;
          double xi = x.weight(i) * step;
          for (int l = 0; l < labelCount; l++) {
            weights[offset + l] -= (float) (gradient[l] * xi);
          }
        }
        for (int l = 0; l < labelCount; l++) {
          bias[l] -= (float) (rate * gradient[l]);
        }
        if (scale < 1e-6) {
          rescale(weights, scale);
          scale = 1.0;
        }
      }
    }
    rescale(weights, scale);
    return new LogisticModel(labelCount, weights, bias);
  }

  /** Each label's probability for the vector, written into {@code out} (one slot a label). */
  void probabilities(SparseVector x, double[] out) {
    scores(x, weights, bias, 1.0, labelCount, out);
    for (int l = 0; l < labelCount; l++) {
      out[l] = sigmoid(out[l]);
    }
  }

  /** The bytes the weights occupy on the heap. */
  long heapBytes() {
    return 32 + 4L * (weights.length + bias.length);
  }

  private static void scores(
      SparseVector x, float[] weights, float[] bias, double scale, int labelCount, double[] out) {
    Arrays.fill(out, 0, labelCount, 0.0);
    for (int i = 0; i < x.size(); i++) {
      int offset = x.id(i) * labelCount;
      double xi = x.weight(i);
      for (int l = 0; l < labelCount; l++) {
        out[l] += weights[offset + l] * xi;
      }
    }
    for (int l = 0; l < labelCount; l++) {
      out[l] = out[l] * scale + bias[l];
    }
  }

  private static double[] baseRates(List<int[]> labels, int labelCount) {
    double[] rates = new double[labelCount];
    for (int[] example : labels) {
      for (int label : example) {
        rates[label]++;
      }
    }
    for (int l = 0; l < labelCount; l++) {
      rates[l] = (rates[l] + 0.5) / (labels.size() + 1.0);
    }
    return rates;
  }

  private static void rescale(float[] weights, double scale) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (weights[i] * scale);
    }
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
