package org.coopera.assistance.web.requests;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.assistance.projects.Assessments;
import org.coopera.assistance.projects.ProjectAccess;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.projects.Projects;
import org.coopera.assistance.projects.Provider;
import org.coopera.assistance.requests.AssistanceRequest;
import org.coopera.assistance.requests.AssistanceRequests;
import org.coopera.assistance.requests.Matching;
import org.coopera.assistance.web.projects.ProjectForm;
import org.coopera.identity.CooperaUser;
import org.coopera.reference.ReferenceData;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a request's page shows: the request, the suggestions for its officials, and once it is
 * submitted its needs assessments and projects, with the forms of those who may assess, agree,
 * waive or create a project (what was typed stays when one was refused).
 */
@Component
class RequestPageModel {

  static final String VIEW = "assistance/request";

  private final AssistanceRequests requests;
  private final Matching matching;
  private final MatchReasons reasons;
  private final Assessments assessments;
  private final Projects projects;
  private final ReferenceData reference;

  RequestPageModel(
      AssistanceRequests requests,
      Matching matching,
      MatchReasons reasons,
      Assessments assessments,
      Projects projects,
      ReferenceData reference) {
    this.requests = requests;
    this.matching = matching;
    this.reasons = reasons;
    this.assessments = assessments;
    this.projects = projects;
    this.reference = reference;
  }

  String fill(UUID id, CooperaUser user, Model model, Locale locale) {
    AssistanceRequest request = requests.find(id, user);
    model.addAttribute("request", request);
    model.addAttribute("official", request.isOfficial(user));
    model.addAttribute("coordinator", request.isCoordinator(user));
    model.addAttribute(
        "answerer",
        request.status() == AssistanceRequest.Status.SUBMITTED
            && request.isAddressedProvider(user));
    model.addAttribute("answerVersion", request.answerVersion(user));
    if (request.isOfficial(user) && request.status().editable()) {
      model.addAttribute(
          "suggestions",
          matching.suggestions(id, user).stream()
              .map(
                  s ->
                      new SuggestionView(
                          s,
                          String.join(
                              "; ",
                              s.reasons().stream().map(r -> reasons.text(r, locale)).toList())))
              .toList());
    }
    fillAssistance(request, user, model);
    return VIEW;
  }

  private void fillAssistance(AssistanceRequest request, CooperaUser user, Model model) {
    List<Provider> accepted =
        request.providers().stream()
            .filter(p -> p.answer().equals("ACCEPTED"))
            .map(p -> new Provider(p.organisationCode(), p.providerState()))
            .toList();
    boolean submitted = request.status() == AssistanceRequest.Status.SUBMITTED;
    boolean coordinator = ProjectAccess.isStateCoordinator(user, request.stateIso3());
    boolean officer = ProjectAccess.isProviderOfficer(user, accepted);
    List<Assessments.Assessment> seen;
    try {
      seen = assessments.ofRequest(request.id(), user);
    } catch (ProjectNotFound e) {
      seen = List.of();
    }
    model.addAttribute("assessments", seen);
    model.addAttribute("mayAssess", submitted && (coordinator || officer));
    model.addAttribute("mayAgree", submitted && coordinator);
    model.addAttribute("mayWaive", submitted && coordinator);
    model.addAttribute("mayCreateProject", submitted && officer);
    model.addAttribute(
        "requestProjects",
        projects.list(new Projects.Filter(request.stateIso3(), null, null), user).stream()
            .filter(p -> p.requestId().equals(request.id()))
            .toList());
    if (submitted && officer) {
      model.addAttribute("organisations", reference.organisations());
      model.addAttribute("states", reference.allStates());
      if (!model.containsAttribute("projectForm")) {
        model.addAttribute("projectForm", ProjectForm.empty());
      }
    }
  }
}
