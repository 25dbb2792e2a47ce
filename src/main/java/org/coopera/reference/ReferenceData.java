package org.coopera.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.SqlFilter;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the reference data. Every list is ordered as people expect to read it. */
@Service
@Transactional(readOnly = true)
public class ReferenceData {

  /** A UN Member or observer State. */
  public record State(
      String iso3,
      String iso2,
      String m49,
      String name,
      String regionCode,
      String regionName,
      String subRegionCode,
      String subRegionName,
      String intermediateRegionCode,
      String intermediateRegionName,
      String unStatus,
      boolean ldc,
      boolean lldc,
      boolean sids) {

    public boolean observer() {
      return "OBSERVER".equals(unStatus);
    }
  }

  /** Which States a directory or API list shows. Blank fields do not filter. */
  public record StateFilter(String query, String region, String group) {
    public static final List<String> GROUPS = List.of("ldc", "lldc", "sids", "observer");

    public static StateFilter none() {
      return new StateFilter(null, null, null);
    }
  }

  public record Region(String code, String name, String level, String parentCode) {}

  public record Instrument(
      String code,
      String abbreviation,
      String name,
      String kind,
      String parentCode,
      LocalDate adoptedOn,
      LocalDate entryIntoForceOn,
      String treatyBodyCode) {}

  public record Declaration(
      String code, String instrumentCode, String article, String kind, String name) {}

  public record Mechanism(
      String code,
      String kind,
      String abbreviation,
      String name,
      String instrumentCode,
      String mandateKind,
      Integer establishedYear) {}

  public record UprCycle(
      int cycle, int firstSession, int lastSession, int startYear, int endYear) {}

  public record UprSession(int session, int year, int cycle) {}

  public record SdgGoal(int number, String shortTitle, String title) {}

  public record SdgTarget(String code, int goal, String text) {}

  public record SdgIndicator(String code, String targetCode, String text, String unsdCodes) {}

  public record Theme(String code, String name, String parentCode) {}

  public record AffectedGroup(String code, String name) {}

  /** An organisation; {@code stateIso3} is the State it belongs to, where it has one. */
  public record Organisation(String code, String name, String kind, String stateIso3) {}

  /** Counts of the reference data, for the home page and health checks. */
  public record Counts(
      long states, long instruments, long mechanisms, long sdgTargets, long themes) {}

  private static final String STATE_COLUMNS =
      """
      s.iso3, s.iso2, s.m49, s.name, s.region_code, r.name as region_name,
      s.sub_region_code, sr.name as sub_region_name,
      s.intermediate_region_code, ir.name as intermediate_region_name,
      s.un_status, s.ldc, s.lldc, s.sids""";

  private static final String STATE_FROM =
      """
      state s
          join region r on r.code = s.region_code
          join region sr on sr.code = s.sub_region_code
          left join region ir on ir.code = s.intermediate_region_code""";

  private static final String STATE_SELECT = "select " + STATE_COLUMNS + " from " + STATE_FROM;

  private static final RowMapper<State> STATE_MAPPER = new DataClassRowMapper<>(State.class);

  private final JdbcClient jdbc;

  ReferenceData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Counts counts() {
    return jdbc.sql(
            """
            select (select count(*) from state), (select count(*) from instrument),
                   (select count(*) from mechanism), (select count(*) from sdg_target),
                   (select count(*) from theme)
            """)
        .query(
            (rs, n) ->
                new Counts(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .single();
  }

  public Optional<State> findState(String iso3) {
    if (iso3 == null || iso3.length() != 3) {
      return Optional.empty();
    }
    return jdbc.sql(STATE_SELECT + " where s.iso3 = ?")
        .param(iso3.toUpperCase(Locale.ROOT))
        .query(State.class)
        .optional();
  }

  public List<State> allStates() {
    return jdbc.sql(STATE_SELECT + " order by s.name").query(State.class).list();
  }

  public ListPage<State> states(StateFilter filter, PageParameters paging) {
    return stateFilter(filter)
        .page(jdbc, STATE_COLUMNS, STATE_FROM, "s.name", STATE_MAPPER, paging);
  }

  private SqlFilter stateFilter(StateFilter filter) {
    SqlFilter sql = new SqlFilter();
    if (SqlFilter.hasText(filter.query())) {
      String q = filter.query().strip();
      sql.and(
          "(s.name ilike ? or s.iso3 = upper(?) or s.iso2 = upper(?))",
          SqlFilter.containing(q),
          q,
          q);
    }
    if (SqlFilter.hasText(filter.region())) {
      String region = filter.region().strip();
      if (findRegion(region).isEmpty()) {
        throw new InvalidParameterException("region", "parameter.error.region", region);
      }
      sql.and(
          "(s.region_code = ? or s.sub_region_code = ? or s.intermediate_region_code = ?)",
          region,
          region,
          region);
    }
    if (SqlFilter.hasText(filter.group())) {
      String group = filter.group().strip().toLowerCase(Locale.ROOT);
      sql.and(
          switch (group) {
            case "ldc" -> "s.ldc";
            case "lldc" -> "s.lldc";
            case "sids" -> "s.sids";
            case "observer" -> "s.un_status = 'OBSERVER'";
            default ->
                throw new InvalidParameterException(
                    "group", "parameter.error.group", String.join(", ", StateFilter.GROUPS));
          });
    }
    return sql;
  }

  /**
   * The scope of dashboard figures from request parameters: years as four digits, the first not
   * after the last, a region that exists, a known group. Blank parameters do not narrow.
   *
   * @throws InvalidParameterException naming the parameter that cannot be used
   */
  public StatsScope statsScope(String from, String to, String region, String group) {
    return statsScope(from, to, region, group, null);
  }

  /**
   * As {@link #statsScope(String, String, String, String)}, narrowed to one State (an ISO 3166
   * alpha-3 code that exists) when {@code state} is not blank.
   */
  public StatsScope statsScope(String from, String to, String region, String group, String state) {
    Integer fromYear = year("from", from);
    Integer toYear = year("to", to);
    if (fromYear != null && toYear != null && fromYear > toYear) {
      throw new InvalidParameterException("to", "parameter.error.year-order", fromYear, toYear);
    }
    String regionCode = null;
    if (SqlFilter.hasText(region)) {
      regionCode = region.strip();
      if (findRegion(regionCode).isEmpty()) {
        throw new InvalidParameterException("region", "parameter.error.region", regionCode);
      }
    }
    String groupCode = null;
    if (SqlFilter.hasText(group)) {
      groupCode = group.strip().toLowerCase(Locale.ROOT);
      if (!StateFilter.GROUPS.contains(groupCode)) {
        throw new InvalidParameterException(
            "group", "parameter.error.group", String.join(", ", StateFilter.GROUPS));
      }
    }
    String iso3 = null;
    if (SqlFilter.hasText(state)) {
      iso3 = state.strip().toUpperCase(Locale.ROOT);
      if (findState(iso3).isEmpty()) {
        throw new InvalidParameterException("state", "parameter.error.state", state.strip());
      }
    }
    return new StatsScope(fromYear, toYear, regionCode, groupCode, iso3);
  }

  private static Integer year(String parameter, String value) {
    if (!SqlFilter.hasText(value)) {
      return null;
    }
    String text = value.strip();
    if (!text.matches("[0-9]{4}")) {
      throw new InvalidParameterException(parameter, "parameter.error.year", parameter, text);
    }
    return Integer.valueOf(text);
  }

  public Optional<Region> findRegion(String code) {
    return jdbc.sql("select code, name, level, parent_code from region where code = ?")
        .param(code)
        .query(Region.class)
        .optional();
  }

  /** The regions and sub-regions that States belong to, regions first. */
  public List<Region> regions() {
    return jdbc.sql(
            """
            select code, name, level, parent_code from region
            order by case level when 'REGION' then 0 when 'SUB_REGION' then 1 else 2 end, name
            """)
        .query(Region.class)
        .list();
  }

  public List<Instrument> instruments() {
    return jdbc.sql(
            """
            select i.code, i.abbreviation, i.name, i.kind, i.parent_code, i.adopted_on,
                   i.entry_into_force_on, i.treaty_body_code
            from instrument i
                     left join instrument p on p.code = i.parent_code
            order by coalesce(p.adopted_on, i.adopted_on), coalesce(p.code, i.code),
                     i.parent_code nulls first, i.adopted_on
            """)
        .query(Instrument.class)
        .list();
  }

  public List<Declaration> declarations() {
    return jdbc.sql(
            "select code, instrument_code, article, kind, name from declaration order by"
                + " instrument_code, kind, article")
        .query(Declaration.class)
        .list();
  }

  /** Mechanisms, optionally of one kind (UPR, TREATY_BODY, SPECIAL_PROCEDURE). */
  public List<Mechanism> mechanisms(String kind) {
    if (kind != null && !kind.isBlank()) {
      String normalised = kind.strip().toUpperCase(Locale.ROOT);
      if (!List.of("UPR", "TREATY_BODY", "SPECIAL_PROCEDURE").contains(normalised)) {
        throw new InvalidParameterException(
            "kind", "parameter.error.mechanism-kind", "UPR, TREATY_BODY, SPECIAL_PROCEDURE");
      }
      return jdbc.sql(
              "select code, kind, abbreviation, name, instrument_code, mandate_kind,"
                  + " established_year from mechanism where kind = ? order by name")
          .param(normalised)
          .query(Mechanism.class)
          .list();
    }
    return jdbc.sql(
            """
            select code, kind, abbreviation, name, instrument_code, mandate_kind, established_year
            from mechanism
            order by case kind when 'UPR' then 0 when 'TREATY_BODY' then 1 else 2 end,
                     mandate_kind nulls first, name
            """)
        .query(Mechanism.class)
        .list();
  }

  public List<UprCycle> uprCycles() {
    return jdbc.sql(
            "select cycle, first_session, last_session, start_year, end_year from upr_cycle"
                + " order by cycle")
        .query(UprCycle.class)
        .list();
  }

  public List<UprSession> uprSessions() {
    return jdbc.sql("select session, year, cycle from upr_session order by session")
        .query(UprSession.class)
        .list();
  }

  public List<SdgGoal> sdgGoals() {
    return jdbc.sql("select number, short_title, title from sdg_goal order by number")
        .query(SdgGoal.class)
        .list();
  }

  /** SDG targets, optionally of one goal (1 to 17). */
  public List<SdgTarget> sdgTargets(Integer goal) {
    if (goal != null) {
      if (goal < 1 || goal > 17) {
        throw new InvalidParameterException("goal", "parameter.error.goal");
      }
      return jdbc.sql("select code, goal, text from sdg_target where goal = ? order by position")
          .param(goal)
          .query(SdgTarget.class)
          .list();
    }
    return jdbc.sql("select code, goal, text from sdg_target order by position")
        .query(SdgTarget.class)
        .list();
  }

  public List<SdgIndicator> sdgIndicators(String targetCode) {
    return jdbc.sql(
            "select code, target_code, text, unsd_codes from sdg_indicator where target_code = ?"
                + " order by position")
        .param(targetCode)
        .query(SdgIndicator.class)
        .list();
  }

  public List<Theme> themes() {
    return jdbc.sql("select code, name, parent_code from theme order by code")
        .query(Theme.class)
        .list();
  }

  public List<AffectedGroup> affectedGroups() {
    return jdbc.sql("select code, name from affected_group order by name")
        .query(AffectedGroup.class)
        .list();
  }

  public List<Organisation> organisations() {
    return jdbc.sql("select code, name, kind, state_iso3 from organisation order by name")
        .query(Organisation.class)
        .list();
  }

  public Optional<Organisation> findOrganisation(String code) {
    return jdbc.sql("select code, name, kind, state_iso3 from organisation where code = ?")
        .param(code)
        .query(Organisation.class)
        .optional();
  }
}
