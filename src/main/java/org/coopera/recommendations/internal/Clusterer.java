package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups near-duplicate and closely similar recommendations, such as “Ratify the OP-CAT” made by a
 * dozen States in one review and made again in the next cycle.
 *
 * <p>The texts (typically one State's recommendations) are turned into TF-IDF vectors whose
 * document frequencies come from the texts themselves, and clustered by {@link AverageLinkage}: two
 * groups join when their mean pairwise cosine similarity reaches the threshold and every member
 * stays threshold-similar to the joined group's centroid, which keeps long chains of
 * each-a-bit-different texts apart. Texts with the same terms (exact duplicates, or texts that
 * differ only in case, punctuation or stop words) always share a cluster, unless they have no words
 * at all; they are clustered as one text with a count, so that repeats cost nothing. Singletons are
 * not reported.
 *
 * <p>The result depends only on the inputs and their order: clusters come largest first (ties: the
 * one whose first member comes first), members in input order. Thread-safe.
 */
final class Clusterer {

  /** The similarity threshold measured on the UPR Info export (see {@code BENCHMARKS.md}). */
  static final double DEFAULT_THRESHOLD = 0.5;

  private final TextFeatures features = new TextFeatures();
  private final double threshold;

  Clusterer() {
    this(DEFAULT_THRESHOLD);
  }

  /**
   * @param threshold the minimum similarity, above 0 and at most 1
   */
  Clusterer(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold outside (0, 1]: " + threshold);
    }
    this.threshold = threshold;
  }

  /** The clusters of two or more among the inputs; none for fewer than two inputs. */
  List<Cluster> cluster(List<ClusterInput> inputs) {
    if (inputs.size() < 2) {
      return List.of();
    }
    List<List<String>> terms = inputs.stream().map(input -> features.terms(input.text())).toList();
    Vocabulary vocabulary = Vocabulary.build(terms, 1);
    Map<List<String>, Integer> unitOf = new HashMap<>();
    List<List<Integer>> units = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      int unit = unitOf.computeIfAbsent(terms.get(i), t -> units.size());
      if (unit == units.size()) {
        units.add(new ArrayList<>());
      }
      units.get(unit).add(i);
    }
    List<SparseVector> vectors =
        units.stream().map(unit -> vocabulary.vector(terms.get(unit.get(0)))).toList();
    int[] counts = units.stream().mapToInt(List::size).toArray();
    List<int[]> groups =
        new AverageLinkage(vectors, counts, vocabulary.size(), threshold).clusters();
    List<Cluster> clusters = new ArrayList<>(groups.size());
    for (int[] group : groups) {
      clusters.add(describe(group, units, vectors, inputs));
    }
    clusters.sort(Comparator.comparingInt(Cluster::size).reversed());
    return clusters;
  }

  /** The cluster of these units (distinct texts) and all their copies. */
  private static Cluster describe(
      int[] group,
      List<List<Integer>> units,
      List<SparseVector> vectors,
      List<ClusterInput> inputs) {
    SparseVector sum = SparseVector.EMPTY;
    int size = 0;
    for (int unit : group) {
      sum = sum.plus(vectors.get(unit).times(units.get(unit).size()));
      size += units.get(unit).size();
    }
    int representative = group[0];
    double best = Double.NEGATIVE_INFINITY;
    List<Integer> members = new ArrayList<>(size);
    for (int unit : group) {
      members.addAll(units.get(unit));
      double closeness = vectors.get(unit).dot(sum);
      if (closeness > best) {
        best = closeness;
        representative = unit;
      }
    }
    Collections.sort(members);
    List<String> ids = new ArrayList<>(size);
    TreeSet<String> groupKeys = new TreeSet<>();
    for (int member : members) {
      ids.add(inputs.get(member).id());
      if (inputs.get(member).groupKey() != null) {
        groupKeys.add(inputs.get(member).groupKey());
      }
    }
    double norm = sum.norm();
    double cohesion = Math.min(1.0, (norm * norm - size) / ((double) size * (size - 1)));
    return new Cluster(
        ids, inputs.get(units.get(representative).get(0)).id(), cohesion, List.copyOf(groupKeys));
  }
}
