package org.coopera.recommendations.web;

import java.util.Locale;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.TagKind;
import org.coopera.recommendations.internal.Curators;
import org.coopera.recommendations.internal.RecommendationCuration;
import org.coopera.recommendations.internal.RecommendationDetail;
import org.coopera.recommendations.internal.RecommendationRegistry;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One recommendation's page: its text in the reader's language (or the original, said so), every
 * language version, where it comes from, the response, tags and cluster; and for the State's
 * curators, the forms to tag it, decide the machine's suggestions and add language versions.
 */
@Controller
class RecommendationPageController {

  private final RecommendationRegistry registry;
  private final RecommendationCuration curation;
  private final FacetLabels labels;
  private final ReferenceData reference;

  RecommendationPageController(
      RecommendationRegistry registry,
      RecommendationCuration curation,
      FacetLabels labels,
      ReferenceData reference) {
    this.registry = registry;
    this.curation = curation;
    this.labels = labels;
    this.reference = reference;
  }

  @GetMapping("/recommendations/{code}")
  String show(
      @PathVariable String code,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale) {
    RecommendationDetail r =
        registry.detail(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("r", r);
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("labels", labels);
    boolean curator = Curators.mayCurate(user, r.stateIso3());
    model.addAttribute("curator", curator);
    model.addAttribute(
        "responder",
        user != null
            && (user.isAdministrator()
                || user.hasRoleForState(Role.STATE_COORDINATOR, r.stateIso3())));
    model.addAttribute("responses", Response.values());
    if (curator) {
      model.addAttribute("themes", reference.themes());
      model.addAttribute("sdgGoals", reference.sdgGoals());
      model.addAttribute("sdgTargets", reference.sdgTargets(null));
      model.addAttribute("groups", reference.affectedGroups());
    }
    return "recommendations/recommendation";
  }

  @PostMapping("/recommendations/{code}/tags")
  String tag(
      @PathVariable String code,
      @RequestParam long version,
      @RequestParam String kind,
      @RequestParam(required = false) String tag,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return change(
        code,
        redirect,
        "curation.tagged",
        () -> curation.tag(code, version, kind(kind), tag, user));
  }

  @PostMapping("/recommendations/{code}/tags/remove")
  String untag(
      @PathVariable String code,
      @RequestParam long version,
      @RequestParam String kind,
      @RequestParam String tag,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return change(
        code,
        redirect,
        "curation.untagged",
        () -> curation.untag(code, version, kind(kind), tag, user));
  }

  @PostMapping("/recommendations/{code}/suggestions")
  String decide(
      @PathVariable String code,
      @RequestParam String kind,
      @RequestParam String tag,
      @RequestParam boolean accept,
      @RequestParam(required = false) String back,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    String done =
        change(
            code,
            redirect,
            accept ? "curation.confirmed" : "curation.rejected",
            () -> curation.decide(code, kind(kind), tag, accept, user));
    return back != null && back.startsWith("/registry/") ? "redirect:" + back : done;
  }

  @PostMapping("/recommendations/{code}/response")
  String respond(
      @PathVariable String code,
      @RequestParam long version,
      @RequestParam(required = false) String response,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String source,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("responseComment", comment);
    redirect.addFlashAttribute("responseSource", source);
    return change(
        code,
        redirect,
        "curation.response-changed",
        () -> curation.respond(code, version, response, comment, source, user));
  }

  @PostMapping("/recommendations/{code}/texts")
  String addText(
      @PathVariable String code,
      @RequestParam long version,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("textLanguage", language);
    redirect.addFlashAttribute("textValue", text);
    return change(
        code,
        redirect,
        "curation.text-added",
        () -> curation.addText(code, version, language, text, user));
  }

  private static String change(
      String code, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
      redirect.getFlashAttributes().remove("textLanguage");
      redirect.getFlashAttributes().remove("textValue");
      redirect.getFlashAttributes().remove("responseComment");
      redirect.getFlashAttributes().remove("responseSource");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("curationError", e.messageKey());
      redirect.addFlashAttribute("curationErrorArgs", stringArguments(e));
    } catch (ObjectOptimisticLockingFailureException e) {
      redirect.addFlashAttribute("curationError", "curation.error.stale");
    }
    return "redirect:/recommendations/" + code;
  }

  private static TagKind kind(String value) {
    try {
      return TagKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("curation.error.kind", "kind");
    }
  }

  /** The arguments of a refusal as text, so the flash attribute survives the session store. */
  private static String[] stringArguments(InvalidInputException e) {
    return java.util.Arrays.stream(e.arguments()).map(String::valueOf).toArray(String[]::new);
  }
}
