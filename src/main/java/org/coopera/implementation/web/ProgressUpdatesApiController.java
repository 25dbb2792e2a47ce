package org.coopera.implementation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.implementation.web.WorkspaceJson.UpdateJson;
import org.coopera.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress updates and their review over the API, with the same rules as the pages: those who work
 * on an assignment write updates (evidence files are attached on the pages) and submit them; the
 * State's coordinators approve, return (with a comment) and publish. A step not open to the update
 * as it stands, or sent with a stale {@code version}, answers 409.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{iso3}")
@Tag(
    name = "Workspace",
    description = "A State's national mechanism workspace (its officials only)")
class ProgressUpdatesApiController {

  private final ProgressUpdates updates;

  ProgressUpdatesApiController(ProgressUpdates updates) {
    this.updates = updates;
  }

  /**
   * What a client sends to write a progress update.
   *
   * @param subject {@code action:} or {@code indicator:} and the id
   * @param status {@code not-started}, {@code in-progress}, {@code partially-implemented}, {@code
   *     fully-implemented} or {@code not-implementable}
   * @param periodEnd for an indicator: the due date the update reports for, as {@code 2027-06-30}
   * @param submit true to submit it for review at once, false (or absent) to keep it as a draft
   */
  record UpdateRequest(
      String subject,
      String status,
      String narrative,
      BigDecimal measuredValue,
      String periodEnd,
      UUID milestone,
      Boolean submit) {

    ProgressUpdates.Draft draft() {
      return new ProgressUpdates.Draft(
          subject,
          status,
          narrative,
          measuredValue == null ? null : measuredValue.toPlainString(),
          periodEnd,
          milestone);
    }
  }

  /**
   * A step of the review: the {@code version} of the update it was decided on, and for a return,
   * the comment to its author.
   */
  record StepRequest(Long version, String comment) {}

  @PostMapping("/assignments/{id}/updates")
  @Operation(
      summary = "Write a progress update on an action or an indicator, as a draft or submitted")
  ResponseEntity<UpdateJson> create(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestBody UpdateRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    ProgressUpdates.Update created =
        updates.create(
            iso3, id, request.draft(), List.of(), Boolean.TRUE.equals(request.submit()), user);
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + created.stateIso3() + "/updates/" + created.id()))
        .body(UpdateJson.of(created));
  }

  @GetMapping("/updates/{updateId}")
  @Operation(summary = "One progress update")
  UpdateJson one(
      @PathVariable String iso3,
      @PathVariable UUID updateId,
      @AuthenticationPrincipal CooperaUser user) {
    return UpdateJson.of(updates.get(iso3, updateId, user));
  }

  @PostMapping("/updates/{updateId}/{step:submit|approve|return|publish}")
  @Operation(
      summary =
          "Take a step of the review: submit (its author or a coordinator); approve, return with"
              + " a comment or publish (the State's coordinators)")
  UpdateJson step(
      @PathVariable String iso3,
      @PathVariable UUID updateId,
      @PathVariable String step,
      @RequestBody StepRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    if (request.version() == null) {
      throw new InvalidInputException("workspace.error.version", "version");
    }
    long version = request.version();
    ProgressUpdates.Update done =
        switch (step) {
          case "submit" -> updates.submit(iso3, updateId, version, user);
          case "approve" -> updates.approve(iso3, updateId, version, user);
          case "return" -> updates.returnToAuthor(iso3, updateId, version, request.comment(), user);
          default -> updates.publish(iso3, updateId, version, user);
        };
    return UpdateJson.of(done);
  }
}
