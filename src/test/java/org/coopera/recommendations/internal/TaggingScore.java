package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision, recall and calibration of the {@link TagSuggester}'s suggestions against the labels
 * people gave, for the {@link TaggingBenchmark}.
 */
final class TaggingScore {

  private static final double[] BUCKETS = {0.1, 0.3, 0.5, 0.7, 0.9, 1.01};
  private static final double[] THRESHOLDS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7};

  private final List<List<Suggestion>> suggestions = new ArrayList<>();
  private final List<Set<String>> gold = new ArrayList<>();

  /** Counts one text: {@code all} is every suggestion, most confident first. */
  void add(List<Suggestion> all, Set<String> labels) {
    suggestions.add(all);
    gold.add(labels);
  }

  void print() {
    Figures shown = figures(TagSuggester.DISPLAY_THRESHOLD, TagSuggester.DISPLAY_LIMIT);
    System.out.printf(
        Locale.ROOT,
        "shown (confidence >= %.2f, at most %d): micro P %.3f R %.3f F1 %.3f; macro (%d labels in"
            + " the test set) P %.3f R %.3f F1 %.3f; %.1f%% of texts with nothing shown%n",
        TagSuggester.DISPLAY_THRESHOLD,
        TagSuggester.DISPLAY_LIMIT,
        shown.microP,
        shown.microR,
        f1(shown.microP, shown.microR),
        shown.labels,
        shown.macroP,
        shown.macroR,
        shown.macroF,
        shown.abstained);
    int topRight = 0;
    for (int t = 0; t < suggestions.size(); t++) {
      List<Suggestion> all = suggestions.get(t);
      topRight += !all.isEmpty() && gold.get(t).contains(all.get(0).label()) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "precision@1 %.3f over %d texts (the top suggestion, whatever its confidence)%n",
        (double) topRight / suggestions.size(),
        suggestions.size());
    System.out.print("other thresholds (at most 5): ");
    for (double threshold : THRESHOLDS) {
      Figures f = figures(threshold, TagSuggester.DISPLAY_LIMIT);
      System.out.printf(
          Locale.ROOT,
          "%.1f: P %.3f R %.3f F1 %.3f; ",
          threshold,
          f.microP,
          f.microR,
          f1(f.microP, f.microR));
    }
    System.out.println();
    printCalibration();
    if (Boolean.getBoolean("perLabel")) {
      figures(TagSuggester.DISPLAY_THRESHOLD, TagSuggester.DISPLAY_LIMIT)
          .perLabel
          .forEach(
              (label, c) ->
                  System.out.printf(
                      Locale.ROOT, "  %-45s tp %5d fp %5d fn %5d%n", label, c[0], c[1], c[2]));
    }
  }

  private void printCalibration() {
    int buckets = BUCKETS.length - 1;
    int[] count = new int[buckets];
    int[] right = new int[buckets];
    double[] confidence = new double[buckets];
    for (int t = 0; t < suggestions.size(); t++) {
      for (Suggestion s : suggestions.get(t)) {
        for (int b = 0; b < buckets; b++) {
          if (s.confidence() >= BUCKETS[b] && s.confidence() < BUCKETS[b + 1]) {
            count[b]++;
            confidence[b] += s.confidence();
            right[b] += gold.get(t).contains(s.label()) ? 1 : 0;
          }
        }
      }
    }
    System.out.println(
        "calibration (all suggestions): confidence, suggestions, mean confidence, precision");
    for (int b = 0; b < buckets; b++) {
      System.out.printf(
          Locale.ROOT,
          "  %.1f-%.1f  %6d  %.3f  %.3f%n",
          BUCKETS[b],
          Math.min(1.0, BUCKETS[b + 1]),
          count[b],
          count[b] == 0 ? 0 : confidence[b] / count[b],
          count[b] == 0 ? 0 : (double) right[b] / count[b]);
    }
  }

  private Figures figures(double threshold, int limit) {
    TreeMap<String, int[]> perLabel = new TreeMap<>();
    int abstained = 0;
    for (int t = 0; t < suggestions.size(); t++) {
      Set<String> labels = gold.get(t);
      Set<String> shown = new HashSet<>();
      for (Suggestion s : suggestions.get(t)) {
        if (s.confidence() >= threshold && shown.size() < limit) {
          shown.add(s.label());
        }
      }
      abstained += shown.isEmpty() ? 1 : 0;
      for (String label : shown) {
        perLabel.computeIfAbsent(label, l -> new int[3])[labels.contains(label) ? 0 : 1]++;
      }
      for (String label : labels) {
        if (!shown.contains(label)) {
          perLabel.computeIfAbsent(label, l -> new int[3])[2]++;
        }
      }
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    double macroP = 0;
    double macroR = 0;
    double macroF = 0;
    int macroLabels = 0;
    for (int[] c : perLabel.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
      if (c[0] + c[2] > 0) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = (double) c[0] / (c[0] + c[2]);
        macroP += p;
        macroR += r;
        macroF += f1(p, r);
        macroLabels++;
      }
    }
    return new Figures(
        (double) tp / (tp + fp),
        (double) tp / (tp + fn),
        macroLabels,
        macroP / macroLabels,
        macroR / macroLabels,
        macroF / macroLabels,
        100.0 * abstained / suggestions.size(),
        perLabel);
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Macro figures average over the labels that occur in the test set. */
  private record Figures(
      double microP,
      double microR,
      int labels,
      double macroP,
      double macroR,
      double macroF,
      double abstained,
      TreeMap<String, int[]> perLabel) {}
}
