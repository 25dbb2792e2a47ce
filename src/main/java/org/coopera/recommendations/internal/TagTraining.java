package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains the {@link TagSuggester}'s model on all examples, and its calibration on the held-out
 * predictions of models trained on all examples but one fold of consecutive examples.
 *
 * @param vectors the examples' vectors
 * @param exampleLabels each example's label numbers, ascending
 * @param labelCount the number of labels
 * @param termCount the number of terms
 * @param settings the settings
 */
record TagTraining(
    List<SparseVector> vectors,
    List<int[]> exampleLabels,
    int labelCount,
    int termCount,
    TagSuggester.Settings settings) {

  /** The lowest raw score the calibration learns from. */
  static final double LOWEST = 0.001;

  /** A model trained on the examples outside the fold; on all of them for fold -1. */
  LogisticModel model(int fold) {
    List<SparseVector> x = new ArrayList<>();
    List<int[]> y = new ArrayList<>();
    for (int e = 0; e < vectors.size(); e++) {
      if (fold < 0 || foldOf(e) != fold) {
        x.add(vectors.get(e));
        y.add(exampleLabels.get(e));
      }
    }
    return LogisticModel.train(
        x,
        y,
        labelCount,
        termCount,
        settings.prior() / Math.max(1, x.size()),
        settings.epochs(),
        settings.seed());
  }

  /** The calibration, or {@link Calibration#IDENTITY} when there are too few examples. */
  Calibration calibration() {
    int folds = settings.calibrationFolds();
    if (folds < 2 || vectors.size() < folds * 10 || labelCount == 0) {
      return Calibration.IDENTITY;
    }
    List<HeldOut> heldOut = IntStream.range(0, folds).parallel().mapToObj(this::heldOut).toList();
    int size = heldOut.stream().mapToInt(HeldOut::count).sum();
    double[] scores = new double[size];
    boolean[] right = new boolean[size];
    int at = 0;
    for (HeldOut fold : heldOut) {
      System.arraycopy(fold.scores(), 0, scores, at, fold.count());
      System.arraycopy(fold.right(), 0, right, at, fold.count());
      at += fold.count();
    }
    return Calibration.fit(scores, right, size);
  }

  private int foldOf(int example) {
    return (int) ((long) example * settings.calibrationFolds() / vectors.size());
  }

  /**
   * Every label's score for every example of the fold, by a model that did not see the fold; scores
   * under {@link #LOWEST} are left out (the calibration starts there).
   */
  private HeldOut heldOut(int fold) {
    LogisticModel model = model(fold);
    double[] scores = new double[1024];
    boolean[] right = new boolean[scores.length];
    double[] exampleScores = new double[labelCount];
    int count = 0;
    for (int e = 0; e < vectors.size(); e++) {
      if (foldOf(e) != fold || vectors.get(e).isEmpty()) {
        continue;
      }
      model.probabilities(vectors.get(e), exampleScores);
      if (count + labelCount > scores.length) {
        scores = Arrays.copyOf(scores, 2 * (count + labelCount));
        right = Arrays.copyOf(right, scores.length);
      }
      for (int l = 0; l < labelCount; l++) {
        if (exampleScores[l] >= LOWEST) {
          scores[count] = exampleScores[l];
          right[count++] = Arrays.binarySearch(exampleLabels.get(e), l) >= 0;
        }
      }
    }
    return new HeldOut(scores, right, count);
  }

  /** Held-out scores and whether each label was right. */
  private record HeldOut(double[] scores, boolean[] right, int count) {}
}
