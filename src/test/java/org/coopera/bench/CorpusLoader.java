package org.coopera.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;

/**
 * Writes a generated corpus into the real tables of migration V9 with PostgreSQL {@code COPY}, one
 * pass of the generator per table. Every constraint stays on (keys, foreign keys, checks, unique
 * codes), and so do the triggers that keep the registry's counts (migration V23). The audit
 * triggers are switched off on the four tables for the load and back on after it: otherwise each of
 * the millions of rows would also write a JSON audit entry, which is the cost of an import, not of
 * search.
 */
final class CorpusLoader {

  static final List<String> TABLES =
      List.of(
          "recommendation",
          "recommendation_text",
          "recommendation_recommending_state",
          "recommendation_tag");

  /** Both audit triggers; the counting triggers of V23 and the constraint triggers stay on. */
  private static final List<String> AUDIT_TRIGGERS = List.of("audit_row", "audit_insert");

  private static final String CREATED_AT = "2026-11-28 00:00:00+00";
  private static final int FLUSH_CHARS = 1 << 20;

  /**
   * The triggers of migration V23 that count the rows a {@code COPY} writes. {@code
   * -Dcoopera.bench.counting-triggers=off} switches them off for the load and counts the rows with
   * the migration's backfill after it instead, to measure what the triggers cost a bulk load.
   */
  private static final List<String> COUNTING_TRIGGERS =
      List.of("recommendation_inserted", "recommendation_tag_inserted");

  static final boolean COUNTING_TRIGGERS_ON =
      !"off".equals(System.getProperty("coopera.bench.counting-triggers"));

  /**
   * Rows written per table, how long the load took (COPY, the backfill of the counts when the
   * counting triggers were off, and ANALYZE), and how long each COPY took, in ms.
   */
  record Loaded(Map<String, Long> rows, long millis, Map<String, Long> copyMillis) {}

  private final DataSource dataSource;

  CorpusLoader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Loaded load(CorpusGenerator corpus, int size) throws SQLException {
    long start = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    Map<String, Long> copyMillis = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      BaseConnection pg = connection.unwrap(BaseConnection.class);
      auditTrigger(connection, false);
      countingTriggers(connection, COUNTING_TRIGGERS_ON);
      try {
        long mark = System.nanoTime();
        rows.put(
            TABLES.get(0),
            copy(
                pg,
                "recommendation (id, code, content_key, mechanism_code, upr_session, upr_cycle,"
                    + " document_symbol, paragraph, issued_on, year, state_iso3, region_code,"
                    + " original_language, response, action_category, demo, created_at,"
                    + " updated_at, version)",
                corpus,
                size,
                CorpusLoader::recommendationRow));
        mark = lap(copyMillis, TABLES.get(0), mark);
        rows.put(
            TABLES.get(1),
            copy(
                pg,
                "recommendation_text (recommendation_id, language, text)",
                corpus,
                size,
                (r, csv) -> csv.row(r.id(), r.language(), r.text())));
        mark = lap(copyMillis, TABLES.get(1), mark);
        rows.put(
            TABLES.get(2),
            copy(
                pg,
                "recommendation_recommending_state (recommendation_id, iso3)",
                corpus,
                size,
                (r, csv) -> r.recommendingStates().forEach(iso3 -> csv.row(r.id(), iso3))));
        mark = lap(copyMillis, TABLES.get(2), mark);
        rows.put(
            TABLES.get(3),
            copy(
                pg,
                "recommendation_tag (recommendation_id, kind, code, origin, status)",
                corpus,
                size,
                (r, csv) ->
                    r.tags()
                        .forEach(t -> csv.row(r.id(), t.kind(), t.code(), "IMPORT", "CONFIRMED"))));
        mark = lap(copyMillis, TABLES.get(3), mark);
        if (!COUNTING_TRIGGERS_ON) {
          backfill(connection);
          lap(copyMillis, "backfill of the counts", mark);
        }
      } finally {
        auditTrigger(connection, true);
        countingTriggers(connection, true);
      }
      try (Statement statement = connection.createStatement()) {
        for (String table : TABLES) {
          statement.execute("analyze " + table);
        }
      }
    }
    return new Loaded(rows, (System.nanoTime() - start) / 1_000_000, copyMillis);
  }

  private static long lap(Map<String, Long> millis, String what, long since) {
    long now = System.nanoTime();
    millis.put(what, (now - since) / 1_000_000);
    return now;
  }

  private static void countingTriggers(Connection connection, boolean enabled) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "alter table recommendation "
              + (enabled ? "enable" : "disable")
              + " trigger "
              + COUNTING_TRIGGERS.get(0));
      statement.execute(
          "alter table recommendation_tag "
              + (enabled ? "enable" : "disable")
              + " trigger "
              + COUNTING_TRIGGERS.get(1));
    }
  }

  /** Counts every row again as migration V23 does for the rows that were there before it. */
  private static void backfill(Connection connection) throws SQLException {
    String migration;
    try (InputStream in =
        CorpusLoader.class.getResourceAsStream("/db/migration/V23__recommendation_counts.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "truncate recommendation_count, recommendation_tag_count, recommendation_sdg_goal");
      statement.execute(
          migration.substring(migration.indexOf("-- The counts of the rows already there.")));
    }
  }

  private static void recommendationRow(GeneratedRecommendation r, CsvRows csv) {
    csv.row(
        r.id(),
        r.code(),
        r.contentKey(),
        r.mechanism(),
        r.session(),
        r.cycle(),
        r.documentSymbol(),
        r.paragraph(),
        r.issuedOn(),
        r.year(),
        r.stateIso3(),
        r.regionCode(),
        r.language(),
        r.response(),
        r.actionCategory(),
        false,
        CREATED_AT,
        CREATED_AT,
        0);
  }

  private static long copy(
      BaseConnection pg,
      String target,
      CorpusGenerator corpus,
      int size,
      BiConsumer<GeneratedRecommendation, CsvRows> rowsOf)
      throws SQLException {
    CopyIn copy = pg.getCopyAPI().copyIn("copy " + target + " from stdin with (format csv)");
    try {
      CsvRows csv = new CsvRows();
      for (int i = 0; i < size; i++) {
        rowsOf.accept(corpus.recommendation(i), csv);
        if (csv.length() > FLUSH_CHARS) {
          byte[] bytes = csv.drain().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
        }
      }
      byte[] bytes = csv.drain().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  private static void auditTrigger(Connection connection, boolean enabled) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        for (String trigger : AUDIT_TRIGGERS) {
          statement.execute(
              "alter table " + table + (enabled ? " enable" : " disable") + " trigger " + trigger);
        }
      }
    }
  }

  /** Rows in PostgreSQL's CSV format: values quoted, nulls left empty. */
  static final class CsvRows {

    private final StringBuilder out = new StringBuilder(FLUSH_CHARS + 4096);

    void row(Object... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        if (values[i] != null) {
          out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
        }
      }
      out.append('\n');
    }

    int length() {
      return out.length();
    }

    String drain() {
      String text = out.toString();
      out.setLength(0);
      return text;
    }
  }
}
