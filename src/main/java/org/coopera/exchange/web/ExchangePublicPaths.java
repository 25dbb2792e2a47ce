package org.coopera.exchange.web;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/** Published practices are public; every read still checks publication, and hides contacts. */
@Component
class ExchangePublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/practices", "/practices/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/practices", "/api/v1/practices/**");
  }
}
