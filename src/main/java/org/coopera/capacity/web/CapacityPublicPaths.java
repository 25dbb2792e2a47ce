package org.coopera.capacity.web;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * What the public reads of the capacity-building portal: the hub, the roster's counts, the events
 * (without their participants) and the figures. A roster entry is never public.
 */
@Component
class CapacityPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of(
        "/capacity",
        "/capacity/trainers",
        "/capacity/events",
        "/capacity/events/**",
        "/capacity/figures");
  }

  @Override
  public List<String> api() {
    return List.of(
        "/api/v1/capacity/trainers/aggregates",
        "/api/v1/capacity/events",
        "/api/v1/capacity/events/**",
        "/api/v1/capacity/figures",
        "/api/v1/capacity/figures.csv");
  }
}
