package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Agglomerative average-linkage clustering of L2-normalised vectors, stopped at a similarity
 * threshold, with a guard against chaining.
 *
 * <p>Two clusters merge when the mean cosine similarity over all pairs of their members is at least
 * the threshold and, after the merge, every member is at least threshold-similar to the merged
 * cluster's centroid; the most similar pair of clusters merges first. The mean pairwise similarity
 * of clusters A and B is {@code <ΣA, ΣB> / (|A| |B|)} with ΣA the sum of A's vectors, so each
 * cluster keeps its sum and no pairwise matrix is held. Only pairs of clusters that have a pair of
 * members at least threshold-similar can reach the threshold (a mean never exceeds the maximum), so
 * the candidates come from an inverted index and the work stays far below n² for texts that are
 * mostly unlike one another.
 *
 * <p>Exact duplicates come in as one vector with a count, so that a text repeated a thousand times
 * costs what one text costs; means and centroids count each copy.
 *
 * <p>The result depends only on the vectors and their order: ties merge the pair with the lowest
 * member numbers first. One instance clusters once; not thread-safe.
 */
final class AverageLinkage {

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::similarity)
          .reversed()
          .thenComparingInt(Candidate::a)
          .thenComparingInt(Candidate::b);

  private final List<SparseVector> vectors;
  private final double threshold;
  private final List<int[]> members = new ArrayList<>();
  private final List<SparseVector> sums = new ArrayList<>();
  private final List<Set<Integer>> adjacent = new ArrayList<>();
  private final int[] sizes;
  private final int[] version;
  private final PriorityQueue<Candidate> queue = new PriorityQueue<>(BEST_FIRST);

  /**
   * @param vectors distinct L2-normalised vectors (empty ones are never clustered)
   * @param counts how many copies of each vector there are, at least 1
   * @param termCount one more than the largest term id in any vector
   * @param threshold the minimum mean pairwise similarity, and the minimum similarity of each
   *     member to its cluster's centroid
   */
  AverageLinkage(List<SparseVector> vectors, int[] counts, int termCount, double threshold) {
    this.vectors = vectors;
    this.threshold = threshold;
    this.sizes = counts.clone();
    this.version = new int[vectors.size()];
    NeighbourIndex index = NeighbourIndex.build(vectors, termCount);
    for (int i = 0; i < vectors.size(); i++) {
      members.add(new int[] {i});
      sums.add(vectors.get(i).times(counts[i]));
      adjacent.add(new HashSet<>());
    }
    for (int i = 0; i < vectors.size(); i++) {
      NeighbourIndex.Neighbours similar = index.atLeast(vectors.get(i), threshold, i);
      for (int n = 0; n < similar.size(); n++) {
        int j = similar.documents()[n];
        adjacent.get(i).add(j);
        adjacent.get(j).add(i);
        queue.add(new Candidate(similar.similarities()[n], i, j, 0, 0));
      }
    }
  }

  /**
   * Merges until no pair of clusters qualifies, and returns the clusters of two or more copies:
   * each as its member numbers in ascending order, clusters in the order of their lowest member.
   */
  List<int[]> clusters() {
    while (!queue.isEmpty()) {
      Candidate candidate = queue.poll();
      if (version[candidate.a()] == candidate.versionA()
          && version[candidate.b()] == candidate.versionB()
          && centroidHoldsAll(candidate.a(), candidate.b())) {
        merge(candidate.a(), candidate.b());
      }
    }
    List<int[]> clusters = new ArrayList<>();
    for (int c = 0; c < members.size(); c++) {
      if (version[c] >= 0 && sizes[c] > 1 && !vectors.get(c).isEmpty()) {
        clusters.add(members.get(c));
      }
    }
    return clusters;
  }

  private boolean centroidHoldsAll(int a, int b) {
    SparseVector sum = sums.get(a).plus(sums.get(b));
    double norm = sum.norm();
    for (int[] cluster : List.of(members.get(a), members.get(b))) {
      for (int member : cluster) {
        if (vectors.get(member).dot(sum) < threshold * norm) {
          return false;
        }
      }
    }
    return true;
  }

  /** Merges cluster {@code b} into cluster {@code a} ({@code a < b}). */
  private void merge(int a, int b) {
    members.set(a, mergeSorted(members.get(a), members.get(b)));
    sizes[a] += sizes[b];
    sums.set(a, sums.get(a).plus(sums.get(b)));
    version[a]++;
    version[b] = -1;
    members.set(b, null);
    sums.set(b, null);
    Set<Integer> neighbours = adjacent.get(a);
    for (int d : adjacent.get(b)) {
      adjacent.get(d).remove(b);
      adjacent.get(d).add(a);
      neighbours.add(d);
    }
    adjacent.set(b, Set.of());
    neighbours.remove(a);
    neighbours.remove(b);
    for (int d : neighbours) {
      double mean = sums.get(a).dot(sums.get(d)) / ((double) sizes[a] * sizes[d]);
      if (mean >= threshold) {
        int low = Math.min(a, d);
        int high = Math.max(a, d);
        queue.add(new Candidate(mean, low, high, version[low], version[high]));
      }
    }
  }

  private static int[] mergeSorted(int[] x, int[] y) {
    int[] merged = new int[x.length + y.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length || j < y.length) {
      merged[n++] = j == y.length || (i < x.length && x[i] < y[j]) ? x[i++] : y[j++];
    }
    return merged;
  }

  /** A pair of clusters that may merge, valid while neither has changed since. */
  private record Candidate(double similarity, int a, int b, int versionA, int versionB) {}
}
