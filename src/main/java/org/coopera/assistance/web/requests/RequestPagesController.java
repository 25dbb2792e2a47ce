package org.coopera.assistance.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest;
import org.coopera.assistance.requests.AssistanceRequests;
import org.coopera.assistance.requests.RequestConflict;
import org.coopera.assistance.requests.StaleRequest;
import org.coopera.assistance.requests.Vocabulary;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A State's requests: its list, the form to draft and edit, submission, withdrawal, answers. */
@Controller
class RequestPagesController {

  private final AssistanceRequests requests;
  private final ReferenceData reference;
  private final RequestPageModel page;
  private final RecommendationLookup recommendations;

  RequestPagesController(
      AssistanceRequests requests,
      ReferenceData reference,
      RequestPageModel page,
      RecommendationLookup recommendations) {
    this.recommendations = recommendations;
    this.requests = requests;
    this.reference = reference;
    this.page = page;
  }

  @GetMapping("/assistance/states/{iso3}/requests")
  String list(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("requests", requests.ofState(iso3, user));
    model.addAttribute(
        "state", reference.findState(iso3.toUpperCase(java.util.Locale.ROOT)).orElseThrow());
    return "assistance/requests";
  }

  @GetMapping("/assistance/states/{iso3}/requests/new")
  String newForm(
      @PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    requests.ofState(iso3, user);
    return form(model, iso3.toUpperCase(java.util.Locale.ROOT), null, RequestForm.empty());
  }

  @PostMapping("/assistance/states/{iso3}/requests")
  String create(
      @PathVariable String iso3,
      @ModelAttribute RequestForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      AssistanceRequest created = requests.create(iso3, form.draft(), user);
      redirect.addFlashAttribute("notice", "assistance.request.created");
      return "redirect:/assistance/requests/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return form(model, iso3.toUpperCase(java.util.Locale.ROOT), null, form);
    }
  }

  @GetMapping("/assistance/requests/{id}")
  String show(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      java.util.Locale locale) {
    return page.fill(id, user, model, locale);
  }

  @GetMapping("/assistance/requests/{id}/edit")
  String edit(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    AssistanceRequest request = requests.find(id, user);
    if (!request.isOfficial(user)) {
      throw new AccessDeniedException("Only the State's officials edit its requests");
    }
    return form(model, request.stateIso3(), request, RequestForm.of(request));
  }

  @PostMapping("/assistance/requests/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute RequestForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      requests.update(id, version, form.draft(), user);
      redirect.addFlashAttribute("notice", "assistance.request.saved");
      return "redirect:/assistance/requests/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      AssistanceRequest current = requests.find(id, user);
      model.addAttribute("typedVersion", version);
      return form(model, current.stateIso3(), current, form);
    } catch (StaleRequest e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", true);
      model.addAttribute("yours", form);
      return form(model, e.current().stateIso3(), e.current(), RequestForm.of(e.current()));
    } catch (RequestConflict e) {
      redirect.addFlashAttribute("refusal", e.getCodes()[0]);
      return "redirect:/assistance/requests/" + id;
    }
  }

  @PostMapping("/assistance/requests/{id}/submit")
  String submit(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(id, redirect, "assistance.request.submitted", () -> requests.submit(id, user));
  }

  @PostMapping("/assistance/requests/{id}/withdraw")
  String withdraw(
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id, redirect, "assistance.request.withdrawn", () -> requests.withdraw(id, reason, user));
  }

  @PostMapping("/assistance/requests/{id}/answer")
  String answer(
      @PathVariable UUID id,
      @RequestParam(required = false) String answer,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) Long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id,
        redirect,
        "assistance.request.answered",
        () -> requests.answer(id, answer, note, version, user));
  }

  @PostMapping("/assistance/requests/{id}/providers")
  String address(
      @PathVariable UUID id,
      @RequestParam String provider,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id, redirect, "assistance.request.addressed", () -> requests.address(id, provider, user));
  }

  private String step(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
    } catch (RequestConflict e) {
      redirect.addFlashAttribute("refusal", e.getCodes()[0]);
    }
    return "redirect:/assistance/requests/" + id;
  }

  private String form(Model model, String iso3, AssistanceRequest request, RequestForm form) {
    model.addAttribute("state", reference.findState(iso3).orElseThrow());
    model.addAttribute("request", request);
    model.addAttribute("form", form);
    model.addAttribute("areas", Vocabulary.AREAS);
    model.addAttribute("forms", Vocabulary.FORMS);
    model.addAttribute("languages", Vocabulary.LANGUAGES);
    model.addAttribute("organisations", reference.organisations());
    model.addAttribute("clusters", recommendations.acceptedClusters(iso3));
    return "assistance/request-form";
  }
}
