package org.coopera.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.StatsTable;
import org.coopera.platform.InvalidParameterException;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every dashboard figure as JSON: the headline figures by key and each table with its rows, for the
 * same filters as the pages. Labels are in the caller's language; keys are stable.
 */
@RestController
@RequestMapping("/api/v1/stats")
@Tag(name = "Statistics")
class StatsApiController {

  private final Dashboards dashboards;
  private final ReferenceData reference;
  private final MessageSource messages;

  StatsApiController(Dashboards dashboards, ReferenceData reference, MessageSource messages) {
    this.dashboards = dashboards;
    this.reference = reference;
    this.messages = messages;
  }

  record DashboardLink(String key, String title, String href) {}

  @GetMapping
  @Operation(summary = "The dashboards whose figures this API serves")
  List<DashboardLink> index(Locale locale) {
    return dashboards.all().stream()
        .map(
            d ->
                new DashboardLink(
                    d.key(),
                    messages.getMessage(d.titleKey(), null, locale),
                    "/api/v1/stats/" + d.key()))
        .toList();
  }

  @GetMapping("/{key}")
  @Operation(
      summary = "One dashboard's figures",
      description =
          "from and to are years (inclusive); region an M49 region or sub-region code; group one of"
              + " ldc, lldc, sids, observer; state an ISO 3166 alpha-3 code.")
  Map<String, Object> dashboard(
      @PathVariable String key,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String state,
      Locale locale) {
    Dashboard dashboard =
        dashboards.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    StatsScope scope = reference.statsScope(from, to, region, group, state);
    return json(dashboard, scope, locale);
  }

  @GetMapping("/states/{iso3}")
  @Operation(summary = "Every dashboard's figures for one State, as its profile page shows them")
  Map<String, Object> state(@PathVariable String iso3, Locale locale) {
    StatsScope scope;
    try {
      scope = reference.statsScope(null, null, null, null, iso3);
    } catch (InvalidParameterException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", scope.state());
    body.put("dashboards", dashboards.all().stream().map(d -> json(d, scope, locale)).toList());
    return body;
  }

  private Map<String, Object> json(Dashboard dashboard, StatsScope scope, Locale locale) {
    DashboardFigures figures = dashboard.figures(scope);
    DashboardView.Texts texts = new DashboardView.Texts(messages, locale);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dashboard", dashboard.key());
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("from", scope.fromYear());
    filters.put("to", scope.toYear());
    filters.put("region", scope.region());
    filters.put("group", scope.group());
    filters.put("state", scope.state());
    body.put("scope", filters);
    Map<String, Object> headlines = new LinkedHashMap<>();
    figures.headlines().forEach(h -> headlines.put(h.key(), h.value()));
    body.put("figures", headlines);
    body.put("tables", figures.tables().stream().map(t -> table(t, texts)).toList());
    return body;
  }

  private static Map<String, Object> table(StatsTable table, DashboardView.Texts texts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", table.id());
    body.put("caption", texts.label(table.caption()));
    body.put("columns", table.columns().stream().map(StatsTable.Column::key).toList());
    body.put(
        "rows",
        table.rows().stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("key", r.key());
                  row.put("label", texts.label(r.label()));
                  row.put("values", r.values());
                  return row;
                })
            .toList());
    return body;
  }
}
