package org.coopera.platform.web;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/** The home page, the error page, the static assets and the API description are public. */
@Component
class PlatformPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico");
  }

  @Override
  public List<String> api() {
    return List.of("/api/docs", "/api/docs.yaml", "/api/docs/**");
  }
}
