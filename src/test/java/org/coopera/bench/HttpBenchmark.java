package org.coopera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManagerFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.search.Query;
import org.coopera.generator.DataGenerator;
import org.coopera.generator.GenerationReport;
import org.coopera.generator.GeneratorSettings;
import org.coopera.recommendations.internal.Recommendation;
import org.coopera.support.CooperaIntegrationTest;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Coopera over HTTP under load: the public search page and the search API, each asked by wrk with
 * 50 and then 200 open connections for a fixed time, against two baselines measured in the same run
 * — a static file of the same server (what the server, the network stack and wrk cost without
 * search), and raw Lucene in process on the same index and the same query mix with two threads (the
 * floor under what search can cost on this machine), measured right after the page at each number
 * of connections so that both see the machine in the same state, every side warmed alike first.
 * Over a registry of {@code -Dcoopera.bench.size} recommendations (100,000 by default) made by the
 * data generator, as {@code --coopera.generate.run} makes it. Run by {@code mvn -Pbench verify
 * -Dit.test=HttpBenchmark}; needs wrk ({@code apt-get install wrk}) and says so, skipping, without
 * it.
 */
@CooperaIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=false")
class HttpBenchmark {

  private static final int SIZE = Integer.getInteger("coopera.bench.size", 100_000);
  private static final int SECONDS = Integer.getInteger("coopera.bench.http-seconds", 20);
  private static final int WARMUP_SECONDS = Integer.getInteger("coopera.bench.warmup-seconds", 30);
  private static final List<Integer> CONNECTIONS = List.of(50, 200);

  /**
   * An application already running in a process of its own (the packaged jar, e.g. with {@code
   * -Xmx512m}) to measure instead of this test's, with {@code -Dcoopera.bench.index-directory} its
   * recommendation index (read by raw Lucene here, as the application writes it); none by default.
   */
  private static final String EXTERNAL_URL = System.getProperty("coopera.bench.http-url");

  /** The query mix: rare, medium and common words and phrases, asked in turn. */
  static final List<String> QUERIES =
      List.of(
          "tibetan",
          "women",
          "\"domestic violence\"",
          "rights",
          "children",
          "torture",
          "\"national human rights institution\"",
          "education",
          "disabilities",
          "\"freedom of expression\"",
          "trafficking",
          "ensure");

  /**
   * The facets of the issue's raw-Lucene page, which Coopera's page and (as asked here) its API
   * count too, and all thirteen (the API's default).
   */
  static final List<String> ISSUE_FACETS = List.of("response", "state", "theme");

  static final List<String> PAGE_FACETS =
      List.of(
          "state",
          "region",
          "recommendingState",
          "mechanism",
          "cycle",
          "session",
          "response",
          "actionCategory",
          "theme",
          "sdgGoal",
          "sdgTarget",
          "affectedGroup",
          "year");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DataGenerator generator;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void searchOverHttpAgainstStaticFileAndRawLucene() throws Exception {
    Optional<Wrk> found = Wrk.find();
    if (found.isEmpty()) {
      BenchSupport.print(
          "wrk is not installed: HttpBenchmark skipped (install it with `apt-get install wrk`)");
    }
    assumeTrue(found.isPresent(), "wrk is not installed (apt-get install wrk)");
    Wrk wrk = found.get();
    BenchSupport.print("machine: %s; load average %s", Machine.describe(), Machine.loadAverage());
    BenchSupport.print("%s", wrk.version());

    String base;
    Path directory;
    if (EXTERNAL_URL == null) {
      long demo = count();
      int generated = (int) Math.max(1, SIZE - demo);
      GenerationReport loaded =
          generator.generate(GeneratorSettings.atScale(generated, GeneratorSettings.DEFAULT_SEED));
      BenchSupport.print(
          "registry: %,d recommendations (%,d generated beside the demo's in %,d ms, %,.0f"
              + " rows/s; search index rebuilt in %,d ms)",
          count(), generated, loaded.copyMillis(), loaded.rowsPerSecond(), loaded.indexMillis());
      base = "http://localhost:" + port;
      directory = indexDirectory().resolve("recommendation");
    } else {
      base = EXTERNAL_URL;
      directory = Path.of(System.getProperty("coopera.bench.index-directory"));
      BenchSupport.print(
          "the application at %s, in a process of its own; raw Lucene over its index %s",
          base, directory);
    }

    List<String> pages = paths("/recommendations?q=");
    // The API counts what the page counts (and the issue's raw-Lucene page): State, response,
    // theme.
    List<String> api = paths("/api/v1/recommendations?facets=state,response,theme&q=");
    List<String> css = List.of("/css/coopera.css");
    Path scratch = Files.createTempDirectory("http-bench");

    var analyzer =
        Search.mapping(entityManagerFactory)
            .indexedEntity(Recommendation.class)
            .indexManager()
            .unwrap(LuceneIndexManager.class)
            .searchAnalyzer();
    try (RawLucene lucene = new RawLucene(directory, analyzer, ISSUE_FACETS);
        RawLucene all = new RawLucene(directory, analyzer, PAGE_FACETS)) {
      BenchSupport.print("raw Lucene over %s (%,d documents)", directory, lucene.documents());
      for (String q : QUERIES) {
        BenchSupport.print("  %-40s %,9d hits", q, lucene.page(lucene.parse(q)).total());
      }
      // Every side warmed alike before any is measured (the JIT, the index in the page cache):
      // raw Lucene first, then each target of the server.
      BenchSupport.print(
          "warm-up: %d s of raw Lucene, then of each target with 50 connections", WARMUP_SECONDS);
      raw(lucene, WARMUP_SECONDS);
      for (List<String> target : List.of(css, api, pages)) {
        wrk.run(base, target, 50, WARMUP_SECONDS, scratch);
      }
      Wrk.Figures[][] figures = new Wrk.Figures[3][CONNECTIONS.size()];
      RawResult[] rawBeside = new RawResult[CONNECTIONS.size()];
      String[] names = {"static file /css/coopera.css", "search API", "search page"};
      List<List<String>> targets = List.of(css, api, pages);
      for (int c = 0; c < CONNECTIONS.size(); c++) {
        for (int t = 0; t < targets.size(); t++) {
          Wrk.Figures f = wrk.run(base, targets.get(t), CONNECTIONS.get(c), SECONDS, scratch);
          figures[t][c] = f;
          BenchSupport.print(
              "%-30s c=%3d: %,8.1f req/s, p50 %7.1f ms, p90 %7.1f ms, p99 %7.1f ms, max %7.1f ms,"
                  + " %,d requests, %d non-2xx, %d socket errors, %,d bytes/request; load %s",
              names[t],
              CONNECTIONS.get(c),
              f.perSecond(),
              f.p50(),
              f.p90(),
              f.p99(),
              f.max(),
              f.requests(),
              f.non2xx(),
              f.socketErrors(),
              f.requests() == 0 ? 0 : f.bytes() / f.requests(),
              Machine.loadAverage());
        }
        // the baseline measured right after the page, in the same state of the machine
        rawBeside[c] = raw(lucene, SECONDS);
        BenchSupport.print(
            "raw Lucene, 3 facets, 2 threads, right after c=%d: %s",
            CONNECTIONS.get(c), rawBeside[c]);
      }
      RawResult page = raw(all, SECONDS);
      BenchSupport.print("raw Lucene, 13 facets (all), 2 threads: %s", page);

      BenchSupport.print("");
      BenchSupport.print(
          "== HTTP benchmark, %s recommendations, load average %s ==",
          EXTERNAL_URL == null ? String.format("%,d", count()) : "the external application's",
          Machine.loadAverage());
      BenchSupport.print(
          "| target | connections | requests/s | p50 ms | p90 ms | p99 ms | non-2xx |");
      BenchSupport.print("| --- | --- | --- | --- | --- | --- | --- |");
      for (int t = 0; t < 3; t++) {
        for (int c = 0; c < CONNECTIONS.size(); c++) {
          Wrk.Figures f = figures[t][c];
          BenchSupport.print(
              "| %s | %d | %,.1f | %.1f | %.1f | %.1f | %d |",
              names[t], CONNECTIONS.get(c), f.perSecond(), f.p50(), f.p90(), f.p99(), f.non2xx());
        }
      }
      for (int c = 0; c < CONNECTIONS.size(); c++) {
        RawResult r = rawBeside[c];
        BenchSupport.print(
            "| raw Lucene, 3 facets, in process, after c=%d | 2 threads | %,.1f | %.1f | p95 %.1f"
                + " | %.1f | - |",
            CONNECTIONS.get(c), r.perSecond, r.p50, r.p95, r.p99);
      }
      BenchSupport.print(
          "| raw Lucene, 13 facets, in process | 2 threads | %,.1f | %.1f | p95 %.1f | %.1f | - |",
          page.perSecond, page.p50, page.p95, page.p99);
      for (int c = 0; c < CONNECTIONS.size(); c++) {
        BenchSupport.print(
            "c=%d: page %.0f %% of raw Lucene (3 facets, measured right after), %.0f %% (13"
                + " facets); API %.0f %% / %.0f %%; page p99 %.1f ms (goal at 50 connections: <="
                + " 250 ms)",
            CONNECTIONS.get(c),
            100 * figures[2][c].perSecond() / rawBeside[c].perSecond,
            100 * figures[2][c].perSecond() / page.perSecond,
            100 * figures[1][c].perSecond() / rawBeside[c].perSecond,
            100 * figures[1][c].perSecond() / page.perSecond,
            figures[2][c].p99());
      }
      for (Wrk.Figures[] target : figures) {
        for (Wrk.Figures f : target) {
          assertThat(f.requests()).isPositive();
        }
      }
    }
  }

  /** Pages per second and latency percentiles (ms) of raw Lucene with two threads. */
  record RawResult(long pages, double perSecond, double p50, double p95, double p99) {
    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "%,d pages, %,.1f pages/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
          pages,
          perSecond,
          p50,
          p95,
          p99);
    }
  }

  /** Two threads ask for the query mix in turn for {@code seconds}, each from its own place. */
  private static RawResult raw(RawLucene lucene, int seconds) throws Exception {
    List<Query> queries = new ArrayList<>();
    for (String q : QUERIES) {
      queries.add(lucene.parse(q));
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<Latencies>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < 2; t++) {
        int offset = t * 7;
        futures.add(
            threads.submit(
                () -> {
                  Latencies latencies = new Latencies();
                  for (int i = offset; System.nanoTime() < end; i++) {
                    long s = System.nanoTime();
                    lucene.page(queries.get(i % queries.size()));
                    latencies.add(System.nanoTime() - s);
                  }
                  return latencies;
                }));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> f : futures) {
        all.addAll(f.get());
      }
      long elapsed = System.nanoTime() - start;
      return new RawResult(
          all.count(),
          all.count() / (elapsed / 1e9),
          all.millis(50),
          all.millis(95),
          all.millis(99));
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<String> paths(String prefix) {
    return QUERIES.stream()
        .map(q -> prefix + URLEncoder.encode(q, StandardCharsets.UTF_8))
        .toList();
  }

  private Path indexDirectory() {
    return Path.of(
        (String)
            entityManagerFactory.getProperties().get("hibernate.search.backend.directory.root"));
  }

  private long count() {
    return jdbc.sql("select count(*) from recommendation").query(Long.class).single();
  }
}
