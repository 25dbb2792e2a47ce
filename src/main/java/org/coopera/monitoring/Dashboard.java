package org.coopera.monitoring;

import org.coopera.reference.StatsScope;

/**
 * One dashboard: the figures it computes for a scope (period, region, group, State). A bean of this
 * type appears on the dashboards page, at {@code /dashboards/{key}}, in CSV per table and as JSON
 * at {@code /api/v1/stats/{key}}; it must compute from the database each time it is asked.
 */
public interface Dashboard {

  /** The path segment, e.g. {@code treaties}: lower-case letters and hyphens. */
  String key();

  /** Position on the dashboards page, lower first. */
  int order();

  /** Message key of the title. */
  String titleKey();

  /** Message key of the sentence that says what the dashboard measures. */
  String leadKey();

  /** The figures for the scope. */
  DashboardFigures figures(StatsScope scope);

  /**
   * The keys of the headline figures a State's profile shows, in order; empty shows them all.
   * Figures that only make sense for many States (a weekly target, a world total) stay off it.
   */
  default java.util.List<String> profileHeadlines() {
    return java.util.List.of();
  }
}
