package org.coopera.funds.web;

import org.coopera.funds.internal.FundViews;
import org.coopera.identity.CooperaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public page of money raised against demand, and a fund manager's page of one fund: its
 * balances, pledges, contributions, allocations with what remains, and disbursements, with the
 * forms of {@link FundFormsController}; and a donor's page of what its own contributions paid for.
 */
@Controller
class FundPagesController {

  private final FundViews views;
  private final FundPageModel page;

  FundPagesController(FundViews views, FundPageModel page) {
    this.views = views;
    this.page = page;
  }

  @GetMapping("/funds")
  String index(@AuthenticationPrincipal CooperaUser user, Model model) {
    return page.index(user, model);
  }

  @GetMapping("/funds/donor")
  String donor(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("view", views.donor(user));
    return "funds/donor";
  }

  @GetMapping("/funds/{code}")
  String fund(@PathVariable String code, @AuthenticationPrincipal CooperaUser user, Model model) {
    return page.fund(code, user, model);
  }
}
