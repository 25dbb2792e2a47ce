package org.coopera.assistance.web.projects;

import java.util.UUID;
import org.coopera.assistance.projects.IatiImports;
import org.coopera.assistance.projects.Projects;
import org.coopera.identity.CooperaUser;
import org.coopera.reference.ReferenceData;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The projects pages: the list filtered by State, region and status, and each project with its
 * activities, results and partners. The public sees published projects only; the State's officials,
 * the providers' officers, fund managers and administrators also see the others.
 */
@Controller
class ProjectPagesController {

  private final Projects projects;
  private final ReferenceData reference;
  private final ProjectPageModel page;

  ProjectPagesController(Projects projects, ReferenceData reference, ProjectPageModel page) {
    this.projects = projects;
    this.reference = reference;
    this.page = page;
  }

  @GetMapping("/projects")
  String list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String status,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    model.addAttribute("projects", projects.list(new Projects.Filter(state, region, status), user));
    model.addAttribute("states", reference.allStates());
    model.addAttribute("regions", reference.regions());
    model.addAttribute(
        "statuses", java.util.List.of("PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "CANCELLED"));
    model.addAttribute("state", state);
    model.addAttribute("region", region);
    model.addAttribute("status", status);
    model.addAttribute("mayImport", IatiImports.mayImport(user));
    return "assistance/projects/list";
  }

  @GetMapping("/projects/{id}")
  String project(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    return page.fill(id, user, model);
  }
}
