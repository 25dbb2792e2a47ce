package org.coopera.capacity.library;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * The catalogue of the resource library is public: its pages, its API and the files of published
 * resources. Every read still checks publication, so an unpublished resource answers 404.
 */
@Component
class LibraryPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/capacity/library", "/capacity/library/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/capacity/resources", "/api/v1/capacity/resources/**");
  }
}
