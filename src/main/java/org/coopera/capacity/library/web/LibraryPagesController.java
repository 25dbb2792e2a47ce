package org.coopera.capacity.library.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.coopera.capacity.library.Library;
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
 * The resource library's pages: the public catalogue with its search and filters, each resource
 * with its files by language and version, and the forms of those who manage the library (what was
 * typed stays when it is refused).
 */
@Controller
class LibraryPagesController {

  static final String CATALOGUE = "capacity/library/catalogue";
  static final String RESOURCE = "capacity/library/resource";
  static final String FORM = "capacity/library/form";

  private final Library library;
  private final ReferenceData reference;

  LibraryPagesController(Library library, ReferenceData reference) {
    this.library = library;
    this.reference = reference;
  }

  /** What the resource form holds. */
  record ResourceForm(
      String title,
      String kind,
      String summary,
      String treaty,
      String theme,
      String audience,
      String language) {

    static ResourceForm of(Library.Resource r) {
      return new ResourceForm(
          r.title(),
          r.kind(),
          r.summary(),
          r.treatyCode(),
          r.themeCode(),
          r.audience(),
          r.originalLanguage());
    }

    static ResourceForm empty() {
      return new ResourceForm(
          null, "MANUAL", null, null, null, "STATE_OFFICIALS", LanguageNames.current());
    }

    Library.ResourceDraft draft() {
      return new Library.ResourceDraft(title, kind, summary, treaty, theme, audience, language);
    }
  }

  @GetMapping("/capacity/library")
  String catalogue(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String treaty,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String audience,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Library.Filter filter = new Library.Filter(q, treaty, theme, audience, language, kind);
    model.addAttribute("filter", filter);
    model.addAttribute("hits", library.search(filter, PageParameters.of(page, 20, 20), user));
    model.addAttribute(
        "base",
        UriComponentsBuilder.fromPath("/capacity/library")
            .queryParamIfPresent("q", optional(q))
            .queryParamIfPresent("treaty", optional(treaty))
            .queryParamIfPresent("theme", optional(theme))
            .queryParamIfPresent("audience", optional(audience))
            .queryParamIfPresent("language", optional(language))
            .queryParamIfPresent("kind", optional(kind))
            .encode()
            .toUriString());
    model.addAttribute("manager", Library.mayManage(user));
    choices(model);
    return CATALOGUE;
  }

  @GetMapping("/capacity/library/new")
  String newForm(@AuthenticationPrincipal CooperaUser user, Model model) {
    requireManager(user);
    return form(model, null, ResourceForm.empty());
  }

  @PostMapping("/capacity/library")
  String create(
      @ModelAttribute ResourceForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    requireManager(user);
    try {
      Library.Resource created = library.create(form.draft(), user);
      redirect.addFlashAttribute("notice", "library.notice.created");
      return "redirect:/capacity/library/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return form(model, null, form);
    }
  }

  @GetMapping("/capacity/library/{id}")
  String resource(
      @PathVariable UUID id,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Library.Resource resource = library.find(id, user);
    return resourcePage(resource, versionsView(resource, text, user), user, model);
  }

  private static VersionsView versionsView(Library.Resource r, String text, CooperaUser user) {
    String wanted = VersionsView.wanted(text, LanguageNames.current());
    return VersionsView.of(
        "/capacity/library/" + r.id(),
        r.shown(wanted),
        r.versions(),
        Library.VERSION_FIELDS,
        Library.mayManage(user));
  }

  @PostMapping("/capacity/library/{id}/versions")
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
        "/capacity/library/" + id,
        language,
        typed,
        () -> library.putVersion(id, language, typed, expectedVersion, user),
        refused -> resourceAgain(id, refused, user, model),
        response,
        redirect);
  }

  @PostMapping("/capacity/library/{id}/versions/{language}/remove")
  String removeVersion(
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestParam long expectedVersion,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return VersionForms.remove(
        "/capacity/library/" + id,
        language,
        () -> library.removeVersion(id, language, expectedVersion, user),
        refused -> resourceAgain(id, refused, user, model),
        response,
        redirect);
  }

  private String resourceAgain(
      UUID id, VersionForms.Refused refused, CooperaUser user, Model model) {
    Library.Resource r = library.find(id, user);
    return resourcePage(r, versionsView(r, null, user).refused(refused), user, model);
  }

  private String resourcePage(
      Library.Resource resource, VersionsView versions, CooperaUser user, Model model) {
    model.addAttribute("r", resource);
    model.addAttribute("versions", versions);
    model.addAttribute("shown", versions.shown());
    model.addAttribute("manager", Library.mayManage(user));
    choices(model);
    return RESOURCE;
  }

  @GetMapping("/capacity/library/{id}/edit")
  String edit(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    requireManager(user);
    Library.Resource resource = library.find(id, user);
    return form(model, resource, ResourceForm.of(resource));
  }

  @PostMapping("/capacity/library/{id}")
  String update(
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute ResourceForm form,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    requireManager(user);
    try {
      library.update(id, version, form.draft(), user);
      redirect.addFlashAttribute("notice", "library.notice.saved");
      return "redirect:/capacity/library/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("typedVersion", version);
      return form(model, library.find(id, user), form);
    } catch (Library.StaleResource e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stale", true);
      model.addAttribute("yours", form);
      return form(model, e.current(), ResourceForm.of(e.current()));
    }
  }

  @PostMapping("/capacity/library/{id}/publication")
  String publish(
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam boolean published,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    requireManager(user);
    try {
      library.publish(id, version, published, user);
      redirect.addFlashAttribute(
          "notice", published ? "library.notice.published" : "library.notice.withdrawn");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("refusal", e.messageKey());
    } catch (Library.StaleResource e) {
      redirect.addFlashAttribute("refusal", "library.error.stale");
    }
    return "redirect:/capacity/library/" + id;
  }

  @PostMapping("/capacity/library/{id}/files")
  String upload(
      @PathVariable UUID id,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String note,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    requireManager(user);
    try {
      Library.FileVersion uploaded =
          library.upload(
              id,
              language,
              file == null ? null : file.getOriginalFilename(),
              file == null ? new byte[0] : file.getBytes(),
              note,
              user);
      redirect.addFlashAttribute("notice", "library.notice.uploaded");
      redirect.addFlashAttribute("uploadedVersion", uploaded.versionNo());
      return "redirect:/capacity/library/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("uploadError", e);
      model.addAttribute("typedLanguage", language);
      model.addAttribute("typedNote", note);
      return resource(id, null, user, model);
    }
  }

  @GetMapping("/capacity/library/{id}/files/{fileVersion}")
  ResponseEntity<byte[]> download(
      @PathVariable UUID id,
      @PathVariable UUID fileVersion,
      @AuthenticationPrincipal CooperaUser user) {
    StoredFiles.StoredFile file = library.file(id, fileVersion, user);
    return FileResponses.attachment(file, library.content(file));
  }

  private String form(Model model, Library.Resource resource, ResourceForm form) {
    model.addAttribute("r", resource);
    model.addAttribute("form", form);
    choices(model);
    return FORM;
  }

  private void choices(Model model) {
    model.addAttribute("kinds", Library.KINDS);
    model.addAttribute("audiences", Library.AUDIENCES);
    model.addAttribute("languages", Library.LANGUAGES);
    model.addAttribute("treaties", reference.instruments());
    model.addAttribute("themes", reference.themes());
  }

  private static java.util.Optional<String> optional(String value) {
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(value.strip());
  }

  private static void requireManager(CooperaUser user) {
    if (!Library.mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers only");
    }
  }
}
