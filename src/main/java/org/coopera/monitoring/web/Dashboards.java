package org.coopera.monitoring.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coopera.monitoring.Dashboard;
import org.springframework.stereotype.Component;

/** The dashboards the modules contribute, in their order. */
@Component
class Dashboards {

  private final List<Dashboard> all;

  Dashboards(List<Dashboard> dashboards) {
    this.all = dashboards.stream().sorted(Comparator.comparingInt(Dashboard::order)).toList();
  }

  List<Dashboard> all() {
    return all;
  }

  Optional<Dashboard> find(String key) {
    return all.stream().filter(d -> d.key().equals(key)).findFirst();
  }
}
