package org.coopera.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The national mechanisms' workspaces: four institutions for each State; recommendations assigned
 * to a lead institution (one assignment for two actions, each on a recommendation of its own);
 * planned actions; progress updates on them, drafted by the State's focal point and reviewed by its
 * coordinator, all published but the latest of an action, which may still be a draft, submitted or
 * approved. An action's status is that of its latest approved or published update, as the workspace
 * rolls it up.
 */
final class WorkspaceRows {

  private static final String[][] INSTITUTIONS = {
    {"Ministry of Justice (generated)", "MOJ", "MINISTRY"},
    {"Ministry of Foreign Affairs (generated)", "MFA", "MINISTRY"},
    {"National Human Rights Institution (generated)", "NHRI", "NHRI"},
    {"Parliamentary Human Rights Committee (generated)", "PHRC", "PARLIAMENT"}
  };
  private static final String[] STATUSES = {
    "IN_PROGRESS", "PARTIALLY_IMPLEMENTED", "FULLY_IMPLEMENTED"
  };
  private static final String[] PRIORITIES = {"HIGH", "MEDIUM", "LOW"};
  private static final LocalDate FIRST_START = LocalDate.of(2019, 1, 1);

  private record Update(String status, String review, LocalDate created) {}

  private final Ids ids;
  private final Reference reference;
  private final People people;
  private final TextModel text;
  private final int actions;
  private final int updates;
  private final int assignments;
  private final int[] assignmentState;
  private final UUID[] assignmentRecommendation;

  WorkspaceRows(
      Ids ids,
      Reference reference,
      People people,
      TextModel text,
      RecommendationRows recommendations,
      int size,
      int actions,
      int updates) {
    this.ids = ids;
    this.reference = reference;
    this.people = people;
    this.text = text;
    this.actions = actions;
    this.updates = updates;
    this.assignments = (actions + 1) / 2;
    this.assignmentState = new int[assignments];
    this.assignmentRecommendation = new UUID[assignments];
    for (int k = 0; k < assignments; k++) {
      RecommendationRows.Recommendation r =
          recommendations.recommendation((int) ((long) k * size / assignments));
      assignmentState[k] = r.state().index();
      assignmentRecommendation[k] = r.id();
    }
  }

  void write(Copier copier) throws SQLException {
    String at = RecommendationRows.CREATED_AT;
    copier.copy(
        "institution",
        "id, state_iso3, name, acronym, kind, created_at, updated_at",
        csv -> {
          for (Reference.State s : reference.states()) {
            for (int k = 0; k < INSTITUTIONS.length; k++) {
              String[] institution = INSTITUTIONS[k];
              csv.row(
                  institution(s.index(), k),
                  s.iso3(),
                  institution[0],
                  institution[1],
                  institution[2],
                  at,
                  at);
            }
          }
        });
    copier.copy(
        "assignment",
        "id, state_iso3, recommendation_id, subject_label, lead_institution_id, target_date,"
            + " priority, created_at, updated_at",
        csv -> {
          for (int k = 0; k < assignments; k++) {
            SplittableRandom random = ids.random(Ids.ASSIGNMENT, k);
            int state = assignmentState[k];
            csv.row(
                ids.id(Ids.ASSIGNMENT, k),
                reference.states().get(state).iso3(),
                assignmentRecommendation[k],
                "Recommendation " + (k + 1),
                institution(state, k % INSTITUTIONS.length),
                LocalDate.of(2027 + random.nextInt(3), 12, 31),
                PRIORITIES[random.nextInt(PRIORITIES.length)],
                at,
                at);
          }
        });
    copier.copy(
        "implementation_action",
        "id, assignment_id, title, description, institution_id, start_date, due_date,"
            + " estimated_cost, currency, status, created_at, updated_at",
        csv -> {
          for (int a = 0; a < actions; a++) {
            SplittableRandom random = ids.random(Ids.ACTION, a);
            int k = a / 2;
            LocalDate start = start(a);
            boolean costed = random.nextBoolean();
            csv.row(
                ids.id(Ids.ACTION, a),
                ids.id(Ids.ASSIGNMENT, k),
                clip(capitalised(text.tail(random)), 300),
                text.head(random).text() + ", " + text.tail(random) + ".",
                institution(assignmentState[k], (k + a % 2) % INSTITUTIONS.length),
                start,
                start.plusDays(180 + random.nextInt(720)),
                costed ? (5_000 + random.nextInt(200_000)) + ".00" : null,
                costed ? "USD" : null,
                actionStatus(a),
                at,
                at);
          }
        });
    copier.copy(
        "progress_update",
        "id, state_iso3, assignment_id, action_id, period_end, status, narrative, review,"
            + " author_id, reviewer_id, submitted_at, reviewed_at, published_at, created_at,"
            + " updated_at",
        csv -> {
          for (int u = 0; u < updates; u++) {
            int a = u % actions;
            int state = assignmentState[a / 2];
            Update update = update(u);
            SplittableRandom random = ids.random(Ids.UPDATE, u);
            boolean submitted = !update.review().equals("DRAFT");
            boolean reviewed = update.review().equals("APPROVED") || isPublished(update);
            csv.row(
                ids.id(Ids.UPDATE, u),
                reference.states().get(state).iso3(),
                ids.id(Ids.ASSIGNMENT, a / 2),
                ids.id(Ids.ACTION, a),
                update.created(),
                update.status(),
                "Progress reported: " + text.tail(random) + ", " + text.tail(random) + ".",
                update.review(),
                people.focalPoint(state),
                reviewed ? people.coordinator(state) : null,
                submitted ? timestamp(update.created().plusDays(2)) : null,
                reviewed ? timestamp(update.created().plusDays(5)) : null,
                isPublished(update) ? timestamp(update.created().plusDays(7)) : null,
                timestamp(update.created()),
                timestamp(update.created().plusDays(isPublished(update) ? 7 : 2)));
          }
        });
  }

  UUID institution(int state, int k) {
    return ids.id(Ids.INSTITUTION, (long) state * INSTITUTIONS.length + k);
  }

  private LocalDate start(int action) {
    return FIRST_START.plusDays(ids.random(Ids.ACTION, action).split().nextInt(5 * 365));
  }

  /** Update {@code u}: the {@code u / actions}-th on action {@code u % actions}. */
  private Update update(int u) {
    int sequence = u / actions;
    boolean latest = u + actions >= updates;
    SplittableRandom random = ids.random(Ids.UPDATE, u).split();
    String status = STATUSES[Math.min(STATUSES.length - 1, sequence + random.nextInt(2))];
    String review = "PUBLISHED";
    if (latest) {
      int draw = random.nextInt(100);
      review = draw < 60 ? "PUBLISHED" : draw < 75 ? "APPROVED" : draw < 90 ? "SUBMITTED" : "DRAFT";
    }
    LocalDate created = start(u % actions).plusDays(60L * (sequence + 1));
    return new Update(status, review, created);
  }

  private String actionStatus(int action) {
    String status = "NOT_STARTED";
    for (int u = action; u < updates; u += actions) {
      Update update = update(u);
      if (update.review().equals("APPROVED") || isPublished(update)) {
        status = update.status();
      }
    }
    return status;
  }

  private static boolean isPublished(Update update) {
    return update.review().equals("PUBLISHED");
  }

  static String timestamp(LocalDate date) {
    return date + " 09:00:00+00";
  }

  static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
