package org.coopera.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.internal.Facet;

/**
 * The baseline: the same page of results as Coopera's search page, from PostgreSQL full-text search
 * alone. A side table holds one {@code tsvector} per recommendation (its texts, each analysed with
 * the configuration of its language: {@code english}, {@code french}, …, {@code simple} for the
 * rest) under a GIN index. A search is two statements on one connection: the page (matches ranked
 * by {@code ts_rank}, the first 20 with {@code ts_headline} over the whole text, their recommending
 * States and themes) and the counts (the total and the 13 facets of {@link Facet}, each facet over
 * the matches of every other filter, as Coopera counts them) by {@code GROUP BY} over the matches
 * materialised once.
 */
final class PostgresSearch {

  static final int PAGE_SIZE = 20;

  private static final String TSQUERY = "websearch_to_tsquery('english', ?)";
  private static final String MAINTENANCE_WORK_MEM = "256MB";

  private static final String CONFIG_FUNCTION =
      """
      create function bench_config(language text) returns regconfig
          language sql immutable parallel safe as $$
      select case language
                 when 'en' then 'english'::regconfig
                 when 'fr' then 'french'::regconfig
                 when 'es' then 'spanish'::regconfig
                 when 'ru' then 'russian'::regconfig
                 when 'ar' then 'arabic'::regconfig
                 else 'simple'::regconfig end
      $$""";

  /**
   * Typographic quotes and dashes made plain before the text reaches the parser. Coopera's embedded
   * PostgreSQL runs with {@code LC_CTYPE} C, in which the text-search parser takes every non-ASCII
   * character for a letter: “women’s” would be one word and never match “women”.
   */
  private static final String PLAIN_FUNCTION =
      """
      create function bench_plain(text text) returns text
          language sql immutable parallel safe as $$
      select translate(text, '‘’“”–—', '''''""--')
      $$""";

  private static final String FILL =
      """
      insert into bench_fts
      select recommendation_id, bench_tsvector_agg(to_tsvector(bench_config(language), bench_plain(text)))
      from recommendation_text group by recommendation_id""";

  private static final String PAGE =
      """
      with top as (
          select r.id, r.code, r.state_iso3, r.upr_session, r.response, r.year,
                 r.original_language, coalesce(r.issued_on, make_date(r.year, 1, 1)) as sort_date,
                 ts_rank(f.document, %1$s) as rank
          from bench_fts f join recommendation r on r.id = f.recommendation_id
          where f.document @@ %1$s %2$s
          order by rank desc, sort_date desc, r.code
          limit %3$d)
      select top.code, ts_headline(bench_config(t.language), bench_plain(t.text), %1$s,
                                   'HighlightAll=true, StartSel=<mark>, StopSel=</mark>'),
             array(select s.iso3::text from recommendation_recommending_state s
                   where s.recommendation_id = top.id order by 1),
             array(select g.code from recommendation_tag g
                   where g.recommendation_id = top.id and g.kind = 'THEME'
                     and g.status = 'CONFIRMED' order by 1)
      from top join recommendation_text t
          on t.recommendation_id = top.id and t.language = top.original_language
      order by top.rank desc, top.sort_date desc, top.code""";

  private static final String HITS =
      """
      with hits as materialized (
          select r.id, r.state_iso3, r.region_code, r.mechanism_code, r.upr_cycle,
                 r.upr_session, r.response, r.action_category, r.year
          from bench_fts f join recommendation r on r.id = f.recommendation_id
          where f.document @@ %s %s)
      """;

  private static final Map<Facet, String> FILTERS =
      Map.of(Facet.STATE, "r.state_iso3 = ?", Facet.RESPONSE, "r.response = ?");

  /** A piece of the counts statement: the facets it counts and its {@code SELECT}. */
  private record Counts(Set<Facet> facets, String sql) {}

  private static final List<Counts> COUNTS =
      List.of(
          column(Facet.STATE, "h.state_iso3::text"),
          column(Facet.REGION, "h.region_code"),
          column(Facet.MECHANISM, "h.mechanism_code"),
          column(Facet.CYCLE, "h.upr_cycle::text"),
          column(Facet.SESSION, "h.upr_session::text"),
          column(Facet.RESPONSE, "lower(replace(h.response, '_', '-'))"),
          column(Facet.ACTION_CATEGORY, "h.action_category::text"),
          column(Facet.YEAR, "h.year::text"),
          new Counts(
              EnumSet.of(Facet.RECOMMENDING_STATE),
              "select 'recommendingState', s.iso3::text, count(*) from hits h"
                  + " join recommendation_recommending_state s on s.recommendation_id = h.id"
                  + " group by 2"),
          new Counts(
              EnumSet.of(Facet.THEME, Facet.AFFECTED_GROUP, Facet.SDG_TARGET),
              "select case t.kind when 'THEME' then 'theme' when 'SDG' then 'sdgTarget'"
                  + " else 'affectedGroup' end, t.code, count(*) from hits h"
                  + " join recommendation_tag t on t.recommendation_id = h.id"
                  + " where t.status = 'CONFIRMED' and (t.kind <> 'SDG' or t.code like '%.%')"
                  + " group by t.kind, t.code"),
          new Counts(
              EnumSet.of(Facet.SDG_GOAL),
              "select 'sdgGoal', split_part(t.code, '.', 1), count(distinct h.id) from hits h"
                  + " join recommendation_tag t on t.recommendation_id = h.id"
                  + " where t.kind = 'SDG' and t.status = 'CONFIRMED' group by 2"));

  /** How long the full-text column and its index took to build, and their sizes. */
  record Built(
      long tsvectorMillis,
      long ginMillis,
      long tableBytes,
      long ginBytes,
      String maintenanceWorkMem) {}

  /**
   * A page of results: total, the codes and highlighted texts of the page, the facet counts, and
   * how long the page statement and the counts statements took.
   */
  record Found(
      long total,
      List<String> codes,
      List<String> highlights,
      Map<String, Map<String, Long>> facets,
      long pageNanos,
      long countsNanos) {}

  private final DataSource dataSource;

  PostgresSearch(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Built build() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(CONFIG_FUNCTION);
      statement.execute(PLAIN_FUNCTION);
      statement.execute(
          "create aggregate bench_tsvector_agg(tsvector)"
              + " (sfunc = tsvector_concat, stype = tsvector, initcond = '')");
      statement.execute(
          "create table bench_fts (recommendation_id uuid primary key"
              + " references recommendation (id) on delete cascade, document tsvector not null)");
      long start = System.nanoTime();
      statement.execute(FILL);
      long tsvector = (System.nanoTime() - start) / 1_000_000;
      statement.execute("set maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
      start = System.nanoTime();
      statement.execute("create index bench_fts_document_idx on bench_fts using gin (document)");
      long gin = (System.nanoTime() - start) / 1_000_000;
      statement.execute("reset maintenance_work_mem");
      statement.execute("analyze bench_fts");
      return new Built(
          tsvector,
          gin,
          size(statement, "pg_table_size('bench_fts')"),
          size(statement, "pg_relation_size('bench_fts_document_idx')"),
          MAINTENANCE_WORK_MEM);
    }
  }

  Found search(BenchQuery query) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      long start = System.nanoTime();
      List<String> codes = new ArrayList<>();
      List<String> highlights = new ArrayList<>();
      page(connection, query, codes, highlights);
      long pageNanos = System.nanoTime() - start;
      start = System.nanoTime();
      Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
      Map<Facet, Object> filters = query.filters();
      Set<Facet> unfiltered = EnumSet.allOf(Facet.class);
      unfiltered.removeAll(filters.keySet());
      count(connection, query.text(), filters, unfiltered, true, facets);
      for (Facet facet : filters.keySet()) {
        Map<Facet, Object> others = new EnumMap<>(filters);
        others.remove(facet);
        count(connection, query.text(), others, EnumSet.of(facet), false, facets);
      }
      long total = facets.getOrDefault("total", Map.of()).getOrDefault("", 0L);
      facets.remove("total");
      return new Found(total, codes, highlights, facets, pageNanos, System.nanoTime() - start);
    }
  }

  /** The codes of every recommendation the query finds, to tell where the two sides differ. */
  Set<String> allCodes(BenchQuery query) throws SQLException {
    Map<Facet, Object> filters = query.filters();
    List<Object> parameters = new ArrayList<>(List.of(query.text()));
    parameters.addAll(filters.values());
    Sql sql =
        new Sql(
            "select r.code from bench_fts f join recommendation r on r.id = f.recommendation_id"
                + " where f.document @@ "
                + TSQUERY
                + filterSql(filters),
            parameters);
    Set<String> codes = new HashSet<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        codes.add(rows.getString(1));
      }
    }
    return codes;
  }

  /**
   * The plans PostgreSQL chose for the page statement and the main counts statement of {@code
   * query}, with the time each node took ({@code EXPLAIN (ANALYZE, BUFFERS)}).
   */
  List<String> explain(BenchQuery query) throws SQLException {
    Set<Facet> unfiltered = EnumSet.allOf(Facet.class);
    unfiltered.removeAll(query.filters().keySet());
    List<String> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (Sql sql :
          List.of(pageSql(query), countSql(query.text(), query.filters(), unfiltered, true))) {
        Sql explained = new Sql("explain (analyze, buffers) " + sql.text(), sql.parameters());
        try (PreparedStatement statement = explained.prepare(connection);
            ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
      }
    }
    return lines;
  }

  /** A statement and the values of its parameters. */
  private record Sql(String text, List<Object> parameters) {

    PreparedStatement prepare(Connection connection) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(text);
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        statement.setString(i + 1, value instanceof Response r ? r.name() : value.toString());
      }
      return statement;
    }
  }

  private static Sql pageSql(BenchQuery query) {
    Map<Facet, Object> filters = query.filters();
    List<Object> parameters = new ArrayList<>(List.of(query.text(), query.text()));
    parameters.addAll(filters.values());
    parameters.add(query.text());
    return new Sql(PAGE.formatted(TSQUERY, filterSql(filters), PAGE_SIZE), parameters);
  }

  private static Sql countSql(
      String text, Map<Facet, Object> filters, Set<Facet> facets, boolean withTotal) {
    List<String> selects = new ArrayList<>();
    if (withTotal) {
      selects.add("select 'total', '', count(*) from hits");
    }
    for (Counts counts : COUNTS) {
      if (counts.facets().stream().anyMatch(facets::contains)) {
        selects.add(counts.sql());
      }
    }
    List<Object> parameters = new ArrayList<>(List.of(text));
    parameters.addAll(filters.values());
    return new Sql(
        HITS.formatted(TSQUERY, filterSql(filters)) + String.join("\nunion all\n", selects),
        parameters);
  }

  private static void page(
      Connection connection, BenchQuery query, List<String> codes, List<String> highlights)
      throws SQLException {
    try (PreparedStatement statement = pageSql(query).prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        codes.add(rows.getString(1));
        highlights.add(rows.getString(2));
        rows.getArray(3).getArray();
        rows.getArray(4).getArray();
      }
    }
  }

  private static void count(
      Connection connection,
      String text,
      Map<Facet, Object> filters,
      Set<Facet> facets,
      boolean withTotal,
      Map<String, Map<String, Long>> into)
      throws SQLException {
    Set<String> wanted = new HashSet<>(List.of("total"));
    facets.forEach(f -> wanted.add(f.parameter()));
    try (PreparedStatement statement =
            countSql(text, filters, facets, withTotal).prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        String facet = rows.getString(1);
        if (wanted.contains(facet) && rows.getString(2) != null) {
          into.computeIfAbsent(facet, f -> new LinkedHashMap<>())
              .put(rows.getString(2), rows.getLong(3));
        }
      }
    }
  }

  private static String filterSql(Map<Facet, Object> filters) {
    StringBuilder sql = new StringBuilder();
    filters.keySet().forEach(facet -> sql.append(" and ").append(FILTERS.get(facet)));
    return sql.toString();
  }

  private static Counts column(Facet facet, String expression) {
    return new Counts(
        EnumSet.of(facet),
        "select '" + facet.parameter() + "', " + expression + ", count(*) from hits h group by 2");
  }

  private static long size(Statement statement, String expression) throws SQLException {
    try (ResultSet rows = statement.executeQuery("select " + expression)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
