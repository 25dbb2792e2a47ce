package org.coopera.monitoring.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.DashboardFigures.Headline;
import org.coopera.monitoring.Label;
import org.coopera.monitoring.StatsTable;
import org.coopera.monitoring.StatsTable.Chart;
import org.coopera.monitoring.StatsTable.Column;
import org.coopera.monitoring.StatsTable.Row;
import org.coopera.reference.StatsScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Technical cooperation measured (paras 15, 100, 110): requests by region, area and form, the time
 * from a request to its project's start, projects by how far their outcomes reached their targets,
 * the evaluated lag to impact, money allocated against what the projects asked for, officials
 * trained and States reached.
 *
 * <p>Read-only aggregates in SQL with {@link JdbcClient} straight over the tables of the
 * assistance, funds and capacity modules: each figure is one group-by in PostgreSQL, which no
 * public service of those modules offers for a whole {@link StatsScope} (period, region, group,
 * State).
 *
 * <p>What is counted, since dashboards are public:
 *
 * <ul>
 *   <li>Requests: only those the assistance module shows the public ({@code PublicRequests}):
 *       submitted or closed, and not marked confidential. Confidential requests are counted in no
 *       figure, not even in totals, because the module publishes no count that includes them;
 *       drafts and withdrawn requests are not counted either. A request's date is its submission
 *       (UTC), its State the requesting State.
 *   <li>Projects: published and not cancelled, dated by their start; their results, indicators,
 *       evaluations and allocations count only through such a project. Outcome achievement uses
 *       each outcome indicator's latest value against its target, in the indicator's direction.
 *   <li>Money: the funds raised for cooperation are the allocations the funds decided for those
 *       projects (US dollars, dated by the decision, the State being the project's), because a
 *       contribution to a fund has a donor but no requesting State; the demand is the budgets of
 *       the same projects held in US dollars, dated by the project's start.
 *   <li>Training: the figures of {@code capacity}'s {@code TrainingFigures} (participants who
 *       attended an event that ended in the period, each person once per State by name), computed
 *       here in the same way because that service is not in the capacity module's public API and
 *       does not take a group or a State. Only counts are shown, never a name.
 * </ul>
 */
@Component
class CooperationDashboard implements Dashboard {

  /** A request the public may count. */
  static final String PUBLIC_REQUEST = "r.status in ('SUBMITTED', 'CLOSED') and not r.confidential";

  /** A project the public may count. */
  static final String PUBLIC_PROJECT = "p.published and p.status <> 'CANCELLED'";

  private final JdbcClient jdbc;

  CooperationDashboard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String key() {
    return "cooperation";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public String titleKey() {
    return "stats.cooperation.title";
  }

  @Override
  public String leadKey() {
    return "stats.cooperation.lead";
  }

  @Override
  public List<String> profileHeadlines() {
    return List.of(
        "requests",
        "projects",
        "medianDaysToStart",
        "outcomesReached",
        "allocatedUsd",
        "officialsTrained");
  }

  @Override
  public DashboardFigures figures(StatsScope scope) {
    Where requests = new Where(scope, "r.state_iso3", "r.submitted_at", PUBLIC_REQUEST);
    Where projects = new Where(scope, "p.state_iso3", "p.start_date", PUBLIC_PROJECT);

    long requestCount = count("select count(*) from assistance_request r", requests);
    Map<String, Object> started =
        jdbc.sql(
                """
                select count(*),
                       percentile_cont(0.5) within group (
                         order by p.start_date - (r.submitted_at at time zone 'UTC')::date)
                from project p join assistance_request r on r.id = p.request_id
                where\s"""
                    + projects.sql())
            .params(projects.params())
            .query()
            .singleRow();
    long projectCount = ((Number) started.get("count")).longValue();
    Number medianDays = (Number) started.get("percentile_cont");

    List<Row> outcomeRows = outcomes(projects);
    long indicators = outcomeRows.stream().mapToLong(r -> r.values().get(1).longValue()).sum();
    long reachedIndicators =
        outcomeRows.stream().mapToLong(r -> r.values().get(2).longValue()).sum();

    Where evaluations = new Where(scope, "p.state_iso3", "e.change_measured", PUBLIC_PROJECT);
    Number lagMonths =
        jdbc.sql(
                """
                select round(avg((e.change_measured - e.activities_ended) / 30.4375)::numeric, 1)
                from project_evaluation e join project p on p.id = e.project_id
                where\s"""
                    + evaluations.sql())
            .params(evaluations.params())
            .query(BigDecimal.class)
            .optional()
            .orElse(null);

    Where allocations = new Where(scope, "p.state_iso3", "a.decided_on", PUBLIC_PROJECT);
    BigDecimal allocated =
        jdbc.sql(
                "select coalesce(sum(a.amount_usd), 0) from fund_allocation a join project p on"
                    + " p.id = a.project_id where "
                    + allocations.sql())
            .params(allocations.params())
            .query(BigDecimal.class)
            .single();
    BigDecimal demand =
        jdbc.sql(
                "select coalesce(sum(p.budget_amount), 0) from project p where p.budget_currency ="
                    + " 'USD' and "
                    + projects.sql())
            .params(projects.params())
            .query(BigDecimal.class)
            .single();

    Where trained = new Where(scope, "x.state_iso3", "e.ends_on", "x.attended");
    Map<String, Object> training =
        jdbc.sql(
                """
                select count(distinct (lower(x.full_name), x.state_iso3)) as officials,
                       count(distinct x.state_iso3) as states
                from event_participant x join training_event e on e.id = x.event_id
                where\s"""
                    + trained.sql())
            .params(trained.params())
            .query()
            .singleRow();

    List<Headline> headlines =
        List.of(
            new Headline("requests", Label.message("stats.cooperation.requests"), requestCount),
            new Headline("projects", Label.message("stats.cooperation.projects"), projectCount),
            new Headline(
                "medianDaysToStart",
                Label.message("stats.cooperation.median-days"),
                medianDays == null ? null : Math.round(medianDays.doubleValue())),
            new Headline(
                "outcomesReached",
                Label.message("stats.cooperation.outcomes-reached"),
                indicators == 0
                    ? null
                    : Math.round(reachedIndicators * 1000.0 / indicators) / 10.0),
            new Headline("meanLagMonths", Label.message("stats.cooperation.lag"), lagMonths),
            new Headline(
                "allocatedUsd", Label.message("stats.cooperation.allocated"), whole(allocated)),
            new Headline("demandUsd", Label.message("stats.cooperation.demand"), whole(demand)),
            new Headline(
                "officialsTrained",
                Label.message("stats.cooperation.officials"),
                ((Number) training.get("officials")).longValue()),
            new Headline(
                "statesReached",
                Label.message("stats.cooperation.states-reached"),
                ((Number) training.get("states")).longValue()));

    List<StatsTable> tables = new ArrayList<>();
    tables.add(requestsByRegion(requests));
    tables.add(
        requestsBy("areas", "stats.cooperation.table.by-area", "assistance.area.", requests));
    tables.add(
        requestsBy("forms", "stats.cooperation.table.by-form", "assistance.form.", requests));
    int[] years = years(scope);
    tables.add(byYear(years, requests, projects));
    tables.add(
        new StatsTable(
            "projects-by-outcome",
            Label.message("stats.cooperation.table.by-outcome"),
            Chart.BAR,
            Label.message("stats.cooperation.col.achievement"),
            List.of(
                new Column("projects", Label.message("stats.cooperation.col.projects")),
                new Column("indicators", Label.message("stats.cooperation.col.indicators")),
                new Column("reached", Label.message("stats.cooperation.col.reached"))),
            outcomeRows));
    tables.add(moneyByYear(years, allocations, projects));
    return new DashboardFigures(headlines, tables);
  }

  private static BigDecimal whole(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP);
  }

  private long count(String from, Where where) {
    return jdbc.sql(from + " where " + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  private StatsTable requestsByRegion(Where requests) {
    List<Row> rows =
        jdbc.sql(
                """
                select s.region_code, count(*) from assistance_request r
                join state s on s.iso3 = r.state_iso3
                where\s"""
                    + requests.sql()
                    + " group by s.region_code order by count(*) desc, s.region_code")
            .params(requests.params())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        Label.message("region." + rs.getString(1)),
                        List.<Number>of(rs.getLong(2))))
            .list();
    return new StatsTable(
        "requests-by-region",
        Label.message("stats.cooperation.table.by-region"),
        Chart.BAR,
        Label.message("dashboards.region"),
        List.of(new Column("requests", Label.message("stats.cooperation.col.requests"))),
        rows);
  }

  private StatsTable requestsBy(String column, String caption, String labelPrefix, Where requests) {
    List<Row> rows =
        jdbc.sql(
                "select c, count(*) from assistance_request r cross join unnest(r."
                    + column
                    + ") as c where "
                    + requests.sql()
                    + " group by c order by count(*) desc, c")
            .params(requests.params())
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        Label.message(labelPrefix + rs.getString(1)),
                        List.<Number>of(rs.getLong(2))))
            .list();
    return new StatsTable(
        "requests-by-" + (column.equals("areas") ? "area" : "form"),
        Label.message(caption),
        Chart.BAR,
        Label.message(
            column.equals("areas") ? "stats.cooperation.col.area" : "stats.cooperation.col.form"),
        List.of(new Column("requests", Label.message("stats.cooperation.col.requests"))),
        rows);
  }

  /**
   * Projects by how far their outcome indicators reached their targets at the latest value
   * measured: all, some, none, or nothing measured yet. Values: projects, indicators measured,
   * indicators at or beyond their target.
   */
  private List<Row> outcomes(Where projects) {
    Map<String, long[]> byLevel = new java.util.LinkedHashMap<>();
    for (String level : List.of("REACHED", "PARTLY", "NOT_REACHED", "NOT_MEASURED")) {
      byLevel.put(level, new long[3]);
    }
    jdbc.sql(
            """
            with latest as (
              select distinct on (v.indicator_id) v.indicator_id, v.actual
              from project_indicator_value v order by v.indicator_id, v.period_end desc
            ), per_project as (
              select p.id,
                     count(l.indicator_id) as measured,
                     count(*) filter (where l.indicator_id is not null and
                       (case when i.ascending then l.actual >= i.target
                             else l.actual <= i.target end)) as reached
              from project p
              left join project_result pr on pr.project_id = p.id and pr.level = 'OUTCOME'
              left join project_indicator i on i.result_id = pr.id
              left join latest l on l.indicator_id = i.id
              where\s"""
                + projects.sql()
                + """

              group by p.id
            )
            select case when measured = 0 then 'NOT_MEASURED'
                        when reached = measured then 'REACHED'
                        when reached > 0 then 'PARTLY'
                        else 'NOT_REACHED' end as level,
                   count(*), sum(measured), sum(reached)
            from per_project group by 1
            """)
        .params(projects.params())
        .query(
            (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .list()
        .forEach(
            r -> byLevel.put((String) r[0], new long[] {(Long) r[1], (Long) r[2], (Long) r[3]}));
    List<Row> rows = new ArrayList<>();
    byLevel.forEach(
        (level, v) ->
            rows.add(
                new Row(
                    level,
                    Label.message("stats.cooperation.outcome." + level),
                    List.<Number>of(v[0], v[1], v[2]))));
    return rows;
  }

  private StatsTable byYear(int[] years, Where requests, Where projects) {
    return new StatsTable(
        "requests-and-projects-by-year",
        Label.message("stats.cooperation.table.by-year"),
        Chart.LINE,
        Label.message("stats.year"),
        List.of(
            new Column("requests", Label.message("stats.cooperation.col.requests")),
            new Column("projects", Label.message("stats.cooperation.col.projects-started"))),
        yearly(
            years,
            new Series(
                "select extract(year from r.submitted_at at time zone 'UTC')::int as y,"
                    + " count(*) as v from assistance_request r where ",
                requests),
            new Series(
                "select extract(year from p.start_date)::int as y, count(*) as v"
                    + " from project p where ",
                projects),
            BigDecimal::longValue));
  }

  private StatsTable moneyByYear(int[] years, Where allocations, Where projects) {
    return new StatsTable(
        "money-by-year",
        Label.message("stats.cooperation.table.money"),
        Chart.BAR,
        Label.message("stats.year"),
        List.of(
            new Column("allocatedUsd", Label.message("stats.cooperation.col.allocated")),
            new Column("demandUsd", Label.message("stats.cooperation.col.demand"))),
        yearly(
            years,
            new Series(
                "select extract(year from a.decided_on)::int as y, sum(a.amount_usd) as v"
                    + " from fund_allocation a join project p on p.id = a.project_id where ",
                allocations),
            new Series(
                "select extract(year from p.start_date)::int as y, sum(p.budget_amount) as v"
                    + " from project p where p.budget_currency = 'USD' and ",
                projects),
            CooperationDashboard::whole));
  }

  /**
   * A yearly aggregate: {@code select} gives a year {@code y} and a value {@code v} and ends in
   * {@code where}, which the condition completes.
   */
  private record Series(String select, Where where) {}

  /** Two yearly series side by side, each year of the range a row, a year without data 0. */
  private List<Row> yearly(
      int[] years, Series first, Series second, Function<BigDecimal, Number> value) {
    List<Object> params = new ArrayList<>(first.where().params());
    params.addAll(second.where().params());
    params.add(years[0]);
    params.add(years[1]);
    return jdbc.sql(
            "with a as ("
                + first.select()
                + first.where().sql()
                + " group by 1), b as ("
                + second.select()
                + second.where().sql()
                + """
                 group by 1)
                select g.y, coalesce(a.v, 0), coalesce(b.v, 0)
                from generate_series(?::int, ?::int) as g(y)
                left join a on a.y = g.y left join b on b.y = g.y
                order by g.y
                """)
        .params(params)
        .query(
            (rs, n) ->
                new Row(
                    String.valueOf(rs.getInt(1)),
                    Label.of(String.valueOf(rs.getInt(1))),
                    List.of(value.apply(rs.getBigDecimal(2)), value.apply(rs.getBigDecimal(3)))))
        .list();
  }

  /**
   * The years of the series: the period's, or from the first public request or project to this
   * year, or to the last year of the public data if later (a project planned to start next year).
   */
  private int[] years(StatsScope scope) {
    int now = LocalDate.now().getYear();
    Map<String, Object> span =
        jdbc.sql(
                """
                with r as (
                  select min(extract(year from r.submitted_at))::int as first,
                         max(extract(year from r.submitted_at))::int as last
                  from assistance_request r where\s"""
                    + PUBLIC_REQUEST
                    + """
                ), p as (
                  select min(extract(year from p.start_date))::int as first,
                         max(extract(year from p.start_date))::int as last,
                         max(extract(year from a.decided_on))::int as allocated
                  from project p left join fund_allocation a on a.project_id = p.id
                  where\s"""
                    + PUBLIC_PROJECT
                    + """
                )
                select least(r.first, p.first) as first, greatest(r.last, p.last, p.allocated) as last
                from r cross join p
                """)
            .query()
            .singleRow();
    Integer first = (Integer) span.get("first");
    Integer last = (Integer) span.get("last");
    int from = scope.fromYear() != null ? scope.fromYear() : first == null ? now : first;
    int to =
        scope.toYear() != null
            ? scope.toYear()
            : Math.max(from, last == null ? now : Math.max(now, last));
    return new int[] {from, Math.max(from, to)};
  }

  /** The condition of a figure: what the public may count, in the scope's States and period. */
  record Where(String sql, List<Object> params) {
    Where(StatsScope scope, String stateColumn, String dateColumn, String visible) {
      this(scope.states(stateColumn), scope.period(dateColumn), visible);
    }

    Where(StatsScope.SqlCondition states, StatsScope.SqlCondition period, String visible) {
      this(
          visible + " and " + states.sql() + " and " + period.sql(),
          concat(states.params(), period.params()));
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
      List<Object> all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }
  }
}
