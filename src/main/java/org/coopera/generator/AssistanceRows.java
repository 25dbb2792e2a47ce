package org.coopera.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Technical assistance as the principles require it: each project answers a request its State's
 * coordinator submitted (with its ranked priority and the recommendation it addresses), that the
 * OHCHR accepted, whose needs assessment the State agreed; the project is published, OHCHR
 * implements it, it carries three activities and a results framework (an outcome with its
 * indicator).
 */
final class AssistanceRows {

  private static final String[] KINDS = {
    "TRAINING", "SEMINAR", "WORKSHOP", "EXPERT_MISSION", "FELLOWSHIP", "LEGAL_ADVICE", "STUDY_VISIT"
  };
  private static final String[] AREAS = {
    "LEGISLATION",
    "JUSTICE",
    "ELECTIONS",
    "POLICE",
    "MEDIA",
    "DETENTION",
    "TREATY_REPORTING",
    "NHRI",
    "HEALTH",
    "EDUCATION"
  };
  private static final LocalDate FIRST_START = LocalDate.of(2016, 1, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final int ACTIVITIES = 3;

  private final Ids ids;
  private final Reference reference;
  private final People people;
  private final TextModel text;
  private final int projects;
  private final int[] projectState;
  private final UUID[] projectRecommendation;
  private final String[] projectTitle;

  AssistanceRows(
      Ids ids,
      Reference reference,
      People people,
      TextModel text,
      RecommendationRows recommendations,
      int size,
      int projects) {
    this.ids = ids;
    this.reference = reference;
    this.people = people;
    this.text = text;
    this.projects = projects;
    this.projectState = new int[projects];
    this.projectRecommendation = new UUID[projects];
    this.projectTitle = new String[projects];
    for (int p = 0; p < projects; p++) {
      // Offset by half a stride from the assignments' recommendations, where both exist.
      long index = ((long) p * size + size / 2) / projects;
      RecommendationRows.Recommendation r =
          recommendations.recommendation((int) Math.min(size - 1, index));
      projectState[p] = r.state().index();
      projectRecommendation[p] = r.id();
      projectTitle[p] =
          WorkspaceRows.clip(
              r.text().replaceAll("\\s*\\([^()]*\\)", "") + " (" + r.state().name() + ")", 300);
    }
  }

  int projects() {
    return projects;
  }

  int state(int project) {
    return projectState[project];
  }

  LocalDate start(int project) {
    return FIRST_START.plusDays(ids.random(Ids.PROJECT, project).nextInt(9 * 365));
  }

  LocalDate end(int project) {
    return start(project).plusDays(365 + ids.random(Ids.PROJECT, project).split().nextInt(730));
  }

  long budgetCents(int project) {
    return (50L + ids.random(Ids.PROJECT, project).split().split().nextInt(1_450)) * 1_000 * 100;
  }

  void write(Copier copier) throws SQLException {
    requests(copier);
    projectRows(copier);
  }

  private void requests(Copier copier) throws SQLException {
    copier.copy(
        "assistance_request",
        "id, state_iso3, title, summary, areas, forms, languages, status, created_by,"
            + " submitted_by, submitted_at, created_at, updated_at",
        csv -> {
          for (int p = 0; p < projects; p++) {
            SplittableRandom random = ids.random(Ids.REQUEST, p);
            UUID coordinator = people.coordinator(projectState[p]);
            String requested = WorkspaceRows.timestamp(start(p).minusDays(240));
            csv.row(
                ids.id(Ids.REQUEST, p),
                iso3(p),
                "Assistance: " + WorkspaceRows.clip(projectTitle[p], 280),
                text.head(random).text() + ", " + text.tail(random) + ".",
                "{" + AREAS[random.nextInt(AREAS.length)] + "}",
                "{TRAINING,EXPERT_ADVICE}",
                "{en}",
                "SUBMITTED",
                coordinator,
                coordinator,
                requested,
                requested,
                requested);
          }
        });
    copier.copy(
        "assistance_request_priority",
        "request_id, rank, text",
        csv -> {
          for (int p = 0; p < projects; p++) {
            csv.row(
                ids.id(Ids.REQUEST, p),
                1,
                WorkspaceRows.clip(
                    WorkspaceRows.capitalised(text.tail(ids.random(Ids.REQUEST, p).split())), 500));
          }
        });
    copier.copy(
        "assistance_request_recommendation",
        "request_id, recommendation_id",
        csv -> {
          for (int p = 0; p < projects; p++) {
            csv.row(ids.id(Ids.REQUEST, p), projectRecommendation[p]);
          }
        });
    if (people.agency() != null) {
      copier.copy(
          "assistance_request_provider",
          "id, request_id, organisation_code, answer, answered_by, answered_at",
          csv -> {
            for (int p = 0; p < projects; p++) {
              csv.row(
                  ids.id(Ids.PROVIDER, p),
                  ids.id(Ids.REQUEST, p),
                  people.agency(),
                  "ACCEPTED",
                  people.officer(),
                  WorkspaceRows.timestamp(start(p).minusDays(200)));
            }
          });
    }
    copier.copy(
        "needs_assessment",
        "id, request_id, findings, assessed_from, assessed_to, agreed_by, agreed_at, recorded_by,"
            + " created_at, updated_at",
        csv -> {
          for (int p = 0; p < projects; p++) {
            SplittableRandom random = ids.random(Ids.ASSESSMENT, p);
            LocalDate from = start(p).minusDays(180);
            csv.row(
                ids.id(Ids.ASSESSMENT, p),
                ids.id(Ids.REQUEST, p),
                "Gaps found: " + text.tail(random) + ", " + text.tail(random) + ".",
                from,
                from.plusDays(30),
                people.coordinator(projectState[p]),
                WorkspaceRows.timestamp(from.plusDays(60)),
                people.officer(),
                WorkspaceRows.timestamp(from.plusDays(45)),
                WorkspaceRows.timestamp(from.plusDays(60)));
          }
        });
  }

  private void projectRows(Copier copier) throws SQLException {
    copier.copy(
        "project",
        "id, request_id, state_iso3, iati_identifier, title, description, status, start_date,"
            + " end_date, budget_amount, budget_currency, published, created_by, created_at,"
            + " updated_at",
        csv -> {
          for (int p = 0; p < projects; p++) {
            SplittableRandom random = ids.random(Ids.PROJECT, p).split().split().split();
            String created = WorkspaceRows.timestamp(start(p).minusDays(30));
            csv.row(
                ids.id(Ids.PROJECT, p),
                ids.id(Ids.REQUEST, p),
                iso3(p),
                "XM-COOPERA-GEN-" + ids.id(Ids.PROJECT, p),
                projectTitle[p],
                text.head(random).text() + ", " + text.tail(random) + ".",
                end(p).isBefore(TODAY) ? "COMPLETED" : "ACTIVE",
                start(p),
                end(p),
                FundRows.money(budgetCents(p)),
                "USD",
                true,
                people.officer(),
                created,
                created);
          }
        });
    if (people.agency() != null) {
      copier.copy(
          "project_partner",
          "id, project_id, organisation_code, iati_role",
          csv -> {
            for (int p = 0; p < projects; p++) {
              csv.row(ids.id(Ids.PARTNER, p), ids.id(Ids.PROJECT, p), people.agency(), 4);
            }
          });
    }
    copier.copy(
        "project_recommendation",
        "project_id, recommendation_id",
        csv -> {
          for (int p = 0; p < projects; p++) {
            csv.row(ids.id(Ids.PROJECT, p), projectRecommendation[p]);
          }
        });
    copier.copy(
        "project_activity",
        "id, project_id, kind, title, start_date, end_date, place, online, participants,"
            + " created_by, created_at, updated_at",
        csv -> {
          for (int p = 0; p < projects; p++) {
            long days = end(p).toEpochDay() - start(p).toEpochDay();
            for (int j = 0; j < ACTIVITIES; j++) {
              long a = (long) p * ACTIVITIES + j;
              SplittableRandom random = ids.random(Ids.ACTIVITY, a);
              LocalDate from = start(p).plusDays(days * j / ACTIVITIES);
              String kind = KINDS[random.nextInt(KINDS.length)];
              csv.row(
                  ids.id(Ids.ACTIVITY, a),
                  ids.id(Ids.PROJECT, p),
                  kind,
                  WorkspaceRows.clip(
                      WorkspaceRows.capitalised(kind.toLowerCase(java.util.Locale.ROOT))
                              .replace('_', ' ')
                          + ": "
                          + text.tail(random),
                      300),
                  from,
                  from.plusDays(1 + random.nextInt(5)),
                  reference.states().get(projectState[p]).name(),
                  false,
                  10 + random.nextInt(50),
                  people.officer(),
                  WorkspaceRows.timestamp(from.minusDays(20)),
                  WorkspaceRows.timestamp(from.minusDays(20)));
            }
          }
        });
    copier.copy(
        "project_result",
        "id, project_id, level, title, position",
        csv -> {
          for (int p = 0; p < projects; p++) {
            csv.row(
                ids.id(Ids.RESULT, p),
                ids.id(Ids.PROJECT, p),
                "OUTCOME",
                WorkspaceRows.clip(
                    WorkspaceRows.capitalised(text.tail(ids.random(Ids.RESULT, p))), 300),
                1);
          }
        });
    copier.copy(
        "project_indicator",
        "id, result_id, title, unit, baseline, baseline_date, target, target_date",
        csv -> {
          for (int p = 0; p < projects; p++) {
            SplittableRandom random = ids.random(Ids.INDICATOR, p);
            int baseline = random.nextInt(40);
            csv.row(
                ids.id(Ids.INDICATOR, p),
                ids.id(Ids.RESULT, p),
                "Share of officials applying the standards",
                "%",
                baseline,
                start(p),
                baseline + 10 + random.nextInt(50),
                end(p));
          }
        });
  }

  private String iso3(int project) {
    return reference.states().get(projectState[project]).iso3();
  }
}
