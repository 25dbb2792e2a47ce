package org.coopera.monitoring.recommendations;

import java.util.ArrayList;
import java.util.List;
import org.coopera.reference.StatsScope;
import org.coopera.reference.StatsScope.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts behind the recommendations dashboard, each one aggregate query. The registry's figures
 * are sums over the counts that migration V23 keeps beside it ({@code recommendation_count}:
 * recommendations per State, year, mechanism, cycle and response; {@code recommendation_tag_count}:
 * recommendations per State, year and confirmed theme, SDG goal or affected group, and the same per
 * year alone and, from V26, per State alone), which their triggers change in the transaction of
 * every write to {@code recommendation} and {@code recommendation_tag}: a few thousand rows to add
 * up instead of every recommendation. The published statuses are read from the status of each
 * recommendation that V27 keeps beside the implementation workspace's tables. Read-only statistics
 * read straight from the tables: the registry and the workspace offer no aggregate API, and these
 * queries change nothing. Every recommendation in the registry is public; of the workspace only
 * what a State has published counts, as its public pages show it.
 */
@Component
class RecommendationCounts {

  private final JdbcClient jdbc;

  RecommendationCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * How many recommendations of one group: the mechanism (a treaty body's code, or {@code UPR} or
   * {@code SPECIAL_PROCEDURE}), the UPR cycle (null for other mechanisms), the year and the
   * response.
   */
  record Group(String mechanism, Integer cycle, int year, String response, long count) {}

  /** A count by a key (a theme's code, an SDG goal, a status). */
  record Count(String key, long count) {}

  /** The recommendations in scope, grouped by mechanism, cycle, year and response. */
  List<Group> groups(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            """
            select case m.kind when 'TREATY_BODY' then m.code else m.kind end as mechanism,
                   r.upr_cycle, r.year, r.response, sum(r.n) as n
            from recommendation_count r join mechanism m on m.code = r.mechanism_code
            where %s
            group by 1, 2, 3, 4
            having sum(r.n) > 0
            """
                .formatted(where.sql()))
        .params(where.params())
        .query(
            (rs, n) ->
                new Group(
                    rs.getString(1),
                    rs.getObject(2, Integer.class),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getLong(5)))
        .list();
  }

  /** How many States the recommendations in scope were made to. */
  long states(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            "select count(distinct r.state_iso3) from recommendation_count r where r.n > 0 and "
                + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  /** The most frequent confirmed themes, most frequent first. */
  List<Count> themes(StatsScope scope, int limit) {
    Where where = where(scope);
    List<Object> params = new ArrayList<>(where.params());
    params.add(limit);
    return jdbc.sql(
            """
            select r.tag, sum(r.n) as n
            from %s r
            where r.kind = 'THEME' and %s
            group by r.tag having sum(r.n) > 0
            order by n desc, r.tag limit ?
            """
                .formatted(tagCounts(scope), where.sql()))
        .params(params)
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /**
   * How many recommendations carry a confirmed SDG goal, or a target of it, by goal number ({@code
   * 16} for the tags {@code 16} and {@code 16.3}).
   */
  List<Count> sdgGoals(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            """
            select r.tag, sum(r.n)
            from %s r
            where r.kind = 'SDG' and %s
            group by r.tag having sum(r.n) > 0
            """
                .formatted(tagCounts(scope), where.sql()))
        .params(where.params())
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /**
   * How many recommendations have each published implementation status. Migration V27 keeps the
   * public status of every recommendation a State has published something of ({@code
   * recommendation_published_status}), with its State and year, by triggers on the workspace's
   * tables and the registry's: a State's assignment of a recommendation, or of an accepted cluster
   * holding it, is public once one of its progress updates is published; its public status rolls up
   * (as {@code ImplementationStatus.rollUp} does) from those of its actions, each the status of its
   * latest published update, not started without one. A recommendation assigned both on its own and
   * in a cluster counts once, with its own assignment.
   */
  List<Count> publishedStatuses(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            "select r.status, count(*) from recommendation_published_status r where "
                + where.sql()
                + " group by r.status")
        .params(where.params())
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  /**
   * The counts of tags to read, the smallest that holds the scope: by year alone when the scope
   * takes every State (the world, a period), by State alone when it narrows the States over every
   * year (migration V26: a region summed about 50,000 cells by State and year at 100,000
   * recommendations, and would sum more as the registry fills the years), by State and year when it
   * narrows both. Each has {@code state_iso3} or {@code year} where {@link #where} asks for them.
   */
  private static String tagCounts(StatsScope scope) {
    if (!scope.narrowsStates()) {
      return "recommendation_tag_year_count";
    }
    return scope.fromYear() == null && scope.toYear() == null
        ? "recommendation_tag_state_count"
        : "recommendation_tag_count";
  }

  /**
   * The scope as a condition on {@code r}, a recommendation or a cell of the counts (both have
   * {@code state_iso3} and {@code year}): its State and its year.
   */
  private static Where where(StatsScope scope) {
    SqlCondition states = scope.states("r.state_iso3");
    List<String> parts = new ArrayList<>(List.of(states.sql()));
    List<Object> params = new ArrayList<>(states.params());
    // the year of the review (the UPR session's year, the date of the observations): an integer
    // column, compared as it is so that the index on (state_iso3, year) serves
    if (scope.fromYear() != null) {
      parts.add("r.year >= ?");
      params.add(scope.fromYear());
    }
    if (scope.toYear() != null) {
      parts.add("r.year <= ?");
      params.add(scope.toYear());
    }
    return new Where(String.join(" and ", parts), params);
  }

  private record Where(String sql, List<Object> params) {}
}
