package org.coopera.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every figure of the recommendations dashboard, in the API and in the CSV, equals the one worked
 * out here in plain Java from the rows of the database (the recommendations, their tags, and the
 * assignments, actions and published updates of the workspaces): for the world, a region, a period
 * and one State. A filter that cannot be used is refused naming it.
 */
@CooperaIntegrationTest
class RecommendationsDashboardIT {

  static final String API = "/api/v1/stats/recommendations";
  static final List<String> TABLES =
      List.of("by-mechanism", "by-cycle", "by-theme", "by-sdg", "by-status", "by-year");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private WorkspaceRows workspace;

  /**
   * Slovenia publishes more: one recommendation fully implemented (a later update, not yet
   * published, says otherwise and must not count), a cluster partly implemented (one action done,
   * one not reported), and a recommendation whose only update is approved but not published.
   */
  @BeforeEach
  void publishSomeStatuses() {
    workspace = new WorkspaceRows(jdbc);
    List<UUID> free =
        jdbc.sql(
                """
                select r.id from recommendation r
                where r.state_iso3 = 'SVN' and r.cluster_id is null
                  and not exists (select 1 from assignment a where a.recommendation_id = r.id)
                order by r.code limit 2
                """)
            .query(UUID.class)
            .list();
    UUID done = workspace.assignment(free.get(0), null);
    UUID doneAction = workspace.action(done);
    workspace.update(done, doneAction, "FULLY_IMPLEMENTED", "PUBLISHED", 3);
    workspace.update(done, doneAction, "NOT_STARTED", "SUBMITTED", 1);
    UUID unpublished = workspace.assignment(free.get(1), null);
    workspace.update(unpublished, workspace.action(unpublished), "IN_PROGRESS", "APPROVED", 1);
    UUID cluster =
        jdbc.sql(
                """
                select c.id from recommendation_cluster c
                where c.state_iso3 = 'SVN'
                  and not exists (select 1 from assignment a where a.cluster_id = c.id)
                  and not exists (select 1 from recommendation r join assignment a
                                  on a.recommendation_id = r.id where r.cluster_id = c.id)
                order by c.id limit 1
                """)
            .query(UUID.class)
            .single();
    UUID partly = workspace.assignment(null, cluster);
    workspace.update(partly, workspace.action(partly), "FULLY_IMPLEMENTED", "PUBLISHED", 2);
    workspace.action(partly);
  }

  @AfterEach
  void removeFixture() {
    workspace.remove();
  }

  @Test
  void everyFigureEqualsTheCountWorkedOutFromTheRowsForTheWorldARegionAPeriodAndAState()
      throws Exception {
    Rows rows = new Rows();
    assertThat(rows.statuses.values())
        .as("the fixture publishes a fully and a partly implemented recommendation")
        .contains(
            ImplementationStatus.FULLY_IMPLEMENTED, ImplementationStatus.PARTIALLY_IMPLEMENTED);
    Expected world = rows.expected(r -> true);
    assertThat(world.tables.get("by-theme")).as("confirmed themes to count").isNotEmpty();
    assertThat(world.tables.get("by-sdg").values())
        .as("confirmed SDG tags to count")
        .anyMatch(v -> v.get(0) > 0);
    Map<String, Predicate<Rec>> scopes = new LinkedHashMap<>();
    scopes.put("", r -> true);
    Set<String> europe = rows.statesOfRegion("150");
    scopes.put("region=150", r -> europe.contains(r.state()));
    scopes.put("from=2013&to=2014", r -> r.year() >= 2013 && r.year() <= 2014);
    scopes.put("from=2019", r -> r.year() >= 2019);
    scopes.put("state=SVN", r -> r.state().equals("SVN"));
    scopes.put("state=CHN&from=2013&to=2013", r -> r.state().equals("CHN") && r.year() == 2013);
    for (Map.Entry<String, Predicate<Rec>> scope : scopes.entrySet()) {
      Expected expected = rows.expected(scope.getValue());
      String query = scope.getKey().isEmpty() ? "" : "?" + scope.getKey();
      String json = body(mvc.perform(get(API + query)).andExpect(status().isOk()));
      assertThat(expected.headlines.get("recommendations").longValue())
          .as("scope %s has recommendations", query)
          .isPositive();
      for (Map.Entry<String, Number> headline : expected.headlines.entrySet()) {
        Number actual = JsonPath.read(json, "$.figures." + headline.getKey());
        assertThat(actual == null ? null : actual.doubleValue())
            .as("%s %s", headline.getKey(), query)
            .isEqualTo(headline.getValue() == null ? null : headline.getValue().doubleValue());
      }
      for (String table : TABLES) {
        List<Map<String, Object>> actualRows =
            JsonPath.read(json, "$.tables[?(@.id == '" + table + "')].rows[*]");
        Map<String, List<Long>> actual = new LinkedHashMap<>();
        actualRows.forEach(
            r ->
                actual.put(
                    (String) r.get("key"),
                    ((List<?>) r.get("values"))
                        .stream().map(v -> ((Number) v).longValue()).toList()));
        assertThat(actual).as("%s %s", table, query).isEqualTo(expected.tables.get(table));
        assertThat(List.copyOf(actual.keySet()))
            .as("order of %s %s", table, query)
            .isEqualTo(List.copyOf(expected.tables.get(table).keySet()));

        String csv =
            body(
                mvc.perform(get("/dashboards/recommendations/" + table + ".csv" + query))
                    .andExpect(status().isOk()));
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        List<List<Long>> csvValues = new ArrayList<>();
        int columns = Set.of("by-mechanism", "by-cycle", "by-year").contains(table) ? 5 : 1;
        for (String line : lines.subList(1, lines.size())) {
          List<String> cells = Arrays.asList(line.split(","));
          csvValues.add(
              cells.subList(cells.size() - columns, cells.size()).stream()
                  .map(c -> Long.valueOf(c.strip()))
                  .toList());
        }
        assertThat(csvValues)
            .as("CSV %s %s", table, query)
            .isEqualTo(List.copyOf(expected.tables.get(table).values()));
      }
    }
  }

  @Test
  void aFilterThatCannotBeUsedIsRefusedNamingIt() throws Exception {
    String year =
        body(mvc.perform(get(API + "?from=20x&lang=en")).andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(year, "$.parameter")).isEqualTo("from");
    assertThat(JsonPath.<String>read(year, "$.detail")).contains("from").contains("20x");
    String region =
        body(mvc.perform(get(API + "?region=999&lang=en")).andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(region, "$.parameter")).isEqualTo("region");
    assertThat(JsonPath.<String>read(region, "$.detail")).contains("999");
    mvc.perform(get("/dashboards/recommendations/by-mechanism.csv?region=999"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/dashboards/recommendations?from=20x&lang=en"))
        .andExpect(status().isBadRequest());
  }

  // --- the figures worked out from the rows ---

  record Rec(UUID id, String state, int year, String mechanism, Integer cycle, String response) {}

  /** Every row that the figures count, read as it is, and the published status of each. */
  final class Rows {
    final List<Rec> recs = new ArrayList<>();
    final Map<UUID, Set<String>> themes = new HashMap<>();
    final Map<UUID, Set<Integer>> goals = new HashMap<>();
    final Map<UUID, ImplementationStatus> statuses;
    final List<String> treatyBodies;

    Rows() {
      Map<String, String> kinds = new HashMap<>();
      jdbc.sql("select code, kind from mechanism")
          .query((RowCallbackHandler) rs -> kinds.put(rs.getString(1), rs.getString(2)));
      treatyBodies =
          jdbc
              .sql("select code, abbreviation from mechanism where kind = 'TREATY_BODY'")
              .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
              .list()
              .stream()
              .sorted(Comparator.comparing(l -> l.get(1)))
              .map(l -> l.get(0))
              .toList();
      Map<UUID, UUID> clusterOf = new HashMap<>();
      jdbc.sql(
              "select id, state_iso3, year, mechanism_code, upr_cycle, response, cluster_id"
                  + " from recommendation")
          .query(
              rs -> {
                UUID id = rs.getObject(1, UUID.class);
                String mechanism = rs.getString(4);
                String kind = kinds.get(mechanism);
                recs.add(
                    new Rec(
                        id,
                        rs.getString(2),
                        rs.getInt(3),
                        kind.equals("TREATY_BODY") ? mechanism : kind,
                        rs.getObject(5, Integer.class),
                        rs.getString(6)));
                if (rs.getObject(7) != null) {
                  clusterOf.put(id, rs.getObject(7, UUID.class));
                }
              });
      jdbc.sql("select recommendation_id, kind, code, status from recommendation_tag")
          .query(
              rs -> {
                if (!rs.getString(4).equals("CONFIRMED")) {
                  return;
                }
                UUID id = rs.getObject(1, UUID.class);
                String code = rs.getString(3);
                if (rs.getString(2).equals("THEME")) {
                  themes.computeIfAbsent(id, k -> new HashSet<>()).add(code);
                } else if (rs.getString(2).equals("SDG")) {
                  goals
                      .computeIfAbsent(id, k -> new HashSet<>())
                      .add(
                          Integer.valueOf(
                              code.contains(".") ? code.substring(0, code.indexOf('.')) : code));
                }
              });
      statuses = publishedStatuses(clusterOf);
    }

    /** The status the public reads of each recommendation a State has published something of. */
    private Map<UUID, ImplementationStatus> publishedStatuses(Map<UUID, UUID> clusterOf) {
      // every update, latest first: the first published one of an action is its public status
      Set<UUID> publicAssignments = new HashSet<>();
      Map<UUID, ImplementationStatus> actionStatus = new HashMap<>();
      jdbc.sql(
              "select assignment_id, action_id, status, review from progress_update"
                  + " order by published_at desc nulls last, created_at desc")
          .query(
              rs -> {
                if (!rs.getString(4).equals("PUBLISHED")) {
                  return;
                }
                publicAssignments.add(rs.getObject(1, UUID.class));
                UUID action = rs.getObject(2, UUID.class);
                if (action != null) {
                  actionStatus.putIfAbsent(action, ImplementationStatus.valueOf(rs.getString(3)));
                }
              });
      Map<UUID, List<ImplementationStatus>> actions = new HashMap<>();
      jdbc.sql("select id, assignment_id from implementation_action")
          .query(
              rs -> {
                actions
                    .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                    .add(
                        actionStatus.getOrDefault(
                            rs.getObject(1, UUID.class), ImplementationStatus.NOT_STARTED));
              });
      Map<UUID, ImplementationStatus> direct = new HashMap<>();
      Map<UUID, ImplementationStatus> ofCluster = new HashMap<>();
      jdbc.sql("select id, recommendation_id, cluster_id from assignment")
          .query(
              rs -> {
                UUID assignment = rs.getObject(1, UUID.class);
                if (!publicAssignments.contains(assignment)) {
                  return;
                }
                ImplementationStatus status =
                    ImplementationStatus.rollUp(actions.getOrDefault(assignment, List.of()));
                if (rs.getObject(2) != null) {
                  direct.put(rs.getObject(2, UUID.class), status);
                } else if (rs.getObject(3) != null) {
                  ofCluster.put(rs.getObject(3, UUID.class), status);
                }
              });
      Map<UUID, ImplementationStatus> statuses = new HashMap<>();
      for (Rec r : recs) {
        ImplementationStatus status = direct.get(r.id());
        if (status == null && clusterOf.containsKey(r.id())) {
          status = ofCluster.get(clusterOf.get(r.id()));
        }
        if (status != null) {
          statuses.put(r.id(), status);
        }
      }
      return statuses;
    }

    Set<String> statesOfRegion(String region) {
      return new HashSet<>(
          jdbc
              .sql("select iso3, region_code, sub_region_code, intermediate_region_code from state")
              .query(
                  (rs, n) ->
                      List.of(
                          rs.getString(1),
                          "" + rs.getString(2),
                          "" + rs.getString(3),
                          "" + rs.getString(4)))
              .list()
              .stream()
              .filter(s -> s.subList(1, 4).contains(region))
              .map(s -> s.get(0))
              .toList());
    }

    Expected expected(Predicate<Rec> scope) {
      List<Rec> in = recs.stream().filter(scope).toList();
      Expected e = new Expected();
      long supported = in.stream().filter(r -> r.response().startsWith("SUPPORTED")).count();
      long fully =
          in.stream()
              .filter(r -> statuses.get(r.id()) == ImplementationStatus.FULLY_IMPLEMENTED)
              .count();
      e.headlines.put("recommendations", in.size());
      e.headlines.put("supportedShare", percent(supported, in.size()));
      e.headlines.put(
          "publishedStatus", in.stream().filter(r -> statuses.containsKey(r.id())).count());
      e.headlines.put("fullyImplementedShare", percent(fully, in.size()));
      e.headlines.put("states", in.stream().map(Rec::state).distinct().count());

      Map<String, List<Long>> mechanisms = new LinkedHashMap<>();
      mechanisms.put("UPR", responses(in, r -> r.mechanism().equals("UPR")));
      treatyBodies.forEach(tb -> mechanisms.put(tb, responses(in, r -> r.mechanism().equals(tb))));
      mechanisms.put(
          "SPECIAL_PROCEDURE", responses(in, r -> r.mechanism().equals("SPECIAL_PROCEDURE")));
      e.tables.put("by-mechanism", mechanisms);

      Map<String, List<Long>> cycles = new LinkedHashMap<>();
      in.stream()
          .filter(r -> r.mechanism().equals("UPR") && r.cycle() != null)
          .map(Rec::cycle)
          .distinct()
          .sorted()
          .forEach(
              c ->
                  cycles.put(
                      "" + c,
                      responses(in, r -> r.mechanism().equals("UPR") && c.equals(r.cycle()))));
      e.tables.put("by-cycle", cycles);

      Map<String, Long> themeCounts = new TreeMap<>();
      in.forEach(
          r ->
              themes
                  .getOrDefault(r.id(), Set.of())
                  .forEach(t -> themeCounts.merge(t, 1L, Long::sum)));
      Map<String, List<Long>> topThemes = new LinkedHashMap<>();
      themeCounts.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(15)
          .forEach(t -> topThemes.put(t.getKey(), List.of(t.getValue())));
      e.tables.put("by-theme", topThemes);

      Map<String, List<Long>> sdgs = new LinkedHashMap<>();
      for (int goal = 1; goal <= 17; goal++) {
        int g = goal;
        sdgs.put(
            "" + goal,
            List.of(
                in.stream().filter(r -> goals.getOrDefault(r.id(), Set.of()).contains(g)).count()));
      }
      e.tables.put("by-sdg", sdgs);

      Map<String, List<Long>> byStatus = new LinkedHashMap<>();
      for (ImplementationStatus s : ImplementationStatus.values()) {
        byStatus.put(
            s.apiName(), List.of(in.stream().filter(r -> statuses.get(r.id()) == s).count()));
      }
      e.tables.put("by-status", byStatus);

      Map<String, List<Long>> years = new LinkedHashMap<>();
      Set<Integer> yearsSeen = in.stream().map(Rec::year).collect(Collectors.toSet());
      if (!yearsSeen.isEmpty()) {
        for (int y = java.util.Collections.min(yearsSeen);
            y <= java.util.Collections.max(yearsSeen);
            y++) {
          int year = y;
          years.put("" + y, responses(in, r -> r.year() == year));
        }
      }
      e.tables.put("by-year", years);
      return e;
    }
  }

  /** Supported, supported in part, noted, pending, total. */
  static List<Long> responses(List<Rec> in, Predicate<Rec> row) {
    List<Rec> of = in.stream().filter(row).toList();
    List<Long> values = new ArrayList<>();
    for (String response : List.of("SUPPORTED", "SUPPORTED_IN_PART", "NOTED", "PENDING")) {
      values.add(of.stream().filter(r -> r.response().equals(response)).count());
    }
    values.add((long) of.size());
    return values;
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static final class Expected {
    final Map<String, Number> headlines = new LinkedHashMap<>();
    final Map<String, Map<String, List<Long>>> tables = new LinkedHashMap<>();
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
