package org.coopera.recommendations.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes new recommendations with PostgreSQL's {@code COPY FROM STDIN} (text format) into their
 * four tables, on the connection of the caller's transaction: the rows Hibernate would insert for
 * the same entities, without one bound parameter per value. While it writes, the audit trail takes
 * each statement's rows as one entry ({@code coopera.audit_inserts = statement}, migration V24):
 * the same who, when and what per row, without one trail row per inserted row.
 */
final class RecommendationCopy {

  private static final String RECOMMENDATION =
      "copy recommendation (id, code, content_key, mechanism_code, upr_session, upr_cycle,"
          + " document_symbol, paragraph, issued_on, year, state_iso3, region_code,"
          + " original_language, response, response_comment, response_source, action_category,"
          + " cluster_id, import_id, demo, created_at, updated_at, version) from stdin";
  private static final String TEXT =
      "copy recommendation_text (recommendation_id, language, text) from stdin";
  private static final String RECOMMENDING_STATE =
      "copy recommendation_recommending_state (recommendation_id, iso3) from stdin";
  private static final String TAG =
      "copy recommendation_tag (recommendation_id, kind, code, origin, status, confidence,"
          + " decided_by, decided_at) from stdin";

  private RecommendationCopy() {}

  /**
   * Writes the rows of {@code created} (new, not managed by Hibernate) in one go per table, and
   * adds the time each table's {@code COPY} took (with its triggers) to {@code tableNanos}
   * (recommendation, text, recommending State, tag).
   */
  static void write(Connection connection, List<Recommendation> created, long[] tableNanos)
      throws SQLException {
    if (created.isEmpty()) {
      return;
    }
    CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
    Rows recommendations = new Rows();
    Rows texts = new Rows();
    Rows states = new Rows();
    Rows tags = new Rows();
    for (Recommendation r : created) {
      String id = r.id().toString();
      recommendation(recommendations, id, r);
      for (Map.Entry<String, String> text : r.texts().entrySet()) {
        texts.value(id).value(text.getKey()).last(text.getValue());
      }
      for (String iso3 : r.recommendingStates()) {
        states.value(id).last(iso3);
      }
      for (Tag tag : r.tags()) {
        tags.value(id)
            .value(tag.kind().name())
            .value(tag.code())
            .value(tag.origin().name())
            .value(tag.status().name())
            .value(tag.confidence())
            .value(tag.decidedBy())
            .last(tag.decidedAt() == null ? null : timestamp(tag.decidedAt()));
      }
    }
    auditByStatement(connection, true);
    long start = System.nanoTime();
    recommendations.copy(copies, RECOMMENDATION);
    long textsStart = System.nanoTime();
    texts.copy(copies, TEXT);
    long statesStart = System.nanoTime();
    states.copy(copies, RECOMMENDING_STATE);
    long tagsStart = System.nanoTime();
    tags.copy(copies, TAG);
    long end = System.nanoTime();
    tableNanos[0] += textsStart - start;
    tableNanos[1] += statesStart - textsStart;
    tableNanos[2] += tagsStart - statesStart;
    tableNanos[3] += end - tagsStart;
    // Back to one entry per row for whatever the transaction writes next. (After a failure the
    // transaction is rolled back, and the setting with it, so it is not reset there.)
    auditByStatement(connection, false);
  }

  private static void recommendation(Rows rows, String id, Recommendation r) {
    rows.value(id)
        .value(r.code())
        .value(r.contentKey())
        .value(r.mechanismCode())
        .value(r.uprSession())
        .value(r.uprCycle())
        .value(r.documentSymbol())
        .value(r.paragraph())
        .value(r.issuedOn())
        .value(r.year())
        .value(r.stateIso3())
        .value(r.regionCode())
        .value(r.originalLanguage())
        .value(r.response().name())
        .value(r.responseComment())
        .value(r.responseSource())
        .value(r.actionCategory())
        .value(r.clusterId())
        .value(r.importId())
        .value(r.demo() ? "t" : "f")
        .value(timestamp(r.createdAt()))
        .value(timestamp(r.updatedAt()))
        .last(r.version());
  }

  /**
   * Defers, for the rest of the transaction, the counting of inserted tags (migration V29): the
   * caller creates recommendations only, then counts their tags once with {@link #countTags}.
   */
  static void deferTagCounts(Connection connection) throws SQLException {
    setForTransaction(connection, "coopera.tag_counts", "deferred");
  }

  /**
   * Counts the confirmed tags of the recommendations created while the counts were deferred, once
   * per cell, and ends the deferral.
   */
  static void countTags(Connection connection, List<UUID> created) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select recommendation_tags_counted(?)")) {
      statement.setArray(1, connection.createArrayOf("uuid", created.toArray()));
      statement.execute();
    }
  }

  /** Sets, for the rest of the transaction, how the audit trail records inserted rows. */
  private static void auditByStatement(Connection connection, boolean on) throws SQLException {
    setForTransaction(connection, "coopera.audit_inserts", on ? "statement" : "");
  }

  /** A setting of the database session that ends with the transaction ({@code set_config}). */
  private static void setForTransaction(Connection connection, String name, String value)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select set_config(?, ?, true)")) {
      statement.setString(1, name);
      statement.setString(2, value);
      statement.execute();
    }
  }

  private static String timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** The rows of one table in COPY's text format: tab between values, {@code \N} for null. */
  private static final class Rows {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int count;

    Rows value(Object value) {
      append(value);
      text.append('\t');
      return this;
    }

    void last(Object value) {
      append(value);
      text.append('\n');
      count++;
    }

    private void append(Object value) {
      if (value == null) {
        text.append("\\N");
        return;
      }
      String s = value.toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(c);
        }
      }
    }

    void copy(CopyManager copies, String sql) throws SQLException {
      if (count == 0) {
        return;
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      try {
        long written = copies.copyIn(sql, new ByteArrayInputStream(bytes));
        if (written != count) {
          throw new SQLException("COPY wrote " + written + " rows of " + count + ": " + sql);
        }
      } catch (IOException e) {
        throw new SQLException("Could not send the rows of " + sql, e);
      }
    }
  }
}
