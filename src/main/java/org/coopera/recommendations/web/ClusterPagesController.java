package org.coopera.recommendations.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.internal.Clustering;
import org.coopera.recommendations.internal.Curators;
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
 * A State's clusters of similar recommendations (public), one cluster's members side by side, and
 * for the State's curators: propose clusters anew, accept, split and merge.
 */
@Controller
class ClusterPagesController {

  private final Clustering clustering;
  private final ReferenceData reference;
  private final FacetLabels labels;

  ClusterPagesController(Clustering clustering, ReferenceData reference, FacetLabels labels) {
    this.clustering = clustering;
    this.reference = reference;
    this.labels = labels;
  }

  @GetMapping("/recommendations/clusters")
  String list(
      @RequestParam(required = false) String state,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    model.addAttribute("states", reference.allStates());
    if (state != null && !state.isBlank()) {
      ReferenceData.State s = StateParameter.require(reference, state);
      model.addAttribute("state", s);
      model.addAttribute("clusters", clustering.summaries(s.iso3()));
      model.addAttribute("curator", Curators.mayCurate(user, s.iso3()));
    }
    return "recommendations/clusters";
  }

  @GetMapping("/recommendations/clusters/{id}")
  String show(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      Locale locale) {
    Clustering.ClusterView view =
        clustering.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("view", view);
    model.addAttribute("labels", labels);
    model.addAttribute("language", locale.getLanguage());
    boolean curator = Curators.mayCurate(user, view.cluster().stateIso3());
    model.addAttribute("curator", curator);
    if (curator) {
      model.addAttribute(
          "others",
          clustering.summaries(view.cluster().stateIso3()).stream()
              .filter(c -> !c.id().equals(id))
              .toList());
    }
    return "recommendations/cluster";
  }

  @PostMapping("/registry/clusters/propose")
  String propose(
      @RequestParam String state,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    String iso3 = StateParameter.require(reference, state).iso3();
    redirect.addFlashAttribute("proposal", clustering.propose(iso3, user));
    return "redirect:/recommendations/clusters?state=" + iso3;
  }

  @PostMapping("/registry/clusters/{id}/accept")
  String accept(
      @PathVariable UUID id,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return change(id, redirect, "clusters.accepted", () -> clustering.accept(id, version, user));
  }

  @PostMapping("/registry/clusters/{id}/split")
  String split(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) List<String> codes,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    String stay =
        change(id, redirect, "clusters.split", () -> clustering.split(id, version, codes, user));
    return clustering.view(id).isPresent() ? stay : "redirect:/recommendations/clusters";
  }

  @PostMapping("/registry/clusters/{id}/merge")
  String merge(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) String other,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return change(
        id,
        redirect,
        "clusters.merged",
        () -> {
          OtherCluster chosen = OtherCluster.parse(other);
          clustering.merge(id, version, chosen.id(), chosen.version(), user);
        });
  }

  /**
   * The cluster chosen to merge with, as the form sends it: its id and the version the person saw
   * ({@code 3f2a…:4}).
   */
  record OtherCluster(UUID id, long version) {
    static OtherCluster parse(String value) {
      int colon = value == null ? -1 : value.lastIndexOf(':');
      try {
        return new OtherCluster(
            UUID.fromString(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1)));
      } catch (RuntimeException e) {
        throw new InvalidInputException("clusters.error.not-found", "other");
      }
    }
  }

  private static String change(
      UUID id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("clusterError", e.messageKey());
      redirect.addFlashAttribute("clusterErrorArgs", stringArguments(e));
    } catch (ObjectOptimisticLockingFailureException e) {
      redirect.addFlashAttribute("clusterError", "clusters.error.stale");
    }
    return "redirect:/recommendations/clusters/" + id;
  }

  /** The arguments of a refusal as text, so the flash attribute survives the session store. */
  private static String[] stringArguments(InvalidInputException e) {
    return java.util.Arrays.stream(e.arguments()).map(String::valueOf).toArray(String[]::new);
  }
}
