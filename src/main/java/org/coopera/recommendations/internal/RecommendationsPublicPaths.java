package org.coopera.recommendations.internal;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * The registry is public: its search page, recommendation and cluster pages, and API. Imports and
 * curation ({@code /registry/**}) are not.
 */
@Component
class RecommendationsPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/recommendations", "/recommendations/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/recommendations", "/api/v1/recommendations/**");
  }
}
