package org.coopera.implementation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
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
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.implementation.web.WorkspaceJson.ActionJson;
import org.coopera.implementation.web.WorkspaceJson.AssignmentDetailJson;
import org.coopera.implementation.web.WorkspaceJson.AssignmentJson;
import org.coopera.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A State's assignments and their actions over the API, with the same rules as the pages: the
 * State's officials and administrators read; its coordinators assign; the coordinators and the
 * focal points of the institutions concerned add and change actions; a stale {@code version}
 * answers 409 with the action as it now is.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{iso3}")
@Tag(
    name = "Workspace",
    description = "A State's national mechanism workspace (its officials only)")
class AssignmentsApiController {

  private final Assignments assignments;
  private final Actions actions;
  private final Indicators indicators;
  private final ProgressUpdates updates;

  AssignmentsApiController(
      Assignments assignments, Actions actions, Indicators indicators, ProgressUpdates updates) {
    this.assignments = assignments;
    this.actions = actions;
    this.indicators = indicators;
    this.updates = updates;
  }

  /**
   * What a coordinator sends to assign a recommendation or a cluster.
   *
   * @param subject a recommendation's code, or {@code cluster:} and an accepted cluster's id
   * @param targetDate as {@code 2028-12-31}
   * @param priority {@code high}, {@code medium} or {@code low}
   */
  record AssignmentRequest(
      String subject, UUID lead, List<UUID> supporting, String targetDate, String priority) {

    Assignments.Draft draft() {
      return new Assignments.Draft(subject, lead, supporting, targetDate, priority);
    }
  }

  /**
   * What a client sends to add or change an action (with the {@code version} it read, to change).
   *
   * @param startDate as {@code 2027-01-31}, or null
   * @param dueDate as {@code 2027-06-30}
   * @param currency an ISO 4217 code, needed with a cost
   */
  record ActionRequest(
      Long version,
      String title,
      String description,
      UUID institution,
      String startDate,
      String dueDate,
      BigDecimal estimatedCost,
      String currency,
      String assistanceReference) {

    Actions.Draft draft() {
      return new Actions.Draft(
          title,
          description,
          institution,
          startDate,
          dueDate,
          estimatedCost == null ? null : estimatedCost.toPlainString(),
          currency,
          assistanceReference);
    }
  }

  @GetMapping("/assignments")
  @Operation(
      summary =
          "The State's assignments, by priority, with the status rolled up from their actions")
  List<AssignmentJson> list(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user) {
    List<Assignment> all = assignments.list(iso3, user);
    if (all.isEmpty()) {
      return List.of();
    }
    Map<UUID, ImplementationStatus> rolled = actions.rolledUp(all.get(0).stateIso3());
    return all.stream()
        .map(
            a ->
                AssignmentJson.of(a, rolled.getOrDefault(a.id(), ImplementationStatus.NOT_STARTED)))
        .toList();
  }

  @GetMapping("/assignments/{id}")
  @Operation(summary = "One assignment with its actions, indicators and progress updates")
  AssignmentDetailJson one(
      @PathVariable String iso3, @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    Assignment assignment = assignments.get(iso3, id, user);
    return AssignmentDetailJson.of(
        assignment,
        actions.of(assignment.id()),
        indicators.of(assignment.id()),
        updates.of(assignment.id()));
  }

  @PostMapping("/assignments")
  @Operation(summary = "Assign a recommendation or an accepted cluster (the State's coordinators)")
  ResponseEntity<AssignmentDetailJson> create(
      @PathVariable String iso3,
      @RequestBody AssignmentRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    Assignment created = assignments.create(iso3, request.draft(), user);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/workspaces/" + created.stateIso3() + "/assignments/" + created.id()))
        .body(AssignmentDetailJson.of(created, List.of(), List.of(), List.of()));
  }

  @PostMapping("/assignments/{id}/actions")
  @Operation(
      summary =
          "Add an action to an assignment (its coordinators and its institutions' focal points)")
  ResponseEntity<ActionJson> addAction(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestBody ActionRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    Actions.Action created = actions.create(iso3, id, request.draft(), user);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/workspaces/"
                    + iso3.strip().toUpperCase(Locale.ROOT)
                    + "/actions/"
                    + created.id()))
        .body(ActionJson.of(created));
  }

  @GetMapping("/actions/{actionId}")
  @Operation(summary = "One action")
  ActionJson action(
      @PathVariable String iso3,
      @PathVariable UUID actionId,
      @AuthenticationPrincipal CooperaUser user) {
    return ActionJson.of(actions.get(iso3, actionId, user));
  }

  @PutMapping("/actions/{actionId}")
  @Operation(summary = "Change an action; send the version it was read at")
  ActionJson updateAction(
      @PathVariable String iso3,
      @PathVariable UUID actionId,
      @RequestBody ActionRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    if (request.version() == null) {
      throw new InvalidInputException("workspace.error.version", "version");
    }
    return ActionJson.of(actions.update(iso3, actionId, request.version(), request.draft(), user));
  }
}
