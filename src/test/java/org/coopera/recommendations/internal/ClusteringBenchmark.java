package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clustering half of the {@link TaggingBenchmark}: clusters each State's rows of the UPR Info
 * export (one row per recommending State, as the export has them; group key the session) and prints
 * figures and samples. Threshold overridable with {@code -DclusterThreshold=0.6}.
 */
final class ClusteringBenchmark {

  private ClusteringBenchmark() {}

  static void run(List<UprInfoCsv.Row> rows) {
    double threshold =
        Double.parseDouble(
            System.getProperty("clusterThreshold", "" + Clusterer.DEFAULT_THRESHOLD));
    Clusterer clusterer = new Clusterer(threshold);
    Map<String, List<ClusterInput>> byState = new LinkedHashMap<>();
    Map<String, UprInfoCsv.Row> rowsById = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      UprInfoCsv.Row row = rows.get(i);
      String id = Integer.toString(i);
      rowsById.put(id, row);
      byState
          .computeIfAbsent(row.to(), s -> new ArrayList<>())
          .add(new ClusterInput(id, row.text(), "session " + row.session()));
    }
    for (List<ClusterInput> inputs : byState.values().stream().limit(20).toList()) {
      clusterer.cluster(inputs);
    }
    int clusters = 0;
    int clustered = 0;
    int recurring = 0;
    int duplicateGroups = 0;
    int duplicatesSplit = 0;
    long nanos = 0;
    String largest = null;
    double largestMillis = 0;
    List<Sample> samples = new ArrayList<>();
    for (Map.Entry<String, List<ClusterInput>> state : byState.entrySet()) {
      List<ClusterInput> inputs = state.getValue();
      long start = System.nanoTime();
      List<Cluster> result = clusterer.cluster(inputs);
      long took = System.nanoTime() - start;
      nanos += took;
      if (largest == null || inputs.size() > byState.get(largest).size()) {
        largest = state.getKey();
        largestMillis = took / 1e6;
      }
      Map<String, Integer> clusterOf = new HashMap<>();
      for (int c = 0; c < result.size(); c++) {
        Cluster cluster = result.get(c);
        clusters++;
        clustered += cluster.size();
        recurring += cluster.groupKeys().size() > 1 ? 1 : 0;
        for (String id : cluster.ids()) {
          clusterOf.put(id, c);
        }
        samples.add(new Sample(state.getKey(), cluster));
      }
      Map<String, List<String>> sameText = new HashMap<>();
      for (ClusterInput input : inputs) {
        sameText
            .computeIfAbsent(input.groupKey() + "|" + input.text(), k -> new ArrayList<>())
            .add(input.id());
      }
      for (List<String> ids : sameText.values()) {
        if (ids.size() > 1) {
          duplicateGroups++;
          if (ids.stream().map(clusterOf::get).distinct().count() != 1
              || clusterOf.get(ids.get(0)) == null) {
            duplicatesSplit++;
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "clustering (threshold %.2f): %d States, %d rows; %d clusters, mean size %.2f, %.1f%% of"
            + " rows in a cluster, %d clusters span more than one session%n",
        threshold,
        byState.size(),
        rows.size(),
        clusters,
        (double) clustered / clusters,
        100.0 * clustered / rows.size(),
        recurring);
    System.out.printf(
        Locale.ROOT,
        "  exact duplicates (same State, session and text, different recommending States): %d"
            + " groups, %d not in one cluster%n",
        duplicateGroups,
        duplicatesSplit);
    System.out.printf(
        Locale.ROOT,
        "  time: %.0f ms for all States; largest State %s (%d rows) %.1f ms%n",
        nanos / 1e6,
        largest,
        byState.get(largest).size(),
        largestMillis);
    timeLarge(clusterer, byState);
    printSamples(samples, rowsById);
  }

  /**
   * Times inputs of 3,000 rows taken as one State's: the rows of the first States, and (the worst
   * case, many similar texts) the first 3,000 rows that ask for a ratification.
   */
  private static void timeLarge(Clusterer clusterer, Map<String, List<ClusterInput>> byState) {
    List<ClusterInput> all = byState.values().stream().flatMap(List::stream).toList();
    time(clusterer, "rows of the first States", all.stream().limit(3000).toList());
    time(
        clusterer,
        "rows that ask for a ratification",
        all.stream()
            .filter(input -> input.text().toLowerCase(Locale.ROOT).contains("ratif"))
            .limit(3000)
            .toList());
  }

  private static void time(Clusterer clusterer, String what, List<ClusterInput> inputs) {
    clusterer.cluster(inputs);
    long start = System.nanoTime();
    List<Cluster> result = clusterer.cluster(inputs);
    System.out.printf(
        Locale.ROOT,
        "  time for %,d %s, taken as one State's: %.0f ms (%d clusters, the largest of %d)%n",
        inputs.size(),
        what,
        (System.nanoTime() - start) / 1e6,
        result.size(),
        result.isEmpty() ? 0 : result.get(0).size());
  }

  private static void printSamples(List<Sample> samples, Map<String, UprInfoCsv.Row> rowsById) {
    List<Sample> chosen = new ArrayList<>();
    samples.stream()
        .filter(s -> s.cluster().groupKeys().size() > 1)
        .max(Comparator.comparingInt((Sample s) -> s.cluster().size()))
        .ifPresent(chosen::add);
    samples.stream()
        .filter(s -> s.cluster().size() >= 3 && s.cluster().cohesion() < 0.999)
        .min(Comparator.comparingDouble((Sample s) -> s.cluster().cohesion()))
        .ifPresent(chosen::add);
    int sampleCount = Integer.getInteger("samples", 1);
    samples.stream()
        .filter(s -> s.cluster().size() >= 3 && s.cluster().cohesion() < 0.9)
        .sorted(
            Comparator.comparingDouble((Sample s) -> s.cluster().cohesion())
                .thenComparing(Sample::state))
        .skip(samples.size() / 50)
        .limit(sampleCount)
        .forEach(chosen::add);
    for (Sample sample : chosen) {
      Cluster cluster = sample.cluster();
      System.out.printf(
          Locale.ROOT,
          "  sample: %s, %d members, cohesion %.2f, %s%n",
          sample.state(),
          cluster.size(),
          cluster.cohesion(),
          cluster.groupKeys());
      cluster.ids().stream()
          .limit(8)
          .forEach(
              id -> {
                UprInfoCsv.Row row = rowsById.get(id);
                String text = row.text();
                System.out.printf(
                    "    %s %-2d %-14.14s %s%n",
                    id.equals(cluster.representativeId()) ? "*" : " ",
                    row.session(),
                    row.from(),
                    text.length() > 110 ? text.substring(0, 110) + "…" : text);
              });
      if (cluster.size() > 8) {
        System.out.printf("      … %d more%n", cluster.size() - 8);
      }
    }
  }

  private record Sample(String state, Cluster cluster) {}
}
