package org.coopera.reference.web;

import org.coopera.platform.InvalidInputException;
import org.coopera.platform.PageParameters;
import org.coopera.reference.Organisations;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators add and edit the organisations that accounts and projects refer to. */
@Controller
@RequestMapping("/admin/organisations")
class AdminOrganisationsController {

  static final int PAGE_SIZE = 50;

  private final Organisations organisations;
  private final ReferenceData reference;

  AdminOrganisationsController(Organisations organisations, ReferenceData reference) {
    this.organisations = organisations;
    this.reference = reference;
  }

  /** The organisation form; {@code version} is the version the editor saw (null when new). */
  record OrganisationForm(String code, String name, String kind, String stateIso3, Long version) {}

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", Organisations.KINDS);
    model.addAttribute(
        "organisations", organisations.search(q, kind, PageParameters.of(page, null, PAGE_SIZE)));
    return "admin/organisations";
  }

  @GetMapping("/new")
  String newOrganisation(Model model) {
    return form(model, new OrganisationForm(null, null, null, null, null), null);
  }

  @PostMapping
  String create(OrganisationForm form, Model model, RedirectAttributes redirect) {
    try {
      String code = organisations.create(form.code(), form.name(), form.kind(), form.stateIso3());
      redirect.addFlashAttribute("notice", "organisations.created");
      return "redirect:/admin/organisations/" + code;
    } catch (InvalidInputException e) {
      return form(model, form, e);
    }
  }

  @GetMapping("/{code}")
  String edit(@PathVariable String code, Model model) {
    Organisations.Editable organisation =
        organisations
            .find(code)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return form(
        model,
        new OrganisationForm(
            organisation.code(),
            organisation.name(),
            organisation.kind(),
            organisation.stateIso3(),
            organisation.version()),
        null);
  }

  @PostMapping("/{code}")
  String update(
      @PathVariable String code, OrganisationForm form, Model model, RedirectAttributes redirect) {
    Organisations.Editable current =
        organisations
            .find(code)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    OrganisationForm submitted =
        new OrganisationForm(code, form.name(), form.kind(), form.stateIso3(), form.version());
    try {
      organisations.update(
          code,
          form.version() == null ? -1 : form.version(),
          form.name(),
          form.kind(),
          form.stateIso3());
      redirect.addFlashAttribute("notice", "organisations.saved");
      return "redirect:/admin/organisations/" + code;
    } catch (InvalidInputException e) {
      boolean stale = "organisations.error.stale".equals(e.messageKey());
      // after a stale edit the form keeps what this editor typed, against the current version
      return form(
          model,
          stale
              ? new OrganisationForm(
                  code, form.name(), form.kind(), form.stateIso3(), current.version())
              : submitted,
          e);
    }
  }

  private String form(Model model, OrganisationForm form, InvalidInputException error) {
    model.addAttribute("form", form);
    model.addAttribute("editing", form.version() != null);
    model.addAttribute("error", error);
    model.addAttribute("kinds", Organisations.KINDS);
    model.addAttribute("states", reference.allStates());
    return "admin/organisation-form";
  }
}
