package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClustererTest {

  private static final List<ClusterInput> INPUTS =
      List.of(
          new ClusterInput(
              "dk", "Ratify the Optional Protocol to the Convention against Torture.", "s1"),
          new ClusterInput("cl", "Ratify OP-CAT", "s1"),
          new ClusterInput(
              "br",
              "Ratify the Optional Protocol to the Convention against Torture and Other Cruel,"
                  + " Inhuman or Degrading Treatment or Punishment",
              "s1"),
          new ClusterInput("lv", "Consider ratifying the OP-CAT.", "s2"),
          new ClusterInput(
              "fr",
              "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture",
              "s2"),
          new ClusterInput("it", "Abolish the death penalty.", "s1"),
          new ClusterInput("es", "Abolish the death penalty for all crimes.", "s1"),
          new ClusterInput("cz", "Ratify the Optional Protocol to CEDAW.", "s1"),
          new ClusterInput("no", "Adopt a law on violence against women.", "s1"),
          new ClusterInput("se", "Register all children at birth.", "s2"));

  private final Clusterer clusterer = new Clusterer();

  @Test
  void paraphrasesOfOneAskFromSeveralStatesFormOneCluster() {
    List<Cluster> clusters = clusterer.cluster(INPUTS);
    Cluster opcat = clusters.get(0);
    assertThat(opcat.ids()).containsExactly("dk", "cl", "br", "lv", "fr");
    assertThat(opcat.representativeId()).isIn(opcat.ids());
    assertThat(opcat.cohesion()).isBetween(Clusterer.DEFAULT_THRESHOLD, 1.0);
    assertThat(opcat.groupKeys()).containsExactly("s1", "s2");
  }

  @Test
  void otherAsksStayApart() {
    List<Cluster> clusters = clusterer.cluster(INPUTS);
    assertThat(clusters).hasSize(2);
    assertThat(clusters.get(1).ids()).containsExactly("it", "es");
    assertThat(clusters).noneMatch(cluster -> cluster.ids().contains("cz"));
    assertThat(clusters).noneMatch(cluster -> cluster.ids().contains("no"));
  }

  @Test
  void exactDuplicatesShareAClusterOfFullCohesion() {
    List<Cluster> clusters =
        clusterer.cluster(
            List.of(
                new ClusterInput("a", "Abolish the death penalty", "s1"),
                new ClusterInput("b", "Register all children at birth", "s1"),
                new ClusterInput("c", "Abolish the death penalty", "s1"),
                new ClusterInput("d", "abolish the death penalty.", "s2")));
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).ids()).containsExactly("a", "c", "d");
    assertThat(clusters.get(0).representativeId()).isEqualTo("a");
    assertThat(clusters.get(0).cohesion())
        .isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void theSameInputsGiveTheSameClustersInTheSameOrder() {
    assertThat(clusterer.cluster(INPUTS)).isEqualTo(clusterer.cluster(INPUTS));
  }

  @Test
  void emptyInputsAndTextsWithoutWordsGiveNoClusters() {
    assertThat(clusterer.cluster(List.of())).isEmpty();
    assertThat(clusterer.cluster(List.of(new ClusterInput("a", "Abolish the death penalty", null))))
        .isEmpty();
    assertThat(
            clusterer.cluster(
                List.of(
                    new ClusterInput("a", "", null),
                    new ClusterInput("b", "", null),
                    new ClusterInput("c", "...", null))))
        .isEmpty();
  }

  @Test
  void chineseTextsAreClusteredToo() {
    List<Cluster> clusters =
        clusterer.cluster(
            List.of(
                new ClusterInput("a", "废除死刑", "s1"),
                new ClusterInput("b", "立即废除死刑", "s1"),
                new ClusterInput("c", "禁止酷刑", "s1")));
    assertThat(clusters)
        .singleElement()
        .satisfies(c -> assertThat(c.ids()).containsExactly("a", "b"));
  }
}
