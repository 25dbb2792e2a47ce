package org.coopera.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The floor under an import: the rows an applied import wrote, copied again with PostgreSQL's
 * {@code COPY} into the same four tables, in one transaction, with the audit triggers of each table
 * on or off. The copies get new ids, codes and content keys (so they sit beside the imported rows,
 * under the same unique indexes and foreign keys) and no import or cluster. What is timed is the
 * {@code COPY FROM STDIN} of the four tables and the commit; the rows are read out of the database
 * beforehand.
 */
final class CopyBaseline {

  private static final List<String> TRIGGERED =
      List.of(
          "recommendation",
          "recommendation_text",
          "recommendation_recommending_state",
          "recommendation_tag");

  private static final String RECOMMENDATION_COLUMNS =
      "id, code, content_key, mechanism_code, upr_session, upr_cycle, document_symbol, paragraph,"
          + " issued_on, year, state_iso3, region_code, original_language, response,"
          + " response_comment, response_source, action_category, cluster_id, import_id, demo,"
          + " created_at, updated_at, version";

  /**
   * @param rows rows copied, by table
   * @param nanos time of the copies and the commit
   * @param auditEntries audit entries the copies wrote
   * @param databaseCpuNanos CPU time PostgreSQL used for the copies and the commit
   */
  record Result(Map<String, Long> rows, long nanos, long auditEntries, long databaseCpuNanos) {

    long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    long recommendations() {
      return rows.get("recommendation");
    }
  }

  private CopyBaseline() {}

  /** Copies the rows of import {@code importId} again, marked with {@code mark}. */
  static Result copy(
      DataSource dataSource, JdbcClient jdbc, UUID importId, String mark, boolean audited)
      throws SQLException {
    Map<String, byte[]> data = new LinkedHashMap<>();
    Map<String, String> targets = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
      String rec = "(select id from recommendation where import_id = '" + importId + "')";
      String newId = "md5(recommendation_id::text || '" + mark + "')::uuid";
      data.put(
          "recommendation",
          out(
              copies,
              "select md5(id::text || '"
                  + mark
                  + "')::uuid, code || '-"
                  + mark
                  + "', content_key || ':"
                  + mark
                  + "', mechanism_code, upr_session, upr_cycle, document_symbol, paragraph,"
                  + " issued_on, year, state_iso3, region_code, original_language, response,"
                  + " response_comment, response_source, action_category, null::uuid, null::uuid,"
                  + " demo, created_at, updated_at, version from recommendation where import_id = '"
                  + importId
                  + "'"));
      targets.put("recommendation", "recommendation (" + RECOMMENDATION_COLUMNS + ")");
      data.put(
          "recommendation_text",
          out(
              copies,
              "select "
                  + newId
                  + ", language, text from recommendation_text where recommendation_id in "
                  + rec));
      targets.put("recommendation_text", "recommendation_text (recommendation_id, language, text)");
      data.put(
          "recommendation_recommending_state",
          out(
              copies,
              "select "
                  + newId
                  + ", iso3 from recommendation_recommending_state where recommendation_id in "
                  + rec));
      targets.put(
          "recommendation_recommending_state",
          "recommendation_recommending_state (recommendation_id, iso3)");
      data.put(
          "recommendation_tag",
          out(
              copies,
              "select "
                  + newId
                  + ", kind, code, origin, status, confidence, decided_by, decided_at"
                  + " from recommendation_tag where recommendation_id in "
                  + rec));
      targets.put(
          "recommendation_tag",
          "recommendation_tag (recommendation_id, kind, code, origin, status, confidence,"
              + " decided_by, decided_at)");
    }

    long auditBefore = BenchSupport.auditEntries(jdbc);
    Map<String, Long> rows = new LinkedHashMap<>();
    long databaseCpu = BenchSupport.databaseCpuNanos(jdbc);
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
      if (!audited) {
        triggers(connection, "disable");
      }
      for (var table : data.entrySet()) {
        rows.put(
            table.getKey(),
            copies.copyIn(
                "copy " + targets.get(table.getKey()) + " from stdin",
                new ByteArrayInputStream(table.getValue())));
      }
      if (!audited) {
        triggers(connection, "enable");
      }
      connection.commit();
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
    long nanos = System.nanoTime() - start;
    databaseCpu = BenchSupport.databaseCpuNanos(jdbc) - databaseCpu;
    return new Result(rows, nanos, BenchSupport.auditEntries(jdbc) - auditBefore, databaseCpu);
  }

  private static byte[] out(CopyManager copies, String select) throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      copies.copyOut("copy (" + select + ") to stdout", bytes);
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
    return bytes.toByteArray();
  }

  private static void triggers(Connection connection, String how) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : TRIGGERED) {
        statement.execute("alter table " + table + " " + how + " trigger user");
      }
    }
  }
}
