package org.coopera.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.StatsTable;
import org.coopera.platform.Csv;
import org.coopera.platform.InvalidParameterException;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboards: the list, each dashboard with its filters (period, region, group of States, one
 * State), and each of its tables as CSV. A filter that cannot be used is shown beside the form with
 * what was typed, and the figures shown are the world's.
 */
@Controller
class DashboardPagesController {

  private final Dashboards dashboards;
  private final ReferenceData reference;
  private final MessageSource messages;

  DashboardPagesController(Dashboards dashboards, ReferenceData reference, MessageSource messages) {
    this.dashboards = dashboards;
    this.reference = reference;
    this.messages = messages;
  }

  @GetMapping("/dashboards")
  String index(Model model) {
    model.addAttribute("dashboards", dashboards.all());
    return "monitoring/index";
  }

  @GetMapping("/dashboards/{key}")
  String dashboard(
      @PathVariable String key,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String state,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Dashboard dashboard = find(key);
    StatsScope scope;
    try {
      scope = reference.statsScope(from, to, region, group, state);
    } catch (InvalidParameterException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      scope = StatsScope.world();
    }
    model.addAttribute(
        "view", DashboardView.of(dashboard, dashboard.figures(scope), messages, locale));
    model.addAttribute("scope", scope);
    model.addAttribute("typed", new Typed(from, to, region, group, state));
    model.addAttribute("regions", reference.regions());
    model.addAttribute("groups", ReferenceData.StateFilter.GROUPS);
    model.addAttribute("states", reference.allStates());
    model.addAttribute(
        "scopeState", Optional.ofNullable(scope.state()).flatMap(reference::findState));
    model.addAttribute("query", query(scope));
    model.addAttribute("dashboards", dashboards.all());
    return "monitoring/dashboard";
  }

  @GetMapping("/dashboards/{key}/{table:[a-z0-9-]+}.csv")
  void csv(
      @PathVariable String key,
      @PathVariable String table,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) String state,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Dashboard dashboard = find(key);
    StatsScope scope = reference.statsScope(from, to, region, group, state);
    StatsTable found =
        dashboard
            .figures(scope)
            .table(table)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    DashboardView.Texts texts = new DashboardView.Texts(messages, locale);
    List<String> header = new ArrayList<>();
    header.add(texts.label(found.rowHeader()));
    found.columns().forEach(c -> header.add(texts.label(c.label())));
    try (Csv csv = Csv.download(response, key + "-" + table + ".csv", header)) {
      for (StatsTable.Row row : found.rows()) {
        List<Object> cells = new ArrayList<>();
        cells.add(texts.label(row.label()));
        row.values().forEach(v -> cells.add(v == null ? "" : v));
        csv.row(cells);
      }
    }
  }

  private Dashboard find(String key) {
    return dashboards
        .find(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** The filters as a query string, for the CSV links of the same figures. */
  static String query(StatsScope scope) {
    return UriComponentsBuilder.newInstance()
        .queryParamIfPresent("from", Optional.ofNullable(scope.fromYear()))
        .queryParamIfPresent("to", Optional.ofNullable(scope.toYear()))
        .queryParamIfPresent("region", Optional.ofNullable(scope.region()))
        .queryParamIfPresent("group", Optional.ofNullable(scope.group()))
        .queryParamIfPresent("state", Optional.ofNullable(scope.state()))
        .build()
        .encode()
        .toUriString();
  }

  /** The filters as typed, kept in the form when refused. */
  record Typed(String from, String to, String region, String group, String state) {}
}
