package org.coopera.assistance.web.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.projects.ProjectRefused;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.assistance.projects.Projects;
import org.coopera.assistance.projects.StaleEdit;
import org.coopera.assistance.web.projects.WorkForms.ActivityForm;
import org.coopera.assistance.web.projects.WorkForms.EvaluationForm;
import org.coopera.assistance.web.projects.WorkForms.IndicatorForm;
import org.coopera.assistance.web.projects.WorkForms.ResultForm;
import org.coopera.assistance.web.projects.WorkForms.ValueForm;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a project's page: edit the project (with the version it was read at), add an
 * activity, a result, an indicator, a value, an evaluation. A refusal answers 400 or 409 with the
 * page, the reason beside the form and what was typed; a stale edit shows the project as it now is
 * and the edit that was refused.
 */
@Controller
class ProjectFormsController {

  private final Projects projects;
  private final ProjectWork work;
  private final Evaluations evaluations;
  private final ProjectPageModel page;

  ProjectFormsController(
      Projects projects, ProjectWork work, Evaluations evaluations, ProjectPageModel page) {
    this.projects = projects;
    this.work = work;
    this.evaluations = evaluations;
    this.page = page;
  }

  /** What the page needs to answer a form. */
  private record Answer(
      UUID id,
      CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {}

  @PostMapping("/projects/{id}")
  String edit(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute ProjectForm projectForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      projects.update(id, version, projectForm.draft(), user);
    } catch (StaleEdit e) {
      model.addAttribute("stale", true);
      model.addAttribute("yours", projectForm);
      model.addAttribute("projectForm", ProjectForm.of((Project) e.current()));
      return refused(new Answer(id, user, model, response, redirect), "edit", e);
    } catch (InvalidInputException | ProjectRefused e) {
      model.addAttribute("editVersion", version);
      return refused(new Answer(id, user, model, response, redirect), "edit", e);
    }
    redirect.addFlashAttribute("notice", "projects.saved");
    return "redirect:/projects/" + id;
  }

  @PostMapping("/projects/{id}/activities")
  String addActivity(
      @PathVariable UUID id,
      @ModelAttribute ActivityForm activityForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, response, redirect),
        "activity",
        "projects.activity.added",
        () -> work.addActivity(id, activityForm.draft(), user));
  }

  @PostMapping("/projects/{id}/results")
  String addResult(
      @PathVariable UUID id,
      @ModelAttribute ResultForm resultForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, response, redirect),
        "result",
        "projects.result.added",
        () -> work.addResult(id, resultForm.draft(), user));
  }

  @PostMapping("/projects/{id}/results/{resultId}/indicators")
  String addIndicator(
      @PathVariable UUID id,
      @PathVariable UUID resultId,
      @ModelAttribute IndicatorForm indicatorForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, response, redirect),
        "indicator-" + resultId,
        "projects.indicator.added",
        () -> work.addIndicator(id, resultId, indicatorForm.draft(), user));
  }

  @PostMapping("/projects/{id}/indicators/{indicatorId}/values")
  String addValue(
      @PathVariable UUID id,
      @PathVariable UUID indicatorId,
      @ModelAttribute ValueForm valueForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, response, redirect),
        "value-" + indicatorId,
        "projects.value.added",
        () -> work.addValue(id, indicatorId, valueForm.value(), user));
  }

  @PostMapping("/projects/{id}/evaluations")
  String addEvaluation(
      @PathVariable UUID id,
      @ModelAttribute EvaluationForm evaluationForm,
      @RequestParam(required = false) MultipartFile file,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    Evaluations.Attachment attachment =
        file == null || file.isEmpty()
            ? null
            : new Evaluations.Attachment(file.getOriginalFilename(), file.getBytes());
    return attempt(
        new Answer(id, user, model, response, redirect),
        "evaluation",
        "projects.evaluation.added",
        () -> evaluations.addEvaluation(id, evaluationForm.draft(), attachment, user));
  }

  @ExceptionHandler(ProjectNotFound.class)
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value());
  }

  private String attempt(Answer answer, String form, String notice, Runnable action) {
    try {
      action.run();
    } catch (InvalidInputException | ProjectRefused | StaleEdit e) {
      return refused(answer, form, e);
    }
    answer.redirect().addFlashAttribute("notice", notice);
    return "redirect:/projects/" + answer.id();
  }

  private String refused(Answer answer, String form, RuntimeException e) {
    Refusal refusal = Refusal.of(e);
    answer.response().setStatus(refusal.status());
    answer.model().addAttribute("refusedForm", form);
    answer.model().addAttribute("formRefusal", refusal);
    return page.fill(answer.id(), answer.user(), answer.model());
  }
}
