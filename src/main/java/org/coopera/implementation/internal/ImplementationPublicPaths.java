package org.coopera.implementation.internal;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * What States have published of their follow-up is public ({@code /implementation/**}), with its
 * evidence files; the workspace ({@code /workspace/**}) is not, nor is sending input, which is a
 * POST.
 */
@Component
class ImplementationPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/implementation", "/implementation/**");
  }
}
