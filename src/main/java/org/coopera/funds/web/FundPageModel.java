package org.coopera.funds.web;

import org.coopera.assistance.ProjectLookup;
import org.coopera.funds.internal.FundViews;
import org.coopera.funds.internal.Funds;
import org.coopera.identity.CooperaUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the funds pages show, whether read or answering a refused form: the public figures (with the
 * form of a new funding line for those who record money), and one fund's ledger with the projects
 * that may receive an allocation.
 */
@Component
class FundPageModel {

  private final FundViews views;
  private final ProjectLookup projects;

  FundPageModel(FundViews views, ProjectLookup projects) {
    this.views = views;
    this.projects = projects;
  }

  String index(CooperaUser user, Model model) {
    model.addAttribute("figures", views.publicFigures());
    model.addAttribute("recorder", Funds.records(user));
    return "funds/index";
  }

  String fund(String code, CooperaUser user, Model model) {
    model.addAttribute("ledger", views.ledger(code, user));
    model.addAttribute(
        "projects",
        projects.all().stream().filter(ProjectLookup.ProjectRef::acceptsNewWork).toList());
    return "funds/fund";
  }
}
