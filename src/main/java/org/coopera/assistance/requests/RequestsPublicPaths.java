package org.coopera.assistance.requests;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/** The public aggregate of submitted, non-confidential requests; everything else needs sign-in. */
@Component
class RequestsPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/assistance/requests");
  }
}
