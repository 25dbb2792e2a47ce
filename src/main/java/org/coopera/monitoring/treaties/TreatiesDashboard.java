package org.coopera.monitoring.treaties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.DashboardFigures.Headline;
import org.coopera.monitoring.Label;
import org.coopera.monitoring.StatsTable;
import org.coopera.monitoring.StatsTable.Chart;
import org.coopera.monitoring.StatsTable.Column;
import org.coopera.monitoring.StatsTable.Row;
import org.coopera.reference.StatsScope;
import org.coopera.treaties.Communications;
import org.coopera.treaties.Ratifications;
import org.coopera.treaties.TreatyReports;
import org.springframework.stereotype.Component;

/**
 * The treaty system (paras 95-97): ratifications over time and the gap to universal ratification,
 * reports pending review and overdue, the communications backlog and the decisions per week against
 * the target. Figures stand at the end of the period's last year (today when the period runs to
 * now); the series run over the period's years.
 */
@Component
class TreatiesDashboard implements Dashboard {

  static final int INSTRUMENTS = 18;
  static final int FIRST_YEAR = 1966;

  private final Ratifications ratifications;
  private final TreatyReports reports;
  private final Communications communications;

  TreatiesDashboard(
      Ratifications ratifications, TreatyReports reports, Communications communications) {
    this.ratifications = ratifications;
    this.reports = reports;
    this.communications = communications;
  }

  @Override
  public String key() {
    return "treaties";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String titleKey() {
    return "stats.treaties.title";
  }

  @Override
  public String leadKey() {
    return "stats.treaties.lead";
  }

  @Override
  public List<String> profileHeadlines() {
    return List.of(
        "ratifications",
        "gap",
        "communicationsAccepted",
        "reportsPendingReview",
        "reportsOverdue",
        "communicationsPending");
  }

  /** The date the figures stand at: the end of the last year of the period, never after today. */
  static LocalDate at(StatsScope scope) {
    LocalDate today = LocalDate.now();
    if (scope.toYear() == null || scope.toYear() >= today.getYear()) {
      return today;
    }
    return LocalDate.of(scope.toYear(), 12, 31);
  }

  @Override
  public DashboardFigures figures(StatsScope scope) {
    LocalDate at = at(scope);
    int lastYear = at.getYear();
    int firstYear = scope.fromYear() == null ? FIRST_YEAR : Math.min(scope.fromYear(), lastYear);
    long members = ratifications.memberStates(scope);
    long universal = members * INSTRUMENTS;
    LocalDate past = at.equals(LocalDate.now()) ? null : at;
    long parties = ratifications.partiesAt(past, scope);
    TreatyReports.Counts reportCounts = reports.counts(scope, at);
    LocalDate throughputFrom =
        scope.fromYear() == null ? at.minusDays(364) : LocalDate.of(firstYear, 1, 1);
    double perWeek = communications.weeklyThroughput(throughputFrom, at, scope);
    List<Communications.BodyCounts> bodies = communications.byBody(at, scope);
    long pending = bodies.stream().mapToLong(Communications.BodyCounts::pending).sum();

    List<Headline> headlines =
        List.of(
            new Headline("ratifications", Label.message("stats.treaties.ratifications"), parties),
            new Headline(
                "universal",
                Label.message("stats.treaties.universal", members, INSTRUMENTS),
                universal),
            new Headline("gap", Label.message("stats.treaties.gap"), universal - parties),
            new Headline(
                "communicationsAccepted",
                Label.message("stats.treaties.communications-accepted"),
                ratifications.communicationsAccepted(past, scope)),
            new Headline(
                "reportsPendingReview",
                Label.message("stats.treaties.reports-pending"),
                reportCounts.pendingReview()),
            new Headline(
                "reportsOverdue",
                Label.message("stats.treaties.reports-overdue"),
                reportCounts.overdue()),
            new Headline(
                "meanYearsOverdue",
                Label.message("stats.treaties.mean-years-overdue"),
                reportCounts.meanYearsOverdue() == null
                    ? null
                    : Math.round(reportCounts.meanYearsOverdue() * 10) / 10.0),
            new Headline(
                "communicationsPending",
                Label.message("stats.treaties.communications-pending"),
                pending),
            new Headline(
                "decisionsPerWeek",
                Label.message("stats.treaties.decisions-per-week"),
                Math.round(perWeek * 10) / 10.0),
            new Headline(
                "decisionsPerWeekTarget",
                Label.message("stats.treaties.target"),
                communications.target().decisionsPerWeek()));

    List<StatsTable> tables = new ArrayList<>();
    tables.add(ratificationsByYear(firstYear, lastYear, universal, scope));
    tables.add(byInstrument(scope));
    tables.add(reportsByYear(firstYear, lastYear, scope));
    tables.add(communicationsByYear(firstYear, lastYear, scope));
    tables.add(communicationsByBody(bodies));
    return new DashboardFigures(headlines, tables);
  }

  private StatsTable ratificationsByYear(int from, int to, long universal, StatsScope scope) {
    List<Row> rows =
        ratifications.partiesByYear(from, to, scope).stream()
            .map(
                y ->
                    new Row(
                        String.valueOf(y.year()),
                        Label.of(String.valueOf(y.year())),
                        List.<Number>of(y.parties(), universal)))
            .toList();
    return new StatsTable(
        "ratifications-by-year",
        Label.message("stats.treaties.table.ratifications-by-year"),
        Chart.LINE,
        Label.message("stats.year"),
        List.of(
            new Column("parties", Label.message("stats.treaties.col.parties")),
            new Column("universal", Label.message("stats.treaties.col.universal"))),
        rows);
  }

  private StatsTable byInstrument(StatsScope scope) {
    List<Row> rows =
        ratifications.byInstrument(scope).stream()
            .map(
                i ->
                    new Row(
                        i.code(),
                        Label.of(i.abbreviation()),
                        List.<Number>of(
                            i.parties(),
                            i.signatories(),
                            i.states() - i.parties() - i.signatories(),
                            i.states())))
            .toList();
    return new StatsTable(
        "ratifications-by-instrument",
        Label.message("stats.treaties.table.by-instrument"),
        Chart.STACKED_BAR,
        Label.message("stats.treaties.col.instrument"),
        List.of(
            new Column("parties", Label.message("stats.treaties.col.parties")),
            new Column("signatories", Label.message("stats.treaties.col.signatories")),
            new Column("neither", Label.message("stats.treaties.col.neither")),
            new Column("states", Label.message("stats.treaties.col.member-states"))),
        rows);
  }

  private StatsTable reportsByYear(int from, int to, StatsScope scope) {
    List<Row> rows =
        reports.byYear(Math.max(from, 1970), to, scope).stream()
            .dropWhile(y -> y.pendingReview() + y.overdue() + y.submitted() == 0)
            .map(
                y ->
                    new Row(
                        String.valueOf(y.year()),
                        Label.of(String.valueOf(y.year())),
                        List.<Number>of(y.pendingReview(), y.overdue(), y.submitted())))
            .toList();
    return new StatsTable(
        "reports-by-year",
        Label.message("stats.treaties.table.reports-by-year"),
        Chart.LINE,
        Label.message("stats.year"),
        List.of(
            new Column("pendingReview", Label.message("stats.treaties.col.pending-review")),
            new Column("overdue", Label.message("stats.treaties.col.overdue")),
            new Column("submitted", Label.message("stats.treaties.col.submitted"))),
        rows);
  }

  private StatsTable communicationsByYear(int from, int to, StatsScope scope) {
    List<Row> rows =
        communications.byYear(Math.max(from, 1977), to, scope).stream()
            .dropWhile(y -> y.registered() + y.decided() + y.pendingAtEnd() == 0)
            .map(
                y ->
                    new Row(
                        String.valueOf(y.year()),
                        Label.of(String.valueOf(y.year())),
                        List.<Number>of(y.registered(), y.decided(), y.pendingAtEnd())))
            .toList();
    return new StatsTable(
        "communications-by-year",
        Label.message("stats.treaties.table.communications-by-year"),
        Chart.LINE,
        Label.message("stats.year"),
        List.of(
            new Column("registered", Label.message("stats.treaties.col.registered")),
            new Column("decided", Label.message("stats.treaties.col.decided")),
            new Column("pending", Label.message("stats.treaties.col.pending"))),
        rows);
  }

  private StatsTable communicationsByBody(List<Communications.BodyCounts> bodies) {
    List<Row> rows =
        bodies.stream()
            .filter(b -> b.registered() > 0)
            .map(
                b ->
                    new Row(
                        b.treatyBody(),
                        Label.of(b.abbreviation()),
                        List.<Number>of(
                            b.violations(),
                            b.noViolation(),
                            b.inadmissible(),
                            b.discontinued(),
                            b.pending(),
                            b.registered())))
            .toList();
    return new StatsTable(
        "communications-by-body",
        Label.message("stats.treaties.table.communications-by-body"),
        Chart.STACKED_BAR,
        Label.message("stats.treaties.col.treaty-body"),
        List.of(
            new Column("violation", Label.message("treaties.outcome.VIOLATION")),
            new Column("noViolation", Label.message("treaties.outcome.NO_VIOLATION")),
            new Column("inadmissible", Label.message("treaties.outcome.INADMISSIBLE")),
            new Column("discontinued", Label.message("treaties.outcome.DISCONTINUED")),
            new Column("pending", Label.message("stats.treaties.col.pending")),
            new Column("registered", Label.message("stats.treaties.col.registered"))),
        rows);
  }
}
