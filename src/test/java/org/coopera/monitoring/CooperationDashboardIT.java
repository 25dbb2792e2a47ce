package org.coopera.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The technical cooperation dashboard against figures worked out here in plain Java from the rows
 * (no aggregate in SQL): for the world, a region, one State and a period; a confidential request
 * never counted.
 */
@CooperaIntegrationTest
// An application context and database of their own: the fixture's requests and projects in
// Nauru, written with SQL, would otherwise reach the other tests' checks of every project.
@TestPropertySource(properties = "coopera.test.world=cooperation-fixture")
class CooperationDashboardIT {

  static final String STATS = "/api/v1/stats/cooperation";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  record Scope(String query, Predicate<String> state, Integer from, Integer to) {
    boolean in(String iso3, LocalDate day) {
      return state.test(iso3)
          && (from == null || day.getYear() >= from)
          && (to == null || day.getYear() <= to);
    }
  }

  @Test
  void everyFigureIsTheOneWorkedOutFromTheRows() throws Exception {
    CooperationFixture.ensure(jdbc, transactions);
    Map<String, String> regions = new HashMap<>();
    Set<String> sids = new HashSet<>();
    jdbc.sql("select iso3, region_code, sids from state")
        .query(
            (rs, n) -> {
              if (rs.getBoolean(3)) {
                sids.add(rs.getString(1));
              }
              return regions.put(rs.getString(1), rs.getString(2));
            })
        .list();
    List<Scope> scopes =
        List.of(
            new Scope("", s -> true, null, null),
            new Scope("?region=019", s -> "019".equals(regions.get(s)), null, null),
            new Scope("?state=PRY", "PRY"::equals, null, null),
            new Scope("?group=sids", sids::contains, null, null),
            new Scope("?from=2010&to=2020", s -> true, 2010, 2020),
            new Scope("?from=2041&to=2042", s -> true, 2041, 2042),
            // no year 0 exists: the first day of the period is that of year 1
            new Scope("?from=0000&to=2024", s -> true, 0, 2024),
            new Scope("?region=009&from=2041", s -> "009".equals(regions.get(s)), 2041, null),
            new Scope("?state=NRU&to=2041", "NRU"::equals, null, 2041));
    for (Scope scope : scopes) {
      String json = body(mvc.perform(get(STATS + scope.query())).andExpect(status().isOk()));
      Map<String, Object> expected = expected(scope);
      for (Map.Entry<String, Object> e : expected.entrySet()) {
        Object actual = JsonPath.read(json, "$.figures." + e.getKey());
        if (e.getValue() == null) {
          assertThat(actual).as("%s %s", scope.query(), e.getKey()).isNull();
        } else {
          assertThat(new BigDecimal(actual.toString()))
              .as("%s %s", scope.query(), e.getKey())
              .isEqualByComparingTo(new BigDecimal(e.getValue().toString()));
        }
      }
      // requests by region, worked out row by row
      Map<String, Long> byRegion = new HashMap<>();
      for (Map<String, Object> r : publicRequests()) {
        String iso3 = (String) r.get("state_iso3");
        if (scope.in(iso3, submitted(r))) {
          byRegion.merge(regions.get(iso3), 1L, Long::sum);
        }
      }
      List<String> keys =
          JsonPath.read(json, "$.tables[?(@.id == 'requests-by-region')].rows[*].key");
      assertThat(keys).containsExactlyInAnyOrderElementsOf(byRegion.keySet());
      for (String key : keys) {
        List<Integer> values =
            JsonPath.read(
                json,
                "$.tables[?(@.id == 'requests-by-region')].rows[?(@.key == '"
                    + key
                    + "')].values[0]");
        assertThat(values.get(0).longValue()).isEqualTo(byRegion.get(key));
      }
    }
  }

  /** The figures of the fixture, worked out by hand (see {@link CooperationFixture}). */
  record HandWorked(
      String query, Map<String, String> figures, Map<String, List<List<String>>> tables) {}

  static final Map<String, String> BOTH_YEARS =
      Map.of(
          "requests", "3",
          "projects", "4",
          "medianDaysToStart", "136",
          "outcomesReached", "40.0",
          "meanLagMonths", "7.5",
          "allocatedUsd", "75000",
          "demandUsd", "170000",
          "officialsTrained", "3",
          "statesReached", "1");

  static final Map<String, List<List<String>>> BOTH_YEARS_TABLES =
      Map.of(
          "requests-by-region", List.of(List.of("009", "3")),
          "requests-by-area",
              List.of(List.of("JUSTICE", "2"), List.of("MEDIA", "1"), List.of("NHRI", "1")),
          "requests-by-form",
              List.of(
                  List.of("TRAINING", "2"), List.of("EXPERT_ADVICE", "1"), List.of("SEMINAR", "1")),
          "requests-and-projects-by-year",
              List.of(List.of("2041", "2", "1"), List.of("2042", "1", "3")),
          "projects-by-outcome",
              List.of(
                  List.of("REACHED", "1", "1", "1"),
                  List.of("PARTLY", "1", "2", "1"),
                  List.of("NOT_REACHED", "1", "2", "0"),
                  List.of("NOT_MEASURED", "1", "0", "0")),
          "money-by-year",
              List.of(List.of("2041", "40000", "100000"), List.of("2042", "35000", "70000")));

  @Test
  void theFixturesFiguresAreTheOnesWorkedOutByHand() throws Exception {
    CooperationFixture.ensure(jdbc, transactions);
    Map<String, String> tuvaluToo = new HashMap<>(BOTH_YEARS);
    tuvaluToo.put("officialsTrained", "4");
    tuvaluToo.put("statesReached", "2");
    List<HandWorked> cases =
        List.of(
            new HandWorked("?state=NRU&from=2041&to=2042", BOTH_YEARS, BOTH_YEARS_TABLES),
            new HandWorked("?region=009&from=2041&to=2042", tuvaluToo, Map.of()),
            new HandWorked(
                "?state=NRU&from=2041&to=2041",
                Map.of(
                    "requests", "2",
                    "projects", "1",
                    "medianDaysToStart", "90",
                    "outcomesReached", "50.0",
                    "meanLagMonths", "6.0",
                    "allocatedUsd", "40000",
                    "demandUsd", "100000",
                    "officialsTrained", "2",
                    "statesReached", "1"),
                Map.of(
                    "requests-by-area", List.of(List.of("JUSTICE", "2"), List.of("MEDIA", "1")),
                    "requests-and-projects-by-year", List.of(List.of("2041", "2", "1")),
                    "projects-by-outcome",
                        List.of(
                            List.of("REACHED", "0", "0", "0"),
                            List.of("PARTLY", "1", "2", "1"),
                            List.of("NOT_REACHED", "0", "0", "0"),
                            List.of("NOT_MEASURED", "0", "0", "0")),
                    "money-by-year", List.of(List.of("2041", "40000", "100000")))),
            new HandWorked(
                "?state=NRU&from=2042&to=2042",
                Map.of(
                    "requests", "1",
                    "projects", "3",
                    "medianDaysToStart", "181",
                    "outcomesReached", "33.3",
                    "meanLagMonths", "9.0",
                    "allocatedUsd", "35000",
                    "demandUsd", "70000",
                    "officialsTrained", "2",
                    "statesReached", "1"),
                Map.of(
                    "requests-by-form", List.of(List.of("SEMINAR", "1")),
                    "projects-by-outcome",
                        List.of(
                            List.of("REACHED", "1", "1", "1"),
                            List.of("PARTLY", "0", "0", "0"),
                            List.of("NOT_REACHED", "1", "2", "0"),
                            List.of("NOT_MEASURED", "1", "0", "0")))));
    for (HandWorked c : cases) {
      String json = body(mvc.perform(get(STATS + c.query())).andExpect(status().isOk()));
      for (Map.Entry<String, String> e : c.figures().entrySet()) {
        Object actual = JsonPath.read(json, "$.figures." + e.getKey());
        assertThat(actual).as("%s %s", c.query(), e.getKey()).isNotNull();
        assertThat(new BigDecimal(actual.toString()))
            .as("%s %s", c.query(), e.getKey())
            .isEqualByComparingTo(e.getValue());
      }
      for (Map.Entry<String, List<List<String>>> t : c.tables().entrySet()) {
        assertThat(rows(json, t.getKey()))
            .as("%s %s", c.query(), t.getKey())
            .isEqualTo(t.getValue());
        assertThat(csv(t.getKey(), c.query(), t.getValue().get(0).size() - 1))
            .as("CSV %s %s", c.query(), t.getKey())
            .isEqualTo(t.getValue().stream().map(r -> r.subList(1, r.size())).toList());
      }
    }
    // the years of the series reach the last year of the data when no period is given
    String all = body(mvc.perform(get(STATS + "?state=NRU")).andExpect(status().isOk()));
    List<List<String>> byYear = rows(all, "requests-and-projects-by-year");
    assertThat(byYear).contains(List.of("2041", "2", "1"), List.of("2042", "1", "3"));
    assertThat(byYear.get(byYear.size() - 1).get(0)).isEqualTo("2042");
  }

  @Test
  void aFilterThatCannotBeUsedIsRefusedNamingIt() throws Exception {
    for (String[] bad :
        new String[][] {
          {"from=20x", "from", "20x"},
          {"to=later", "to", "later"},
          {"from=2042&to=2041", "to", "2042"},
          {"region=999", "region", "999"},
          {"group=rich", "group", "sids"},
          {"state=XYZ", "state", "XYZ"}
        }) {
      String json =
          body(mvc.perform(get(STATS + "?lang=en&" + bad[0])).andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(json, "$.parameter")).as(bad[0]).isEqualTo(bad[1]);
      assertThat(JsonPath.<String>read(json, "$.detail")).as(bad[0]).contains(bad[2]);
      mvc.perform(get("/dashboards/cooperation/requests-by-area.csv?" + bad[0]))
          .andExpect(status().isBadRequest());
    }
  }

  /** A table's rows as the API gives them: the row's key, then its values as plain numbers. */
  private static List<List<String>> rows(String json, String table) {
    List<Map<String, Object>> rows =
        JsonPath.read(json, "$.tables[?(@.id == '" + table + "')].rows[*]");
    List<List<String>> plain = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add((String) row.get("key"));
      for (Object v : (List<?>) row.get("values")) {
        cells.add(new BigDecimal(v.toString()).stripTrailingZeros().toPlainString());
      }
      plain.add(cells);
    }
    return plain;
  }

  /** A table's CSV values, the last columns of each line after the header. */
  private List<List<String>> csv(String table, String query, int columns) throws Exception {
    String csv =
        body(
            mvc.perform(get("/dashboards/cooperation/" + table + ".csv" + query))
                .andExpect(status().isOk()));
    List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
    List<List<String>> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = List.of(line.split(","));
      values.add(
          cells.subList(cells.size() - columns, cells.size()).stream()
              .map(c -> new BigDecimal(c.strip()).stripTrailingZeros().toPlainString())
              .toList());
    }
    return values;
  }

  @Test
  void aConfidentialRequestIsNeverCounted() throws Exception {
    int before = requests("?state=SVN");
    UUID open = draft("Counted " + UUID.randomUUID(), false);
    UUID secret = draft("Not counted " + UUID.randomUUID(), true);
    for (UUID id : List.of(open, secret)) {
      mvc.perform(
              post("/api/v1/assistance/requests/" + id + "/submit")
                  .with(logins.as(DemoLogins.COORDINATOR_SVN)))
          .andExpect(status().isOk());
    }
    assertThat(requests("?state=SVN")).isEqualTo(before + 1);
  }

  private int requests(String query) throws Exception {
    return JsonPath.read(body(mvc.perform(get(STATS + query))), "$.figures.requests");
  }

  private UUID draft(String title, boolean confidential) throws Exception {
    String json =
        body(
            mvc.perform(
                    post("/api/v1/assistance/requests")
                        .with(logins.as(DemoLogins.COORDINATOR_SVN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"state":"SVN","title":"%s","summary":"Why","areas":["MEDIA"],
                             "forms":["SEMINAR"],"languages":["en"],"priorities":["First"],
                             "providers":["org:OHCHR"],"confidential":%s}
                            """
                                .formatted(title, confidential)))
                .andExpect(status().isCreated()));
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  private List<Map<String, Object>> publicRequests() {
    return jdbc.sql("select * from assistance_request").query().listOfRows().stream()
        .filter(
            r ->
                List.of("SUBMITTED", "CLOSED").contains(r.get("status"))
                    && !((Boolean) r.get("confidential")))
        .toList();
  }

  private static LocalDate submitted(Map<String, Object> request) {
    return ((Timestamp) request.get("submitted_at"))
        .toInstant()
        .atOffset(ZoneOffset.UTC)
        .toLocalDate();
  }

  private static LocalDate date(Object value) {
    return ((java.sql.Date) value).toLocalDate();
  }

  /** Each headline figure of the scope, worked out from plain rows. */
  private Map<String, Object> expected(Scope scope) {
    Map<String, Object> figures = new HashMap<>();
    figures.put(
        "requests",
        publicRequests().stream()
            .filter(r -> scope.in((String) r.get("state_iso3"), submitted(r)))
            .count());

    Map<UUID, LocalDate> submittedOn = new HashMap<>();
    jdbc.sql("select * from assistance_request")
        .query()
        .listOfRows()
        .forEach(
            r -> {
              if (r.get("submitted_at") != null) {
                submittedOn.put((UUID) r.get("id"), submitted(r));
              }
            });
    List<Map<String, Object>> projects =
        jdbc.sql("select * from project").query().listOfRows().stream()
            .filter(p -> (Boolean) p.get("published") && !"CANCELLED".equals(p.get("status")))
            .filter(p -> scope.in((String) p.get("state_iso3"), date(p.get("start_date"))))
            .toList();
    figures.put("projects", projects.size());
    List<Long> waits = new ArrayList<>();
    for (Map<String, Object> p : projects) {
      LocalDate asked = submittedOn.get((UUID) p.get("request_id"));
      waits.add(date(p.get("start_date")).toEpochDay() - asked.toEpochDay());
    }
    waits.sort(null);
    Double median = null;
    if (!waits.isEmpty()) {
      int n = waits.size();
      median = n % 2 == 1 ? waits.get(n / 2) : (waits.get(n / 2 - 1) + waits.get(n / 2)) / 2.0;
    }
    figures.put("medianDaysToStart", median == null ? null : Math.round(median));
    BigDecimal demand = BigDecimal.ZERO;
    Set<UUID> ids = new HashSet<>();
    for (Map<String, Object> p : projects) {
      ids.add((UUID) p.get("id"));
      if ("USD".equals(p.get("budget_currency"))) {
        demand = demand.add((BigDecimal) p.get("budget_amount"));
      }
    }
    figures.put("demandUsd", demand.setScale(0, RoundingMode.HALF_UP));

    // allocations to public projects of the States, in the period by their decision
    Map<UUID, Map<String, Object>> everyProject = new HashMap<>();
    jdbc.sql("select * from project")
        .query()
        .listOfRows()
        .forEach(p -> everyProject.put((UUID) p.get("id"), p));
    BigDecimal allocated = BigDecimal.ZERO;
    for (Map<String, Object> a : jdbc.sql("select * from fund_allocation").query().listOfRows()) {
      Map<String, Object> p = everyProject.get((UUID) a.get("project_id"));
      if ((Boolean) p.get("published")
          && !"CANCELLED".equals(p.get("status"))
          && scope.in((String) p.get("state_iso3"), date(a.get("decided_on")))) {
        allocated = allocated.add((BigDecimal) a.get("amount_usd"));
      }
    }
    figures.put("allocatedUsd", allocated.setScale(0, RoundingMode.HALF_UP));

    // outcome indicators of the projects in scope, by their latest value
    Map<UUID, UUID> resultProject = new HashMap<>();
    jdbc.sql("select id, project_id, level from project_result")
        .query()
        .listOfRows()
        .forEach(
            r -> {
              if ("OUTCOME".equals(r.get("level"))) {
                resultProject.put((UUID) r.get("id"), (UUID) r.get("project_id"));
              }
            });
    Map<UUID, Object[]> latest = new HashMap<>();
    for (Map<String, Object> v :
        jdbc.sql("select * from project_indicator_value").query().listOfRows()) {
      UUID indicator = (UUID) v.get("indicator_id");
      LocalDate end = date(v.get("period_end"));
      Object[] known = latest.get(indicator);
      if (known == null || end.isAfter((LocalDate) known[0])) {
        latest.put(indicator, new Object[] {end, v.get("actual")});
      }
    }
    long measured = 0;
    long reached = 0;
    for (Map<String, Object> i : jdbc.sql("select * from project_indicator").query().listOfRows()) {
      UUID project = resultProject.get((UUID) i.get("result_id"));
      Object[] value = latest.get((UUID) i.get("id"));
      if (project == null || !ids.contains(project) || value == null) {
        continue;
      }
      measured++;
      BigDecimal actual = (BigDecimal) value[1];
      BigDecimal target = (BigDecimal) i.get("target");
      boolean ascending = (Boolean) i.get("ascending");
      if (ascending ? actual.compareTo(target) >= 0 : actual.compareTo(target) <= 0) {
        reached++;
      }
    }
    figures.put(
        "outcomesReached", measured == 0 ? null : Math.round(reached * 1000.0 / measured) / 10.0);

    // evaluations: months between the end of activities and the measured change
    List<Double> lags = new ArrayList<>();
    for (Map<String, Object> e :
        jdbc.sql("select * from project_evaluation").query().listOfRows()) {
      Map<String, Object> p = everyProject.get((UUID) e.get("project_id"));
      LocalDate measuredOn = date(e.get("change_measured"));
      if ((Boolean) p.get("published")
          && !"CANCELLED".equals(p.get("status"))
          && scope.in((String) p.get("state_iso3"), measuredOn)) {
        lags.add(
            (measuredOn.toEpochDay() - date(e.get("activities_ended")).toEpochDay()) / 30.4375);
      }
    }
    figures.put(
        "meanLagMonths",
        lags.isEmpty()
            ? null
            : BigDecimal.valueOf(
                    lags.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .setScale(1, RoundingMode.HALF_UP));

    // people trained: each person once per State, by the events that ended in the period
    Map<UUID, LocalDate> eventEnds = new HashMap<>();
    jdbc.sql("select id, ends_on from training_event")
        .query()
        .listOfRows()
        .forEach(e -> eventEnds.put((UUID) e.get("id"), date(e.get("ends_on"))));
    Set<String> people = new HashSet<>();
    Set<String> states = new HashSet<>();
    for (Map<String, Object> x : jdbc.sql("select * from event_participant").query().listOfRows()) {
      String iso3 = (String) x.get("state_iso3");
      if ((Boolean) x.get("attended") && scope.in(iso3, eventEnds.get((UUID) x.get("event_id")))) {
        people.add(((String) x.get("full_name")).toLowerCase(java.util.Locale.ROOT) + "|" + iso3);
        states.add(iso3);
      }
    }
    figures.put("officialsTrained", people.size());
    figures.put("statesReached", states.size());
    return figures;
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
