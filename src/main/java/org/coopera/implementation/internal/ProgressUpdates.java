package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.platform.ContentVersions;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.coopera.platform.Notifications;
import org.coopera.platform.StoredFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress updates on actions and indicators, and their review. Those who work on an assignment
 * draft updates (with evidence files) and submit them; the State's coordinator approves them or
 * returns them with a comment, and publishes approved ones. Approving an update on an action sets
 * the action's status (and so the recommendation's); approving one on an indicator records its
 * value for the period, or the milestone reached.
 */
@Service
@Transactional
public class ProgressUpdates {

  private final JdbcClient jdbc;
  private final Assignments assignments;
  private final Actions actions;
  private final Indicators indicators;
  private final StoredFiles files;
  private final Notifications notifications;
  private final AccountNames accounts;
  private final ContentVersions versions;
  private final Clock clock;

  /** The subject of an update's versions in other languages. */
  public static final String SUBJECT = "progress_update";

  /** The texts an update's version in another language carries. */
  public static final List<ContentVersions.Field> VERSION_FIELDS =
      List.of(new ContentVersions.Field("narrative", "update.narrative", true, true, 20_000));

  ProgressUpdates(
      JdbcClient jdbc,
      Assignments assignments,
      Actions actions,
      Indicators indicators,
      StoredFiles files,
      Notifications notifications,
      AccountNames accounts,
      ContentVersions versions,
      Clock clock) {
    this.jdbc = jdbc;
    this.assignments = assignments;
    this.actions = actions;
    this.indicators = indicators;
    this.files = files;
    this.notifications = notifications;
    this.accounts = accounts;
    this.versions = versions;
    this.clock = clock;
  }

  /** An update as the pages show it. */
  public record Update(
      UUID id,
      String stateIso3,
      UUID assignmentId,
      UUID actionId,
      UUID indicatorId,
      String subjectTitle,
      LocalDate periodEnd,
      UUID milestoneId,
      ImplementationStatus status,
      String narrative,
      BigDecimal measuredValue,
      Review review,
      String reviewComment,
      UUID authorId,
      String authorName,
      Instant submittedAt,
      Instant reviewedAt,
      Instant publishedAt,
      List<StoredFiles.StoredFile> evidence,
      Instant updatedAt,
      long version,
      String originalLanguage,
      Map<String, ContentVersions.Version> versions) {

    /** The narrative a reader of this language is shown, and in which language. */
    public ContentVersions.Shown shown(String readerLanguage) {
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("narrative", narrative);
      return ContentVersions.shown(readerLanguage, originalLanguage, texts, versions);
    }
  }

  /** A file sent with an update. */
  public record Upload(String fileName, byte[] content) {}

  /**
   * What a person typed.
   *
   * @param subject {@code action:} or {@code indicator:} and the id
   */
  public record Draft(
      String subject,
      String status,
      String narrative,
      String measuredValue,
      String periodEnd,
      UUID milestone) {}

  @Transactional(readOnly = true)
  public List<Update> of(UUID assignmentId) {
    return select("u.assignment_id = :v", assignmentId);
  }

  @Transactional(readOnly = true)
  public Update get(String stateIso3, UUID id, CooperaUser user) {
    Update update = load(id).orElseThrow(() -> new WorkspaceItemNotFound(id));
    assignments.get(stateIso3, update.assignmentId(), user);
    return update;
  }

  @Transactional(readOnly = true)
  Optional<Update> load(UUID id) {
    return select("u.id = :v", id).stream().findFirst();
  }

  /** The updates of a State awaiting the coordinator: submitted, then approved but unpublished. */
  @Transactional(readOnly = true)
  public List<Update> awaitingReview(String stateIso3, CooperaUser user) {
    Workspace.requireSee(user, stateIso3);
    return select("u.state_iso3 = :v and u.review in ('SUBMITTED', 'APPROVED')", stateIso3);
  }

  /** Writes a draft (or, when {@code submit}, a submitted update) with its evidence. */
  public Update create(
      String stateIso3,
      UUID assignmentId,
      Draft draft,
      List<Upload> evidence,
      boolean submit,
      CooperaUser user) {
    Assignments.Assignment assignment = assignments.get(stateIso3, assignmentId, user);
    assignments.requireWork(user, assignment);
    Checked c = check(assignment, draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into progress_update (id, state_iso3, assignment_id, action_id, indicator_id,
                period_end, milestone_id, status, narrative, measured_value, review, author_id,
                submitted_at, created_at, updated_at, original_language)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignment.stateIso3(),
            assignmentId,
            c.action(),
            c.indicator(),
            c.period() == null ? null : Date.valueOf(c.period()),
            c.milestone(),
            c.status().name(),
            c.narrative(),
            c.value(),
            submit ? Review.SUBMITTED.name() : Review.DRAFT.name(),
            user.accountId(),
            submit ? now : null,
            now,
            now,
            LanguageNames.current())
        .update();
    attach(id, evidence, user);
    if (submit) {
      notifyCoordinators(assignment, id);
    }
    return load(id).orElseThrow();
  }

  /**
   * Writes the update's version in another language: whoever may work on its assignment, at any
   * stage (a translation does not change what was reported).
   *
   * @param expectedVersion the version of that language's text read, null for a new one
   */
  public Update putVersion(
      String stateIso3,
      UUID id,
      String language,
      Map<String, String> typed,
      Long expectedVersion,
      CooperaUser user) {
    Update current = mayTranslate(stateIso3, id, user);
    Map<String, String> fields =
        ContentVersions.checked(VERSION_FIELDS, language, current.originalLanguage(), typed);
    versions.put(SUBJECT, id, language, fields, expectedVersion, user.accountId());
    return load(id).orElseThrow();
  }

  /** Removes the update's version in a language, from the version read. */
  public Update removeVersion(
      String stateIso3, UUID id, String language, long expectedVersion, CooperaUser user) {
    mayTranslate(stateIso3, id, user);
    versions.remove(SUBJECT, id, language, expectedVersion);
    return load(id).orElseThrow();
  }

  /** Whether this person may write the update's versions. */
  @Transactional(readOnly = true)
  public boolean mayTranslate(String stateIso3, Update update, CooperaUser user) {
    return assignments.mayWork(user, assignments.get(stateIso3, update.assignmentId(), user));
  }

  private Update mayTranslate(String stateIso3, UUID id, CooperaUser user) {
    Update current = get(stateIso3, id, user);
    assignments.requireWork(user, assignments.get(stateIso3, current.assignmentId(), user));
    return current;
  }

  /** Changes a draft or a returned update; only its author, or a coordinator, may. */
  public Update edit(
      String stateIso3,
      UUID id,
      long version,
      Draft draft,
      List<Upload> evidence,
      List<UUID> removeEvidence,
      CooperaUser user) {
    Update current = get(stateIso3, id, user);
    Assignments.Assignment assignment = assignments.get(stateIso3, current.assignmentId(), user);
    requireAuthorOrCoordinator(current, user);
    if (!current.review().editable()) {
      throw new InvalidInputException("update.error.not-editable", null);
    }
    Checked c = check(assignment, draft);
    int changed =
        jdbc.sql(
                """
                update progress_update set action_id = ?, indicator_id = ?, period_end = ?,
                       milestone_id = ?, status = ?, narrative = ?, measured_value = ?, updated_at = ?,
                       version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.action(),
                c.indicator(),
                c.period() == null ? null : Date.valueOf(c.period()),
                c.milestone(),
                c.status().name(),
                c.narrative(),
                c.value(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(current);
    }
    for (UUID gone : removeEvidence == null ? List.<UUID>of() : removeEvidence) {
      jdbc.sql("delete from progress_evidence where update_id = ? and file_id = ?")
          .params(id, gone)
          .update();
    }
    attach(id, evidence, user);
    return load(id).orElseThrow();
  }

  public Update submit(String stateIso3, UUID id, long version, CooperaUser user) {
    Update current = get(stateIso3, id, user);
    requireAuthorOrCoordinator(current, user);
    Update done = step(current, version, Review.Step.SUBMIT, null, user);
    notifyCoordinators(assignments.load(current.assignmentId()).orElseThrow(), id);
    return done;
  }

  public Update approve(String stateIso3, UUID id, long version, CooperaUser user) {
    Update current = get(stateIso3, id, user);
    Workspace.requireEdit(user, current.stateIso3());
    Update done = step(current, version, Review.Step.APPROVE, null, user);
    if (current.actionId() != null) {
      actions.rollUp(current.actionId());
    }
    if (current.milestoneId() != null) {
      indicators.achieve(
          current.milestoneId(),
          current.periodEnd() != null ? current.periodEnd() : LocalDate.now(clock));
    }
    notifyAuthor(done, "update.notice.approved");
    return done;
  }

  public Update returnToAuthor(
      String stateIso3, UUID id, long version, String comment, CooperaUser user) {
    Update current = get(stateIso3, id, user);
    Workspace.requireEdit(user, current.stateIso3());
    String reason = WorkspaceDates.text(comment);
    if (reason == null) {
      throw new InvalidInputException("update.error.return-comment", "comment");
    }
    Update done = step(current, version, Review.Step.RETURN, reason, user);
    notifyAuthor(done, "update.notice.returned");
    return done;
  }

  public Update publish(String stateIso3, UUID id, long version, CooperaUser user) {
    Update current = get(stateIso3, id, user);
    Workspace.requireEdit(user, current.stateIso3());
    return step(current, version, Review.Step.PUBLISH, null, user);
  }

  /** The evidence file of an update, for someone who may see the update. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile evidence(String stateIso3, UUID id, UUID fileId, CooperaUser user) {
    Update update = get(stateIso3, id, user);
    return evidenceOf(update, fileId);
  }

  /** The evidence file of a published update: anyone may read it. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile publishedEvidence(String stateIso3, UUID id, UUID fileId) {
    Update update =
        load(id)
            .filter(u -> u.stateIso3().equals(stateIso3) && u.review() == Review.PUBLISHED)
            .orElseThrow(() -> new WorkspaceItemNotFound(id));
    return evidenceOf(update, fileId);
  }

  private StoredFiles.StoredFile evidenceOf(Update update, UUID fileId) {
    return update.evidence().stream()
        .filter(f -> f.id().equals(fileId))
        .findFirst()
        .orElseThrow(() -> new WorkspaceItemNotFound(fileId));
  }

  private Update step(
      Update current, long version, Review.Step step, String comment, CooperaUser user) {
    Review next = current.review().after(step);
    Timestamp now = Timestamp.from(clock.instant());
    String column =
        switch (step) {
          case SUBMIT -> "submitted_at";
          case APPROVE, RETURN -> "reviewed_at";
          case PUBLISH -> "published_at";
        };
    int changed =
        jdbc.sql(
                "update progress_update set review = ?, "
                    + column
                    + " = ?, reviewer_id = case when ? then ? else reviewer_id end,"
                    + " review_comment = case when ? then ? else review_comment end,"
                    + " updated_at = ?, version = version + 1 where id = ? and version = ?")
            .params(
                next.name(),
                now,
                step == Review.Step.APPROVE || step == Review.Step.RETURN,
                user.accountId(),
                step != Review.Step.PUBLISH,
                comment,
                now,
                current.id(),
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(current);
    }
    return load(current.id()).orElseThrow();
  }

  private void requireAuthorOrCoordinator(Update update, CooperaUser user) {
    if (!user.accountId().equals(update.authorId())
        && !Workspace.mayEdit(user, update.stateIso3())) {
      throw new AccessDeniedException("Only the author or a coordinator changes a draft");
    }
  }

  private void attach(UUID id, List<Upload> evidence, CooperaUser user) {
    for (Upload upload : evidence == null ? List.<Upload>of() : evidence) {
      if (upload.content() == null || upload.content().length == 0) {
        continue;
      }
      StoredFiles.StoredFile file =
          files.store(upload.fileName(), upload.content(), user.accountId());
      jdbc.sql("insert into progress_evidence (update_id, file_id) values (?, ?)")
          .params(id, file.id())
          .update();
    }
  }

  private void notifyCoordinators(Assignments.Assignment assignment, UUID updateId) {
    String link = "/workspace/" + assignment.stateIso3() + "/review#update-" + updateId;
    accounts.officialsOf(assignment.stateIso3()).stream()
        .filter(AccountNames.StateOfficial::coordinator)
        .forEach(
            c ->
                notifications.notify(
                    c.id(),
                    new Notifications.Notice(
                        "update.notice.submitted", List.of(assignment.subjectLabel()), link)));
  }

  private void notifyAuthor(Update update, String key) {
    notifications.notify(
        update.authorId(),
        new Notifications.Notice(
            key,
            List.of(update.subjectTitle()),
            "/workspace/"
                + update.stateIso3()
                + "/assignments/"
                + update.assignmentId()
                + "#update-"
                + update.id()));
  }

  private record Checked(
      UUID action,
      UUID indicator,
      LocalDate period,
      UUID milestone,
      ImplementationStatus status,
      String narrative,
      BigDecimal value) {}

  private Checked check(Assignments.Assignment assignment, Draft d) {
    String subject = WorkspaceDates.text(d.subject());
    UUID action = null;
    UUID indicator = null;
    Indicators.Indicator measured = null;
    try {
      if (subject != null && subject.startsWith("action:")) {
        action = UUID.fromString(subject.substring("action:".length()));
      } else if (subject != null && subject.startsWith("indicator:")) {
        indicator = UUID.fromString(subject.substring("indicator:".length()));
      }
    } catch (IllegalArgumentException e) {
      action = null;
      indicator = null;
    }
    if (action != null) {
      UUID a = action;
      if (actions.of(assignment.id()).stream().noneMatch(x -> x.id().equals(a))) {
        action = null;
      }
    }
    if (indicator != null) {
      UUID i = indicator;
      measured =
          indicators.of(assignment.id()).stream()
              .filter(x -> x.id().equals(i))
              .findFirst()
              .orElse(null);
      if (measured == null) {
        indicator = null;
      }
    }
    if (action == null && indicator == null) {
      throw new InvalidInputException("update.error.subject", "subject");
    }
    ImplementationStatus status =
        ImplementationStatus.fromApiName(d.status())
            .orElseThrow(() -> new InvalidInputException("update.error.status", "status"));
    String narrative = WorkspaceDates.text(d.narrative());
    if (narrative == null) {
      throw new InvalidInputException("update.error.narrative", "narrative");
    }
    if (narrative.length() > 20_000) {
      throw new InvalidInputException("update.error.narrative-length", "narrative", 20_000);
    }
    BigDecimal value = WorkspaceDates.number(d.measuredValue(), "measuredValue");
    LocalDate period = WorkspaceDates.date(d.periodEnd(), "periodEnd");
    UUID milestone = null;
    if (measured != null) {
      if (period == null) {
        throw new InvalidInputException("update.error.period", "periodEnd");
      }
      if (!measured.dueDates().contains(period)) {
        throw new InvalidInputException("update.error.period-not-due", "periodEnd", period);
      }
      if (measured.quantitative() && value == null) {
        throw new InvalidInputException("update.error.value", "measuredValue", measured.unit());
      }
      if (!measured.quantitative()) {
        value = null;
        if (d.milestone() != null) {
          if (measured.milestones().stream().noneMatch(m -> m.id().equals(d.milestone()))) {
            throw new InvalidInputException("update.error.milestone", "milestone");
          }
          milestone = d.milestone();
        }
      }
    } else {
      value = null;
      period = null;
    }
    return new Checked(action, indicator, period, milestone, status, narrative, value);
  }

  private List<Update> select(String condition, Object value) {
    record Row(
        UUID id,
        String state,
        UUID assignment,
        UUID action,
        UUID indicator,
        String subjectTitle,
        LocalDate period,
        UUID milestone,
        ImplementationStatus status,
        String narrative,
        BigDecimal value,
        Review review,
        String comment,
        UUID author,
        Instant submitted,
        Instant reviewed,
        Instant published,
        Instant updatedAt,
        long version,
        String originalLanguage) {}
    List<Row> rows =
        jdbc.sql(
                """
                select u.*, coalesce(a.title, i.name) as subject_title
                from progress_update u
                left join implementation_action a on a.id = u.action_id
                left join indicator i on i.id = u.indicator_id
                """
                    + " where "
                    + condition
                    + " order by u.created_at desc")
            .param("v", value)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state_iso3"),
                        rs.getObject("assignment_id", UUID.class),
                        rs.getObject("action_id", UUID.class),
                        rs.getObject("indicator_id", UUID.class),
                        rs.getString("subject_title"),
                        Assignments.localDate(rs, "period_end"),
                        rs.getObject("milestone_id", UUID.class),
                        ImplementationStatus.valueOf(rs.getString("status")),
                        rs.getString("narrative"),
                        rs.getBigDecimal("measured_value") == null
                            ? null
                            : plain(rs.getBigDecimal("measured_value")),
                        Review.valueOf(rs.getString("review")),
                        rs.getString("review_comment"),
                        rs.getObject("author_id", UUID.class),
                        instant(rs.getTimestamp("submitted_at")),
                        instant(rs.getTimestamp("reviewed_at")),
                        instant(rs.getTimestamp("published_at")),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version"),
                        rs.getString("original_language")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<StoredFiles.StoredFile>> evidence = new HashMap<>();
    Map<UUID, List<UUID>> evidenceIds = new HashMap<>();
    jdbc.sql("select update_id, file_id from progress_evidence where update_id in (:ids)")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(
            rs -> {
              evidenceIds
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    evidenceIds.forEach(
        (update, ids) ->
            ids.forEach(
                f ->
                    files
                        .find(f)
                        .ifPresent(
                            file ->
                                evidence
                                    .computeIfAbsent(update, k -> new ArrayList<>())
                                    .add(file))));
    Map<UUID, AccountNames.Name> names =
        accounts.of(rows.stream().map(Row::author).distinct().toList());
    Map<UUID, Map<String, ContentVersions.Version>> translated =
        versions.of(SUBJECT, rows.stream().map(Row::id).toList());
    return rows.stream()
        .map(
            r ->
                new Update(
                    r.id(),
                    r.state(),
                    r.assignment(),
                    r.action(),
                    r.indicator(),
                    r.subjectTitle(),
                    r.period(),
                    r.milestone(),
                    r.status(),
                    r.narrative(),
                    r.value(),
                    r.review(),
                    r.comment(),
                    r.author(),
                    names.containsKey(r.author()) ? names.get(r.author()).displayName() : "",
                    r.submitted(),
                    r.reviewed(),
                    r.published(),
                    evidence.getOrDefault(r.id(), List.of()),
                    r.updatedAt(),
                    r.version(),
                    r.originalLanguage(),
                    translated.getOrDefault(r.id(), Map.of())))
        .toList();
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
