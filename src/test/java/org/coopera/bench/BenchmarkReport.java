package org.coopera.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's printed output: each step as it ends, then the tables, ready for Markdown. */
final class BenchmarkReport {

  /** What both sides did with one query, and how many of their first 20 results were the same. */
  record QueryResult(
      BenchQuery query, Contest.Outcome coopera, Contest.Outcome postgres, int commonTop20) {}

  private final PrintStream out;

  BenchmarkReport(PrintStream out) {
    this.out = out;
  }

  void machine(String machine, String postgres, String load) {
    line("## SearchBenchmark");
    line(
        "machine: %s; PostgreSQL %s (embedded); load average at start: %s",
        machine, postgres, load);
  }

  void corpus(int size, long demo, int generated, DemoFragments fragments) {
    line(
        "corpus: %,d recommendations = %,d demo (imported from the OHCHR matrices) + %,d generated"
            + " from %,d heads and %,d tails cut from the %,d demo texts (seed %d)",
        size,
        demo,
        generated,
        fragments.heads().size(),
        fragments.tails().size(),
        fragments.recommendations(),
        CorpusGenerator.SEED);
  }

  void loaded(CorpusLoader.Loaded loaded, long inDatabase) {
    line(
        "load: COPY into %s rows, then ANALYZE: %,d ms; %,d recommendations in the database",
        loaded.rows(), loaded.millis(), inDatabase);
    line(
        "load: the audit triggers (audit_row, audit_insert) were DISABLED on %s during the COPY and enabled again"
            + " after it (the generated rows have no audit entries); every constraint stayed on",
        String.join(", ", CorpusLoader.TABLES));
  }

  void rebuilt(long millis, long bytes, Path directory) {
    line(
        "A, Coopera: index rebuilt by SearchIndex.rebuild() (Hibernate Search mass indexer) in"
            + " %,d ms; Lucene index on disk right after it %s (%s)",
        millis, Machine.megabytes(bytes), directory);
  }

  void built(PostgresSearch.Built built, long databaseBytes) {
    line(
        "B, PostgreSQL: tsvector side table filled in %,d ms (%s), GIN index built in %,d ms"
            + " (maintenance_work_mem %s), GIN index %s; whole database %s",
        built.tsvectorMillis(),
        Machine.megabytes(built.tableBytes()),
        built.ginMillis(),
        built.maintenanceWorkMem(),
        Machine.megabytes(built.ginBytes()),
        Machine.megabytes(databaseBytes));
  }

  void settings(Contest.Settings settings) {
    line(
        "runs: per query and side, up to %d warm-up runs (at most a quarter of the budget), then"
            + " up to %d measured runs within %d s; A and B take turns",
        settings.warmups(), settings.repetitions(), settings.budgetNanos() / 1_000_000_000L);
  }

  void progress(QueryResult r) {
    line(
        "query %s: A %,d hits, p50 %s ms (%d runs); B %,d hits, p50 %s ms (%d runs)",
        r.query().described(),
        r.coopera().hits(),
        ms(r.coopera().total().millis(50)),
        r.coopera().total().count(),
        r.postgres().hits(),
        ms(r.postgres().total().millis(50)),
        r.postgres().total().count());
  }

  void difference(
      BenchQuery query,
      int cooperaOnly,
      List<String> cooperaExamples,
      int postgresOnly,
      List<String> postgresExamples) {
    line(
        "  found by A only: %,d, by B only: %,d, for %s",
        cooperaOnly, postgresOnly, query.described());
    cooperaExamples.forEach(text -> line("  A only: %s", text));
    postgresExamples.forEach(text -> line("  B only: %s", text));
  }

  void results(List<QueryResult> results) {
    line("");
    line(
        "| query | A p50 | A p95 | A p99 | A runs | B p50 | B p95 | B p99 | B runs |"
            + " B/A (p50) | hits A | hits B | difference |");
    line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (QueryResult r : results) {
      Latencies a = r.coopera().total();
      Latencies b = r.postgres().total();
      long hitsA = r.coopera().hits();
      long hitsB = r.postgres().hits();
      line(
          "| %s: `%s` | %s | %s | %s | %d | %s | %s | %s | %d | %s | %,d | %,d | %s |",
          r.query().label(),
          r.query().described(),
          ms(a.millis(50)),
          ms(a.millis(95)),
          ms(a.millis(99)),
          a.count(),
          ms(b.millis(50)),
          ms(b.millis(95)),
          ms(b.millis(99)),
          b.count(),
          String.format(Locale.ROOT, "%.1f×", b.millis(50) / a.millis(50)),
          hitsA,
          hitsB,
          String.format(
              Locale.ROOT,
              "%+.2f %%",
              100.0 * (hitsB - hitsA) / Math.max(1, Math.max(hitsA, hitsB))));
    }
    line("");
    line("Latencies in ms. Of B's p50, the page statement (rank, top 20, headlines):");
    for (QueryResult r : results) {
      line(
          "- %s: page %s ms of %s ms; the same recommendations in both first pages of 20: %d",
          r.query().label(),
          ms(r.postgres().page().millis(50)),
          ms(r.postgres().total().millis(50)),
          r.commonTop20());
    }
  }

  void plans(BenchQuery query, List<String> lines) {
    line("");
    line(
        "PostgreSQL's plans for %s (page statement, then the main counts statement):",
        query.described());
    lines.forEach(this::line);
  }

  void memory(String heapAfterGc, String rss, long indexBytes, String load) {
    line("");
    line(
        "memory: heap after GC %s; JVM resident memory (VmRSS) %s; load average at end: %s",
        heapAfterGc, rss, load);
    line(
        "A, Coopera: Lucene index on disk at the end of the run (after the segment merges the"
            + " rebuild left running) %s",
        Machine.megabytes(indexBytes));
  }

  private static String ms(double millis) {
    return millis < 10
        ? String.format(Locale.ROOT, "%.2f", millis)
        : String.format(Locale.ROOT, "%,.0f", millis);
  }

  private void line(String format, Object... args) {
    out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    out.flush();
  }
}
