package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.InstitutionKind;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.Institutions.Draft;
import org.coopera.implementation.internal.Institutions.Institution;
import org.coopera.implementation.internal.Workspace;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A State's institutions in its workspace: the list with the form to add one, and each
 * institution's page with its form. What a person typed is shown again beside any refusal.
 */
@Controller
class InstitutionPagesController {

  private final Institutions institutions;
  private final ReferenceData reference;

  InstitutionPagesController(Institutions institutions, ReferenceData reference) {
    this.institutions = institutions;
    this.reference = reference;
  }

  @GetMapping("/workspace/{iso3}/institutions")
  String list(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    return listPage(iso3, user, model, new Draft(null, null, null, true, List.of()));
  }

  @PostMapping("/workspace/{iso3}/institutions")
  String create(
      @PathVariable String iso3,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String acronym,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) List<UUID> focalPoints,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Draft draft = new Draft(name, acronym, kind, true, focalPoints);
    try {
      Institution created = institutions.create(iso3, draft, user);
      redirect.addFlashAttribute("notice", "institution.created");
      return "redirect:/workspace/" + created.stateIso3() + "/institutions/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return listPage(iso3, user, model, draft);
    }
  }

  @GetMapping("/workspace/{iso3}/institutions/{id}")
  String show(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Institution institution = found(iso3, id, user);
    return editPage(institution, user, model, null);
  }

  @PostMapping("/workspace/{iso3}/institutions/{id}")
  String update(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String acronym,
      @RequestParam(required = false) String kind,
      @RequestParam(defaultValue = "false") boolean active,
      @RequestParam(required = false) List<UUID> focalPoints,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Draft draft = new Draft(name, acronym, kind, active, focalPoints);
    try {
      Institution saved = institutions.update(iso3, id, version, draft, user);
      redirect.addFlashAttribute("notice", "institution.saved");
      return "redirect:/workspace/" + saved.stateIso3() + "/institutions/" + saved.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("typedVersion", version);
      return editPage(found(iso3, id, user), user, model, draft);
    } catch (Institutions.StaleInstitution e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", true);
      model.addAttribute("yours", draft);
      return editPage(e.current(), user, model, null);
    }
  }

  private String listPage(String iso3, CooperaUser user, Model model, Draft draft) {
    List<Institution> list = institutions.list(iso3, user);
    String code =
        list.isEmpty() ? iso3.toUpperCase(java.util.Locale.ROOT) : list.get(0).stateIso3();
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("institutions", list);
    model.addAttribute("editor", Workspace.mayEdit(user, code));
    model.addAttribute("kinds", InstitutionKind.values());
    model.addAttribute("candidates", institutions.candidates(code, user));
    model.addAttribute("draft", draft);
    return "implementation/institutions";
  }

  private String editPage(Institution institution, CooperaUser user, Model model, Draft typed) {
    model.addAttribute("state", reference.findState(institution.stateIso3()).orElseThrow());
    model.addAttribute("institution", institution);
    model.addAttribute("editor", Workspace.mayEdit(user, institution.stateIso3()));
    model.addAttribute("kinds", InstitutionKind.values());
    model.addAttribute("candidates", institutions.candidates(institution.stateIso3(), user));
    model.addAttribute(
        "form",
        typed != null
            ? typed
            : new Draft(
                institution.name(),
                institution.acronym(),
                institution.kind().apiName(),
                institution.active(),
                institution.focalPoints().stream().map(f -> f.id()).toList()));
    return "implementation/institution";
  }

  private Institution found(String iso3, UUID id, CooperaUser user) {
    return institutions
        .find(iso3, id, user)
        .orElseThrow(() -> new Institutions.InstitutionNotFound(id));
  }
}
