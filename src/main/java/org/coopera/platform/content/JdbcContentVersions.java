package org.coopera.platform.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.coopera.platform.ContentVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The versions as rows of {@code content_version}, their fields as a JSON object. */
@Service
class JdbcContentVersions implements ContentVersions {

  private static final TypeReference<LinkedHashMap<String, String>> FIELDS =
      new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcContentVersions(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Map<String, Version> of(String subject, UUID id) {
    return of(subject, List.of(id)).getOrDefault(id, Map.of());
  }

  @Override
  @Transactional(readOnly = true)
  public Map<UUID, Map<String, Version>> of(String subject, Collection<UUID> ids) {
    Map<UUID, Map<String, Version>> versions = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return versions;
    }
    jdbc.sql(
            """
            select subject_id, language, fields::text, version, updated_at from content_version
            where subject = :subject and subject_id = any(:ids) order by subject_id, language
            """)
        .param("subject", subject)
        .param("ids", ids.toArray(UUID[]::new))
        .query(
            (ResultSet rs) -> {
              versions
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                  .put(rs.getString(2), version(rs));
            });
    return versions;
  }

  private Version version(ResultSet rs) throws SQLException {
    return new Version(
        rs.getString(2), read(rs.getString(3)), rs.getLong(4), rs.getTimestamp(5).toInstant());
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Version put(
      String subject,
      UUID id,
      String language,
      Map<String, String> fields,
      Long expectedVersion,
      UUID accountId) {
    Timestamp now = Timestamp.from(clock.instant());
    int changed;
    if (expectedVersion == null) {
      changed =
          jdbc.sql(
                  """
                  insert into content_version (subject, subject_id, language, fields, updated_by,
                    updated_at)
                  values (?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing
                  """)
              .params(subject, id, language, write(fields), accountId, now)
              .update();
    } else {
      changed =
          jdbc.sql(
                  """
                  update content_version set fields = ?::jsonb, updated_by = ?, updated_at = ?,
                    version = version + 1
                  where subject = ? and subject_id = ? and language = ? and version = ?
                  """)
              .params(write(fields), accountId, now, subject, id, language, expectedVersion)
              .update();
    }
    if (changed == 0) {
      throw new StaleVersion(subject, id, language);
    }
    return of(subject, id).get(language);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void remove(String subject, UUID id, String language, long expectedVersion) {
    int removed =
        jdbc.sql(
                """
                delete from content_version
                where subject = ? and subject_id = ? and language = ? and version = ?
                """)
            .params(subject, id, language, expectedVersion)
            .update();
    if (removed == 0) {
      throw new StaleVersion(subject, id, language);
    }
  }

  private String write(Map<String, String> fields) {
    return json.writeValueAsString(fields);
  }

  private Map<String, String> read(String text) {
    return json.readValue(text, FIELDS);
  }
}
