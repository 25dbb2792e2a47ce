package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.CivilSocietyInputs;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.implementation.internal.PublicImplementation;
import org.coopera.implementation.internal.PublicImplementation.PublicAssignment;
import org.coopera.implementation.internal.WorkspaceItemNotFound;
import org.coopera.platform.Csv;
import org.coopera.platform.FileResponses;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.StoredFiles;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.ReferenceNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public view of what States have published of their follow-up: the States, a State's public
 * assignments with charts by theme and by lead institution (filtered, exported as CSV), each
 * assignment's page with the accepted input of civil society, and the published evidence files.
 * Civil society organisations send their input from an assignment's page.
 */
@Controller
class PublicImplementationController {

  private final PublicImplementation published;
  private final CivilSocietyInputs inputs;
  private final ProgressUpdates updates;
  private final StoredFiles files;
  private final ReferenceData reference;
  private final ReferenceNames names;

  PublicImplementationController(
      PublicImplementation published,
      CivilSocietyInputs inputs,
      ProgressUpdates updates,
      StoredFiles files,
      ReferenceData reference,
      ReferenceNames names) {
    this.names = names;
    this.published = published;
    this.inputs = inputs;
    this.updates = updates;
    this.files = files;
    this.reference = reference;
  }

  /** The filters of a State's list; a value that matches nothing is ignored. */
  record Filter(String theme, UUID institution, ImplementationStatus status) {

    static Filter of(String theme, String institution, String status) {
      UUID lead = null;
      try {
        lead = institution == null || institution.isBlank() ? null : UUID.fromString(institution);
      } catch (IllegalArgumentException e) {
        lead = null;
      }
      return new Filter(
          theme == null || theme.isBlank() ? null : theme.strip(),
          lead,
          ImplementationStatus.fromApiName(status).orElse(null));
    }

    boolean matches(PublicAssignment a) {
      return (theme == null || a.themes().contains(theme))
          && (institution == null || a.lead().id().equals(institution))
          && (status == null || a.status() == status);
    }

    public String statusName() {
      return status == null ? null : status.apiName();
    }
  }

  @GetMapping("/implementation")
  String index(Model model) {
    model.addAttribute(
        "states",
        published.states().stream()
            .map(s -> Map.entry(reference.findState(s.iso3()).orElseThrow(), s))
            .sorted(Map.Entry.comparingByKey((x, y) -> x.name().compareToIgnoreCase(y.name())))
            .toList());
    return "implementation/public/index";
  }

  @GetMapping("/implementation/{iso3}")
  String state(
      @PathVariable String iso3,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String institution,
      @RequestParam(required = false) String status,
      Model model) {
    ReferenceData.State state = state(iso3);
    List<PublicAssignment> all = published.of(state.iso3());
    Filter filter = Filter.of(theme, institution, status);
    List<PublicAssignment> list = all.stream().filter(filter::matches).toList();
    Map<String, String> themeNames = themeNames();
    model.addAttribute("state", state);
    model.addAttribute("all", all);
    model.addAttribute("assignments", list);
    model.addAttribute("filter", filter);
    model.addAttribute("themeNames", themeNames);
    model.addAttribute("themes", themesOf(all, themeNames));
    model.addAttribute("institutions", institutionsOf(all));
    model.addAttribute("statuses", ImplementationStatus.values());
    model.addAttribute(
        "byTheme", StatusTable.of(list, PublicAssignment::themes, c -> themeName(themeNames, c)));
    model.addAttribute(
        "byInstitution",
        StatusTable.of(
            list,
            a -> List.of(a.lead().id().toString()),
            id -> leadName(list, UUID.fromString(id))));
    return "implementation/public/state";
  }

  @GetMapping("/implementation/{iso3}/export.csv")
  void export(
      @PathVariable String iso3,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String institution,
      @RequestParam(required = false) String status,
      HttpServletResponse response)
      throws IOException {
    ReferenceData.State state = state(iso3);
    Filter filter = Filter.of(theme, institution, status);
    List<PublicAssignment> list =
        published.of(state.iso3()).stream().filter(filter::matches).toList();
    try (Csv csv =
        Csv.download(
            response,
            "coopera-implementation-" + state.iso3() + ".csv",
            List.of(
                "assignment",
                "recommendations",
                "subject",
                "response",
                "lead_institution",
                "status",
                "themes",
                "last_published",
                "latest_narrative"))) {
      for (PublicAssignment a : list) {
        csv.row(
            List.of(
                a.id(),
                a.codes(),
                a.subjectLabel(),
                String.join(
                    ", ",
                    a.recommendations().stream()
                        .map(r -> r.response() == null ? "" : r.response().apiName())
                        .distinct()
                        .toList()),
                a.lead().name(),
                a.status().apiName(),
                String.join(", ", a.themes()),
                a.lastPublished().toString(),
                a.latest().narrative()));
      }
    }
  }

  @GetMapping("/implementation/{iso3}/assignments/{id}")
  String assignment(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    return assignmentPage(state(iso3), id, user, model, null);
  }

  @PostMapping("/implementation/{iso3}/assignments/{id}/input")
  String submit(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String assessment,
      @RequestParam(required = false) String statement,
      @RequestParam(required = false) MultipartFile file,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    ReferenceData.State state = state(iso3);
    boolean attached = file != null && !file.isEmpty();
    CivilSocietyInputs.Draft draft =
        new CivilSocietyInputs.Draft(
            organisation,
            assessment,
            statement,
            attached ? file.getOriginalFilename() : null,
            attached ? file.getBytes() : null);
    try {
      inputs.submit(state.iso3(), id, draft, user);
      redirect.addFlashAttribute("notice", "public.input.submitted");
      return "redirect:/implementation/" + state.iso3() + "/assignments/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return assignmentPage(state, id, user, model, draft);
    }
  }

  @GetMapping("/implementation/{iso3}/evidence/{update}/{file}")
  ResponseEntity<byte[]> evidence(
      @PathVariable String iso3, @PathVariable UUID update, @PathVariable UUID file) {
    StoredFiles.StoredFile found = updates.publishedEvidence(state(iso3).iso3(), update, file);
    return FileResponses.attachment(found, files.content(found.id()));
  }

  @GetMapping("/implementation/{iso3}/input-files/{input}")
  ResponseEntity<byte[]> inputFile(@PathVariable String iso3, @PathVariable UUID input) {
    StoredFiles.StoredFile found = inputs.acceptedFile(state(iso3).iso3(), input);
    return FileResponses.attachment(found, files.content(found.id()));
  }

  private String assignmentPage(
      ReferenceData.State state,
      UUID id,
      CooperaUser user,
      Model model,
      CivilSocietyInputs.Draft typed) {
    PublicAssignment assignment =
        published.get(state.iso3(), id).orElseThrow(() -> new WorkspaceItemNotFound(id));
    Map<String, String> themeNames = themeNames();
    List<String> organisations = CivilSocietyInputs.organisationsOf(user);
    Map<String, String> organisationNames = new LinkedHashMap<>();
    organisations.forEach(
        code ->
            organisationNames.put(
                code,
                reference
                    .findOrganisation(code)
                    .map(ReferenceData.Organisation::name)
                    .orElse(code)));
    model.addAttribute("state", state);
    model.addAttribute("a", assignment);
    model.addAttribute("themeNames", themeNames);
    model.addAttribute("accepted", inputs.accepted(List.of(id)).getOrDefault(id, List.of()));
    model.addAttribute("organisations", organisationNames);
    model.addAttribute("statuses", ImplementationStatus.values());
    model.addAttribute(
        "draft",
        typed != null ? typed : new CivilSocietyInputs.Draft(null, null, null, null, null));
    model.addAttribute("maxFileMb", Math.max(1, files.maxSize() / (1024 * 1024)));
    return "implementation/public/assignment";
  }

  private ReferenceData.State state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference.findState(code).orElseThrow(() -> new Institutions.WorkspaceNotFound(code));
  }

  private Map<String, String> themeNames() {
    Map<String, String> names = new LinkedHashMap<>();
    reference.themes().forEach(t -> names.put(t.code(), this.names.theme(t.code())));
    return names;
  }

  private static String themeName(Map<String, String> names, String code) {
    return names.getOrDefault(code, code);
  }

  private static Map<String, String> themesOf(
      List<PublicAssignment> all, Map<String, String> names) {
    Map<String, String> themes = new java.util.TreeMap<>();
    all.stream()
        .map(PublicAssignment::themes)
        .flatMap(Collection::stream)
        .forEach(code -> themes.put(code, themeName(names, code)));
    return themes;
  }

  private static Map<UUID, String> institutionsOf(List<PublicAssignment> all) {
    Map<UUID, String> institutions = new LinkedHashMap<>();
    all.stream()
        .map(PublicAssignment::lead)
        .sorted((x, y) -> x.name().compareToIgnoreCase(y.name()))
        .forEach(i -> institutions.put(i.id(), i.name()));
    return institutions;
  }

  private static String leadName(List<PublicAssignment> list, UUID id) {
    return list.stream()
        .map(PublicAssignment::lead)
        .filter(l -> l.id().equals(id))
        .map(l -> l.acronym() == null ? l.name() : l.name() + " (" + l.acronym() + ")")
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
  }
}
