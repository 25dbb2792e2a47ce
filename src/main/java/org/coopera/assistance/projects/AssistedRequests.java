package org.coopera.assistance.projects;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What assessments and projects need to know of a request (owned by the requests side of the
 * module, read here by SQL): its State and status, the providers that accepted, the recommendations
 * it addresses, and whether an assessment was agreed or waived.
 */
@Component
class AssistedRequests {

  /** A request as seen from its assessments and projects. */
  record RequestFacts(
      UUID id,
      String stateIso3,
      String status,
      List<Provider> accepted,
      Set<UUID> recommendations,
      boolean waived,
      boolean assessmentAgreed,
      long version) {

    boolean submitted() {
      return status.equals("SUBMITTED");
    }

    /** Refuses unless the State's request is submitted (not a draft, not withdrawn or closed). */
    RequestFacts requireSubmitted() {
      if (!submitted()) {
        throw new ProjectRefused("request-not-submitted");
      }
      return this;
    }
  }

  private final JdbcClient jdbc;

  AssistedRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RequestFacts> find(UUID id) {
    record Row(UUID id, String stateIso3, String status, boolean waived, long version) {}
    Optional<Row> row =
        jdbc.sql(
                "select id, state_iso3, status, assessment_waived_at is not null as waived, version"
                    + " from assistance_request where id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state_iso3"),
                        rs.getString("status"),
                        rs.getBoolean("waived"),
                        rs.getLong("version")))
            .optional();
    return row.map(
        r ->
            new RequestFacts(
                r.id(),
                r.stateIso3(),
                r.status(),
                accepted(id),
                Set.copyOf(
                    jdbc.sql(
                            "select recommendation_id from assistance_request_recommendation"
                                + " where request_id = ?")
                        .param(id)
                        .query(UUID.class)
                        .list()),
                r.waived(),
                jdbc.sql(
                        "select exists (select 1 from needs_assessment where request_id = ?"
                            + " and agreed_at is not null)")
                    .param(id)
                    .query(Boolean.class)
                    .single(),
                r.version()));
  }

  RequestFacts require(UUID id) {
    return find(id).orElseThrow(() -> new ProjectNotFound(id));
  }

  List<Provider> accepted(UUID requestId) {
    return jdbc.sql(
            "select organisation_code, provider_state from assistance_request_provider"
                + " where request_id = ? and answer = 'ACCEPTED' order by id")
        .param(requestId)
        .query((rs, n) -> new Provider(rs.getString(1), rs.getString(2)))
        .list();
  }
}
