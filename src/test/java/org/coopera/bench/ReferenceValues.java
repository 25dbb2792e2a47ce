package org.coopera.bench;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference data a generated recommendation draws from, read from the application's own tables:
 * the 193 Member States with their region, UPR sessions 1–45 with their year and cycle, the treaty
 * bodies, and the codes of themes, affected groups and SDG targets.
 */
record ReferenceValues(
    List<State> states,
    List<Session> sessions,
    List<String> treatyBodies,
    List<String> themes,
    List<String> affectedGroups,
    List<String> sdgTargets) {

  static final int LAST_SESSION = 45;

  record State(String iso3, String name, String regionCode) {}

  record Session(int number, int year, int cycle) {}

  static ReferenceValues read(JdbcClient jdbc) {
    return new ReferenceValues(
        jdbc.sql(
                "select iso3, name, region_code from state where un_status = 'MEMBER' order by"
                    + " iso3")
            .query((rs, n) -> new State(rs.getString(1), rs.getString(2), rs.getString(3)))
            .list(),
        jdbc.sql("select session, year, cycle from upr_session where session <= ? order by 1")
            .param(LAST_SESSION)
            .query((rs, n) -> new Session(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
            .list(),
        codes(jdbc, "select code from mechanism where kind = 'TREATY_BODY' order by 1"),
        codes(jdbc, "select code from theme where parent_code is not null order by 1"),
        codes(jdbc, "select code from affected_group order by 1"),
        codes(jdbc, "select code from sdg_target order by 1"));
  }

  private static List<String> codes(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(String.class).list();
  }
}
