package org.coopera.monitoring.recommendations;

import java.util.ArrayList;
import java.util.List;
import org.coopera.reference.StatsScope;
import org.coopera.reference.StatsScope.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry's counts worked out directly from {@code recommendation} and {@code
 * recommendation_tag}, every row in scope read each time: the queries the dashboard ran before the
 * counts of migration V23 were kept, so that a test can hold the two side by side.
 */
class DirectCounts extends RecommendationCounts {

  private final JdbcClient jdbc;

  DirectCounts(JdbcClient jdbc) {
    super(jdbc);
    this.jdbc = jdbc;
  }

  @Override
  List<Group> groups(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            """
            select case m.kind when 'TREATY_BODY' then m.code else m.kind end as mechanism,
                   r.upr_cycle, r.year, r.response, count(*) as n
            from recommendation r join mechanism m on m.code = r.mechanism_code
            where %s
            group by 1, 2, 3, 4
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

  @Override
  long states(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            "select count(distinct r.state_iso3) from recommendation r where " + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  @Override
  List<Count> themes(StatsScope scope, int limit) {
    Where where = where(scope);
    List<Object> params = new ArrayList<>(where.params());
    params.add(limit);
    return jdbc.sql(
            """
            select t.code, count(*) as n
            from recommendation_tag t join recommendation r on r.id = t.recommendation_id
            where t.kind = 'THEME' and t.status = 'CONFIRMED' and %s
            group by t.code order by n desc, t.code limit ?
            """
                .formatted(where.sql()))
        .params(params)
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  @Override
  List<Count> sdgGoals(StatsScope scope) {
    Where where = where(scope);
    return jdbc.sql(
            """
            select split_part(t.code, '.', 1) as goal, count(distinct t.recommendation_id)
            from recommendation_tag t join recommendation r on r.id = t.recommendation_id
            where t.kind = 'SDG' and t.status = 'CONFIRMED' and %s
            group by 1
            """
                .formatted(where.sql()))
        .params(where.params())
        .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2)))
        .list();
  }

  private static Where where(StatsScope scope) {
    SqlCondition states = scope.states("r.state_iso3");
    List<String> parts = new ArrayList<>(List.of(states.sql()));
    List<Object> params = new ArrayList<>(states.params());
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
