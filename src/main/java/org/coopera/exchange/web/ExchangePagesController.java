package org.coopera.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.exchange.PracticeDigest;
import org.coopera.exchange.Practices;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.FileResponses;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.coopera.platform.PageParameters;
import org.coopera.platform.StoredFiles;
import org.coopera.platform.VersionForms;
import org.coopera.platform.VersionsView;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The exchange's pages: the public catalogue with its search and filters, each practice with its
 * feedback, a State's forms and work list, and the administrators' moderation. A refused form comes
 * back with what was typed and the reason.
 */
@Controller
class ExchangePagesController {

  private final Practices practices;
  private final PracticeDigest digest;
  private final ReferenceData reference;
  private final ProjectLookup projects;

  ExchangePagesController(
      Practices practices, PracticeDigest digest, ReferenceData reference, ProjectLookup projects) {
    this.practices = practices;
    this.digest = digest;
    this.reference = reference;
    this.projects = projects;
  }

  /** The practice form; recommendations by code, one per line. */
  record PracticeForm(
      String title,
      String whatDone,
      String context,
      List<String> forms,
      String results,
      String challenges,
      String contact,
      List<String> themes,
      List<UUID> projects,
      String recommendations,
      String language) {

    static PracticeForm empty() {
      return new PracticeForm(
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          List.of(),
          List.of(),
          "",
          LanguageNames.current());
    }

    static PracticeForm of(Practices.Practice p) {
      return new PracticeForm(
          p.title(),
          p.whatDone(),
          p.context(),
          p.forms(),
          p.results(),
          p.challenges(),
          p.contact(),
          p.themes(),
          p.projects().stream().map(ProjectLookup.ProjectRef::id).toList(),
          String.join("\n", p.recommendations().stream().map(r -> r.code()).toList()),
          p.originalLanguage());
    }

    Practices.PracticeDraft draft() {
      return new Practices.PracticeDraft(
          title,
          whatDone,
          context,
          forms,
          results,
          challenges,
          contact,
          themes,
          projects,
          recommendations == null
              ? List.of()
              : Arrays.stream(recommendations.split("[\\r\\n,]+")).map(String::strip).toList(),
          language);
    }

    public boolean has(List<?> values, Object code) {
      return values != null && values.contains(code);
    }
  }

  @GetMapping("/practices")
  String catalogue(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String form,
      @RequestParam(required = false) Integer page,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Practices.Filter filter = new Practices.Filter(q, theme, region, form);
    model.addAttribute("filter", filter);
    model.addAttribute("found", practices.search(filter, PageParameters.of(page, 20, 20)));
    model.addAttribute(
        "base",
        UriComponentsBuilder.fromPath("/practices")
            .queryParamIfPresent("q", present(q))
            .queryParamIfPresent("theme", present(theme))
            .queryParamIfPresent("region", present(region))
            .queryParamIfPresent("form", present(form))
            .encode()
            .toUriString());
    model.addAttribute("myStates", Practices.statesOf(user));
    model.addAttribute("subscribed", user != null && digest.subscribed(user.accountId()));
    model.addAttribute("signedIn", user != null);
    model.addAttribute("administrator", user != null && user.isAdministrator());
    choices(model);
    return "exchange/catalogue";
  }

  @PostMapping("/practices/subscription")
  String subscribe(
      @RequestParam boolean subscribed,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    if (user == null) {
      throw new AccessDeniedException("Sign in to subscribe");
    }
    digest.subscribe(user.accountId(), subscribed);
    redirect.addFlashAttribute(
        "notice", subscribed ? "exchange.notice.subscribed" : "exchange.notice.unsubscribed");
    return "redirect:/practices";
  }

  @GetMapping("/practices/work")
  String work(@AuthenticationPrincipal CooperaUser user, Model model) {
    if (user == null || (!user.isAdministrator() && Practices.statesOf(user).isEmpty())) {
      throw new AccessDeniedException("State officials and administrators");
    }
    model.addAttribute("practices", practices.workList(user));
    model.addAttribute("administrator", user.isAdministrator());
    return "exchange/work";
  }

  @GetMapping("/practices/new")
  String newForm(
      @RequestParam String state, @AuthenticationPrincipal CooperaUser user, Model model) {
    String iso3 = state.strip().toUpperCase(Locale.ROOT);
    if (!Practices.isOfficial(user, iso3)) {
      throw new AccessDeniedException("Only the State's officials draft its practices");
    }
    return form(model, iso3, null, PracticeForm.empty());
  }

  @PostMapping("/practices")
  String create(
      @RequestParam String state,
      @ModelAttribute PracticeForm form,
      @RequestParam(required = false) MultipartFile evidence,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    String iso3 = state.strip().toUpperCase(Locale.ROOT);
    try {
      Practices.Practice created = practices.create(iso3, form.draft(), attachment(evidence), user);
      redirect.addFlashAttribute("notice", "exchange.notice.drafted");
      return "redirect:/practices/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return form(model, iso3, null, form);
    }
  }

  @GetMapping("/practices/{id}")
  String practice(
      @PathVariable UUID id,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Practices.Practice p = practices.find(id, user);
    return practicePage(p, versionsView(p, text, user), user, model);
  }

  private static VersionsView versionsView(Practices.Practice p, String text, CooperaUser user) {
    String wanted = VersionsView.wanted(text, LanguageNames.current());
    return VersionsView.of(
        "/practices/" + p.id(),
        p.shown(wanted),
        p.versions(),
        Practices.VERSION_FIELDS,
        Practices.mayTranslate(user, p.stateIso3()));
  }

  @PostMapping("/practices/{id}/versions")
  String putVersion(
      @PathVariable UUID id,
      @RequestParam String language,
      @RequestParam(required = false) Long expectedVersion,
      @RequestParam Map<String, String> typed,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return VersionForms.save(
        "/practices/" + id,
        language,
        typed,
        () -> practices.putVersion(id, language, typed, expectedVersion, user),
        refused -> practiceAgain(id, refused, user, model),
        response,
        redirect);
  }

  @PostMapping("/practices/{id}/versions/{language}/remove")
  String removeVersion(
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestParam long expectedVersion,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return VersionForms.remove(
        "/practices/" + id,
        language,
        () -> practices.removeVersion(id, language, expectedVersion, user),
        refused -> practiceAgain(id, refused, user, model),
        response,
        redirect);
  }

  private String practiceAgain(
      UUID id, VersionForms.Refused refused, CooperaUser user, Model model) {
    Practices.Practice p = practices.find(id, user);
    return practicePage(p, versionsView(p, null, user).refused(refused), user, model);
  }

  private String practicePage(
      Practices.Practice p, VersionsView versions, CooperaUser user, Model model) {
    model.addAttribute("p", p);
    model.addAttribute("versions", versions);
    model.addAttribute("shown", versions.shown());
    model.addAttribute("official", Practices.isOfficial(user, p.stateIso3()));
    model.addAttribute(
        "coordinator",
        user != null
            && user.hasRoleForState(org.coopera.identity.Role.STATE_COORDINATOR, p.stateIso3()));
    model.addAttribute("administrator", user != null && user.isAdministrator());
    List<String> others =
        Practices.statesOf(user).stream().filter(s -> !s.equals(p.stateIso3())).toList();
    model.addAttribute("otherState", others.isEmpty() ? null : others.get(0));
    model.addAttribute(
        "adopted",
        !others.isEmpty()
            && reference
                .findState(others.get(0))
                .map(s -> p.adopters().contains(s.iso3()))
                .orElse(false));
    model.addAttribute("themeNames", reference.themes());
    return "exchange/practice";
  }

  @GetMapping("/practices/{id}/edit")
  String edit(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    Practices.Practice p = practices.find(id, user);
    if (!Practices.isOfficial(user, p.stateIso3())) {
      throw new AccessDeniedException("Only the State's officials change its practices");
    }
    return form(model, p.stateIso3(), p, PracticeForm.of(p));
  }

  @PostMapping("/practices/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute PracticeForm form,
      @RequestParam(required = false) MultipartFile evidence,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    try {
      practices.update(id, version, form.draft(), attachment(evidence), user);
      redirect.addFlashAttribute("notice", "exchange.notice.saved");
      return "redirect:/practices/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      Practices.Practice p = practices.find(id, user);
      return form(model, p.stateIso3(), p, form);
    } catch (Practices.PracticeRefused e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("refusal", e.messageKey());
      model.addAttribute("yours", form);
      return form(model, e.current().stateIso3(), e.current(), PracticeForm.of(e.current()));
    }
  }

  @PostMapping("/practices/{id}/submit")
  String submit(
      @PathVariable UUID id,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id, redirect, "exchange.notice.submitted-page", () -> practices.submit(id, version, user));
  }

  @PostMapping("/practices/{id}/approve")
  String approve(
      @PathVariable UUID id,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id, redirect, "exchange.notice.approved", () -> practices.approve(id, version, user));
  }

  @PostMapping("/practices/{id}/return")
  String returnToState(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) String comment,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id,
        redirect,
        "exchange.notice.returned-page",
        () -> practices.returnToState(id, version, comment, user));
  }

  @PostMapping("/practices/{id}/comments")
  String comment(
      @PathVariable UUID id,
      @RequestParam String kind,
      @RequestParam(required = false) UUID answers,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id,
        redirect,
        "exchange.notice.commented",
        () -> practices.comment(id, kind, answers, text, user));
  }

  @PostMapping("/practices/{id}/adoption")
  String adopt(
      @PathVariable UUID id,
      @RequestParam boolean adopted,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    return step(
        id,
        redirect,
        adopted ? "exchange.notice.adopted" : "exchange.notice.unadopted",
        () -> practices.adopt(id, adopted, user));
  }

  @GetMapping("/practices/{id}/evidence")
  ResponseEntity<byte[]> evidence(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    StoredFiles.StoredFile file = practices.evidence(id, user);
    return FileResponses.attachment(file, practices.content(file));
  }

  private String step(UUID id, RedirectAttributes redirect, String notice, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
    } catch (Practices.PracticeRefused e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
    }
    return "redirect:/practices/" + id;
  }

  private String form(Model model, String iso3, Practices.Practice p, PracticeForm form) {
    model.addAttribute("state", reference.findState(iso3).orElseThrow());
    model.addAttribute("p", p);
    model.addAttribute("form", form);
    model.addAttribute(
        "stateProjects", projects.all().stream().filter(x -> x.stateIso3().equals(iso3)).toList());
    choices(model);
    return "exchange/form";
  }

  private void choices(Model model) {
    model.addAttribute("forms", Practices.FORMS);
    model.addAttribute("themes", reference.themes());
    model.addAttribute(
        "regions", reference.regions().stream().filter(r -> r.level().equals("REGION")).toList());
  }

  private static Practices.Attachment attachment(MultipartFile file) throws IOException {
    return file == null || file.isEmpty()
        ? null
        : new Practices.Attachment(file.getOriginalFilename(), file.getBytes());
  }

  private static java.util.Optional<String> present(String value) {
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(value.strip());
  }
}
