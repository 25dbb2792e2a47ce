package org.coopera.assistance.requests;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of requests: the non-confidential ones a State submitted (never drafts, nor
 * confidential ones), counted by region, area and form, and listed by title, areas and State.
 */
@Service
@Transactional(readOnly = true)
public class PublicRequests {

  private static final String PUBLISHED =
      "r.status in ('SUBMITTED', 'CLOSED') and not r.confidential";

  private final JdbcClient jdbc;

  PublicRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A count under a code (a region code, an area or a form). */
  public record Count(String code, String name, long requests) {}

  /** A published request. */
  public record Listed(
      UUID id, String stateIso3, String stateName, String title, List<String> areas) {}

  public List<Count> byRegion() {
    return jdbc.sql(
            "select g.code, g.name, count(*) from assistance_request r join state s on s.iso3 ="
                + " r.state_iso3 join region g on g.code = s.region_code where "
                + PUBLISHED
                + " group by g.code, g.name order by g.name")
        .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  public List<Count> byArea() {
    return unnest("areas");
  }

  public List<Count> byForm() {
    return unnest("forms");
  }

  private List<Count> unnest(String column) {
    return jdbc.sql(
            "select c, count(*) from assistance_request r, unnest(r."
                + column
                + ") c where "
                + PUBLISHED
                + " group by c order by count(*) desc, c")
        .query((rs, n) -> new Count(rs.getString(1), null, rs.getLong(2)))
        .list();
  }

  public List<Listed> list() {
    return jdbc.sql(
            "select r.id, r.state_iso3, s.name, r.title, r.areas from assistance_request r join"
                + " state s on s.iso3 = r.state_iso3 where "
                + PUBLISHED
                + " order by r.submitted_at desc")
        .query(
            (rs, n) ->
                new Listed(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    RequestStore.strings(rs.getArray(5))))
        .list();
  }
}
