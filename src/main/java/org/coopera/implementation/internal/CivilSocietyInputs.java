package org.coopera.implementation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.Notifications;
import org.coopera.platform.StoredFiles;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What civil society organisations and national human rights institutions say about a public
 * assignment: their assessment (a status, optional), a statement and an evidence file. The State's
 * officials read the inputs; its coordinators (and administrators) answer them and accept them,
 * shown publicly beside the State's own account, or decline them. A decision names the version it
 * was made from and is refused when someone decided meanwhile. The author is told of the decision.
 */
@Service
@Transactional
public class CivilSocietyInputs {

  static final int MAX_STATEMENT = 10_000;
  static final int MAX_ANSWER = 10_000;

  private final JdbcClient jdbc;
  private final PublicImplementation published;
  private final StoredFiles files;
  private final Notifications notifications;
  private final AccountNames accounts;
  private final ReferenceData reference;
  private final Clock clock;

  CivilSocietyInputs(
      JdbcClient jdbc,
      PublicImplementation published,
      StoredFiles files,
      Notifications notifications,
      AccountNames accounts,
      ReferenceData reference,
      Clock clock) {
    this.jdbc = jdbc;
    this.published = published;
    this.files = files;
    this.notifications = notifications;
    this.accounts = accounts;
    this.reference = reference;
    this.clock = clock;
  }

  /** Where an input stands. */
  public enum Status {
    SUBMITTED,
    ACCEPTED,
    DECLINED;

    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromApiName(String value) {
      return Arrays.stream(values())
          .filter(s -> value != null && s.apiName().equalsIgnoreCase(value.strip()))
          .findFirst();
    }
  }

  /**
   * An input as the pages show it.
   *
   * @param nhri whether the organisation is a national human rights institution
   */
  public record Input(
      UUID id,
      String stateIso3,
      UUID assignmentId,
      String subjectLabel,
      UUID authorId,
      String authorName,
      String organisationCode,
      String organisationName,
      boolean nhri,
      ImplementationStatus assessment,
      String statement,
      StoredFiles.StoredFile file,
      Status status,
      String answer,
      Instant answeredAt,
      Instant createdAt,
      long version) {}

  /** What the organisation typed, and the file it attached (null or empty for none). */
  public record Draft(
      String organisation,
      String assessment,
      String statement,
      String fileName,
      byte[] fileContent) {}

  /** Sends an input on a public assignment; only an account of a civil society organisation may. */
  public Input submit(String stateIso3, UUID assignmentId, Draft draft, CooperaUser user) {
    List<String> organisations = organisationsOf(user);
    if (organisations.isEmpty()) {
      throw new AccessDeniedException("Only civil society organisations send input");
    }
    String iso3 = stateIso3 == null ? "" : stateIso3.strip().toUpperCase(Locale.ROOT);
    if (!published.isPublic(iso3, assignmentId)) {
      throw new WorkspaceItemNotFound(assignmentId);
    }
    String organisation =
        draft.organisation() == null || draft.organisation().isBlank()
            ? organisations.get(0)
            : draft.organisation().strip();
    if (!organisations.contains(organisation)) {
      throw new InvalidInputException("input.error.organisation", "organisation");
    }
    ImplementationStatus assessment = null;
    if (draft.assessment() != null && !draft.assessment().isBlank()) {
      assessment =
          ImplementationStatus.fromApiName(draft.assessment())
              .orElseThrow(() -> new InvalidInputException("input.error.assessment", "assessment"));
    }
    String statement = WorkspaceDates.text(draft.statement());
    if (statement == null) {
      throw new InvalidInputException("input.error.statement", "statement");
    }
    if (statement.length() > MAX_STATEMENT) {
      throw new InvalidInputException("input.error.statement-length", "statement", MAX_STATEMENT);
    }
    UUID fileId = null;
    if (draft.fileContent() != null && draft.fileContent().length > 0) {
      fileId = files.store(draft.fileName(), draft.fileContent(), user.accountId()).id();
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into civil_society_input (id, state_iso3, assignment_id, author_id,
                organisation_code, assessment, statement, file_id, status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)
            """)
        .params(
            id,
            iso3,
            assignmentId,
            user.accountId(),
            organisation,
            assessment == null ? null : assessment.name(),
            statement,
            fileId,
            now,
            now)
        .update();
    Input input = load(id).orElseThrow();
    accounts.officialsOf(iso3).stream()
        .filter(AccountNames.StateOfficial::coordinator)
        .forEach(
            c ->
                notifications.notify(
                    c.id(),
                    new Notifications.Notice(
                        "input.notice.received",
                        List.of(input.organisationName(), input.subjectLabel()),
                        "/workspace/" + iso3 + "/input#input-" + id)));
    return input;
  }

  /** The inputs on a State's assignments, newest first, for its officials; all or of a status. */
  @Transactional(readOnly = true)
  public List<Input> list(String stateIso3, Status status, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return status == null
        ? select("c.state_iso3 = :v", iso3, null)
        : select("c.state_iso3 = :v and c.status = :s", iso3, status.name());
  }

  /** The accepted inputs on these assignments, newest first, by assignment: public. */
  @Transactional(readOnly = true)
  public Map<UUID, List<Input>> accepted(Collection<UUID> assignmentIds) {
    Map<UUID, List<Input>> byAssignment = new HashMap<>();
    if (assignmentIds.isEmpty()) {
      return byAssignment;
    }
    select("c.assignment_id in (:v) and c.status = 'ACCEPTED'", assignmentIds, null)
        .forEach(
            i ->
                byAssignment
                    .computeIfAbsent(i.assignmentId(), k -> new java.util.ArrayList<>())
                    .add(i));
    return byAssignment;
  }

  /**
   * Accepts or declines an input, with an answer; only the State's coordinators and administrators
   * decide, and only on the version they read.
   */
  public Input decide(
      String stateIso3, UUID id, long version, boolean accept, String answer, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireEdit(user, iso3);
    Input current =
        load(id)
            .filter(i -> i.stateIso3().equals(iso3))
            .orElseThrow(() -> new WorkspaceItemNotFound(id));
    if (current.version() != version) {
      throw new StaleItem(current);
    }
    String text = WorkspaceDates.text(answer);
    if (text != null && text.length() > MAX_ANSWER) {
      throw new InvalidInputException("input.error.answer-length", "answer", MAX_ANSWER);
    }
    Timestamp now = Timestamp.from(clock.instant());
    int changed =
        jdbc.sql(
                """
                update civil_society_input set status = ?, answer = ?, answered_by = ?,
                       answered_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                accept ? Status.ACCEPTED.name() : Status.DECLINED.name(),
                text,
                user.accountId(),
                now,
                now,
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(load(id).orElseThrow());
    }
    Input done = load(id).orElseThrow();
    notifications.notify(
        done.authorId(),
        new Notifications.Notice(
            accept ? "input.notice.accepted" : "input.notice.declined",
            List.of(done.subjectLabel()),
            "/implementation/" + iso3 + "/assignments/" + done.assignmentId()));
    return done;
  }

  /** The file of an input, for the State's officials. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile file(String stateIso3, UUID id, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return fileOf(load(id).filter(i -> i.stateIso3().equals(iso3)), id);
  }

  /** The file of an accepted input: anyone may read it. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile acceptedFile(String stateIso3, UUID id) {
    return fileOf(
        load(id).filter(i -> i.stateIso3().equals(stateIso3) && i.status() == Status.ACCEPTED), id);
  }

  private static StoredFiles.StoredFile fileOf(Optional<Input> input, UUID id) {
    return input
        .map(Input::file)
        .filter(java.util.Objects::nonNull)
        .orElseThrow(() -> new WorkspaceItemNotFound(id));
  }

  /** The organisations for which this person speaks as civil society. */
  public static List<String> organisationsOf(CooperaUser user) {
    if (user == null) {
      return List.of();
    }
    return user.grants().stream()
        .filter(g -> g.role() == Role.CIVIL_SOCIETY)
        .map(Grant::organisationCode)
        .distinct()
        .toList();
  }

  @Transactional(readOnly = true)
  Optional<Input> load(UUID id) {
    return select("c.id = :v", id, null).stream().findFirst();
  }

  private List<Input> select(String condition, Object value, String status) {
    record Row(
        UUID id,
        String state,
        UUID assignment,
        String subject,
        UUID author,
        String organisation,
        String organisationName,
        String organisationKind,
        String assessment,
        String statement,
        StoredFiles.StoredFile file,
        Status status,
        String answer,
        Instant answeredAt,
        Instant createdAt,
        long version) {}
    List<Row> rows =
        jdbc.sql(
                """
                select c.*, a.subject_label, o.name as organisation_name, o.kind as organisation_kind,
                       f.file_name, f.media_type, f.size, f.sha256, f.stored_at, f.stored_by
                from civil_society_input c
                join assignment a on a.id = c.assignment_id
                join organisation o on o.code = c.organisation_code
                left join stored_file f on f.id = c.file_id
                where\s"""
                    + condition
                    + " order by c.created_at desc")
            .param("v", value)
            .param("s", status)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state_iso3"),
                        rs.getObject("assignment_id", UUID.class),
                        rs.getString("subject_label"),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("organisation_code"),
                        rs.getString("organisation_name"),
                        rs.getString("organisation_kind"),
                        rs.getString("assessment"),
                        rs.getString("statement"),
                        rs.getObject("file_id", UUID.class) == null
                            ? null
                            : new StoredFiles.StoredFile(
                                rs.getObject("file_id", UUID.class),
                                rs.getString("file_name"),
                                rs.getString("media_type"),
                                rs.getLong("size"),
                                rs.getString("sha256"),
                                rs.getTimestamp("stored_at").toInstant(),
                                rs.getObject("stored_by", UUID.class)),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("answer"),
                        PublicImplementation.instant(rs.getTimestamp("answered_at")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getLong("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, AccountNames.Name> names =
        accounts.of(rows.stream().map(Row::author).distinct().toList());
    return rows.stream()
        .map(
            r ->
                new Input(
                    r.id(),
                    r.state(),
                    r.assignment(),
                    r.subject(),
                    r.author(),
                    names.containsKey(r.author()) ? names.get(r.author()).displayName() : "",
                    r.organisation(),
                    r.organisationName(),
                    "NHRI".equals(r.organisationKind()),
                    r.assessment() == null ? null : ImplementationStatus.valueOf(r.assessment()),
                    r.statement(),
                    r.file(),
                    r.status(),
                    r.answer(),
                    r.answeredAt(),
                    r.createdAt(),
                    r.version()))
        .toList();
  }

  private String state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference
        .findState(code)
        .orElseThrow(() -> new Institutions.WorkspaceNotFound(code))
        .iso3();
  }
}
