package org.coopera.monitoring.web;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * The dashboards count only what is public (published records, open data), so anyone reads them.
 */
@Component
class MonitoringPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/dashboards", "/dashboards/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/stats", "/api/v1/stats/**");
  }
}
