package org.coopera.capacity.events;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.capacity.internal.Texts;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;

/** What is typed for an event or a participant, checked: each refusal names its field. */
final class EventInput {

  private final ReferenceData reference;
  private final ProjectLookup projects;

  EventInput(ReferenceData reference, ProjectLookup projects) {
    this.reference = reference;
    this.projects = projects;
  }

  record CheckedEvent(
      String title,
      String kind,
      String treaty,
      String theme,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      boolean online,
      String organisers,
      UUID projectId,
      int passMark) {}

  CheckedEvent event(TrainingEvents.EventDraft d) {
    String title = Texts.clean(d.title());
    if (title == null) {
      throw new InvalidInputException("capacity.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("capacity.error.title-length", "title", 300);
    }
    String kind = Texts.clean(d.kind());
    if (kind == null || !TrainingEvents.KINDS.contains(kind)) {
      throw new InvalidInputException("capacity.error.kind", "kind");
    }
    String treaty = Texts.clean(d.treaty());
    if (treaty != null
        && reference.instruments().stream().noneMatch(i -> i.code().equals(treaty))) {
      throw new InvalidInputException("capacity.error.treaty", "treaty", treaty);
    }
    String theme = Texts.clean(d.theme());
    if (theme != null && reference.themes().stream().noneMatch(t -> t.code().equals(theme))) {
      throw new InvalidInputException("capacity.error.theme", "theme", theme);
    }
    if (d.startsOn() == null) {
      throw new InvalidInputException("capacity.error.starts", "startsOn");
    }
    if (d.endsOn() == null || d.endsOn().isBefore(d.startsOn())) {
      throw new InvalidInputException("capacity.error.dates", "endsOn");
    }
    boolean online = Boolean.TRUE.equals(d.online());
    String place = Texts.clean(d.place());
    if (!online && place == null) {
      throw new InvalidInputException("capacity.error.place", "place");
    }
    int passMark = d.passMark() == null ? 70 : d.passMark();
    if (passMark < 0 || passMark > 100) {
      throw new InvalidInputException("capacity.error.pass-mark", "passMark");
    }
    if (d.projectId() != null && projects.project(d.projectId()).isEmpty()) {
      throw new InvalidInputException("capacity.error.project", "projectId");
    }
    return new CheckedEvent(
        title,
        kind,
        treaty,
        theme,
        d.startsOn(),
        d.endsOn(),
        place,
        online,
        Texts.clean(d.organisers()),
        d.projectId(),
        passMark);
  }

  record CheckedParticipant(
      String name,
      String email,
      String state,
      String institution,
      String role,
      boolean attended,
      Integer pre,
      Integer post) {}

  CheckedParticipant participant(TrainingEvents.ParticipantDraft d) {
    String name = Texts.clean(d.fullName());
    if (name == null) {
      throw new InvalidInputException("capacity.error.name", "fullName");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("capacity.error.name-length", "fullName", 200);
    }
    String email = Texts.clean(d.email());
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException("capacity.error.email", "email");
    }
    String state = Texts.clean(d.state());
    if (state == null || reference.findState(state.toUpperCase(Locale.ROOT)).isEmpty()) {
      throw new InvalidInputException("capacity.error.state", "state");
    }
    score(d.preScore(), "preScore");
    score(d.postScore(), "postScore");
    return new CheckedParticipant(
        name,
        email,
        state.toUpperCase(Locale.ROOT),
        Texts.clean(d.institution()),
        Texts.clean(d.role()),
        Boolean.TRUE.equals(d.attended()),
        d.preScore(),
        d.postScore());
  }

  private static void score(Integer score, String field) {
    if (score != null && (score < 0 || score > 100)) {
      throw new InvalidInputException("capacity.error.score", field);
    }
  }
}
