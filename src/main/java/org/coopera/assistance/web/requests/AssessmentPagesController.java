package org.coopera.assistance.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.coopera.assistance.projects.Assessments;
import org.coopera.assistance.projects.ProjectRefused;
import org.coopera.assistance.projects.Projects;
import org.coopera.assistance.projects.StaleEdit;
import org.coopera.assistance.web.projects.ProjectForm;
import org.coopera.assistance.web.projects.Refusal;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a request's page that lead to a project: record a needs assessment, agree it or
 * waive it (the State's coordinator), create the project (the accepting provider's officer). A
 * refusal answers 400 or 409 with the page, the reason beside the form and what was typed.
 */
@Controller
class AssessmentPagesController {

  private final Assessments assessments;
  private final Projects projects;
  private final RequestPageModel page;

  AssessmentPagesController(Assessments assessments, Projects projects, RequestPageModel page) {
    this.assessments = assessments;
    this.projects = projects;
    this.page = page;
  }

  /** What the page needs to answer a form. */
  private record Answer(
      UUID id,
      CooperaUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {}

  @PostMapping("/assistance/requests/{id}/assessments")
  String record(
      @PathVariable UUID id,
      @ModelAttribute AssessmentForm assessmentForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, locale, response, redirect),
        "assessment",
        "projects.assessment.recorded",
        () -> {
          assessments.record(id, assessmentForm.draft(), user);
          return "/assistance/requests/" + id;
        });
  }

  @PostMapping("/assistance/requests/{id}/assessments/{assessmentId}/agreement")
  String agree(
      @PathVariable UUID id,
      @PathVariable UUID assessmentId,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, locale, response, redirect),
        "agreement-" + assessmentId,
        "projects.assessment.agreed",
        () -> {
          assessments.agree(assessmentId, version, user);
          return "/assistance/requests/" + id;
        });
  }

  @PostMapping("/assistance/requests/{id}/assessment-waiver")
  String waive(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    model.addAttribute("waiverReason", reason);
    return attempt(
        new Answer(id, user, model, locale, response, redirect),
        "waiver",
        "projects.assessment.waived",
        () -> {
          assessments.waive(id, reason, user);
          return "/assistance/requests/" + id;
        });
  }

  @PostMapping("/assistance/requests/{id}/projects")
  String createProject(
      @PathVariable UUID id,
      @ModelAttribute ProjectForm projectForm,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return attempt(
        new Answer(id, user, model, locale, response, redirect),
        "project",
        "projects.created",
        () -> "/projects/" + projects.create(id, projectForm.draft(), user).id());
  }

  /** Runs the action, which answers where to go next, or shows the page with the refusal. */
  private String attempt(Answer answer, String form, String notice, Supplier<String> action) {
    String next;
    try {
      next = action.get();
    } catch (InvalidInputException | ProjectRefused | StaleEdit e) {
      Refusal refusal = Refusal.of(e);
      answer.response().setStatus(refusal.status());
      answer.model().addAttribute("refusedForm", form);
      answer.model().addAttribute("formRefusal", refusal);
      return page.fill(answer.id(), answer.user(), answer.model(), answer.locale());
    }
    answer.redirect().addFlashAttribute("notice", notice);
    return "redirect:" + next;
  }
}
