package org.coopera.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.generator.DataGenerator;
import org.coopera.generator.GenerationReport;
import org.coopera.generator.GeneratorSettings;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.recommendations.DirectDashboards;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The time to compute each dashboard (A: the dashboard's own figures, in process; H: the same over
 * HTTP as JSON) against the raw SQL aggregate of its largest table (B), on a registry filled to
 * {@code -Dcoopera.bench.size} recommendations (100,000 by default) by the data generator (which
 * also writes actions, progress updates, projects, funds and trainees in the proportions)
 * with the 193 Member States' ratifications and the demo data, for the world, a region, a group of
 * States, one State and a period. Run by {@code mvn -Pbench verify -Dit.test=DashboardBenchmark};
 * it prints the figures and asserts nothing that timing could make flaky.
 */
@CooperaIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=false")
class DashboardBenchmark {

  private static final int SIZE = Integer.getInteger("coopera.bench.size", 100_000);
  private static final int REPETITIONS = Integer.getInteger("coopera.bench.repetitions", 20);
  private static final int WARMUPS = Integer.getInteger("coopera.bench.warmups", 3);

  /**
   * Runs (after one warm-up) of the recommendations dashboard computed directly from the rows, as
   * before migration V23: seconds each at a million.
   */
  private static final int DIRECT_REPETITIONS =
      Integer.getInteger("coopera.bench.direct-repetitions", 5);

  /**
   * The raw aggregate behind each dashboard's heaviest figure: what PostgreSQL alone needs to count
   * the same rows, with no filter.
   */
  private static final Map<String, String> BASELINES =
      Map.of(
          "treaties",
          "select treaty_body_code, count(*) filter (where decided_on is null) from communication"
              + " group by 1",
          "recommendations",
          "select mechanism_code, response, count(*) from recommendation group by 1, 2",
          "cooperation",
          "select state_iso3, count(*) from assistance_request group by 1");

  private static final Map<String, StatsScope> SCOPES = new LinkedHashMap<>();

  static {
    SCOPES.put("world", StatsScope.world());
    SCOPES.put("region 002 (Africa)", new StatsScope(null, null, "002", null, null));
    SCOPES.put("group ldc", new StatsScope(null, null, null, "ldc", null));
    SCOPES.put("State CHN", StatsScope.ofState("CHN"));
    SCOPES.put("years 2010-2020", new StatsScope(2010, 2020, null, null, null));
  }

  @Autowired DataGenerator generator;
  @Autowired JdbcClient jdbc;
  @Autowired List<Dashboard> dashboards;
  @Autowired ReferenceData reference;
  @LocalServerPort int port;

  @Test
  void eachDashboardAgainstItsRawAggregate() throws Exception {
    BenchSupport.printMachine(jdbc);
    long demo = jdbc.sql("select count(*) from recommendation").query(Long.class).single();
    int generated = (int) Math.max(1, SIZE - demo);
    GenerationReport loaded =
        generator.generate(GeneratorSettings.atScale(generated, GeneratorSettings.DEFAULT_SEED));
    BenchSupport.print(
        "Generated %,d recommendations beside %,d of the demo (and in proportion %,d actions, %,d"
            + " progress updates, %,d projects, %,d trainees) in %s (%,.0f rows/s), search index"
            + " %s; %,d States, %,d ratifications, %,d reports, %,d communications",
        generated,
        demo,
        loaded.settings().actions(),
        loaded.settings().progressUpdates(),
        loaded.settings().projects(),
        loaded.settings().trainees(),
        BenchSupport.seconds(loaded.copyMillis() * 1_000_000),
        loaded.rowsPerSecond(),
        BenchSupport.seconds(loaded.indexMillis() * 1_000_000),
        count("select count(*) from state"),
        count("select count(*) from ratification"),
        count("select count(*) from state_report"),
        count("select count(*) from communication"));
    BenchSupport.print(
        "Counting triggers (V23) %s during the load; time per step (ms): %s; load average %s",
        CorpusLoader.COUNTING_TRIGGERS_ON ? "on" : "off, the counts backfilled after it",
        loaded.copyMillis(),
        Machine.loadAverage());
    BenchSupport.print(
        "Counts kept: %,d cells of recommendation_count, %,d of recommendation_tag_count, %,d of"
            + " recommendation_tag_year_count, %,d of recommendation_tag_state_count, %,d rows of"
            + " recommendation_sdg_goal",
        count("select count(*) from recommendation_count"),
        count("select count(*) from recommendation_tag_count"),
        count("select count(*) from recommendation_tag_year_count"),
        count("select count(*) from recommendation_tag_state_count"),
        count("select count(*) from recommendation_sdg_goal"));
    HttpClient http = HttpClient.newHttpClient();
    BenchSupport.print(
        "| dashboard | scope | A p50 | A p95 | H p50 | H p95 | B p50 | B p95 | A/B (p50) |");
    BenchSupport.print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Dashboard dashboard : dashboards) {
      String baseline = BASELINES.get(dashboard.key());
      Latencies raw = new Latencies();
      if (baseline != null) {
        for (int i = 0; i < WARMUPS + REPETITIONS; i++) {
          long start = System.nanoTime();
          jdbc.sql(baseline).query().listOfRows();
          if (i >= WARMUPS) {
            raw.add(System.nanoTime() - start);
          }
        }
      }
      for (Map.Entry<String, StatsScope> scope : SCOPES.entrySet()) {
        Latencies inProcess = new Latencies();
        Latencies overHttp = new Latencies();
        URI uri =
            URI.create(
                "http://localhost:"
                    + port
                    + "/api/v1/stats/"
                    + dashboard.key()
                    + query(scope.getValue()));
        for (int i = 0; i < WARMUPS + REPETITIONS; i++) {
          long start = System.nanoTime();
          dashboard.figures(scope.getValue());
          long middle = System.nanoTime();
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
          long end = System.nanoTime();
          if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
          }
          if (i >= WARMUPS) {
            inProcess.add(middle - start);
            overHttp.add(end - middle);
          }
        }
        BenchSupport.print(
            "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |",
            dashboard.key(),
            scope.getKey(),
            inProcess.millis(50),
            inProcess.millis(95),
            overHttp.millis(50),
            overHttp.millis(95),
            raw.millis(50),
            raw.millis(95),
            baseline == null
                ? "-"
                : String.format(
                    java.util.Locale.ROOT, "%.1f×", inProcess.millis(50) / raw.millis(50)));
      }
    }
    directRecommendations();
    tagCountsByState();
    BenchSupport.print(
        "Latencies in ms over %d runs after %d warm-ups; load average %s",
        REPETITIONS, WARMUPS, Machine.loadAverage());
  }

  /**
   * The recommendations dashboard as it was before its counts were kept (every row in scope read),
   * timed in the same run, and whether it gives the same figures as the counts.
   */
  private void directRecommendations() {
    Dashboard kept =
        dashboards.stream()
            .filter(d -> d.key().equals("recommendations"))
            .findFirst()
            .orElseThrow();
    Dashboard direct = DirectDashboards.recommendations(jdbc, reference);
    BenchSupport.print(
        "Recommendations dashboard from the rows (before V23) against the counts (A), %d runs"
            + " after 1 warm-up; load average %s",
        DIRECT_REPETITIONS, Machine.loadAverage());
    BenchSupport.print("| scope | rows p50 | rows max | A p50 | rows/A | same figures |");
    BenchSupport.print("| --- | --- | --- | --- | --- | --- |");
    for (Map.Entry<String, StatsScope> scope : SCOPES.entrySet()) {
      Latencies fromRows = new Latencies();
      Latencies fromCounts = new Latencies();
      boolean same = true;
      for (int i = 0; i < 1 + DIRECT_REPETITIONS; i++) {
        long start = System.nanoTime();
        DashboardFigures slow = direct.figures(scope.getValue());
        long middle = System.nanoTime();
        DashboardFigures fast = kept.figures(scope.getValue());
        long end = System.nanoTime();
        same &= slow.equals(fast);
        if (i >= 1) {
          fromRows.add(middle - start);
          fromCounts.add(end - middle);
        }
      }
      BenchSupport.print(
          "| %s | %.1f | %.1f | %.1f | %.0f× | %s |",
          scope.getKey(),
          fromRows.millis(50),
          fromRows.millis(100),
          fromCounts.millis(50),
          fromRows.millis(50) / fromCounts.millis(50),
          same ? "yes" : "NO");
    }
  }

  /**
   * The two tag figures of the dashboard (the 15 most frequent themes, the SDG goals) for each
   * scope that narrows the States over every year, summed from the counts by State and year (V23,
   * what the dashboard read before V26) and from the counts by State alone (V26, what it reads
   * now), timed in the same run, and whether both give the same rows.
   */
  private void tagCountsByState() {
    BenchSupport.print(
        "Themes and SDG goals of a scope without a period, from recommendation_tag_count (by State"
            + " and year) against recommendation_tag_state_count (by State), %d runs after %d"
            + " warm-ups; load average %s",
        REPETITIONS, WARMUPS, Machine.loadAverage());
    BenchSupport.print(
        "| scope | cells by State and year | by State and year p50 | p95 | cells by State | by State"
            + " p50 | p95 | same rows |");
    BenchSupport.print("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (Map.Entry<String, StatsScope> scope : SCOPES.entrySet()) {
      StatsScope s = scope.getValue();
      if (!s.narrowsStates() || s.fromYear() != null || s.toYear() != null) {
        continue;
      }
      StatsScope.SqlCondition states = s.states("r.state_iso3");
      Latencies byYear = new Latencies();
      Latencies byState = new Latencies();
      boolean same = true;
      for (int i = 0; i < WARMUPS + REPETITIONS; i++) {
        long start = System.nanoTime();
        List<List<Object>> old = tagFigures("recommendation_tag_count", states);
        long middle = System.nanoTime();
        List<List<Object>> now = tagFigures("recommendation_tag_state_count", states);
        long end = System.nanoTime();
        same &= old.equals(now);
        if (i >= WARMUPS) {
          byYear.add(middle - start);
          byState.add(end - middle);
        }
      }
      BenchSupport.print(
          "| %s | %,d | %.1f | %.1f | %,d | %.1f | %.1f | %s |",
          scope.getKey(),
          cells("recommendation_tag_count", states),
          byYear.millis(50),
          byYear.millis(95),
          cells("recommendation_tag_state_count", states),
          byState.millis(50),
          byState.millis(95),
          same ? "yes" : "NO");
    }
  }

  /** The themes and SDG goals as {@code RecommendationCounts} sums them, from one table. */
  private List<List<Object>> tagFigures(String table, StatsScope.SqlCondition states) {
    List<List<Object>> rows = new ArrayList<>();
    for (String sql :
        List.of(
            "select r.tag, sum(r.n) as n from %s r where r.kind = 'THEME' and %s group by r.tag"
                + " having sum(r.n) > 0 order by n desc, r.tag limit 15",
            "select r.tag, sum(r.n) as n from %s r where r.kind = 'SDG' and %s group by r.tag"
                + " having sum(r.n) > 0 order by r.tag")) {
      jdbc.sql(sql.formatted(table, states.sql()))
          .params(states.params())
          .query((rs, n) -> List.<Object>of(rs.getString(1), rs.getLong(2)))
          .list()
          .forEach(rows::add);
    }
    return rows;
  }

  private long cells(String table, StatsScope.SqlCondition states) {
    return jdbc.sql("select count(*) from " + table + " r where " + states.sql())
        .params(states.params())
        .query(Long.class)
        .single();
  }

  private static String query(StatsScope scope) {
    StringBuilder q = new StringBuilder();
    if (scope.fromYear() != null) {
      q.append("&from=").append(scope.fromYear());
    }
    if (scope.toYear() != null) {
      q.append("&to=").append(scope.toYear());
    }
    if (scope.region() != null) {
      q.append("&region=").append(scope.region());
    }
    if (scope.group() != null) {
      q.append("&group=").append(scope.group());
    }
    if (scope.state() != null) {
      q.append("&state=").append(scope.state());
    }
    return q.isEmpty() ? "" : "?" + q.substring(1);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
