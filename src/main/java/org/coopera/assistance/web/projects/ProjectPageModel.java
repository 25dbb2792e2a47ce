package org.coopera.assistance.web.projects;

import java.util.UUID;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.IatiImports;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.ProjectAccess;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.assistance.projects.Projects;
import org.coopera.identity.CooperaUser;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a project's page shows: the project, its work, and for those who may work on it the forms,
 * with what was typed when one was refused.
 */
@Component
class ProjectPageModel {

  static final String VIEW = "assistance/projects/project";

  private final Projects projects;
  private final ProjectWork work;
  private final Evaluations evaluations;
  private final ReferenceData reference;
  private final IatiImports imports;

  ProjectPageModel(
      Projects projects,
      ProjectWork work,
      Evaluations evaluations,
      ReferenceData reference,
      IatiImports imports) {
    this.projects = projects;
    this.work = work;
    this.evaluations = evaluations;
    this.reference = reference;
    this.imports = imports;
  }

  /** Fills the model of the project's page and names its view; 404 for a project not seen. */
  String fill(UUID id, CooperaUser user, Model model) {
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
    model.addAttribute("external", imports.forProject(id, user));
    boolean mayWork = ProjectAccess.mayWork(user, project.stateIso3(), project.providers());
    model.addAttribute("mayWork", mayWork);
    if (mayWork) {
      model.addAttribute("kinds", ProjectWork.KINDS);
      model.addAttribute("statuses", Projects.STATUSES);
      model.addAttribute("organisations", reference.organisations());
      model.addAttribute("states", reference.allStates());
      if (!model.containsAttribute("projectForm")) {
        model.addAttribute("projectForm", ProjectForm.of(project));
      }
      if (!model.containsAttribute("editVersion")) {
        model.addAttribute("editVersion", project.version());
      }
    }
    return VIEW;
  }
}
