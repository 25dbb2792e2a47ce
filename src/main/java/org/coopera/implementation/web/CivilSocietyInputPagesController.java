package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.CivilSocietyInputs;
import org.coopera.implementation.internal.StaleItem;
import org.coopera.implementation.internal.Workspace;
import org.coopera.platform.FileResponses;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.StoredFiles;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The input of civil society in a State's workspace: its officials read it, newest first; its
 * coordinators answer each input and accept or decline it. A decision on an input someone decided
 * meanwhile is refused (409) and the page shows it as it is now beside what was typed.
 */
@Controller
class CivilSocietyInputPagesController {

  private final CivilSocietyInputs inputs;
  private final StoredFiles files;
  private final ReferenceData reference;

  CivilSocietyInputPagesController(
      CivilSocietyInputs inputs, StoredFiles files, ReferenceData reference) {
    this.inputs = inputs;
    this.files = files;
    this.reference = reference;
  }

  @GetMapping("/workspace/{iso3}/input")
  String list(
      @PathVariable String iso3,
      @RequestParam(required = false) String status,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    return listPage(iso3, status, user, model);
  }

  @PostMapping("/workspace/{iso3}/input/{id}")
  String decide(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam String decision,
      @RequestParam(required = false) String answer,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      CivilSocietyInputs.Input done =
          inputs.decide(iso3, id, version, "accept".equals(decision), answer, user);
      redirect.addFlashAttribute(
          "notice",
          done.status() == CivilSocietyInputs.Status.ACCEPTED
              ? "input.accepted"
              : "input.declined");
      return "redirect:/workspace/" + done.stateIso3() + "/input#input-" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("typedFor", id);
      model.addAttribute("typedAnswer", answer);
      return listPage(iso3, null, user, model);
    } catch (StaleItem e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", e.current());
      model.addAttribute("typedFor", id);
      model.addAttribute("typedAnswer", answer);
      return listPage(iso3, null, user, model);
    }
  }

  @GetMapping("/workspace/{iso3}/input/{id}/file")
  ResponseEntity<byte[]> file(
      @PathVariable String iso3, @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    StoredFiles.StoredFile found = inputs.file(iso3, id, user);
    return FileResponses.attachment(found, files.content(found.id()));
  }

  private String listPage(String iso3, String status, CooperaUser user, Model model) {
    CivilSocietyInputs.Status filter = CivilSocietyInputs.Status.fromApiName(status).orElse(null);
    var list = inputs.list(iso3, filter, user);
    String code = iso3.strip().toUpperCase(Locale.ROOT);
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("inputs", list);
    model.addAttribute("status", filter == null ? null : filter.apiName());
    model.addAttribute("statuses", CivilSocietyInputs.Status.values());
    model.addAttribute("editor", Workspace.mayEdit(user, code));
    return "implementation/inputs";
  }
}
