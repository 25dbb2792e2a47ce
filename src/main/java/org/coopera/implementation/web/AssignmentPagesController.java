package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.Actions;
import org.coopera.implementation.internal.Assignments;
import org.coopera.implementation.internal.Assignments.Assignment;
import org.coopera.implementation.internal.Indicators;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.implementation.internal.Review;
import org.coopera.implementation.internal.StaleItem;
import org.coopera.implementation.internal.Workspace;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.StoredFiles;
import org.coopera.reference.ReferenceData;
import org.springframework.http.HttpStatus;
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
 * The work on a State's recommendations: the workspace's home, the list of assignments with the
 * form to assign, and each assignment's page with its actions, indicators and progress updates.
 * Every refusal shows the page again with what the person typed; a stale edit shows both.
 */
@Controller
class AssignmentPagesController {

  private final Assignments assignments;
  private final Actions actions;
  private final Indicators indicators;
  private final ProgressUpdates updates;
  private final Institutions institutions;
  private final ReferenceData reference;
  private final StoredFiles files;

  AssignmentPagesController(
      Assignments assignments,
      Actions actions,
      Indicators indicators,
      ProgressUpdates updates,
      Institutions institutions,
      ReferenceData reference,
      StoredFiles files) {
    this.files = files;
    this.assignments = assignments;
    this.actions = actions;
    this.indicators = indicators;
    this.updates = updates;
    this.institutions = institutions;
    this.reference = reference;
  }

  /** A line of the list: the assignment and its rolled-up status. */
  public record Line(Assignment assignment, ImplementationStatus status) {}

  @GetMapping("/workspace/{iso3}")
  String home(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    List<Assignment> all = assignments.list(iso3, user);
    String code = iso3.toUpperCase(Locale.ROOT);
    Map<UUID, ImplementationStatus> rolled = actions.rolledUp(code);
    Map<ImplementationStatus, Integer> byStatus = new EnumMap<>(ImplementationStatus.class);
    for (ImplementationStatus s : ImplementationStatus.values()) {
      byStatus.put(s, 0);
    }
    all.forEach(
        a ->
            byStatus.merge(
                rolled.getOrDefault(a.id(), ImplementationStatus.NOT_STARTED), 1, Integer::sum));
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("assignmentCount", all.size());
    model.addAttribute("byStatus", byStatus);
    model.addAttribute("flagged", all.stream().filter(a -> a.flag() != null).count());
    model.addAttribute("awaiting", updates.awaitingReview(code, user));
    model.addAttribute("editor", Workspace.mayEdit(user, code));
    return "implementation/home";
  }

  @GetMapping("/workspace/{iso3}/assignments")
  String list(
      @PathVariable String iso3,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) UUID institution,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    return listPage(
        iso3,
        status,
        institution,
        user,
        model,
        new Assignments.Draft(null, null, List.of(), null, "medium"));
  }

  @PostMapping("/workspace/{iso3}/assignments")
  String assign(
      @PathVariable String iso3,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) UUID lead,
      @RequestParam(required = false) List<UUID> supporting,
      @RequestParam(required = false) String targetDate,
      @RequestParam(required = false) String priority,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Assignments.Draft draft =
        new Assignments.Draft(subject, lead, supporting, targetDate, priority);
    try {
      Assignment created = assignments.create(iso3, draft, user);
      redirect.addFlashAttribute("notice", "assignment.created");
      return "redirect:/workspace/" + created.stateIso3() + "/assignments/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return listPage(iso3, null, null, user, model, draft);
    }
  }

  @GetMapping("/workspace/{iso3}/assignments/{id}")
  String show(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    return page(assignments.get(iso3, id, user), user, model);
  }

  @PostMapping("/workspace/{iso3}/assignments/{id}")
  String update(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) UUID lead,
      @RequestParam(required = false) List<UUID> supporting,
      @RequestParam(required = false) String targetDate,
      @RequestParam(required = false) String priority,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Assignments.Draft draft = new Assignments.Draft(null, lead, supporting, targetDate, priority);
    try {
      assignments.update(iso3, id, version, draft, user);
      redirect.addFlashAttribute("notice", "assignment.saved");
      return "redirect:/workspace/" + iso3.toUpperCase(Locale.ROOT) + "/assignments/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      model.addAttribute("assignmentForm", draft);
      return page(assignments.get(iso3, id, user), user, model);
    } catch (StaleItem e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("staleAssignment", draft);
      return page(assignments.get(iso3, id, user), user, model);
    }
  }

  @PostMapping("/workspace/{iso3}/assignments/{id}/actions")
  String addAction(
      @PathVariable String iso3,
      @PathVariable UUID id,
      Actions.Draft draft,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      actions.create(iso3, id, draft, user);
      redirect.addFlashAttribute("notice", "action.created");
      return "redirect:/workspace/"
          + iso3.toUpperCase(Locale.ROOT)
          + "/assignments/"
          + id
          + "#actions";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("actionError", e);
      model.addAttribute("actionForm", draft);
      return page(assignments.get(iso3, id, user), user, model);
    }
  }

  @PostMapping("/workspace/{iso3}/assignments/{id}/indicators")
  String addIndicator(
      @PathVariable String iso3,
      @PathVariable UUID id,
      Indicators.Draft draft,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      indicators.create(iso3, id, draft, user);
      redirect.addFlashAttribute("notice", "indicator.created");
      return "redirect:/workspace/"
          + iso3.toUpperCase(Locale.ROOT)
          + "/assignments/"
          + id
          + "#indicators";
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("indicatorError", e);
      model.addAttribute("indicatorForm", draft);
      return page(assignments.get(iso3, id, user), user, model);
    }
  }

  @PostMapping("/workspace/{iso3}/assignments/{id}/updates")
  String addUpdate(
      @PathVariable String iso3,
      @PathVariable UUID id,
      ProgressUpdates.Draft draft,
      @RequestParam(required = false) List<MultipartFile> evidence,
      @RequestParam(defaultValue = "draft") String then,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    try {
      boolean submit = "submit".equals(then);
      ProgressUpdates.Update created =
          updates.create(iso3, id, draft, uploads(evidence), submit, user);
      redirect.addFlashAttribute("notice", submit ? "update.submitted" : "update.saved");
      return "redirect:/workspace/"
          + created.stateIso3()
          + "/assignments/"
          + id
          + "#update-"
          + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("updateError", e);
      model.addAttribute("updateForm", draft);
      return page(assignments.get(iso3, id, user), user, model);
    }
  }

  static List<ProgressUpdates.Upload> uploads(List<MultipartFile> files) throws IOException {
    List<ProgressUpdates.Upload> uploads = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      if (!f.isEmpty()) {
        uploads.add(new ProgressUpdates.Upload(f.getOriginalFilename(), f.getBytes()));
      }
    }
    return uploads;
  }

  private String listPage(
      String iso3,
      String status,
      UUID institution,
      CooperaUser user,
      Model model,
      Assignments.Draft draft) {
    List<Assignment> all = assignments.list(iso3, user);
    String code = iso3.toUpperCase(Locale.ROOT);
    Map<UUID, ImplementationStatus> rolled = actions.rolledUp(code);
    ImplementationStatus wanted = ImplementationStatus.fromApiName(status).orElse(null);
    List<Line> lines =
        all.stream()
            .map(a -> new Line(a, rolled.getOrDefault(a.id(), ImplementationStatus.NOT_STARTED)))
            .filter(l -> wanted == null || l.status() == wanted)
            .filter(
                l -> institution == null || l.assignment().institutionIds().contains(institution))
            .toList();
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("lines", lines);
    model.addAttribute("total", all.size());
    model.addAttribute("statuses", ImplementationStatus.values());
    model.addAttribute("chosenStatus", wanted == null ? "" : wanted.apiName());
    model.addAttribute("chosenInstitution", institution);
    model.addAttribute("institutions", institutions.list(code, user));
    model.addAttribute("editor", Workspace.mayEdit(user, code));
    if (Workspace.mayEdit(user, code)) {
      model.addAttribute("choices", assignments.unassigned(code, user));
    }
    model.addAttribute("priorities", Assignments.Priority.values());
    model.addAttribute("draft", draft);
    return "implementation/assignments";
  }

  private String page(Assignment assignment, CooperaUser user, Model model) {
    String code = assignment.stateIso3();
    List<Actions.Action> actionList = actions.of(assignment.id());
    List<Indicators.Indicator> indicatorList = indicators.of(assignment.id());
    List<ProgressUpdates.Update> updateList = updates.of(assignment.id());
    boolean mayWork = assignments.mayWork(user, assignment);
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("assignment", assignment);
    model.addAttribute(
        "status",
        ImplementationStatus.rollUp(actionList.stream().map(Actions.Action::status).toList()));
    model.addAttribute("actions", actionList);
    model.addAttribute("indicators", indicatorList);
    model.addAttribute("updates", updateList);
    model.addAttribute("editor", Workspace.mayEdit(user, code));
    model.addAttribute("mayWork", mayWork);
    model.addAttribute("me", user.accountId());
    model.addAttribute(
        "institutions", institutions.list(code, user).stream().filter(i -> i.active()).toList());
    model.addAttribute("statuses", ImplementationStatus.values());
    model.addAttribute("priorities", Assignments.Priority.values());
    if (!model.containsAttribute("assignmentForm")) {
      model.addAttribute(
          "assignmentForm",
          new Assignments.Draft(
              null,
              assignment.lead().id(),
              assignment.supporting().stream().map(Assignments.InstitutionRef::id).toList(),
              assignment.targetDate() == null ? null : assignment.targetDate().toString(),
              assignment.priority().apiName()));
    }
    if (!model.containsAttribute("actionForm")) {
      model.addAttribute(
          "actionForm",
          new Actions.Draft(null, null, assignment.lead().id(), null, null, null, null, null));
    }
    if (!model.containsAttribute("indicatorForm")) {
      model.addAttribute(
          "indicatorForm",
          new Indicators.Draft(
              "quantitative", null, null, "increase", null, null, null, null, 6, null, null, null));
    }
    if (!model.containsAttribute("updateForm")) {
      model.addAttribute(
          "updateForm", new ProgressUpdates.Draft(null, "in-progress", null, null, null, null));
    }
    model.addAttribute("reviews", Review.values());
    model.addAttribute("maxSize", files.maxSize());
    return "implementation/assignment";
  }
}
