package org.coopera.monitoring.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.DashboardFigures.Headline;
import org.coopera.monitoring.Label;
import org.coopera.monitoring.StatsTable;
import org.coopera.monitoring.StatsTable.Chart;
import org.coopera.monitoring.StatsTable.Column;
import org.coopera.monitoring.StatsTable.Row;
import org.coopera.reference.StatsScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Technical cooperation measured (paras 15, 100, 110): requests by region, area and form, the time
 * from a request to its project's start, projects by how far their outcomes reached their targets,
 * the evaluated lag to impact, money allocated against what the projects asked for, officials
 * trained and States reached.
 *
 * <p>Read-only aggregates in SQL with {@link JdbcClient} straight over the tables of the
 * assistance, funds and capacity modules: each figure is a group-by in PostgreSQL, which no public
 * service of those modules offers for a whole {@link StatsScope} (period, region, group, State).
 *
 * <p>Each table is read once or twice per scope, not once per figure: the totals and the yearly
 * series of requests, projects and allocations come from one {@code grouping sets} query each,
 * outcomes are read from the indicator values (few beside the projects), officials trained and the
 * span of years from the indexes of migration V28. At a million recommendations (10,000 requests
 * and projects) the world's figures took about 160 ms of queries and take about 45 ms.
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
    Where allocations = new Where(scope, "p.state_iso3", "a.decided_on", PUBLIC_PROJECT);

    PerYear<Long> requested =
        perYear(
            "select extract(year from r.submitted_at at time zone 'UTC')::int as y, count(*)"
                + " from assistance_request r where ",
            requests,
            (rs, n) -> rs.getLong(2));
    // The median is over the projects in scope; each year's is computed too, and not read.
    PerYear<Started> started =
        perYear(
            """
            select extract(year from p.start_date)::int as y, count(*),
                   coalesce(sum(p.budget_amount) filter (where p.budget_currency = 'USD'), 0),
                   percentile_cont(0.5) within group (
                     order by p.start_date - (r.submitted_at at time zone 'UTC')::date)
            from project p join assistance_request r on r.id = p.request_id
            where\s""",
            projects,
            (rs, n) -> new Started(rs.getLong(2), rs.getBigDecimal(3), (Number) rs.getObject(4)));
    PerYear<BigDecimal> allocated =
        perYear(
            "select extract(year from a.decided_on)::int as y, coalesce(sum(a.amount_usd), 0)"
                + " from fund_allocation a join project p on p.id = a.project_id where ",
            allocations,
            (rs, n) -> rs.getBigDecimal(2));

    List<Row> outcomeRows = outcomes(projects, started.total().projects());
    List<Headline> headlines =
        headlines(
            requested.total(),
            started.total(),
            outcomeRows,
            lag(scope),
            allocated.total(),
            training(scope));

    List<StatsTable> tables = new ArrayList<>();
    tables.add(requestsByRegion(requests));
    tables.add(
        requestsBy("areas", "stats.cooperation.table.by-area", "assistance.area.", requests));
    tables.add(
        requestsBy("forms", "stats.cooperation.table.by-form", "assistance.form.", requests));
    int[] years = years(scope);
    tables.add(byYear(years, requested, started));
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
    tables.add(moneyByYear(years, allocated, started));
    return new DashboardFigures(headlines, tables);
  }

  private static List<Headline> headlines(
      long requests,
      Started started,
      List<Row> outcomeRows,
      BigDecimal lagMonths,
      BigDecimal allocated,
      Training training) {
    long indicators = outcomeRows.stream().mapToLong(r -> r.values().get(1).longValue()).sum();
    long reachedIndicators =
        outcomeRows.stream().mapToLong(r -> r.values().get(2).longValue()).sum();
    Number medianDays = started.medianDays();
    return List.of(
        new Headline("requests", Label.message("stats.cooperation.requests"), requests),
        new Headline("projects", Label.message("stats.cooperation.projects"), started.projects()),
        new Headline(
            "medianDaysToStart",
            Label.message("stats.cooperation.median-days"),
            medianDays == null ? null : Math.round(medianDays.doubleValue())),
        new Headline(
            "outcomesReached",
            Label.message("stats.cooperation.outcomes-reached"),
            indicators == 0 ? null : Math.round(reachedIndicators * 1000.0 / indicators) / 10.0),
        new Headline("meanLagMonths", Label.message("stats.cooperation.lag"), lagMonths),
        new Headline(
            "allocatedUsd", Label.message("stats.cooperation.allocated"), whole(allocated)),
        new Headline(
            "demandUsd", Label.message("stats.cooperation.demand"), whole(started.demandUsd())),
        new Headline(
            "officialsTrained", Label.message("stats.cooperation.officials"), training.officials()),
        new Headline(
            "statesReached", Label.message("stats.cooperation.states-reached"), training.states()));
  }

  /**
   * Projects in scope (joined to their requests): how many, the US-dollar budgets, and the median
   * days from a request's submission to its project's start.
   */
  private record Started(long projects, BigDecimal demandUsd, Number medianDays) {}

  /** Officials trained (each person once per State by name) and the States they came from. */
  private record Training(long officials, long states) {}

  /**
   * An aggregate over the rows in scope and the same per year, read in one pass with {@code
   * grouping sets}: {@code select} gives the year first and ends in {@code where}, which the
   * condition completes. The total is the row whose year is null; no year is null otherwise, since
   * the dates counted are never null in rows in scope.
   */
  private <T> PerYear<T> perYear(String select, Where where, RowMapper<T> value) {
    Map<Integer, T> years = new HashMap<>();
    List<T> total = new ArrayList<>(1);
    jdbc.sql(select + where.sql() + " group by grouping sets ((), (1))")
        .params(where.params())
        .query(
            (RowCallbackHandler)
                rs -> {
                  T v = value.mapRow(rs, 0);
                  int year = rs.getInt(1);
                  if (rs.wasNull()) {
                    total.add(v);
                  } else {
                    years.put(year, v);
                  }
                });
    return new PerYear<>(total.get(0), years);
  }

  /** An aggregate over the rows in scope, and per year. */
  private record PerYear<T>(T total, Map<Integer, T> years) {
    /** The year's value, or {@code none} for a year without rows. */
    <N> N year(int year, Function<T, N> value, N none) {
      T v = years.get(year);
      return v == null ? none : value.apply(v);
    }
  }

  /** The mean evaluated lag from the end of activities to the measured change, in months. */
  private BigDecimal lag(StatsScope scope) {
    Where evaluations = new Where(scope, "p.state_iso3", "e.change_measured", PUBLIC_PROJECT);
    return jdbc.sql(
            """
            select round(avg((e.change_measured - e.activities_ended) / 30.4375)::numeric, 1)
            from project_evaluation e join project p on p.id = e.project_id
            where\s"""
                + evaluations.sql())
        .params(evaluations.params())
        .query(BigDecimal.class)
        .optional()
        .orElse(null);
  }

  /**
   * Officials trained, counted per State: a person is one per State by name, so the officials of
   * the scope are the sum of each State's distinct names, read in the order of the index of V28 on
   * {@code (state_iso3, lower(full_name))} of attended participants without a sort. Without a
   * period the events are not joined: every participant's event exists (a foreign key).
   */
  private Training training(StatsScope scope) {
    Where trained = new Where(scope, "x.state_iso3", "e.ends_on", "x.attended");
    boolean period = scope.fromYear() != null || scope.toYear() != null;
    return jdbc.sql(
            """
            select coalesce(sum(officials), 0), count(*) from (
              select x.state_iso3, count(distinct lower(x.full_name)) as officials
              from event_participant x\s"""
                + (period ? "join training_event e on e.id = x.event_id " : "")
                + "where "
                + trained.sql()
                + " group by x.state_iso3) per_state")
        .params(trained.params())
        .query((rs, n) -> new Training(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private static BigDecimal whole(BigDecimal amount) {
    return amount.setScale(0, RoundingMode.HALF_UP);
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
                "select c, count(*) from (select unnest(r."
                    + column
                    + ") as c from assistance_request r where "
                    + requests.sql()
                    + ") as request group by c order by count(*) desc, c")
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
   * indicators at or beyond their target. Read from the values measured towards the projects, few
   * beside the projects; the projects in scope without any ({@code projects} of them in all) are
   * those with nothing measured.
   */
  private List<Row> outcomes(Where projects, long projectCount) {
    Map<String, long[]> byLevel = new LinkedHashMap<>();
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
                     count(*) as measured,
                     count(*) filter (where
                       case when i.ascending then l.actual >= i.target
                            else l.actual <= i.target end) as reached
              from latest l
              join project_indicator i on i.id = l.indicator_id
              join project_result pr on pr.id = i.result_id and pr.level = 'OUTCOME'
              join project p on p.id = pr.project_id
              where\s"""
                + projects.sql()
                + """

              group by p.id
            )
            select case when reached = measured then 'REACHED'
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
    long measured = byLevel.values().stream().mapToLong(v -> v[0]).sum();
    byLevel.put("NOT_MEASURED", new long[] {projectCount - measured, 0, 0});
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

  private StatsTable byYear(int[] years, PerYear<Long> requests, PerYear<Started> projects) {
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
            y -> requests.year(y, n -> n, 0L),
            y -> projects.year(y, Started::projects, 0L)));
  }

  private StatsTable moneyByYear(
      int[] years, PerYear<BigDecimal> allocations, PerYear<Started> projects) {
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
            y -> whole(allocations.year(y, a -> a, BigDecimal.ZERO)),
            y -> whole(projects.year(y, Started::demandUsd, BigDecimal.ZERO))));
  }

  /** Two yearly series side by side, each year of the range a row, a year without data 0. */
  private static List<Row> yearly(
      int[] years, IntFunction<Number> first, IntFunction<Number> second) {
    List<Row> rows = new ArrayList<>();
    for (int year = years[0]; year <= years[1]; year++) {
      rows.add(
          new Row(
              String.valueOf(year),
              Label.of(String.valueOf(year)),
              List.of(first.apply(year), second.apply(year))));
    }
    return rows;
  }

  /**
   * The years of the series: the period's, or from the first public request or project to this
   * year, or to the last year of the public data if later (a project planned to start next year).
   */
  private int[] years(StatsScope scope) {
    int now = LocalDate.now().getYear();
    // The first and last date rather than year of each, which the partial indexes of V28 give
    // without reading the tables.
    Map<String, Object> span =
        jdbc.sql(
                """
                select least(
                         (select extract(year from min(r.submitted_at))
                          from assistance_request r where %1$s),
                         (select extract(year from min(p.start_date))
                          from project p where %2$s))::int as first,
                       greatest(
                         (select extract(year from max(r.submitted_at))
                          from assistance_request r where %1$s),
                         (select extract(year from max(p.start_date))
                          from project p where %2$s),
                         (select extract(year from a.decided_on)
                          from fund_allocation a join project p on p.id = a.project_id
                          where %2$s order by a.decided_on desc limit 1))::int as last
                """
                    .formatted(PUBLIC_REQUEST, PUBLIC_PROJECT))
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
