package org.coopera.assistance.requests;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest.Provider;
import org.coopera.assistance.requests.AssistanceRequest.Status;
import org.coopera.recommendations.RecommendationLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads requests with their priorities, recommendations, clusters and providers. */
@Component
class RequestStore {

  private final JdbcClient jdbc;
  private final RecommendationLookup recommendations;

  RequestStore(JdbcClient jdbc, RecommendationLookup recommendations) {
    this.jdbc = jdbc;
    this.recommendations = recommendations;
  }

  Optional<AssistanceRequest> load(UUID id) {
    return loadAll(List.of(id)).stream().findFirst();
  }

  /**
   * Requests with all their details, in the order of the ids asked (unknown ones left out): one
   * query per part, whatever the number of requests.
   */
  List<AssistanceRequest> loadAll(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, Row> rows = new HashMap<>();
    jdbc.sql(
            """
            select r.*, s.name as state_name from assistance_request r
            join state s on s.iso3 = r.state_iso3 where r.id in (:ids)
            """)
        .param("ids", ids)
        .query((rs, n) -> Row.of(rs))
        .list()
        .forEach(r -> rows.put(r.id(), r));
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> found = List.copyOf(rows.keySet());
    Map<UUID, List<String>> priorities = new HashMap<>();
    jdbc.sql(
            "select request_id, text from assistance_request_priority where request_id in (:ids)"
                + " order by request_id, rank")
        .param("ids", found)
        .query(
            rs -> {
              priorities
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getString(2));
            });
    Map<UUID, List<UUID>> recIds =
        links("assistance_request_recommendation", "recommendation_id", found);
    Map<UUID, List<UUID>> clusterIds = links("assistance_request_cluster", "cluster_id", found);
    Map<UUID, RecommendationLookup.RecommendationRef> recs =
        recommendations.recommendations(
            recIds.values().stream().flatMap(List::stream).distinct().toList());
    Map<UUID, RecommendationLookup.ClusterRef> clusters =
        recommendations.clusters(
            clusterIds.values().stream().flatMap(List::stream).distinct().toList());
    Map<UUID, List<Provider>> providers = new HashMap<>();
    jdbc.sql(
            """
            select p.request_id, p.id, p.organisation_code, p.provider_state,
                   coalesce(o.name, s.name) as name, p.answer, p.answer_note, p.answered_at,
                   p.version
            from assistance_request_provider p
            left join organisation o on o.code = p.organisation_code
            left join state s on s.iso3 = p.provider_state
            where p.request_id in (:ids) order by coalesce(o.name, s.name)
            """)
        .param("ids", found)
        .query(
            rs -> {
              providers
                  .computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Provider(
                          rs.getObject("id", UUID.class),
                          rs.getString("organisation_code"),
                          rs.getString("provider_state"),
                          rs.getString("name"),
                          rs.getString("answer"),
                          rs.getString("answer_note"),
                          instant(rs.getTimestamp("answered_at")),
                          rs.getLong("version")));
            });
    List<AssistanceRequest> loaded = new ArrayList<>();
    for (UUID id : ids) {
      Row r = rows.get(id);
      if (r == null) {
        continue;
      }
      loaded.add(
          new AssistanceRequest(
              r.id(),
              r.stateIso3(),
              r.stateName(),
              r.title(),
              r.summary(),
              r.areas(),
              r.forms(),
              r.languages(),
              r.confidential(),
              r.status(),
              priorities.getOrDefault(id, List.of()),
              recIds.getOrDefault(id, List.of()).stream()
                  .map(recs::get)
                  .filter(Objects::nonNull)
                  .sorted((a, b) -> a.code().compareTo(b.code()))
                  .toList(),
              clusterIds.getOrDefault(id, List.of()).stream()
                  .map(clusters::get)
                  .filter(Objects::nonNull)
                  .toList(),
              providers.getOrDefault(id, List.of()),
              r.submittedAt(),
              r.withdrawnAt(),
              r.withdrawalReason(),
              r.updatedAt(),
              r.version()));
    }
    return loaded;
  }

  /** The ids a link table holds for each request. */
  private Map<UUID, List<UUID>> links(String table, String column, List<UUID> requests) {
    Map<UUID, List<UUID>> found = new HashMap<>();
    jdbc.sql("select request_id, " + column + " from " + table + " where request_id in (:ids)")
        .param("ids", requests)
        .query(
            rs -> {
              found
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return found;
  }

  /** The requests a condition selects, newest first, without their details (list pages). */
  List<RequestSummary> summaries(String condition, Object... params) {
    return jdbc.sql(
            "select r.id, r.state_iso3, s.name as state_name, r.title, r.status, r.confidential,"
                + " r.areas, r.updated_at from assistance_request r join state s on s.iso3 ="
                + " r.state_iso3 where "
                + condition
                + " order by r.updated_at desc")
        .params(params)
        .query(
            (rs, n) ->
                new RequestSummary(
                    rs.getObject("id", UUID.class),
                    rs.getString("state_iso3"),
                    rs.getString("state_name"),
                    rs.getString("title"),
                    Status.valueOf(rs.getString("status")),
                    rs.getBoolean("confidential"),
                    strings(rs.getArray("areas")),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  private record Row(
      UUID id,
      String stateIso3,
      String stateName,
      String title,
      String summary,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      boolean confidential,
      Status status,
      Instant submittedAt,
      Instant withdrawnAt,
      String withdrawalReason,
      Instant updatedAt,
      long version) {

    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getObject("id", UUID.class),
          rs.getString("state_iso3"),
          rs.getString("state_name"),
          rs.getString("title"),
          rs.getString("summary"),
          strings(rs.getArray("areas")),
          strings(rs.getArray("forms")),
          strings(rs.getArray("languages")),
          rs.getBoolean("confidential"),
          Status.valueOf(rs.getString("status")),
          instant(rs.getTimestamp("submitted_at")),
          instant(rs.getTimestamp("withdrawn_at")),
          rs.getString("withdrawal_reason"),
          rs.getTimestamp("updated_at").toInstant(),
          rs.getLong("version"));
    }
  }

  static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
