package org.coopera.recommendations.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The local benchmark of tag suggestions and clustering on the UPR Info export (sessions 1–13). Not
 * run by Maven: it reads data the repository must not hold. Run it with the test classpath:
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.coopera.recommendations.internal.TaggingBenchmark /path/to/upr-info
 * </pre>
 *
 * Trains on sessions 1–9 and evaluates on sessions 10–13 (rows merged by State, session and text);
 * labels are UPR Info's issues. Settings can be overridden for tuning with system properties
 * ({@code -Dprior=0.014 -Depochs=20 -DcalibrationFolds=5 -DminDocumentFrequency=2}, see {@link
 * #settings()}); {@code -DclusterThreshold=0.6} for the clusterer, {@code -DskipClustering=true}
 * and {@code -DskipScaling=true} to leave parts out.
 */
final class TaggingBenchmark {

  private TaggingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/upr-info");
    List<UprInfoCsv.Row> rows = UprInfoCsv.read(folder);
    List<UprInfoCsv.Recommendation> recommendations = UprInfoCsv.dedupe(rows);
    List<TaggedText> training =
        recommendations.stream()
            .filter(r -> r.session() <= Integer.getInteger("trainMax", 9))
            .map(r -> new TaggedText(r.text(), r.issues()))
            .toList();
    List<UprInfoCsv.Recommendation> test =
        recommendations.stream()
            .filter(r -> r.session() >= Integer.getInteger("testMin", 10))
            .filter(r -> r.session() <= Integer.getInteger("testMax", 13))
            .toList();
    System.out.printf(
        "%d rows, %d recommendations after merging; training %d (sessions 1-9), test %d"
            + " (sessions 10-13)%n",
        rows.size(), recommendations.size(), training.size(), test.size());
    TagSuggester.Settings settings = settings();
    System.out.println(settings);

    long heapBefore = usedHeap();
    long start = System.nanoTime();
    TagSuggester suggester = TagSuggester.train(training, settings);
    double trainingSeconds = (System.nanoTime() - start) / 1e9;
    long heapAfter = usedHeap();
    System.out.printf(
        "training: %.1f s; model %.1f MB estimated, heap grew by %.1f MB; %d labels%n",
        trainingSeconds,
        suggester.heapBytes() / 1e6,
        (heapAfter - heapBefore) / 1e6,
        suggester.labels().size());
    vectorFigures(training);

    for (UprInfoCsv.Recommendation r : test.subList(0, 500)) {
      suggester.suggest(r.text(), 60);
    }
    TaggingScore score = new TaggingScore();
    long suggestNanos = 0;
    for (UprInfoCsv.Recommendation r : test) {
      long t = System.nanoTime();
      List<Suggestion> all = suggester.suggest(r.text(), Integer.MAX_VALUE);
      suggestNanos += System.nanoTime() - t;
      score.add(all, r.issues());
    }
    System.out.printf(
        "suggestion: %.3f ms a text (one thread, all labels ranked)%n",
        suggestNanos / 1e6 / test.size());
    score.print();
    if (!Boolean.getBoolean("skipScaling")) {
      scaling(recommendations, settings, suggester, test);
    }
    if (!Boolean.getBoolean("skipClustering")) {
      ClusteringBenchmark.run(rows);
    }
  }

  /** The default settings, each overridable by a system property of the component's name. */
  static TagSuggester.Settings settings() {
    TagSuggester.Settings d = TagSuggester.Settings.DEFAULT;
    return new TagSuggester.Settings(
        Integer.getInteger("minDocumentFrequency", d.minDocumentFrequency()),
        Double.parseDouble(System.getProperty("prior", "" + d.prior())),
        Integer.getInteger("epochs", d.epochs()),
        d.seed(),
        Integer.getInteger("calibrationFolds", d.calibrationFolds()));
  }

  /** Training time on all recommendations, and whether training twice gives the same model. */
  private static void scaling(
      List<UprInfoCsv.Recommendation> recommendations,
      TagSuggester.Settings settings,
      TagSuggester suggester,
      List<UprInfoCsv.Recommendation> test) {
    List<TaggedText> all =
        recommendations.stream().map(r -> new TaggedText(r.text(), r.issues())).toList();
    long start = System.nanoTime();
    TagSuggester.train(all, settings);
    System.out.printf(
        Locale.ROOT,
        "training on all %d recommendations (sessions 1-13): %.1f s%n",
        all.size(),
        (System.nanoTime() - start) / 1e9);
    List<TaggedText> training =
        recommendations.stream()
            .filter(r -> r.session() <= Integer.getInteger("trainMax", 9))
            .map(r -> new TaggedText(r.text(), r.issues()))
            .toList();
    TagSuggester again = TagSuggester.train(training, settings);
    long differences =
        test.stream()
            .filter(r -> !again.suggest(r.text(), 60).equals(suggester.suggest(r.text(), 60)))
            .count();
    System.out.printf(
        "trained twice on the same examples: %d of %d test texts get different suggestions%n",
        differences, test.size());
  }

  private static void vectorFigures(List<TaggedText> training) {
    TextFeatures features = new TextFeatures();
    List<List<String>> terms = training.stream().map(t -> features.terms(t.text())).toList();
    Vocabulary vocabulary = Vocabulary.build(terms, 2);
    long bytes = 0;
    long entries = 0;
    for (List<String> document : terms) {
      SparseVector vector = vocabulary.vector(document);
      bytes += vector.heapBytes();
      entries += vector.size();
    }
    System.out.printf(
        Locale.ROOT,
        "vectors: vocabulary %d terms (min df 2); %.1f non-zero entries a text, %.0f bytes a"
            + " vector: %.0f MB for 1,000,000 texts%n",
        vocabulary.size(),
        (double) entries / terms.size(),
        (double) bytes / terms.size(),
        bytes / (double) terms.size() * 1e6 / 1e6);
  }

  static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
