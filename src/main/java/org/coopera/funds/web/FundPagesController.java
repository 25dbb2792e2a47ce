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
 * balances, pledges, contributions, allocations with what remains, and disbursements; and a donor's
 * page of what its own contributions paid for.
 */
@Controller
class FundPagesController {

  private final FundViews views;

  FundPagesController(FundViews views) {
    this.views = views;
  }

  @GetMapping("/funds")
  String index(Model model) {
    model.addAttribute("figures", views.publicFigures());
    return "funds/index";
  }

  @GetMapping("/funds/donor")
  String donor(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("view", views.donor(user));
    return "funds/donor";
  }

  @GetMapping("/funds/{code}")
  String fund(@PathVariable String code, @AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("ledger", views.ledger(code, user));
    return "funds/fund";
  }
}
