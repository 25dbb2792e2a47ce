package org.coopera.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.exchange.Practices;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Practices over HTTP: anyone searches and reads published ones (without contacts); a State's
 * officials draft, its coordinator submits; administrators publish or return; other States give
 * feedback.
 */
@RestController
@RequestMapping("/api/v1/practices")
@Tag(name = "Exchange")
class ExchangeApiController {

  private final Practices practices;

  ExchangeApiController(Practices practices) {
    this.practices = practices;
  }

  /** A practice as a client sends it. */
  record PracticeRequest(
      String state,
      String title,
      String whatDone,
      String context,
      List<String> forms,
      String results,
      String challenges,
      String contact,
      List<String> themes,
      List<UUID> projects,
      List<String> recommendations,
      String language,
      Long version) {

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
          recommendations,
          language);
    }
  }

  /** A moderation or submission step, from a version; a comment when returning. */
  record StepRequest(Long version, String comment) {}

  /** A comment, a question, or the author State's answer to a question. */
  record CommentRequest(String kind, String text, UUID answers) {}

  @GetMapping
  @Operation(summary = "Search published practices: words, theme, region (M49), form of assistance")
  ListPage<Practices.Summary> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String form,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    return practices.search(
        new Practices.Filter(q, theme, region, form), PageParameters.of(page, size, 20));
  }

  /** A version of a practice's texts in another language; {@code expectedVersion} for a change. */
  record VersionRequest(
      String title,
      String whatDone,
      String context,
      String results,
      String challenges,
      Long expectedVersion) {

    Map<String, String> fields() {
      Map<String, String> fields = new HashMap<>();
      fields.put("title", title);
      fields.put("whatDone", whatDone);
      fields.put("context", context);
      fields.put("results", results);
      fields.put("challenges", challenges);
      fields.values().removeIf(java.util.Objects::isNull);
      return fields;
    }
  }

  @PutMapping("/{id}/versions/{language}")
  @Operation(
      summary =
          "Write a practice's version in another language (the State's officials, administrators;"
              + " 409 when stale)")
  Practices.Practice putVersion(
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestBody VersionRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.putVersion(id, language, body.fields(), body.expectedVersion(), user);
  }

  @DeleteMapping("/{id}/versions/{language}")
  @Operation(summary = "Remove a practice's version in a language, from the version read")
  Practices.Practice removeVersion(
      @PathVariable UUID id,
      @PathVariable String language,
      @RequestParam long expectedVersion,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.removeVersion(id, language, expectedVersion, user);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One practice (unpublished: its State's officials and administrators)")
  Practices.Practice one(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return practices.find(id, user);
  }

  @PostMapping
  @Operation(summary = "Draft a practice (the State's coordinator or focal point)")
  ResponseEntity<Practices.Practice> create(
      @RequestBody PracticeRequest body, @AuthenticationPrincipal CooperaUser user) {
    Practices.Practice created = practices.create(body.state(), body.draft(), null, user);
    return ResponseEntity.created(URI.create("/api/v1/practices/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a draft or returned practice (with its version; 409 when stale)")
  Practices.Practice update(
      @PathVariable UUID id,
      @RequestBody PracticeRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.update(id, version(body.version()), body.draft(), null, user);
  }

  @PostMapping("/{id}/submit")
  @Operation(summary = "Submit for moderation (the State's coordinator)")
  Practices.Practice submit(
      @PathVariable UUID id,
      @RequestBody StepRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.submit(id, version(body.version()), user);
  }

  @PostMapping("/{id}/approve")
  @Operation(summary = "Publish a submitted practice (administrators)")
  Practices.Practice approve(
      @PathVariable UUID id,
      @RequestBody StepRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.approve(id, version(body.version()), user);
  }

  @PostMapping("/{id}/return")
  @Operation(summary = "Return a submitted practice to its State with a comment (administrators)")
  Practices.Practice returnToState(
      @PathVariable UUID id,
      @RequestBody StepRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return practices.returnToState(id, version(body.version()), body.comment(), user);
  }

  @PostMapping("/{id}/comments")
  @Operation(
      summary =
          "Comment or ask (another State's officials); answer a question (the author State's"
              + " officials)")
  ResponseEntity<Practices.Comment> comment(
      @PathVariable UUID id,
      @RequestBody CommentRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return ResponseEntity.status(201)
        .body(practices.comment(id, body.kind(), body.answers(), body.text(), user));
  }

  @PostMapping("/{id}/adoption")
  @Operation(summary = "Say that your State adopted this practice (once per State)")
  Practices.Practice adopt(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return practices.adopt(id, true, user);
  }

  @DeleteMapping("/{id}/adoption")
  @Operation(summary = "Take back your State's adoption")
  Practices.Practice unadopt(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return practices.adopt(id, false, user);
  }

  private static long version(Long version) {
    if (version == null) {
      throw new InvalidInputException("exchange.error.version", "version");
    }
    return version;
  }
}
