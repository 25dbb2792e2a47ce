package org.coopera.assistance.requests;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    Optional<Row> row =
        jdbc.sql(
                """
                select r.*, s.name as state_name from assistance_request r
                join state s on s.iso3 = r.state_iso3 where r.id = ?
                """)
            .param(id)
            .query((rs, n) -> Row.of(rs))
            .optional();
    return row.map(this::complete);
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

  private AssistanceRequest complete(Row r) {
    List<String> priorities =
        jdbc.sql("select text from assistance_request_priority where request_id = ? order by rank")
            .param(r.id())
            .query(String.class)
            .list();
    List<UUID> recIds =
        jdbc.sql(
                "select recommendation_id from assistance_request_recommendation"
                    + " where request_id = ?")
            .param(r.id())
            .query(UUID.class)
            .list();
    List<UUID> clusterIds =
        jdbc.sql("select cluster_id from assistance_request_cluster where request_id = ?")
            .param(r.id())
            .query(UUID.class)
            .list();
    var recs =
        recIds.isEmpty()
            ? List.<RecommendationLookup.RecommendationRef>of()
            : recommendations.recommendations(recIds).values().stream()
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .toList();
    Map<UUID, RecommendationLookup.ClusterRef> clusterMap =
        clusterIds.isEmpty() ? Map.of() : recommendations.clusters(clusterIds);
    List<Provider> providers =
        jdbc.sql(
                """
                select p.id, p.organisation_code, p.provider_state, coalesce(o.name, s.name) as name,
                       p.answer, p.answer_note, p.answered_at
                from assistance_request_provider p
                left join organisation o on o.code = p.organisation_code
                left join state s on s.iso3 = p.provider_state
                where p.request_id = ? order by coalesce(o.name, s.name)
                """)
            .param(r.id())
            .query(
                (rs, n) ->
                    new Provider(
                        rs.getObject("id", UUID.class),
                        rs.getString("organisation_code"),
                        rs.getString("provider_state"),
                        rs.getString("name"),
                        rs.getString("answer"),
                        rs.getString("answer_note"),
                        instant(rs.getTimestamp("answered_at"))))
            .list();
    return new AssistanceRequest(
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
        priorities,
        recs,
        clusterIds.stream().map(clusterMap::get).filter(Objects::nonNull).toList(),
        providers,
        r.submittedAt(),
        r.withdrawnAt(),
        r.withdrawalReason(),
        r.updatedAt(),
        r.version());
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
