package org.coopera.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.coopera.recommendations.internal.Facet;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query parameters are values, never SQL: every search and filter parameter of every GET route
 * (pages and {@code /api/**}), taken from the handler methods' signatures and from the GET forms of
 * the pages, is sent with injection payloads. No answer may be a server error, no table may change,
 * and a payload may never find more than the same words without their quotes and operators find (a
 * filter by State with {@code ' or '1'='1} finds nothing or is refused, never everything).
 */
@CooperaIntegrationTest
class SqlInjectionIT {

  static final List<String> PAYLOADS =
      List.of(
          "' or '1'='1",
          "'; drop table recommendation; --",
          "1) or (1=1",
          "%' --",
          "\\' or 1=1 --",
          "\u2019 or \u20191\u2019=\u20191",
          "x'".repeat(2_000),
          "a\u0000b");

  /** The payloads whose answer is compared with that of the same words without operators. */
  static final Set<String> COMPARED = Set.of("' or '1'='1", "1) or (1=1", "%' --");

  /** Tables that a GET may write to by design: sessions, sign-in failures, events, the trail. */
  static final Set<String> WRITTEN_BY_READS =
      Set.of(
          "spring_session",
          "spring_session_attributes",
          "login_failure",
          "audit_entry",
          "event_publication");

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;

  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Set<String>> failures = new TreeMap<>();

  @Test
  void noParameterReachesTheDatabaseAsSql() {
    Map<String, Long> before = counts();
    Crawler crawler = new Crawler(mvc, logins);
    PathValues values = new PathValues(jdbc, path -> crawler.fetch(DemoLogins.ADMIN, path).body());
    int routes = 0;
    int parameters = 0;
    int requests = 0;
    for (Routes.Route route : Routes.of(context).all()) {
      var filled = values.of(route);
      if (filled.isEmpty()) {
        continue;
      }
      String path = route.path(filled.get());
      Set<String> names = parameters(route, crawler.fetch(DemoLogins.ADMIN, path), path);
      if (names.isEmpty()) {
        continue;
      }
      routes++;
      for (String name : names) {
        parameters++;
        for (String payload : payloads(route, name)) {
          Crawler.Page answer = crawler.fetch(DemoLogins.ADMIN, with(path, name, payload));
          requests++;
          String where = path + " ?" + name + "=" + shown(payload);
          if (answer.status() >= 500) {
            fail("a server error", where + ": " + shown(answer.body()));
            continue;
          }
          if (payload.indexOf('\0') >= 0 && answer.status() != 400) {
            fail("a NUL character not refused", where + ": " + answer.status());
          }
          if (COMPARED.contains(payload) && answer.status() == 200) {
            String twin = payload.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            Crawler.Page plain = crawler.fetch(DemoLogins.ADMIN, with(path, name, twin));
            requests++;
            if (plain.status() == 200 && found(answer) > found(plain)) {
              fail(
                  "more found than the same words find",
                  where + ": " + found(answer) + " against " + found(plain) + " for " + twin);
            }
          }
        }
      }
    }
    Map<String, Long> after = counts();
    System.out.printf(
        "SqlInjectionIT: %d routes with parameters, %d parameters, %d payloads, %d requests;"
            + " %d tables counted%n",
        routes, parameters, PAYLOADS.size(), requests, before.size());
    assertThat(failures).as("parameters that misbehave").isEmpty();
    assertThat(after).as("the rows of every table").isEqualTo(before);
    assertThat(parameters).as("parameters tried").isGreaterThan(100);
  }

  /**
   * The payloads for one parameter: all of them, except for the page number and size (numbers,
   * refused with a 400 before any query) and for file exports (the same queries as their page, at
   * the cost of a whole export each), which get the first two.
   */
  private static List<String> payloads(Routes.Route route, String name) {
    boolean file = route.pattern().matches(".*\\.(csv|xlsx|json|pdf|ics|xml)$");
    return file || name.equals("page") || name.equals("size") ? PAYLOADS.subList(0, 2) : PAYLOADS;
  }

  /** The route's parameters: from its handler's signature and from the GET forms of its page. */
  private static Set<String> parameters(Routes.Route route, Crawler.Page page, String path) {
    Set<String> names = new LinkedHashSet<>(route.queryParameters());
    if (route.takesAnyParameter()) {
      // the search of the registry reads its facets from all the parameters
      for (Facet facet : Facet.values()) {
        names.add(facet.parameter());
      }
      names.addAll(List.of("q", "cluster", "sort"));
    }
    if (page.html()) {
      Document document = Jsoup.parse(page.body(), "http://localhost" + path);
      for (Element form : document.select("form")) {
        String action = form.absUrl("action");
        boolean get = !form.attr("method").equalsIgnoreCase("post");
        if (get && (action.isEmpty() || action.equals("http://localhost" + path))) {
          for (Element field : form.select("input[name], select[name], textarea[name]")) {
            if (!field.attr("type").equals("hidden") || !field.attr("name").startsWith("_")) {
              names.add(field.attr("name"));
            }
          }
        }
      }
    }
    names.remove("lang");
    return names;
  }

  /** How many results an answer holds: rows and items of an HTML page, array items of JSON. */
  private int found(Crawler.Page page) {
    if (page.json()) {
      JsonNode root = json.readTree(page.body());
      return items(root, 0);
    }
    if (page.html()) {
      return Jsoup.parse(page.body())
          .select("main tbody tr, main .list-group-item, main article, main .card")
          .size();
    }
    return page.body().length() / 100;
  }

  private static int items(JsonNode node, int depth) {
    if (node.isArray()) {
      return node.size();
    }
    int n = 0;
    if (node.isObject() && depth < 2) {
      for (String field : node.propertyNames()) {
        JsonNode value = node.get(field);
        if (field.equals("total") && value.isNumber()) {
          n += value.asInt();
        } else if (value.isArray() || value.isObject()) {
          n += items(value, depth + 1);
        }
      }
    }
    return n;
  }

  private static String with(String path, String name, String value) {
    return path
        + (path.contains("?") ? "&" : "?")
        + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables =
        jdbc.sql(
                "select table_name from information_schema.tables where table_schema ="
                    + " current_schema() and table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    for (String table : new ArrayList<>(tables)) {
      if (!WRITTEN_BY_READS.contains(table)) {
        counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
      }
    }
    return new LinkedHashMap<>(counts);
  }

  private void fail(String what, String where) {
    Set<String> places = failures.computeIfAbsent(what, k -> new TreeSet<>());
    if (places.size() < 40) {
      places.add(where);
    }
  }

  private static String shown(String s) {
    String one = s.replace("\u0000", "\\0");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }
}
