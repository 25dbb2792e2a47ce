package org.coopera.monitoring.recommendations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.DashboardFigures.Headline;
import org.coopera.monitoring.Label;
import org.coopera.monitoring.StatsTable;
import org.coopera.monitoring.StatsTable.Chart;
import org.coopera.monitoring.StatsTable.Column;
import org.coopera.monitoring.StatsTable.Row;
import org.coopera.monitoring.recommendations.RecommendationCounts.Group;
import org.coopera.recommendations.Response;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The recommendations of the mechanisms (paras 61, 81, 115): how many, how States responded, by
 * mechanism, UPR cycle, theme, SDG goal and year, and how far their implementation has come as the
 * States publish it. The period counts the year of the review (the UPR session's year, the date of
 * the observations); the States are those under review. The counts come from {@link
 * RecommendationCounts}, which reads the tables of the registry and of the implementation workspace
 * directly with aggregate queries (read-only statistics, only what is public).
 */
@Component
class RecommendationsDashboard implements Dashboard {

  static final int TOP_THEMES = 15;
  static final String UPR = "UPR";
  static final String SPECIAL_PROCEDURES = "SPECIAL_PROCEDURE";

  private final RecommendationCounts counts;
  private final ReferenceData reference;

  RecommendationsDashboard(RecommendationCounts counts, ReferenceData reference) {
    this.counts = counts;
    this.reference = reference;
  }

  @Override
  public String key() {
    return "recommendations";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public List<String> profileHeadlines() {
    return List.of("recommendations", "supportedShare", "publishedStatus", "fullyImplementedShare");
  }

  @Override
  public String titleKey() {
    return "stats.recommendations.title";
  }

  @Override
  public String leadKey() {
    return "stats.recommendations.lead";
  }

  @Override
  public DashboardFigures figures(StatsScope scope) {
    List<Group> groups = counts.groups(scope);
    Map<String, Long> statuses = new HashMap<>();
    counts.publishedStatuses(scope).forEach(c -> statuses.put(c.key(), c.count()));
    Responses all = new Responses();
    groups.forEach(g -> all.add(g.response(), g.count()));
    long published = statuses.values().stream().mapToLong(Long::longValue).sum();
    long fully = statuses.getOrDefault(ImplementationStatus.FULLY_IMPLEMENTED.name(), 0L);

    List<Headline> headlines =
        List.of(
            new Headline(
                "recommendations",
                Label.message("stats.recommendations.recommendations"),
                all.total()),
            new Headline(
                "supportedShare",
                Label.message("stats.recommendations.supported-share"),
                share(all.supported() + all.supportedInPart(), all.total())),
            new Headline(
                "publishedStatus",
                Label.message("stats.recommendations.published-status"),
                published),
            new Headline(
                "fullyImplementedShare",
                Label.message("stats.recommendations.fully-implemented-share"),
                share(fully, all.total())),
            new Headline(
                "states", Label.message("stats.recommendations.states"), counts.states(scope)));

    List<StatsTable> tables = new ArrayList<>();
    tables.add(byMechanism(groups));
    tables.add(byCycle(groups));
    tables.add(byTheme(scope));
    tables.add(bySdg(scope));
    tables.add(byStatus(statuses));
    tables.add(byYear(groups));
    return new DashboardFigures(headlines, tables);
  }

  /** A percentage with one decimal, or null when there is nothing to divide. */
  static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  private StatsTable byMechanism(List<Group> groups) {
    Map<String, Responses> by = fold(groups, Group::mechanism);
    List<Row> rows = new ArrayList<>();
    rows.add(responseRow(UPR, Label.message("stats.recommendations.upr"), by.get(UPR)));
    reference.mechanisms("TREATY_BODY").stream()
        .sorted(Comparator.comparing(ReferenceData.Mechanism::abbreviation))
        .forEach(
            m -> rows.add(responseRow(m.code(), Label.of(m.abbreviation()), by.get(m.code()))));
    rows.add(
        responseRow(
            SPECIAL_PROCEDURES,
            Label.message("stats.recommendations.special-procedures"),
            by.get(SPECIAL_PROCEDURES)));
    return responseTable(
        "by-mechanism",
        "stats.recommendations.table.by-mechanism",
        Chart.STACKED_BAR,
        Label.message("stats.recommendations.col.mechanism"),
        rows);
  }

  private StatsTable byCycle(List<Group> groups) {
    Map<Integer, Responses> by = new TreeMap<>();
    groups.stream()
        .filter(g -> UPR.equals(g.mechanism()) && g.cycle() != null)
        .forEach(g -> by.computeIfAbsent(g.cycle(), c -> new Responses()).add(g));
    List<Row> rows =
        by.entrySet().stream()
            .map(
                e ->
                    responseRow(
                        String.valueOf(e.getKey()),
                        Label.message("stats.recommendations.cycle", e.getKey()),
                        e.getValue()))
            .toList();
    return responseTable(
        "by-cycle",
        "stats.recommendations.table.by-cycle",
        Chart.STACKED_BAR,
        Label.message("stats.recommendations.col.cycle"),
        rows);
  }

  private StatsTable byYear(List<Group> groups) {
    TreeMap<Integer, Responses> by = new TreeMap<>();
    groups.forEach(g -> by.computeIfAbsent(g.year(), y -> new Responses()).add(g));
    List<Row> rows = new ArrayList<>();
    if (!by.isEmpty()) {
      int first = by.firstKey();
      int last = by.lastKey();
      for (int year = first; year <= last; year++) {
        rows.add(responseRow(String.valueOf(year), Label.of(String.valueOf(year)), by.get(year)));
      }
    }
    return responseTable(
        "by-year",
        "stats.recommendations.table.by-year",
        Chart.LINE,
        Label.message("stats.year"),
        rows);
  }

  private StatsTable byTheme(StatsScope scope) {
    List<Row> rows =
        counts.themes(scope, TOP_THEMES).stream()
            .map(
                c ->
                    new Row(
                        c.key(),
                        Label.message("name.theme." + c.key()),
                        List.<Number>of(c.count())))
            .toList();
    return countTable(
        "by-theme",
        Label.message("stats.recommendations.table.by-theme", TOP_THEMES),
        Label.message("stats.recommendations.col.theme"),
        rows);
  }

  private StatsTable bySdg(StatsScope scope) {
    Map<String, Long> by = new HashMap<>();
    counts.sdgGoals(scope).forEach(c -> by.put(c.key(), c.count()));
    List<Row> rows =
        reference.sdgGoals().stream()
            .map(
                g ->
                    new Row(
                        String.valueOf(g.number()),
                        Label.message(
                            "stats.recommendations.sdg-goal",
                            g.number(),
                            new DefaultMessageSourceResolvable("name.sdg." + g.number())),
                        List.<Number>of(by.getOrDefault(String.valueOf(g.number()), 0L))))
            .toList();
    return countTable(
        "by-sdg",
        Label.message("stats.recommendations.table.by-sdg"),
        Label.message("stats.recommendations.col.sdg"),
        rows);
  }

  private StatsTable byStatus(Map<String, Long> statuses) {
    List<Row> rows = new ArrayList<>();
    for (ImplementationStatus status : ImplementationStatus.values()) {
      rows.add(
          new Row(
              status.apiName(),
              Label.message(status.messageKey()),
              List.<Number>of(statuses.getOrDefault(status.name(), 0L))));
    }
    return countTable(
        "by-status",
        Label.message("stats.recommendations.table.by-status"),
        Label.message("stats.recommendations.col.status"),
        rows);
  }

  private static <K> Map<K, Responses> fold(List<Group> groups, Function<Group, K> key) {
    Map<K, Responses> by = new LinkedHashMap<>();
    groups.forEach(g -> by.computeIfAbsent(key.apply(g), k -> new Responses()).add(g));
    return by;
  }

  private static Row responseRow(String key, Label label, Responses responses) {
    Responses r = responses == null ? new Responses() : responses;
    return new Row(
        key,
        label,
        List.<Number>of(r.supported(), r.supportedInPart(), r.noted(), r.pending(), r.total()));
  }

  private static StatsTable responseTable(
      String id, String captionKey, Chart chart, Label rowHeader, List<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (Response response : Response.values()) {
      columns.add(
          new Column(
              camel(response.apiName()),
              Label.message("recommendations.response." + response.apiName())));
    }
    columns.add(new Column("total", Label.message("stats.recommendations.col.total")));
    return new StatsTable(id, Label.message(captionKey), chart, rowHeader, columns, rows);
  }

  private static StatsTable countTable(String id, Label caption, Label rowHeader, List<Row> rows) {
    return new StatsTable(
        id,
        caption,
        Chart.BAR,
        rowHeader,
        List.of(
            new Column(
                "recommendations", Label.message("stats.recommendations.col.recommendations"))),
        rows);
  }

  /** {@code supported-in-part} as {@code supportedInPart}, the keys of the API. */
  static String camel(String apiName) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : apiName.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The recommendations of one row, by response. */
  static final class Responses {
    private final long[] counts = new long[Response.values().length];

    void add(Group group) {
      add(group.response(), group.count());
    }

    void add(String response, long count) {
      counts[Response.valueOf(response).ordinal()] += count;
    }

    long supported() {
      return counts[Response.SUPPORTED.ordinal()];
    }

    long supportedInPart() {
      return counts[Response.SUPPORTED_IN_PART.ordinal()];
    }

    long noted() {
      return counts[Response.NOTED.ordinal()];
    }

    long pending() {
      return counts[Response.PENDING.ordinal()];
    }

    long total() {
      long total = 0;
      for (long c : counts) {
        total += c;
      }
      return total;
    }
  }
}
