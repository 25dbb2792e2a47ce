package org.coopera.treaties.web;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/** Ratifications and reports are public facts; the sources and the register of cases are not. */
@Component
class TreatiesPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/treaties", "/treaties/matrix.csv", "/treaties/states/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/treaties/ratifications", "/api/v1/treaties/states/**");
  }
}
