package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AverageLinkageTest {

  /** A unit vector in the plane at this angle (degrees). */
  private static SparseVector at(double degrees) {
    double radians = Math.toRadians(degrees);
    return new SparseVector(
        new int[] {0, 1}, new float[] {(float) Math.cos(radians), (float) Math.sin(radians)});
  }

  @Test
  void aChainOfEachABitDifferentVectorsIsNotOneCluster() {
    // Neighbours along the chain are 0.87 similar, the ends of three links 0.5 or less.
    List<SparseVector> chain = List.of(at(0), at(30), at(60), at(90));
    List<int[]> clusters = new AverageLinkage(chain, new int[] {1, 1, 1, 1}, 2, 0.8).clusters();
    assertThat(clusters).containsExactly(new int[] {0, 1}, new int[] {2, 3});
  }

  @Test
  void copiesCountInTheMean() {
    // One vector 0.87 like a second that stands ten times: they merge, a third joins neither.
    List<SparseVector> vectors = List.of(at(0), at(30), at(75));
    List<int[]> clusters = new AverageLinkage(vectors, new int[] {1, 10, 1}, 2, 0.8).clusters();
    assertThat(clusters).containsExactly(new int[] {0, 1});
  }
}
