package org.coopera.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training events with {@value #PER_EVENT} participants each: national courses, workshops and
 * e-learning on a core treaty and a theme, each held for a project's State (and linked to the
 * project) when there are projects; completed when they ended before today. Participants are
 * officials of the event's State; nine in ten of a completed event attended, with scores before and
 * after.
 */
final class TrainingRows {

  static final int PER_EVENT = 20;
  private static final String[] KINDS = {
    "NATIONAL_COURSE", "NATIONAL_COURSE", "WORKSHOP", "E_LEARNING"
  };
  private static final String[] INSTITUTIONS = {
    "Ministry of Justice",
    "Ministry of Foreign Affairs",
    "Police academy",
    "Judicial training institute",
    "National human rights institution",
    "Ministry of Social Affairs"
  };
  private static final LocalDate FIRST = LocalDate.of(2016, 1, 1);

  private final Ids ids;
  private final Reference reference;
  private final People people;
  private final AssistanceRows projects;
  private final int trainees;
  private final int events;

  TrainingRows(Ids ids, Reference reference, People people, AssistanceRows projects, int trainees) {
    this.ids = ids;
    this.reference = reference;
    this.people = people;
    this.projects = projects;
    this.trainees = trainees;
    this.events = (trainees + PER_EVENT - 1) / PER_EVENT;
  }

  int events() {
    return events;
  }

  void write(Copier copier) throws SQLException {
    List<String> given = People.givenNames();
    List<String> family = People.familyNames();
    copier.copy(
        "training_event",
        "id, title, kind, treaty_code, theme_code, starts_on, ends_on, place, online, organisers,"
            + " project_id, status, completed_at, created_by, created_at, updated_at",
        csv -> {
          for (int e = 0; e < events; e++) {
            SplittableRandom random = ids.random(Ids.EVENT, e);
            String kind = KINDS[random.nextInt(KINDS.length)];
            String treaty =
                reference.treaties().isEmpty()
                    ? null
                    : RecommendationRows.pick(reference.treaties(), random);
            Reference.State state = state(e);
            LocalDate ends = ends(e);
            boolean completed = completed(e);
            csv.row(
                ids.id(Ids.EVENT, e),
                WorkspaceRows.clip(
                    kindLabel(kind) + (treaty == null ? "" : " on " + treaty) + ", " + state.name(),
                    300),
                kind,
                treaty,
                RecommendationRows.pick(reference.themes(), random),
                starts(e),
                ends,
                kind.equals("E_LEARNING") ? null : state.name(),
                kind.equals("E_LEARNING"),
                people.agency(),
                projects.projects() == 0 ? null : ids.id(Ids.PROJECT, project(e)),
                completed ? "COMPLETED" : "PLANNED",
                completed ? WorkspaceRows.timestamp(ends.plusDays(1)) : null,
                people.trainer(),
                WorkspaceRows.timestamp(starts(e).minusDays(60)),
                WorkspaceRows.timestamp(completed ? ends.plusDays(1) : starts(e).minusDays(60)));
          }
        });
    copier.copy(
        "event_participant",
        "id, event_id, full_name, state_iso3, institution, role, attended, pre_score, post_score",
        csv -> {
          for (int t = 0; t < trainees; t++) {
            int e = t / PER_EVENT;
            SplittableRandom random = ids.random(Ids.PARTICIPANT, t);
            boolean attended = completed(e) && random.nextInt(10) < 9;
            int pre = 30 + random.nextInt(40);
            csv.row(
                ids.id(Ids.PARTICIPANT, t),
                ids.id(Ids.EVENT, e),
                RecommendationRows.pick(given, random)
                    + " "
                    + RecommendationRows.pick(family, random),
                state(e).iso3(),
                INSTITUTIONS[random.nextInt(INSTITUTIONS.length)],
                "Official",
                attended,
                attended ? pre : null,
                attended ? Math.min(100, pre + random.nextInt(45)) : null);
          }
        });
  }

  private LocalDate ends(int event) {
    return starts(event).plusDays(1 + ids.random(Ids.EVENT, event).split().split().nextInt(4));
  }

  private boolean completed(int event) {
    return ends(event).isBefore(AssistanceRows.TODAY);
  }

  private int project(int event) {
    return event % projects.projects();
  }

  private Reference.State state(int event) {
    return projects.projects() == 0
        ? reference.states().get(event % reference.states().size())
        : reference.states().get(projects.state(project(event)));
  }

  private LocalDate starts(int event) {
    if (projects.projects() > 0) {
      LocalDate start = projects.start(project(event));
      long days = projects.end(project(event)).toEpochDay() - start.toEpochDay();
      return start.plusDays(ids.random(Ids.EVENT, event).split().nextLong(Math.max(1, days - 5)));
    }
    return FIRST.plusDays(ids.random(Ids.EVENT, event).split().nextInt(10 * 365));
  }

  private static String kindLabel(String kind) {
    switch (kind) {
      case "NATIONAL_COURSE":
        return "National course";
      case "WORKSHOP":
        return "Workshop";
      default:
        return "E-learning course";
    }
  }
}
