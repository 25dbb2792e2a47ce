package org.coopera.assistance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests as the requests side of the module writes them, inserted by SQL: a State's request in a
 * given status, addressed to an organisation that may have accepted it.
 */
final class ProjectFixture {

  private final JdbcClient jdbc;

  ProjectFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  UUID account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  /** A request of the State in the given status, addressed to the organisation with its answer. */
  UUID request(String iso3, String status, String organisation, String answer) {
    UUID id = UUID.randomUUID();
    UUID coordinator = account("coordinator." + iso3.toLowerCase() + "@demo.coopera.org");
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, status, created_by, submitted_by,
                submitted_at, withdrawn_by, withdrawn_at, withdrawal_reason, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            iso3,
            "Test request " + id,
            status,
            coordinator,
            status.equals("DRAFT") ? null : coordinator,
            status.equals("DRAFT") ? null : now,
            status.equals("WITHDRAWN") ? coordinator : null,
            status.equals("WITHDRAWN") ? now : null,
            status.equals("WITHDRAWN") ? "The State withdrew its consent" : null,
            now,
            now)
        .update();
    if (organisation != null) {
      jdbc.sql(
              "insert into assistance_request_provider (id, request_id, organisation_code, answer)"
                  + " values (?, ?, ?, ?)")
          .params(UUID.randomUUID(), id, organisation, answer)
          .update();
    }
    return id;
  }

  /**
   * The State's coordinator waives the assessment of the request, as a project inserted by SQL
   * needs (principle 3).
   */
  void waive(UUID request) {
    jdbc.sql(
            """
            update assistance_request set assessment_waived_by = submitted_by,
                   assessment_waived_at = now(),
                   assessment_waiver = 'Test: the State waived the assessment'
            where id = ? and assessment_waived_at is null
            """)
        .param(request)
        .update();
  }

  long count(String table, String column, UUID id) {
    return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
