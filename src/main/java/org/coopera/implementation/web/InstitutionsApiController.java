package org.coopera.implementation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.Institutions.Draft;
import org.coopera.implementation.internal.Institutions.Institution;
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
 * A State's institutions over the API, with the same rules as the pages: the State's officials and
 * administrators read, its coordinators and administrators write, a stale {@code version} answers
 * 409 with the institution as it now is.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{iso3}/institutions")
@Tag(
    name = "Workspace",
    description = "A State's national mechanism workspace (its officials only)")
class InstitutionsApiController {

  private final Institutions institutions;

  InstitutionsApiController(Institutions institutions) {
    this.institutions = institutions;
  }

  /** An institution as the API answers it. */
  record InstitutionJson(
      UUID id,
      String state,
      String name,
      String acronym,
      String kind,
      boolean active,
      List<FocalPointJson> focalPoints,
      Instant updatedAt,
      long version) {

    static InstitutionJson of(Institution i) {
      return new InstitutionJson(
          i.id(),
          i.stateIso3(),
          i.name(),
          i.acronym(),
          i.kind().apiName(),
          i.active(),
          i.focalPoints().stream()
              .map(f -> new FocalPointJson(f.id(), f.displayName(), f.email()))
              .toList(),
          i.updatedAt(),
          i.version());
    }
  }

  record FocalPointJson(UUID id, String name, String email) {}

  /** What a client sends to add or change an institution. */
  record InstitutionRequest(
      Long version,
      String name,
      String acronym,
      String kind,
      Boolean active,
      List<UUID> focalPoints) {

    Draft draft() {
      return new Draft(name, acronym, kind, active, focalPoints);
    }
  }

  @GetMapping
  @Operation(summary = "The State's institutions, active first, by name")
  List<InstitutionJson> list(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user) {
    return institutions.list(iso3, user).stream().map(InstitutionJson::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One institution")
  InstitutionJson one(
      @PathVariable String iso3, @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return institutions
        .find(iso3, id, user)
        .map(InstitutionJson::of)
        .orElseThrow(() -> new Institutions.InstitutionNotFound(id));
  }

  @PostMapping
  @Operation(summary = "Add an institution (the State's coordinators and administrators)")
  ResponseEntity<InstitutionJson> create(
      @PathVariable String iso3,
      @RequestBody InstitutionRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    Institution created = institutions.create(iso3, request.draft(), user);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/workspaces/" + created.stateIso3() + "/institutions/" + created.id()))
        .body(InstitutionJson.of(created));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change an institution; send the version it was read at")
  InstitutionJson update(
      @PathVariable String iso3,
      @PathVariable UUID id,
      @RequestBody InstitutionRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    if (request.version() == null) {
      throw new InvalidInputException("institution.error.version", "version");
    }
    return InstitutionJson.of(
        institutions.update(iso3, id, request.version(), request.draft(), user));
  }
}
