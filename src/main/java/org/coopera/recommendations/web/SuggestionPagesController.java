package org.coopera.recommendations.web;

import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.internal.Curators;
import org.coopera.recommendations.internal.TagSuggestions;
import org.coopera.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review of the machine's tag suggestions for a State's recommendations, by its curators. */
@Controller
class SuggestionPagesController {

  private final TagSuggestions suggestions;
  private final ReferenceData reference;
  private final FacetLabels labels;

  SuggestionPagesController(
      TagSuggestions suggestions, ReferenceData reference, FacetLabels labels) {
    this.suggestions = suggestions;
    this.reference = reference;
    this.labels = labels;
  }

  @GetMapping("/registry/suggestions")
  String review(
      @RequestParam(required = false) String state,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    if (!Curators.curatesAny(user)) {
      throw new AccessDeniedException("Only curators review suggestions");
    }
    model.addAttribute(
        "states",
        reference.allStates().stream().filter(s -> Curators.mayCurate(user, s.iso3())).toList());
    model.addAttribute("labels", labels);
    if (state != null && !state.isBlank()) {
      ReferenceData.State s = StateParameter.require(reference, state);
      if (!Curators.mayCurate(user, s.iso3())) {
        throw new AccessDeniedException("Not a curator of " + s.iso3());
      }
      model.addAttribute("state", s);
      model.addAttribute("pending", suggestions.pending(s.iso3(), 50));
      model.addAttribute("pendingCount", suggestions.pendingCount(s.iso3()));
    }
    return "recommendations/suggestions";
  }

  @PostMapping("/registry/suggestions")
  String run(
      @RequestParam String state,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    String iso3 = StateParameter.require(reference, state).iso3();
    redirect.addFlashAttribute("outcome", suggestions.suggest(iso3, user));
    return "redirect:/registry/suggestions?state=" + iso3;
  }
}
