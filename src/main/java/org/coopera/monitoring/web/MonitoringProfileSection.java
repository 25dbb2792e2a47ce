package org.coopera.monitoring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coopera.reference.StateProfileSection;
import org.coopera.reference.StatsScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The figures of a State's profile: each dashboard's headline figures for that State, with a link
 * to the whole dashboard for it.
 */
@Component
class MonitoringProfileSection implements StateProfileSection {

  private final Dashboards dashboards;
  private final MessageSource messages;

  MonitoringProfileSection(Dashboards dashboards, MessageSource messages) {
    this.dashboards = dashboards;
    this.messages = messages;
  }

  @Override
  public int order() {
    return 5;
  }

  @Override
  public Optional<Content> contentFor(String iso3) {
    if (dashboards.all().isEmpty()) {
      return Optional.empty();
    }
    Locale locale = LocaleContextHolder.getLocale();
    StatsScope scope = StatsScope.ofState(iso3);
    List<DashboardView> views =
        dashboards.all().stream()
            .map(d -> DashboardView.of(d, d.figures(scope), messages, locale).forProfile(d))
            .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("iso3", iso3);
    model.put("views", views);
    return Optional.of(
        new Content("dashboards.profile.heading", "monitoring/profile :: section", model));
  }
}
