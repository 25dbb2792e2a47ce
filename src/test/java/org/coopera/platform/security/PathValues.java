package org.coopera.platform.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real values for the path variables of the routes, so that a crawl reaches the pages behind them.
 * A variable is looked up first as {@code segment/{name}} (the literal segment before it, since
 * {@code {id}} means a different row under {@code /projects} and under {@code /practices}), then as
 * {@code {name}} alone. A route whose variable is not known here fails the tests that crawl: a new
 * route is taught by adding one line below.
 */
final class PathValues {

  /**
   * The demo State whose workspace holds assignments, actions and updates, run by the demo State
   * coordinator {@code DemoLogins.COORDINATOR_SVN}.
   */
  static final String STATE = "SVN";

  /** Where a value comes from: a query of the database, or a link found on a page. */
  private final Map<String, Function<PathValues, Optional<String>>> sources = new LinkedHashMap<>();

  private final JdbcClient jdbc;
  private final Function<String, String> page;
  private final Map<String, Optional<String>> resolved = new HashMap<>();

  /**
   * @param page the HTML of a page of the application, for values that only links give (the keys of
   *     the dashboards)
   */
  PathValues(JdbcClient jdbc, Function<String, String> page) {
    this.jdbc = jdbc;
    this.page = page;
    constant("{iso3}", STATE);
    sql("accounts/{id}", "select id::text from account order by email limit 1");
    sql("organisations/{code}", "select code from organisation order by code limit 1");
    sql("offers/{id}", "select id::text from assistance_offer order by id limit 1");
    sql("requests/{id}", "select id::text from assistance_request order by id limit 1");
    sql("requests/{requestId}", "select id::text from assistance_request order by id limit 1");
    sql("events/{id}", "select id::text from training_event order by id limit 1");
    sql("resources/{id}", "select resource_id::text from library_file order by id limit 1");
    sql("library/{id}", "select resource_id::text from library_file order by id limit 1");
    sql("files/{fileVersion}", "select id::text from library_file order by id limit 1");
    sql("trainers/{id}", "select id::text from trainer order by id limit 1");
    sql("funds/{code}", "select code from fund order by code limit 1");
    sql("imports/{id}", "select id::text from recommendation_import order by id limit 1");
    sql("practices/{id}", "select id::text from practice order by id limit 1");
    sql("projects/{id}", "select id::text from project order by id limit 1");
    sql("recommendations/{code}", "select code from recommendation order by code limit 1");
    sql("targets/{code}", "select code from sdg_target order by code limit 1");
    sql("clusters/{id}", "select id::text from recommendation_cluster order by id limit 1");
    constant("facets/{parameter}", "state");
    sql(
        "assignments/{id}",
        "select id::text from assignment where state_iso3 = '" + STATE + "' order by id limit 1");
    sql(
        "actions/{id}",
        "select a.id::text from implementation_action a join assignment s on s.id = a.assignment_id"
            + " where s.state_iso3 = '"
            + STATE
            + "' order by a.id limit 1");
    sources.put("actions/{actionId}", v -> v.value("actions/{id}"));
    sql(
        "indicators/{id}",
        "select i.id::text from indicator i join assignment s on s.id = i.assignment_id"
            + " where s.state_iso3 = '"
            + STATE
            + "' order by i.id limit 1");
    sql(
        "institutions/{id}",
        "select id::text from institution where state_iso3 = '" + STATE + "' order by id limit 1");
    sql(
        "updates/{id}",
        "select id::text from progress_update where state_iso3 = '"
            + STATE
            + "' order by id limit 1");
    sources.put("updates/{updateId}", v -> v.value("updates/{id}"));
    sql(
        "evidence/{update}",
        "select e.update_id::text from progress_evidence e join progress_update u"
            + " on u.id = e.update_id where u.state_iso3 = '"
            + STATE
            + "' order by 1 limit 1");
    sql(
        "{update}/{file}",
        "select e.file_id::text from progress_evidence e join progress_update u"
            + " on u.id = e.update_id where u.state_iso3 = '"
            + STATE
            + "' order by e.update_id limit 1");
    sql("evidence/{fileId}", "select file_id::text from progress_evidence order by 1 limit 1");
    sql(
        "input-files/{input}",
        "select id::text from civil_society_input where state_iso3 = '"
            + STATE
            + "' order by id limit 1");
    sql(
        "input/{id}",
        "select id::text from civil_society_input where state_iso3 = '"
            + STATE
            + "' order by id limit 1");
    sql("notifications/{id}", "select id::text from notification order by id limit 1");
    link("dashboards/{key}", "/dashboards", "/dashboards/([a-z0-9-]+)\"");
    sources.put("stats/{key}", v -> v.value("dashboards/{key}"));
    sources.put(
        "{key}/{table}",
        v ->
            v.value("dashboards/{key}")
                .flatMap(
                    key ->
                        v.linked(
                            "/dashboards/" + key, "/dashboards/" + key + "/([a-z0-9-]+)\\.csv")));
  }

  /**
   * The value of each of the route's variables, or empty when the database holds no such row (the
   * demo data has none); throws when a variable is not known at all.
   */
  Optional<Map<String, String>> of(Routes.Route route) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> segments = List.of(route.pattern().split("/"));
    for (String name : route.variables()) {
      String key = null;
      for (int i = 1; i < segments.size(); i++) {
        if (segments.get(i).startsWith("{" + name)) {
          key = segments.get(i - 1).replaceAll(":[^}]*}", "}") + "/{" + name + "}";
        }
      }
      Optional<String> value;
      if (key != null && sources.containsKey(key)) {
        value = value(key);
      } else if (sources.containsKey("{" + name + "}")) {
        value = value("{" + name + "}");
      } else {
        throw new IllegalStateException(
            "The crawl does not know what to put in {"
                + name
                + "} of "
                + route.pattern()
                + ": teach PathValues a source for \""
                + key
                + "\"");
      }
      if (value.isEmpty()) {
        return Optional.empty();
      }
      values.put(name, value.get());
    }
    return Optional.of(values);
  }

  private Optional<String> value(String key) {
    Optional<String> known = resolved.get(key);
    if (known == null) {
      known = sources.get(key).apply(this);
      resolved.put(key, known);
    }
    return known;
  }

  private Optional<String> linked(String path, String regex) {
    Matcher m = Pattern.compile(regex).matcher(page.apply(path));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private void constant(String key, String value) {
    sources.put(key, v -> Optional.of(value));
  }

  private void sql(String key, String query) {
    sources.put(key, v -> v.jdbc.sql(query).query(String.class).optional());
  }

  private void link(String key, String path, String regex) {
    sources.put(key, v -> v.linked(path, regex));
  }
}
