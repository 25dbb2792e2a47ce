package org.coopera.assistance.web.projects;

import java.util.UUID;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.assistance.projects.Projects;
import org.coopera.identity.CooperaUser;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The projects pages: the list filtered by State, region and status, and each project with its
 * activities, results and partners. The public sees published projects only; the State's officials,
 * the providers' officers, fund managers and administrators also see the others.
 */
@Controller
class ProjectPagesController {

  private final Projects projects;
  private final ProjectWork work;
  private final Evaluations evaluations;
  private final ReferenceData reference;

  ProjectPagesController(
      Projects projects, ProjectWork work, Evaluations evaluations, ReferenceData reference) {
    this.projects = projects;
    this.work = work;
    this.evaluations = evaluations;
    this.reference = reference;
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
    return "assistance/projects/list";
  }

  @GetMapping("/projects/{id}")
  String project(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    Project project;
    try {
      project = projects.require(id, user);
    } catch (ProjectNotFound e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("p", project);
    model.addAttribute("activities", work.activities(id, user));
    model.addAttribute("results", work.results(id, user));
    model.addAttribute("evaluations", evaluations.evaluations(id, user));
    return "assistance/projects/project";
  }
}
