package org.coopera.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reference data generated rows draw from, read from the application's own tables: the 193
 * Member States with their region, the sessions of UPR cycles 1–4 held by {@value #LAST_YEAR}, the
 * treaty bodies, the codes of themes, affected groups and SDG targets, the UN entities, the active
 * funds and the core treaties.
 */
record Reference(
    List<State> states,
    List<Session> sessions,
    List<String> treatyBodies,
    List<String> themes,
    List<String> affectedGroups,
    List<String> sdgTargets,
    List<String> agencies,
    List<String> funds,
    List<String> treaties) {

  static final int LAST_YEAR = 2026;

  record State(int index, String iso3, String name, String regionCode) {}

  record Session(int number, int year, int cycle) {}

  static Reference read(JdbcClient jdbc) {
    return new Reference(
        jdbc.sql(
                "select iso3, name, region_code from state where un_status = 'MEMBER'"
                    + " order by iso3")
            .query((rs, n) -> new State(n, rs.getString(1), rs.getString(2), rs.getString(3)))
            .list(),
        jdbc.sql(
                "select session, year, cycle from upr_session where cycle <= 4 and year <= ?"
                    + " order by 1")
            .param(LAST_YEAR)
            .query((rs, n) -> new Session(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
            .list(),
        codes(jdbc, "select code from mechanism where kind = 'TREATY_BODY' order by 1"),
        codes(jdbc, "select code from theme where parent_code is not null order by 1"),
        codes(jdbc, "select code from affected_group order by 1"),
        codes(jdbc, "select code from sdg_target order by 1"),
        codes(jdbc, "select code from organisation where kind = 'UN_ENTITY' order by 1"),
        codes(jdbc, "select code from fund where active order by 1"),
        codes(jdbc, "select code from instrument where kind = 'CORE_TREATY' order by 1"));
  }

  Map<String, State> statesByIso3() {
    Map<String, State> byIso3 = new HashMap<>();
    states.forEach(s -> byIso3.put(s.iso3(), s));
    return byIso3;
  }

  private static List<String> codes(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(String.class).list();
  }
}
