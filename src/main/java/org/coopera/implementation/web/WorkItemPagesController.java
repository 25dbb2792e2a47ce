package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.Actions;
import org.coopera.implementation.internal.Assignments;
import org.coopera.implementation.internal.Indicators;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.implementation.internal.Review;
import org.coopera.implementation.internal.StaleItem;
import org.coopera.implementation.internal.Workspace;
import org.coopera.implementation.internal.WorkspaceItemNotFound;
import org.coopera.platform.FileResponses;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.coopera.platform.StoredFiles;
import org.coopera.platform.VersionForms;
import org.coopera.platform.VersionsView;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of one action, one indicator and one progress update (their forms, with the conflict
 * shown when someone saved first), the steps of an update's review, its evidence files, and the
 * coordinator's queue of updates awaiting review.
 */
@Controller
class WorkItemPagesController {

  private final Assignments assignments;
  private final Actions actions;
  private final Indicators indicators;
  private final ProgressUpdates updates;
  private final Institutions institutions;
  private final StoredFiles files;
  private final ReferenceData reference;

  WorkItemPagesController(
      Assignments assignments,
      Actions actions,
      Indicators indicators,
      ProgressUpdates updates,
      Institutions institutions,
      StoredFiles files,
      ReferenceData reference) {
    this.assignments = assignments;
    this.actions = actions;
    this.indicators = indicators;
    this.updates = updates;
    this.institutions = institutions;
    this.files = files;
    this.reference = reference;
  }

  // --- actions ---

  @GetMapping("/workspace/{iso3}/actions/{id}")
  String action(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Actions.Action action = actions.get(iso3, id, user);
    model.addAttribute("text", text);
    return actionPage(action, Actions.Draft.of(action), action.version(), user, model);
  }

  @PostMapping("/workspace/{iso3}/actions/{id}")
  String saveAction(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      Actions.Draft draft,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Actions.Action saved = actions.update(iso3, id, version, draft, user);
      redirect.addFlashAttribute("notice", "action.saved");
      return "redirect:/workspace/" + iso3.toUpperCase(Locale.ROOT) + "/actions/" + saved.id();
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return actionPage(actions.get(iso3, id, user), draft, version, user, model);
    } catch (StaleItem e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      Actions.Action current = actions.get(iso3, id, user);
      model.addAttribute("stale", true);
      model.addAttribute("yours", draft);
      return actionPage(current, Actions.Draft.of(current), current.version(), user, model);
    }
  }

  @PostMapping("/workspace/{iso3}/actions/{id}/versions")
  String putActionVersion(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam String language,
      @RequestParam(required = false) Long expectedVersion,
      @RequestParam Map<String, String> typed,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Actions.Action action = actions.get(iso3, id, user);
    return VersionForms.save(
        actionPath(action),
        language,
        typed,
        () -> actions.putVersion(iso3, id, language, typed, expectedVersion, user),
        refused -> actionAgain(iso3, id, refused, user, model),
        response,
        redirect);
  }

  @PostMapping("/workspace/{iso3}/actions/{id}/versions/{language}/remove")
  String removeActionVersion(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestParam long expectedVersion,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Actions.Action action = actions.get(iso3, id, user);
    return VersionForms.remove(
        actionPath(action),
        language,
        () -> actions.removeVersion(iso3, id, language, expectedVersion, user),
        refused -> actionAgain(iso3, id, refused, user, model),
        response,
        redirect);
  }

  private String actionAgain(
      String iso3, UUID id, VersionForms.Refused refused, CooperaUser user, Model model) {
    Actions.Action action = actions.get(iso3, id, user);
    return actionPage(action, Actions.Draft.of(action), action.version(), refused, user, model);
  }

  private String actionPath(Actions.Action action) {
    return "/workspace/" + iso3Of(action.assignmentId()) + "/actions/" + action.id();
  }

  private String actionPage(
      Actions.Action action, Actions.Draft form, long version, CooperaUser user, Model model) {
    return actionPage(action, form, version, null, user, model);
  }

  private String actionPage(
      Actions.Action action,
      Actions.Draft form,
      long version,
      VersionForms.Refused refused,
      CooperaUser user,
      Model model) {
    Assignments.Assignment assignment =
        assignments.get(iso3Of(action.assignmentId()), action.assignmentId(), user);
    VersionsView versions =
        VersionsView.of(
            actionPath(action),
            action.shown(wanted(model)),
            action.versions(),
            Actions.VERSION_FIELDS,
            assignments.mayWork(user, assignment));
    model.addAttribute("versions", refused == null ? versions : versions.refused(refused));
    model.addAttribute("shown", versions.shown());
    model.addAttribute("state", reference.findState(assignment.stateIso3()).orElseThrow());
    model.addAttribute("assignment", assignment);
    model.addAttribute("action", action);
    model.addAttribute("form", form);
    model.addAttribute("formVersion", version);
    model.addAttribute("mayWork", assignments.mayWork(user, assignment));
    model.addAttribute(
        "institutions",
        institutions.list(assignment.stateIso3(), user).stream().filter(i -> i.active()).toList());
    model.addAttribute(
        "history",
        updates.of(assignment.id()).stream()
            .filter(u -> action.id().equals(u.actionId()))
            .toList());
    return "implementation/action";
  }

  // --- indicators ---

  @GetMapping("/workspace/{iso3}/indicators/{id}")
  String indicator(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    Indicators.Indicator indicator = indicators.get(iso3, id, user);
    return indicatorPage(indicator, draftOf(indicator), indicator.version(), user, model);
  }

  @PostMapping("/workspace/{iso3}/indicators/{id}")
  String saveIndicator(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      Indicators.Draft draft,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      indicators.update(iso3, id, version, draft, user);
      redirect.addFlashAttribute("notice", "indicator.saved");
      return "redirect:/workspace/" + iso3.toUpperCase(Locale.ROOT) + "/indicators/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return indicatorPage(indicators.get(iso3, id, user), draft, version, user, model);
    } catch (StaleItem e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      Indicators.Indicator current = indicators.get(iso3, id, user);
      model.addAttribute("stale", true);
      model.addAttribute("yours", draft);
      return indicatorPage(current, draftOf(current), current.version(), user, model);
    }
  }

  private String indicatorPage(
      Indicators.Indicator indicator,
      Indicators.Draft form,
      long version,
      CooperaUser user,
      Model model) {
    Assignments.Assignment assignment =
        assignments.get(iso3Of(indicator.assignmentId()), indicator.assignmentId(), user);
    model.addAttribute("state", reference.findState(assignment.stateIso3()).orElseThrow());
    model.addAttribute("assignment", assignment);
    model.addAttribute("indicator", indicator);
    model.addAttribute("form", form);
    model.addAttribute("formVersion", version);
    model.addAttribute("mayWork", assignments.mayWork(user, assignment));
    model.addAttribute(
        "history",
        updates.of(assignment.id()).stream()
            .filter(u -> indicator.id().equals(u.indicatorId()))
            .toList());
    return "implementation/indicator";
  }

  static Indicators.Draft draftOf(Indicators.Indicator i) {
    StringBuilder milestones = new StringBuilder();
    i.milestones()
        .forEach(m -> milestones.append(m.dueDate()).append(' ').append(m.title()).append('\n'));
    return new Indicators.Draft(
        i.quantitative() ? "quantitative" : "qualitative",
        i.name(),
        i.unit(),
        i.increase() ? "increase" : "decrease",
        i.baselineValue() == null ? null : i.baselineValue().toPlainString(),
        i.baselineDate() == null ? null : i.baselineDate().toString(),
        i.targetValue() == null ? null : i.targetValue().toPlainString(),
        i.targetDate() == null ? null : i.targetDate().toString(),
        i.scheduleMonths(),
        i.scheduleStart().toString(),
        i.scheduleEnd().toString(),
        milestones.toString());
  }

  // --- progress updates ---

  @GetMapping("/workspace/{iso3}/updates/{id}")
  String update(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam(required = false) String text,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    ProgressUpdates.Update update = updates.get(iso3, id, user);
    model.addAttribute("text", text);
    return updatePage(update, draftOf(update), update.version(), user, model);
  }

  @PostMapping("/workspace/{iso3}/updates/{id}")
  String saveUpdate(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam long version,
      ProgressUpdates.Draft draft,
      @RequestParam(required = false) List<MultipartFile> evidence,
      @RequestParam(required = false) List<UUID> removeEvidence,
      @RequestParam(defaultValue = "draft") String then,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    try {
      ProgressUpdates.Update saved =
          updates.edit(
              iso3,
              id,
              version,
              draft,
              AssignmentPagesController.uploads(evidence),
              removeEvidence,
              user);
      if ("submit".equals(then)) {
        updates.submit(iso3, id, saved.version(), user);
      }
      redirect.addFlashAttribute(
          "notice", "submit".equals(then) ? "update.submitted" : "update.saved");
      return "redirect:/workspace/" + saved.stateIso3() + "/updates/" + id;
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      return updatePage(updates.get(iso3, id, user), draft, version, user, model);
    } catch (StaleItem e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      ProgressUpdates.Update current = updates.get(iso3, id, user);
      model.addAttribute("stale", true);
      model.addAttribute("yours", draft);
      return updatePage(current, draftOf(current), current.version(), user, model);
    }
  }

  @PostMapping("/workspace/{iso3}/updates/{id}/{step:submit|approve|return|publish}")
  String step(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @PathVariable String step,
      @RequestParam long version,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String back,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ProgressUpdates.Update done;
    try {
      done =
          switch (step) {
            case "submit" -> updates.submit(iso3, id, version, user);
            case "approve" -> updates.approve(iso3, id, version, user);
            case "return" -> updates.returnToAuthor(iso3, id, version, comment, user);
            default -> updates.publish(iso3, id, version, user);
          };
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      ProgressUpdates.Update current = updates.get(iso3, id, user);
      return updatePage(current, draftOf(current), current.version(), user, model);
    } catch (StaleItem | Review.StepNotOpen e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("stepRefused", true);
      ProgressUpdates.Update current = updates.get(iso3, id, user);
      return updatePage(current, draftOf(current), current.version(), user, model);
    }
    redirect.addFlashAttribute("notice", "update.step." + step);
    if ("review".equals(back)) {
      return "redirect:/workspace/" + done.stateIso3() + "/review";
    }
    return "redirect:/workspace/" + done.stateIso3() + "/updates/" + id;
  }

  @GetMapping("/workspace/{iso3}/updates/{id}/evidence/{fileId}")
  ResponseEntity<byte[]> evidence(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @PathVariable UUID fileId,
      @AuthenticationPrincipal CooperaUser user) {
    StoredFiles.StoredFile file = updates.evidence(iso3, id, fileId, user);
    return FileResponses.attachment(file, files.content(file.id()));
  }

  @PostMapping("/workspace/{iso3}/updates/{id}/versions")
  String putUpdateVersion(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestParam String language,
      @RequestParam(required = false) Long expectedVersion,
      @RequestParam Map<String, String> typed,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ProgressUpdates.Update update = updates.get(iso3, id, user);
    return VersionForms.save(
        updatePath(update),
        language,
        typed,
        () -> updates.putVersion(iso3, id, language, typed, expectedVersion, user),
        refused -> updateAgain(iso3, id, refused, user, model),
        response,
        redirect);
  }

  @PostMapping("/workspace/{iso3}/updates/{id}/versions/{language}/remove")
  String removeUpdateVersion(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestParam long expectedVersion,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    ProgressUpdates.Update update = updates.get(iso3, id, user);
    return VersionForms.remove(
        updatePath(update),
        language,
        () -> updates.removeVersion(iso3, id, language, expectedVersion, user),
        refused -> updateAgain(iso3, id, refused, user, model),
        response,
        redirect);
  }

  private String updateAgain(
      String iso3, UUID id, VersionForms.Refused refused, CooperaUser user, Model model) {
    ProgressUpdates.Update update = updates.get(iso3, id, user);
    return updatePage(update, draftOf(update), update.version(), refused, user, model);
  }

  /** The language asked for with {@code ?text=}, kept in the model, or the page's. */
  private static String wanted(Model model) {
    return VersionsView.wanted((String) model.getAttribute("text"), LanguageNames.current());
  }

  private static String updatePath(ProgressUpdates.Update update) {
    return "/workspace/" + update.stateIso3() + "/updates/" + update.id();
  }

  private String updatePage(
      ProgressUpdates.Update update,
      ProgressUpdates.Draft form,
      long version,
      CooperaUser user,
      Model model) {
    return updatePage(update, form, version, null, user, model);
  }

  private String updatePage(
      ProgressUpdates.Update update,
      ProgressUpdates.Draft form,
      long version,
      VersionForms.Refused refused,
      CooperaUser user,
      Model model) {
    Assignments.Assignment assignment =
        assignments.get(update.stateIso3(), update.assignmentId(), user);
    VersionsView versions =
        VersionsView.of(
            updatePath(update),
            update.shown(wanted(model)),
            update.versions(),
            ProgressUpdates.VERSION_FIELDS,
            assignments.mayWork(user, assignment));
    model.addAttribute("versions", refused == null ? versions : versions.refused(refused));
    model.addAttribute("shown", versions.shown());
    boolean author = user.accountId().equals(update.authorId());
    boolean coordinator = Workspace.mayEdit(user, update.stateIso3());
    model.addAttribute("state", reference.findState(assignment.stateIso3()).orElseThrow());
    model.addAttribute("assignment", assignment);
    model.addAttribute("update", update);
    model.addAttribute("form", form);
    model.addAttribute("formVersion", version);
    model.addAttribute("mayChange", update.review().editable() && (author || coordinator));
    model.addAttribute("coordinator", coordinator);
    model.addAttribute("actions", actions.of(assignment.id()));
    model.addAttribute("indicators", indicators.of(assignment.id()));
    model.addAttribute("statuses", ImplementationStatus.values());
    model.addAttribute("maxSize", files.maxSize());
    return "implementation/update";
  }

  static ProgressUpdates.Draft draftOf(ProgressUpdates.Update u) {
    return new ProgressUpdates.Draft(
        u.actionId() != null ? "action:" + u.actionId() : "indicator:" + u.indicatorId(),
        u.status().apiName(),
        u.narrative(),
        u.measuredValue() == null ? null : u.measuredValue().toPlainString(),
        u.periodEnd() == null ? null : u.periodEnd().toString(),
        u.milestoneId());
  }

  // --- the review queue ---

  @GetMapping("/workspace/{iso3}/review")
  String review(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    String code = iso3.toUpperCase(Locale.ROOT);
    List<ProgressUpdates.Update> awaiting = updates.awaitingReview(code, user);
    model.addAttribute(
        "state",
        reference.findState(code).orElseThrow(() -> new Institutions.WorkspaceNotFound(code)));
    model.addAttribute(
        "submitted", awaiting.stream().filter(u -> u.review() == Review.SUBMITTED).toList());
    model.addAttribute(
        "approved", awaiting.stream().filter(u -> u.review() == Review.APPROVED).toList());
    model.addAttribute("coordinator", Workspace.mayEdit(user, code));
    return "implementation/review";
  }

  private String iso3Of(UUID assignmentId) {
    return assignments
        .stateOf(assignmentId)
        .orElseThrow(() -> new WorkspaceItemNotFound(assignmentId));
  }
}
