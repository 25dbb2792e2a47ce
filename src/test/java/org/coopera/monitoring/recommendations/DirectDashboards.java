package org.coopera.monitoring.recommendations;

import org.coopera.monitoring.Dashboard;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For the benchmarks: dashboards computed the way they were before the counts were kept. */
public final class DirectDashboards {

  private DirectDashboards() {}

  /**
   * The recommendations dashboard reading every row in scope ({@link DirectCounts}) instead of the
   * counts of migration V23.
   */
  public static Dashboard recommendations(JdbcClient jdbc, ReferenceData reference) {
    return new RecommendationsDashboard(new DirectCounts(jdbc), reference);
  }
}
