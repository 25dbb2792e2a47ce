package org.coopera.reference.internal;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/** The reference data is public: its pages and its API. */
@Component
class ReferencePublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/states/**", "/reference/**");
  }

  @Override
  public List<String> api() {
    return List.of(
        "/api/v1/states/**",
        "/api/v1/regions/**",
        "/api/v1/instruments/**",
        "/api/v1/mechanisms/**",
        "/api/v1/sdg/**",
        "/api/v1/themes/**",
        "/api/v1/affected-groups/**",
        "/api/v1/organisations/**");
  }
}
