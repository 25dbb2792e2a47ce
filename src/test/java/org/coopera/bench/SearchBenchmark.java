package org.coopera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.coopera.recommendations.internal.SearchIndex;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Coopera's search (A: {@link RecommendationSearch}, in process, over its Lucene index) against a
 * PostgreSQL full-text-search baseline (B: {@link PostgresSearch}) on a generated registry of
 * {@code -Dcoopera.bench.size} recommendations (100,000 by default), each side asked for the same
 * page of results: the first 20 with highlights, the total and the facet counts. Run by {@code mvn
 * -Pbench verify -Dit.test=SearchBenchmark}, never by the normal build. It prints the figures and
 * asserts only what cannot be noisy: both sides find the same recommendations, within a few per
 * cent.
 *
 * <p>The application starts as every integration test starts it (embedded PostgreSQL, demo mode, so
 * the demo matrices are imported), with Hibernate's statistics off as in production.
 */
@CooperaIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=false")
class SearchBenchmark {

  private static final int SIZE = Integer.getInteger("coopera.bench.size", 100_000);
  private static final int MAX_SECONDS = Integer.getInteger("coopera.bench.max-seconds", 120);
  private static final int REPETITIONS = Integer.getInteger("coopera.bench.repetitions", 50);
  private static final int WARMUPS = Integer.getInteger("coopera.bench.warmups", 5);
  private static final String STATE = System.getProperty("coopera.bench.state", "CHN");

  /** The text of the queries whose PostgreSQL plans are printed after the runs; none by default. */
  private static final String EXPLAIN = System.getProperty("coopera.bench.explain", "");

  /** Hit counts of the two sides may differ by this share, or by two recommendations. */
  private static final double HIT_TOLERANCE = 0.05;

  /** Recommendations printed, for each side, when the two sides do not find the same ones. */
  private static final int EXAMPLES = 3;

  private static final List<BenchQuery> QUERIES =
      List.of(
          BenchQuery.text("rare term", "tibetan"),
          BenchQuery.text("common term", "women"),
          BenchQuery.text("phrase", "\"domestic violence\""),
          new BenchQuery("common term + filters", "women", STATE, Response.SUPPORTED));

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired RecommendationSearch search;
  @Autowired SearchIndex index;
  @Autowired EntityManagerFactory entityManagerFactory;

  @Test
  void cooperaSearchAgainstPostgresFullTextSearch() throws Exception {
    BenchmarkReport report = new BenchmarkReport(System.out);
    report.machine(Machine.describe(), postgresVersion(), Machine.loadAverage());
    long demo = countRecommendations();
    DemoFragments fragments = DemoFragments.read(jdbc);
    CorpusGenerator corpus =
        new CorpusGenerator(fragments, ReferenceValues.read(jdbc), CorpusGenerator.SEED);
    int generated = (int) Math.max(0, SIZE - demo);
    report.corpus(SIZE, demo, generated, fragments);
    CorpusLoader.Loaded loaded = new CorpusLoader(dataSource).load(corpus, generated);
    report.loaded(loaded, countRecommendations());

    long rebuildMillis = index.rebuild();
    Path indexDirectory = indexDirectory();
    report.rebuilt(rebuildMillis, Machine.directorySize(indexDirectory), indexDirectory);

    PostgresSearch postgres = new PostgresSearch(dataSource);
    report.built(postgres.build(), databaseSize());

    Contest.Settings settings =
        new Contest.Settings(WARMUPS, REPETITIONS, MAX_SECONDS * 1_000_000_000L);
    report.settings(settings);
    List<BenchmarkReport.QueryResult> results = new ArrayList<>();
    for (BenchQuery query : QUERIES) {
      results.add(measure(query, postgres, settings, report));
    }
    report.results(results);
    pageSearches(settings);
    for (BenchQuery query : QUERIES) {
      if (query.text().equals(EXPLAIN)) {
        report.plans(query, postgres.explain(query));
      }
    }
    report.memory(
        Machine.heapAfterGc(),
        Machine.residentMemory(),
        Machine.directorySize(indexDirectory),
        Machine.loadAverage());

    for (BenchmarkReport.QueryResult result : results) {
      long a = result.coopera().hits();
      long b = result.postgres().hits();
      assertThat(a).as("Coopera's hits for %s", result.query().described()).isPositive();
      assertThat(b).as("PostgreSQL's hits for %s", result.query().described()).isPositive();
      assertThat((double) Math.abs(a - b))
          .as("hit counts of %s: Coopera %d, PostgreSQL %d", result.query().described(), a, b)
          .isLessThanOrEqualTo(Math.max(2, HIT_TOLERANCE * Math.max(a, b)));
    }
  }

  private BenchmarkReport.QueryResult measure(
      BenchQuery query, PostgresSearch postgres, Contest.Settings settings, BenchmarkReport report)
      throws Exception {
    PageParameters firstPage = new PageParameters(0, PostgresSearch.PAGE_SIZE);
    List<String> cooperaCodes = new ArrayList<>();
    List<String> postgresCodes = new ArrayList<>();
    Contest.Outcome[] outcomes =
        Contest.run(
            () -> {
              RecommendationSearch.Result result = search.search(query.coopera(), firstPage);
              cooperaCodes.clear();
              result.hits().forEach(hit -> cooperaCodes.add(hit.code()));
              return new Contest.Run(result.total(), -1);
            },
            () -> {
              PostgresSearch.Found found = postgres.search(query);
              postgresCodes.clear();
              postgresCodes.addAll(found.codes());
              return new Contest.Run(found.total(), found.pageNanos());
            },
            settings);
    Set<String> common = new HashSet<>(cooperaCodes);
    common.retainAll(postgresCodes);
    BenchmarkReport.QueryResult result =
        new BenchmarkReport.QueryResult(query, outcomes[0], outcomes[1], common.size());
    report.progress(result);
    if (result.coopera().hits() != result.postgres().hits()) {
      explainDifference(query, postgres, report);
    }
    return result;
  }

  /**
   * Each query as the search page asks it: State, response and theme counted (the others are
   * counted when a person opens them), which is also the page of the raw-Lucene figures.
   */
  private void pageSearches(Contest.Settings settings) {
    PageParameters firstPage = new PageParameters(0, PostgresSearch.PAGE_SIZE);
    Set<Facet> counted = EnumSet.of(Facet.STATE, Facet.RESPONSE, Facet.THEME);
    BenchSupport.print("");
    BenchSupport.print(
        "== the search page's search: %s counted, %d runs after %d warm-ups ==",
        counted, REPETITIONS, WARMUPS);
    BenchSupport.print("| query | label | hits | p50 ms | p95 ms | p99 ms |");
    BenchSupport.print("| --- | --- | --- | --- | --- | --- |");
    for (BenchQuery query : QUERIES) {
      for (int i = 0; i < WARMUPS; i++) {
        search.search(query.coopera(), firstPage, counted);
      }
      Latencies latencies = new Latencies();
      long total = 0;
      long deadline = System.nanoTime() + settings.budgetNanos();
      for (int i = 0; i < REPETITIONS && System.nanoTime() < deadline; i++) {
        long start = System.nanoTime();
        total = search.search(query.coopera(), firstPage, counted).total();
        latencies.add(System.nanoTime() - start);
      }
      BenchSupport.print(
          "| %s | %s | %,d | %.1f | %.1f | %.1f |",
          query.described(),
          query.label(),
          total,
          latencies.millis(50),
          latencies.millis(95),
          latencies.millis(99));
    }
  }

  /** Prints a few recommendations that one side finds and the other does not. */
  private void explainDifference(BenchQuery query, PostgresSearch postgres, BenchmarkReport report)
      throws Exception {
    Set<String> cooperaOnly = new HashSet<>();
    search.forEachHit(query.coopera(), hit -> cooperaOnly.add(hit.code()));
    Set<String> postgresOnly = postgres.allCodes(query);
    Set<String> both = new HashSet<>(cooperaOnly);
    both.retainAll(postgresOnly);
    cooperaOnly.removeAll(both);
    postgresOnly.removeAll(both);
    report.difference(
        query,
        cooperaOnly.size(),
        examples(cooperaOnly),
        postgresOnly.size(),
        examples(postgresOnly));
  }

  private List<String> examples(Set<String> codes) {
    List<String> some = codes.stream().sorted().limit(EXAMPLES).toList();
    if (some.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select r.code || ': ' || t.text from recommendation r join recommendation_text t"
                + " on t.recommendation_id = r.id and t.language = r.original_language"
                + " where r.code in (:codes) order by r.code")
        .param("codes", some)
        .query(String.class)
        .list();
  }

  /**
   * The index directory Hibernate Search opened (the property itself holds a random part that a new
   * reading would draw again).
   */
  private Path indexDirectory() {
    return Path.of(
        (String)
            entityManagerFactory.getProperties().get("hibernate.search.backend.directory.root"));
  }

  private long countRecommendations() {
    return jdbc.sql("select count(*) from recommendation").query(Long.class).single();
  }

  private String postgresVersion() {
    return jdbc.sql("show server_version").query(String.class).single()
        + ", LC_CTYPE "
        + jdbc.sql("select datctype from pg_database where datname = current_database()")
            .query(String.class)
            .single();
  }

  private long databaseSize() {
    return jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
  }
}
