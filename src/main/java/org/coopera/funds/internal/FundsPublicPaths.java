package org.coopera.funds.internal;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * The funds' aggregates are public: the page of money raised against demand and the per fund totals
 * of the API. The ledger, the donor view and the reports are not.
 */
@Component
class FundsPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/funds");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/funds", "/api/v1/funds/*");
  }
}
