package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.platform.ContentVersions;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures taken on an assignment: what will be done, by which institution, by when, at what
 * estimated cost, and the assistance request or project behind it. Those who work on the assignment
 * add and edit them; an edit names the version it was made from and is refused when someone saved
 * the action since. An action's status is not typed: it is that of its latest approved progress
 * update.
 */
@Service
@Transactional
public class Actions {

  /** The subject of an action's versions in other languages. */
  public static final String SUBJECT = "implementation_action";

  /** The texts an action's version in another language carries. */
  public static final List<ContentVersions.Field> VERSION_FIELDS =
      List.of(
          new ContentVersions.Field("title", "action.title", false, true, 300),
          new ContentVersions.Field("description", "action.description", true, false, 20_000));

  private final JdbcClient jdbc;
  private final Assignments assignments;
  private final ContentVersions versions;
  private final Clock clock;

  Actions(JdbcClient jdbc, Assignments assignments, ContentVersions versions, Clock clock) {
    this.jdbc = jdbc;
    this.assignments = assignments;
    this.versions = versions;
    this.clock = clock;
  }

  /** An action as the pages show it. */
  public record Action(
      UUID id,
      UUID assignmentId,
      String title,
      String description,
      UUID institutionId,
      String institutionName,
      LocalDate startDate,
      LocalDate dueDate,
      BigDecimal estimatedCost,
      String currency,
      String assistanceReference,
      ImplementationStatus status,
      Instant updatedAt,
      long version,
      String originalLanguage,
      Map<String, ContentVersions.Version> versions) {

    /** The texts as written, by the names of {@link #VERSION_FIELDS}. */
    public Map<String, String> originalTexts() {
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("title", title);
      texts.put("description", description);
      return texts;
    }

    /** The texts a reader of this language is shown, and in which language. */
    public ContentVersions.Shown shown(String readerLanguage) {
      return ContentVersions.shown(readerLanguage, originalLanguage, originalTexts(), versions);
    }
  }

  /** What a person typed. */
  public record Draft(
      String title,
      String description,
      UUID institution,
      String startDate,
      String dueDate,
      String estimatedCost,
      String currency,
      String assistanceReference) {

    public static Draft of(Action a) {
      return new Draft(
          a.title(),
          a.description(),
          a.institutionId(),
          a.startDate() == null ? null : a.startDate().toString(),
          a.dueDate().toString(),
          a.estimatedCost() == null ? null : a.estimatedCost().toPlainString(),
          a.currency(),
          a.assistanceReference());
    }
  }

  @Transactional(readOnly = true)
  public List<Action> of(UUID assignmentId) {
    return select("a.assignment_id = ?", assignmentId);
  }

  /** The statuses of the actions of each of a State's assignments, for the roll-up of a list. */
  @Transactional(readOnly = true)
  public Map<UUID, ImplementationStatus> rolledUp(String stateIso3) {
    Map<UUID, List<ImplementationStatus>> byAssignment = new HashMap<>();
    jdbc.sql(
            "select a.assignment_id, a.status from implementation_action a"
                + " join assignment s on s.id = a.assignment_id where s.state_iso3 = ?")
        .param(stateIso3)
        .query(
            rs -> {
              byAssignment
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(ImplementationStatus.valueOf(rs.getString(2)));
            });
    Map<UUID, ImplementationStatus> rolled = new HashMap<>();
    byAssignment.forEach((id, statuses) -> rolled.put(id, ImplementationStatus.rollUp(statuses)));
    return rolled;
  }

  @Transactional(readOnly = true)
  Optional<Action> load(UUID id) {
    return select("a.id = ?", id).stream().findFirst();
  }

  /** An action of this State's workspace, for someone who may see it. */
  @Transactional(readOnly = true)
  public Action get(String stateIso3, UUID id, CooperaUser user) {
    Action action = load(id).orElseThrow(() -> new WorkspaceItemNotFound(id));
    assignments.get(stateIso3, action.assignmentId(), user);
    return action;
  }

  public Action create(String stateIso3, UUID assignmentId, Draft draft, CooperaUser user) {
    Assignments.Assignment assignment = assignments.get(stateIso3, assignmentId, user);
    assignments.requireWork(user, assignment);
    Checked c = check(assignment, draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into implementation_action (id, assignment_id, title, description, institution_id,
                start_date, due_date, estimated_cost, currency, assistance_reference, created_at, updated_at,
                original_language)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignmentId,
            c.title(),
            c.description(),
            c.institution(),
            c.start() == null ? null : Date.valueOf(c.start()),
            Date.valueOf(c.due()),
            c.cost(),
            c.currency(),
            c.reference(),
            now,
            now,
            LanguageNames.current())
        .update();
    return load(id).orElseThrow();
  }

  /**
   * Writes the action's version in another language: whoever may change the action.
   *
   * @param expectedVersion the version of that language's text read, null for a new one
   */
  public Action putVersion(
      String stateIso3,
      UUID id,
      String language,
      Map<String, String> typed,
      Long expectedVersion,
      CooperaUser user) {
    Action current = mayTranslate(stateIso3, id, user);
    Map<String, String> fields =
        ContentVersions.checked(VERSION_FIELDS, language, current.originalLanguage(), typed);
    versions.put(SUBJECT, id, language, fields, expectedVersion, user.accountId());
    return load(id).orElseThrow();
  }

  /** Removes the action's version in a language, from the version read. */
  public Action removeVersion(
      String stateIso3, UUID id, String language, long expectedVersion, CooperaUser user) {
    mayTranslate(stateIso3, id, user);
    versions.remove(SUBJECT, id, language, expectedVersion);
    return load(id).orElseThrow();
  }

  private Action mayTranslate(String stateIso3, UUID id, CooperaUser user) {
    Action current = get(stateIso3, id, user);
    assignments.requireWork(user, assignments.get(stateIso3, current.assignmentId(), user));
    return current;
  }

  /** Whether this person may change the action and write its versions. */
  @Transactional(readOnly = true)
  public boolean mayChange(String stateIso3, Action action, CooperaUser user) {
    return assignments.mayWork(user, assignments.get(stateIso3, action.assignmentId(), user));
  }

  public Action update(String stateIso3, UUID id, long version, Draft draft, CooperaUser user) {
    Action current = get(stateIso3, id, user);
    Assignments.Assignment assignment = assignments.get(stateIso3, current.assignmentId(), user);
    assignments.requireWork(user, assignment);
    Checked c = check(assignment, draft);
    int changed =
        jdbc.sql(
                """
                update implementation_action set title = ?, description = ?, institution_id = ?,
                       start_date = ?, due_date = ?, estimated_cost = ?, currency = ?,
                       assistance_reference = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.title(),
                c.description(),
                c.institution(),
                c.start() == null ? null : Date.valueOf(c.start()),
                Date.valueOf(c.due()),
                c.cost(),
                c.currency(),
                c.reference(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(current);
    }
    return load(id).orElseThrow();
  }

  /** Sets the status from the latest approved (or published) update of the action. */
  void rollUp(UUID actionId) {
    jdbc.sql(
            """
            update implementation_action a set status = coalesce((
                select u.status from progress_update u
                where u.action_id = a.id and u.review in ('APPROVED', 'PUBLISHED')
                order by u.reviewed_at desc, u.created_at desc limit 1), 'NOT_STARTED')
            where a.id = ?
            """)
        .param(actionId)
        .update();
  }

  private record Checked(
      String title,
      String description,
      UUID institution,
      LocalDate start,
      LocalDate due,
      BigDecimal cost,
      String currency,
      String reference) {}

  private Checked check(Assignments.Assignment assignment, Draft draft) {
    String title = WorkspaceDates.text(draft.title());
    if (title == null) {
      throw new InvalidInputException("action.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("action.error.title-length", "title", 300);
    }
    UUID institution = draft.institution();
    boolean ofState =
        institution != null
            && Boolean.TRUE.equals(
                jdbc.sql(
                        "select exists (select 1 from institution where id = ? and state_iso3 = ?)")
                    .params(institution, assignment.stateIso3())
                    .query(Boolean.class)
                    .single());
    if (!ofState) {
      throw new InvalidInputException("action.error.institution", "institution");
    }
    LocalDate start = WorkspaceDates.date(draft.startDate(), "startDate");
    LocalDate due = WorkspaceDates.requiredDate(draft.dueDate(), "dueDate");
    if (start != null && due.isBefore(start)) {
      throw new InvalidInputException("action.error.dates", "dueDate", start, due);
    }
    BigDecimal cost = WorkspaceDates.number(draft.estimatedCost(), "estimatedCost");
    if (cost != null && cost.signum() < 0) {
      throw new InvalidInputException("action.error.cost", "estimatedCost");
    }
    String currency = WorkspaceDates.text(draft.currency());
    if (currency != null) {
      currency = currency.toUpperCase(Locale.ROOT);
      try {
        Currency.getInstance(currency);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("action.error.currency", "currency", currency);
      }
    }
    if (cost != null && currency == null) {
      throw new InvalidInputException("action.error.currency-needed", "currency");
    }
    String reference = WorkspaceDates.text(draft.assistanceReference());
    if (reference != null && reference.length() > 200) {
      throw new InvalidInputException("action.error.reference-length", "assistanceReference", 200);
    }
    return new Checked(
        title,
        WorkspaceDates.text(draft.description()),
        institution,
        start,
        due,
        cost,
        cost == null ? null : currency,
        reference);
  }

  private List<Action> select(String condition, Object value) {
    List<Action> found =
        jdbc.sql(
                "select a.*, i.name as institution_name from implementation_action a"
                    + " join institution i on i.id = a.institution_id where "
                    + condition
                    + " order by a.due_date, a.title")
            .param(value)
            .query(
                (rs, n) ->
                    new Action(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assignment_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getObject("institution_id", UUID.class),
                        rs.getString("institution_name"),
                        Assignments.localDate(rs, "start_date"),
                        Assignments.localDate(rs, "due_date"),
                        rs.getBigDecimal("estimated_cost"),
                        rs.getString("currency"),
                        rs.getString("assistance_reference"),
                        ImplementationStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version"),
                        rs.getString("original_language"),
                        Map.of()))
            .list();
    Map<UUID, Map<String, ContentVersions.Version>> all =
        versions.of(SUBJECT, found.stream().map(Action::id).toList());
    return found.stream()
        .map(
            a ->
                new Action(
                    a.id(),
                    a.assignmentId(),
                    a.title(),
                    a.description(),
                    a.institutionId(),
                    a.institutionName(),
                    a.startDate(),
                    a.dueDate(),
                    a.estimatedCost(),
                    a.currency(),
                    a.assistanceReference(),
                    a.status(),
                    a.updatedAt(),
                    a.version(),
                    a.originalLanguage(),
                    all.getOrDefault(a.id(), Map.of())))
        .toList();
  }
}
