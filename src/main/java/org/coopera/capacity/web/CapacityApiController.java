package org.coopera.capacity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coopera.capacity.events.TrainingEvents;
import org.coopera.capacity.events.TrainingFigures;
import org.coopera.capacity.roster.Roster;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.Csv;
import org.coopera.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roster, training events and figures over HTTP. Everyone reads the roster's counts, the events
 * (without their participants) and the figures; administrators and agency officers read and keep
 * the roster; a trainer reads and changes their own entry; administrators, agency officers and
 * trainers run events.
 */
@RestController
@RequestMapping("/api/v1/capacity")
@Tag(name = "Capacity")
class CapacityApiController {

  private final Roster roster;
  private final TrainingEvents events;
  private final TrainingFigures figures;

  CapacityApiController(Roster roster, TrainingEvents events, TrainingFigures figures) {
    this.roster = roster;
    this.events = events;
    this.figures = figures;
  }

  /** A roster entry as a client sends it; {@code version} for a change. */
  record TrainerRequest(
      String fullName,
      String email,
      String state,
      String institution,
      List<String> treaties,
      List<String> themes,
      List<String> languages,
      String availability,
      Long version) {

    Roster.TrainerDraft draft() {
      return new Roster.TrainerDraft(
          fullName, email, state, institution, treaties, themes, languages, availability);
    }
  }

  /** An event's change as a client sends it, with the version it was read at. */
  record EventChange(
      String title,
      String kind,
      String treaty,
      String theme,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      Boolean online,
      String organisers,
      UUID projectId,
      Integer passMark,
      Long version) {

    TrainingEvents.EventDraft draft() {
      return new TrainingEvents.EventDraft(
          title,
          kind,
          treaty,
          theme,
          startsOn,
          endsOn,
          place,
          online,
          organisers,
          projectId,
          passMark);
    }
  }

  /** Consent given or withdrawn, from a version. */
  record ConsentRequest(boolean consents, Long version) {}

  /** The version a step applies to. */
  record VersionRequest(Long version) {}

  @GetMapping("/trainers/aggregates")
  @Operation(summary = "How many trainers are listed, by treaty, language and region (anyone)")
  Roster.Aggregates aggregates() {
    return roster.aggregates();
  }

  @GetMapping("/trainers")
  @Operation(
      summary =
          "Search the roster (administrators and agency officers): treaty, theme, language,"
              + " region (M49), State, availability")
  List<Roster.Trainer> trainers(
      @RequestParam(required = false) String treaty,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String availability,
      @RequestParam(defaultValue = "false") boolean everyone,
      @AuthenticationPrincipal CooperaUser user) {
    return roster.search(
        new Roster.Filter(treaty, theme, language, region, state, availability), everyone, user);
  }

  @GetMapping("/trainers/{id}")
  @Operation(summary = "One entry (the trainer themself, administrators, agency officers)")
  Roster.Trainer trainer(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return roster.find(id, user);
  }

  @PostMapping("/trainers")
  @Operation(
      summary = "Add a person to the roster, not yet listed (administrators, agency officers)")
  ResponseEntity<Roster.Trainer> addTrainer(
      @RequestBody TrainerRequest body, @AuthenticationPrincipal CooperaUser user) {
    Roster.Trainer added = roster.add(body.draft(), user);
    return ResponseEntity.created(URI.create("/api/v1/capacity/trainers/" + added.id()))
        .body(added);
  }

  @PutMapping("/trainers/{id}")
  @Operation(summary = "Change an entry (with its version; 409 when stale)")
  Roster.Trainer changeTrainer(
      @PathVariable UUID id,
      @RequestBody TrainerRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return roster.update(id, version(body.version()), body.draft(), user);
  }

  @PostMapping("/trainers/{id}/consent")
  @Operation(summary = "Give or withdraw consent to be listed")
  Roster.Trainer consent(
      @PathVariable UUID id,
      @RequestBody ConsentRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return roster.consent(id, version(body.version()), body.consents(), user);
  }

  @GetMapping("/events")
  @Operation(summary = "Training events with their learning gain (anyone; no participant)")
  List<TrainingEvents.Event> events() {
    return events.list();
  }

  @GetMapping("/events/{id}")
  @Operation(summary = "One event; its participants for administrators, agency officers, trainers")
  TrainingEvents.Event event(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return events.find(id, user);
  }

  @PostMapping("/events")
  @Operation(summary = "Plan an event (administrators, agency officers, trainers)")
  ResponseEntity<TrainingEvents.Event> createEvent(
      @RequestBody TrainingEvents.EventDraft body, @AuthenticationPrincipal CooperaUser user) {
    TrainingEvents.Event created = events.create(body, user);
    return ResponseEntity.created(URI.create("/api/v1/capacity/events/" + created.id()))
        .body(created);
  }

  @PutMapping("/events/{id}")
  @Operation(
      summary = "Change an event not yet completed (with its version; 409 when stale or completed)")
  TrainingEvents.Event changeEvent(
      @PathVariable UUID id,
      @RequestBody EventChange body,
      @AuthenticationPrincipal CooperaUser user) {
    return events.update(id, version(body.version()), body.draft(), user);
  }

  @PostMapping("/events/{id}/participants")
  @Operation(summary = "Add a participant to an event not yet completed")
  ResponseEntity<TrainingEvents.Participant> addParticipant(
      @PathVariable UUID id,
      @RequestBody TrainingEvents.ParticipantDraft body,
      @AuthenticationPrincipal CooperaUser user) {
    TrainingEvents.Participant added = events.addParticipant(id, body, user);
    return ResponseEntity.created(
            URI.create("/api/v1/capacity/events/" + id + "/participants/" + added.id()))
        .body(added);
  }

  @PutMapping("/events/{id}/participants/{participantId}")
  @Operation(summary = "Record a participant's attendance and scores (0 to 100)")
  TrainingEvents.Participant changeParticipant(
      @PathVariable UUID id,
      @PathVariable UUID participantId,
      @RequestBody TrainingEvents.ParticipantDraft body,
      @AuthenticationPrincipal CooperaUser user) {
    return events.updateParticipant(id, participantId, body, user);
  }

  @PostMapping("/events/{id}/complete")
  @Operation(
      summary =
          "Complete an event (with its version); a train-the-trainers event certifies those who"
              + " attended and reached the pass mark")
  TrainingEvents.Event complete(
      @PathVariable UUID id,
      @RequestBody VersionRequest body,
      @AuthenticationPrincipal CooperaUser user) {
    return events.complete(id, version(body.version()), user);
  }

  @GetMapping("/figures")
  @Operation(
      summary =
          "Officials trained, States reached and trainers certified in a period and region, with"
              + " the States behind them (anyone; no names)")
  TrainingFigures.Figures figures(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String region) {
    return figures.figures(new TrainingFigures.Period(from, to, region));
  }

  @GetMapping("/figures/officials")
  @Operation(
      summary =
          "The people behind the figures, each once, with the events they attended"
              + " (administrators, agency officers, trainers)")
  List<TrainingFigures.Official> officials(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String region,
      @AuthenticationPrincipal CooperaUser user) {
    return figures.officials(new TrainingFigures.Period(from, to, region), user);
  }

  @GetMapping("/figures.csv")
  @Operation(summary = "The figures per State as CSV (no names)")
  void figuresCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String region,
      HttpServletResponse response)
      throws IOException {
    TrainingFigures.Figures f = figures.figures(new TrainingFigures.Period(from, to, region));
    try (Csv csv =
        Csv.download(
            response,
            "training-figures.csv",
            List.of("iso3", "state", "region", "officials_trained", "trainers_certified"))) {
      for (TrainingFigures.StateFigures s : f.states()) {
        csv.row(
            List.of(s.iso3(), s.name(), s.region(), s.officialsTrained(), s.trainersCertified()));
      }
    }
  }

  private static long version(Long version) {
    if (version == null) {
      throw new InvalidInputException("capacity.error.version", "version");
    }
    return version;
  }
}
