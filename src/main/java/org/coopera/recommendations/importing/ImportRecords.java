package org.coopera.recommendations.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.StateNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The record of every import: who, when, which file, what validation found, what was created. */
@Repository
class ImportRecords {

  private static final String COLUMNS =
      """
      id, format, file_name, file_size, status, rows_read, to_create, duplicates, merged,
      created_count, problems, notes, unknown_names, scope_iso3, created_by, created_at,
      applied_by, applied_at""";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  ImportRecords(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(ImportReport report, String sha256, byte[] content) {
    jdbc.sql(
            """
            insert into recommendation_import (id, format, file_name, file_size, file_sha256, status,
                rows_read, to_create, duplicates, merged, problems, notes, unknown_names, scope_iso3,
                created_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?)
            """)
        .params(
            report.id(),
            report.format() == null ? null : report.format().name(),
            report.fileName(),
            report.fileSize(),
            sha256,
            report.status().name(),
            report.rowsRead(),
            report.toCreate(),
            report.duplicates(),
            report.merged(),
            json.writeValueAsString(report.problems()),
            json.writeValueAsString(report.notes()),
            json.writeValueAsString(report.unknownNames()),
            report.scopeIso3(),
            report.createdBy(),
            Timestamp.from(report.createdAt()))
        .update();
    jdbc.sql("insert into recommendation_import_file (import_id, content) values (?, ?)")
        .params(report.id(), content)
        .update();
  }

  /** The import, locked until the end of the transaction so that two people cannot apply it. */
  Optional<ImportReport> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from recommendation_import where id = ? for update")
        .param(id)
        .query(this::map)
        .optional();
  }

  Optional<ImportReport> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from recommendation_import where id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  /** The SHA-256 of the kept file, as recorded when it was kept (the file is never changed). */
  String sha256(UUID id) {
    return jdbc.sql("select file_sha256 from recommendation_import where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  byte[] content(UUID id) {
    return jdbc.sql("select content from recommendation_import_file where import_id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }

  void revalidated(ImportReport report) {
    jdbc.sql(
            """
            update recommendation_import set status = ?, rows_read = ?, to_create = ?, duplicates = ?,
                merged = ?, problems = ?::jsonb, notes = ?::jsonb, unknown_names = ?::jsonb,
                version = version + 1
            where id = ?
            """)
        .params(
            report.status().name(),
            report.rowsRead(),
            report.toCreate(),
            report.duplicates(),
            report.merged(),
            json.writeValueAsString(report.problems()),
            json.writeValueAsString(report.notes()),
            json.writeValueAsString(report.unknownNames()),
            report.id())
        .update();
  }

  void applied(UUID id, int created, UUID by, Instant at) {
    jdbc.sql(
            """
            update recommendation_import set status = 'APPLIED', created_count = ?, applied_by = ?,
                applied_at = ?, version = version + 1
            where id = ?
            """)
        .params(created, by, Timestamp.from(at), id)
        .update();
  }

  /** The imports, newest first; only those of the States {@code scopes} when it is given. */
  ListPage<ImportReport> list(List<String> scopes, PageParameters paging) {
    String where = scopes == null ? "" : " where scope_iso3 in (:scope)";
    var count = jdbc.sql("select count(*) from recommendation_import" + where);
    var items =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from recommendation_import"
                + where
                + " order by created_at desc, id limit :limit offset :offset");
    if (scopes != null) {
      List<String> states = scopes.isEmpty() ? List.of("") : scopes;
      count = count.param("scope", states);
      items = items.param("scope", states);
    }
    long total = count.query(Long.class).single();
    List<ImportReport> page =
        items
            .param("limit", paging.size())
            .param("offset", paging.offset())
            .query(this::map)
            .list();
    return new ListPage<>(total, paging.page(), paging.size(), page);
  }

  private ImportReport map(ResultSet rs, int n) throws SQLException {
    Timestamp applied = rs.getTimestamp("applied_at");
    int created = rs.getInt("created_count");
    Integer createdCount = rs.wasNull() ? null : created;
    return new ImportReport(
        rs.getObject("id", UUID.class),
        rs.getString("format") == null ? null : ImportFormat.valueOf(rs.getString("format")),
        rs.getString("file_name"),
        rs.getLong("file_size"),
        ImportReport.Status.valueOf(rs.getString("status")),
        rs.getInt("rows_read"),
        rs.getInt("to_create"),
        rs.getInt("duplicates"),
        rs.getInt("merged"),
        createdCount,
        problems(rs.getString("problems")),
        problems(rs.getString("notes")),
        names(rs.getString("unknown_names")),
        rs.getString("scope_iso3"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getObject("applied_by", UUID.class),
        applied == null ? null : applied.toInstant());
  }

  private List<FileProblem> problems(String value) {
    return json.readValue(value, new TypeReference<List<FileProblem>>() {});
  }

  private Map<String, List<StateNames.Candidate>> names(String value) {
    Map<String, List<StateNames.Candidate>> names =
        json.readValue(
            value, new TypeReference<LinkedHashMap<String, List<StateNames.Candidate>>>() {});
    return names == null ? Map.of() : names;
  }
}
