package org.coopera.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.identity.AccountNames;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.ContentVersions;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.coopera.platform.ListPage;
import org.coopera.platform.Notifications;
import org.coopera.platform.PageParameters;
import org.coopera.platform.StoredFiles;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Practices that States share. A State's focal points and coordinators draft; only its coordinator
 * submits; administrators publish or return with a comment; every step from the version read.
 * Published practices are public, without their contact; other States' officials comment, ask
 * questions (the author State answers) and say they adopted it, once per State.
 */
@Service
@Transactional
public class Practices {

  /** The subject of a practice's versions in other languages. */
  public static final String SUBJECT = "practice";

  /** The texts a practice's version in another language carries. */
  public static final List<ContentVersions.Field> VERSION_FIELDS =
      List.of(
          new ContentVersions.Field("title", "exchange.field.title", false, true, 300),
          new ContentVersions.Field("whatDone", "exchange.field.what-done", true, true, 20_000),
          new ContentVersions.Field("context", "exchange.field.context", true, false, 20_000),
          new ContentVersions.Field("results", "exchange.field.results", true, false, 20_000),
          new ContentVersions.Field(
              "challenges", "exchange.field.challenges", true, false, 20_000));

  public static final List<String> FORMS =
      List.of(
          "EXPERT_ADVICE",
          "TRAINING",
          "SEMINAR",
          "FELLOWSHIP",
          "NEEDS_ASSESSMENT",
          "LEGAL_DRAFTING",
          "STUDY_VISIT");

  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final ProjectLookup projects;
  private final RecommendationLookup recommendations;
  private final StoredFiles files;
  private final Notifications notifications;
  private final AccountNames accounts;
  private final ContentVersions versions;
  private final Clock clock;

  Practices(
      JdbcClient jdbc,
      ReferenceData reference,
      ProjectLookup projects,
      RecommendationLookup recommendations,
      StoredFiles files,
      Notifications notifications,
      AccountNames accounts,
      ContentVersions versions,
      Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.projects = projects;
    this.recommendations = recommendations;
    this.files = files;
    this.notifications = notifications;
    this.accounts = accounts;
    this.versions = versions;
    this.clock = clock;
  }

  /** A practice; {@code contact} is null for whoever may not see it. */
  public record Practice(
      UUID id,
      String stateIso3,
      String stateName,
      String title,
      String whatDone,
      String context,
      List<String> forms,
      String results,
      Evidence evidence,
      String challenges,
      String contact,
      List<String> themes,
      String status,
      String returnComment,
      Instant publishedAt,
      List<ProjectLookup.ProjectRef> projects,
      List<RecommendationLookup.RecommendationRef> recommendations,
      List<Comment> comments,
      List<String> adoptedBy,
      List<String> adopters,
      String originalLanguage,
      Map<String, ContentVersions.Version> versions,
      long version) {

    /** The texts as written, by the names of {@link #VERSION_FIELDS}. */
    public Map<String, String> originalTexts() {
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("title", title);
      texts.put("whatDone", whatDone);
      texts.put("context", context);
      texts.put("results", results);
      texts.put("challenges", challenges);
      return texts;
    }

    /** The texts a reader of this language is shown, and in which language. */
    public ContentVersions.Shown shown(String readerLanguage) {
      return ContentVersions.shown(readerLanguage, originalLanguage, originalTexts(), versions);
    }

    public boolean published() {
      return status.equals("PUBLISHED");
    }

    public boolean editable() {
      return status.equals("DRAFT") || status.equals("RETURNED");
    }
  }

  /** The evidence file of a practice. */
  public record Evidence(UUID fileId, String fileName, long size) {}

  /** A comment, question or answer, by a State. */
  public record Comment(
      UUID id,
      String stateIso3,
      String stateName,
      String kind,
      UUID answers,
      String text,
      Instant at) {}

  /** What was typed for a practice; projects by id, recommendations by code or id. */
  public record PracticeDraft(
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
      String language) {}

  /** A file attached as evidence of the results. */
  public record Attachment(String fileName, byte[] content) {}

  /** The catalogue's filters, all optional. */
  public record Filter(String q, String theme, String region, String form) {}

  /** A published practice as the catalogue lists it. */
  public record Summary(
      UUID id,
      String stateIso3,
      String stateName,
      String title,
      List<String> forms,
      List<String> themes,
      Instant publishedAt,
      int adoptions,
      String titleLanguage) {}

  /** A practice that does not exist or that this person may not see. */
  public static class PracticeNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PracticeNotFound(UUID id) {
      super("no practice " + id);
    }
  }

  /** A step refused: stale, or not from this status. */
  public static class PracticeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;
    private final transient Practice current;

    PracticeRefused(String messageKey, Practice current) {
      super(messageKey);
      this.messageKey = messageKey;
      this.current = current;
    }

    public String messageKey() {
      return messageKey;
    }

    public Practice current() {
      return current;
    }
  }

  /** A State's coordinator or focal point. */
  public static boolean isOfficial(CooperaUser user, String iso3) {
    return user != null
        && (user.hasRoleForState(Role.STATE_COORDINATOR, iso3)
            || user.hasRoleForState(Role.STATE_FOCAL_POINT, iso3));
  }

  /** The States this person speaks for as coordinator or focal point. */
  public static List<String> statesOf(CooperaUser user) {
    if (user == null) {
      return List.of();
    }
    return user.grants().stream()
        .filter(g -> g.role() == Role.STATE_COORDINATOR || g.role() == Role.STATE_FOCAL_POINT)
        .map(Grant::stateIso3)
        .filter(s -> s != null)
        .distinct()
        .toList();
  }

  /** Who sees contacts: signed-in State officials, agency officers, administrators. */
  public static boolean seesContacts(CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.AGENCY_OFFICER)
            || user.hasRole(Role.STATE_COORDINATOR)
            || user.hasRole(Role.STATE_FOCAL_POINT));
  }

  public Practice create(
      String stateIso3, PracticeDraft draft, Attachment evidence, CooperaUser user) {
    String iso3 = stateIso3 == null ? "" : stateIso3.strip().toUpperCase(Locale.ROOT);
    if (!isOfficial(user, iso3)) {
      throw new AccessDeniedException("Only the State's officials draft its practices");
    }
    Checked c = check(iso3, draft);
    UUID file = store(evidence, user);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into practice (id, state_iso3, title, what_done, context, forms, results,
              evidence_file_id, challenges, contact, themes, created_by, created_at, updated_at,
              original_language)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            iso3,
            c.title(),
            c.whatDone(),
            c.context(),
            c.forms(),
            c.results(),
            file,
            c.challenges(),
            c.contact(),
            c.themes(),
            user.accountId(),
            now,
            now,
            c.language())
        .update();
    links(id, c);
    return find(id, user);
  }

  public Practice update(
      UUID id, long version, PracticeDraft draft, Attachment evidence, CooperaUser user) {
    Practice current = find(id, user);
    if (!isOfficial(user, current.stateIso3())) {
      throw new AccessDeniedException("Only the State's officials change its practices");
    }
    if (!current.editable()) {
      throw new PracticeRefused("exchange.error.not-editable", current);
    }
    Checked c = check(current.stateIso3(), draft);
    UUID file = store(evidence, user);
    int changed =
        jdbc.sql(
                """
                update practice set title = ?, what_done = ?, context = ?, forms = ?, results = ?,
                  evidence_file_id = coalesce(?, evidence_file_id), challenges = ?, contact = ?,
                  themes = ?, original_language = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status in ('DRAFT', 'RETURNED')
                """)
            .params(
                c.title(),
                c.whatDone(),
                c.context(),
                c.forms(),
                c.results(),
                file,
                c.challenges(),
                c.contact(),
                c.themes(),
                c.language(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new PracticeRefused("exchange.error.stale", current);
    }
    jdbc.sql("delete from practice_project where practice_id = ?").param(id).update();
    jdbc.sql("delete from practice_recommendation where practice_id = ?").param(id).update();
    links(id, c);
    return find(id, user);
  }

  /** The State's coordinator submits the practice for moderation. */
  public Practice submit(UUID id, long version, CooperaUser user) {
    Practice current = find(id, user);
    if (!user.hasRoleForState(Role.STATE_COORDINATOR, current.stateIso3())) {
      throw new AccessDeniedException("Only the State's coordinator submits its practices");
    }
    step(current, version, "status = 'SUBMITTED', return_comment = null", "('DRAFT', 'RETURNED')");
    for (UUID admin : accounts.holdersOf(Role.ADMINISTRATOR)) {
      notifications.notify(
          admin,
          new Notifications.Notice(
              "exchange.notice.submitted",
              List.of(current.stateName(), current.title()),
              "/practices/" + id));
    }
    return find(id, user);
  }

  /** An administrator publishes a submitted practice. */
  public Practice approve(UUID id, long version, CooperaUser user) {
    requireAdministrator(user);
    Practice current = find(id, user);
    int changed =
        jdbc.sql(
                "update practice set status = 'PUBLISHED', published_at = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ? and status = 'SUBMITTED'")
            .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id, version)
            .update();
    if (changed == 0) {
      throw new PracticeRefused(refusal(current, version), current);
    }
    tellState(current, "exchange.notice.published");
    return find(id, user);
  }

  /** An administrator returns a submitted practice to its State, saying why. */
  public Practice returnToState(UUID id, long version, String comment, CooperaUser user) {
    requireAdministrator(user);
    Practice current = find(id, user);
    String why = clean(comment);
    if (why == null) {
      throw new InvalidInputException("exchange.error.comment-required", "comment");
    }
    int changed =
        jdbc.sql(
                "update practice set status = 'RETURNED', return_comment = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ? and status = 'SUBMITTED'")
            .params(why, Timestamp.from(clock.instant()), id, version)
            .update();
    if (changed == 0) {
      throw new PracticeRefused(refusal(current, version), current);
    }
    tellState(current, "exchange.notice.returned");
    return find(id, user);
  }

  /**
   * Another State's official comments or asks a question; the author State's official answers a
   * question.
   */
  public Comment comment(UUID id, String kind, UUID answers, String text, CooperaUser user) {
    Practice practice = find(id, user);
    if (!practice.published()) {
      throw new PracticeRefused("exchange.error.not-published", practice);
    }
    String body = clean(text);
    if (body == null) {
      throw new InvalidInputException("exchange.error.text", "text");
    }
    if (body.length() > 5000) {
      throw new InvalidInputException("exchange.error.text-length", "text", 5000);
    }
    String state;
    if ("ANSWER".equals(kind)) {
      if (!isOfficial(user, practice.stateIso3())) {
        throw new AccessDeniedException("Only the author State answers");
      }
      boolean question =
          answers != null
              && practice.comments().stream()
                  .anyMatch(c -> c.id().equals(answers) && c.kind().equals("QUESTION"));
      if (!question) {
        throw new InvalidInputException("exchange.error.question", "answers");
      }
      state = practice.stateIso3();
    } else if ("COMMENT".equals(kind) || "QUESTION".equals(kind)) {
      state = otherState(practice, user);
    } else {
      throw new InvalidInputException("exchange.error.kind", "kind");
    }
    UUID commentId = UUID.randomUUID();
    jdbc.sql(
            """
            insert into practice_comment (id, practice_id, state_iso3, author_id, kind, answers_id,
              text, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            commentId,
            id,
            state,
            user.accountId(),
            kind,
            "ANSWER".equals(kind) ? answers : null,
            body,
            Timestamp.from(clock.instant()))
        .update();
    if (!"ANSWER".equals(kind)) {
      tellState(practice, "exchange.notice.feedback");
    }
    return find(id, user).comments().stream()
        .filter(c -> c.id().equals(commentId))
        .findFirst()
        .orElseThrow();
  }

  /** Another State says it adopted the practice (once), or takes that back. */
  public Practice adopt(UUID id, boolean adopted, CooperaUser user) {
    Practice practice = find(id, user);
    if (!practice.published()) {
      throw new PracticeRefused("exchange.error.not-published", practice);
    }
    String state = otherState(practice, user);
    if (adopted) {
      jdbc.sql(
              "insert into practice_adoption (practice_id, state_iso3, adopted_by, adopted_at)"
                  + " values (?, ?, ?, ?) on conflict do nothing")
          .params(id, state, user.accountId(), Timestamp.from(clock.instant()))
          .update();
    } else {
      jdbc.sql("delete from practice_adoption where practice_id = ? and state_iso3 = ?")
          .params(id, state)
          .update();
    }
    return find(id, user);
  }

  /**
   * Writes the practice's version in another language: its State's officials and administrators, at
   * any status (a translation does not change what the State reported).
   *
   * @param expectedVersion the version of that language's text read, null for a new one
   */
  public Practice putVersion(
      UUID id, String language, Map<String, String> typed, Long expectedVersion, CooperaUser user) {
    Practice current = find(id, user);
    mayTranslate(current, user);
    Map<String, String> fields =
        ContentVersions.checked(VERSION_FIELDS, language, current.originalLanguage(), typed);
    versions.put(SUBJECT, id, language, fields, expectedVersion, user.accountId());
    return find(id, user);
  }

  /** Removes the practice's version in a language, from the version read. */
  public Practice removeVersion(UUID id, String language, long expectedVersion, CooperaUser user) {
    Practice current = find(id, user);
    mayTranslate(current, user);
    versions.remove(SUBJECT, id, language, expectedVersion);
    return find(id, user);
  }

  /** Who writes a practice's versions in other languages. */
  public static boolean mayTranslate(CooperaUser user, String iso3) {
    return user != null && (user.isAdministrator() || isOfficial(user, iso3));
  }

  private static void mayTranslate(Practice practice, CooperaUser user) {
    if (!mayTranslate(user, practice.stateIso3())) {
      throw new AccessDeniedException(
          "Only the State's officials and administrators write versions of its practices");
    }
  }

  /**
   * A practice as this person may see it: published, or any of their State's, or any for admins.
   */
  @Transactional(readOnly = true)
  public Practice find(UUID id, CooperaUser user) {
    Practice p = id == null ? null : load(id, seesContacts(user));
    if (p == null
        || !(p.published()
            || isOfficial(user, p.stateIso3())
            || (user != null && user.isAdministrator()))) {
      throw new PracticeNotFound(id);
    }
    return p;
  }

  /** The evidence file of a practice this person may see. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile evidence(UUID id, CooperaUser user) {
    Practice p = find(id, user);
    if (p.evidence() == null) {
      throw new PracticeNotFound(id);
    }
    return files.find(p.evidence().fileId()).orElseThrow(() -> new PracticeNotFound(id));
  }

  @Transactional(readOnly = true)
  public byte[] content(StoredFiles.StoredFile file) {
    return files.content(file.id());
  }

  /** The published practices that match, latest first (best match first with words). */
  @Transactional(readOnly = true)
  public ListPage<Summary> search(Filter filter, PageParameters paging) {
    List<String> where = new ArrayList<>(List.of("p.status = 'PUBLISHED'"));
    Map<String, Object> params = new HashMap<>();
    String q = clean(filter.q());
    if (q != null) {
      params.put("q", q);
      where.add(
          "(p.search @@ websearch_to_tsquery('simple', :q) or "
              + ContentVersions.matches(SUBJECT, "p.id", "q")
              + ")");
    }
    if (clean(filter.theme()) != null) {
      params.put("theme", clean(filter.theme()));
      where.add(":theme = any(p.themes)");
    }
    if (clean(filter.form()) != null) {
      params.put("form", clean(filter.form()));
      where.add(":form = any(p.forms)");
    }
    if (clean(filter.region()) != null) {
      params.put("region", clean(filter.region()));
      where.add(":region in (s.region_code, s.sub_region_code, s.intermediate_region_code)");
    }
    String from =
        " from practice p join state s on s.iso3 = p.state_iso3 where "
            + String.join(" and ", where);
    long total = jdbc.sql("select count(*)" + from).params(params).query(Long.class).single();
    params.put("limit", paging.size());
    params.put("offset", paging.offset());
    List<Summary> items =
        jdbc.sql(
                "select p.id, p.state_iso3, s.name, p.title, p.forms, p.themes, p.published_at,"
                    + " (select count(*) from practice_adoption a where a.practice_id = p.id)"
                    + " as adoptions, p.original_language"
                    + from
                    + " order by "
                    + (q == null
                        ? ""
                        : "ts_rank(p.search, websearch_to_tsquery('simple', :q)) desc, ")
                    + "p.published_at desc, p.title limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) ->
                    new Summary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()),
                        List.of((String[]) rs.getArray(6).getArray()),
                        rs.getTimestamp(7).toInstant(),
                        rs.getInt(8),
                        rs.getString(9)))
            .list();
    return new ListPage<>(total, paging.page(), paging.size(), inReadersLanguage(items));
  }

  /** The titles of a page of practices in the reader's language where a version has one. */
  private List<Summary> inReadersLanguage(List<Summary> items) {
    String reader = LanguageNames.current();
    Map<UUID, Map<String, ContentVersions.Version>> all =
        versions.of(SUBJECT, items.stream().map(Summary::id).toList());
    return items.stream()
        .map(
            s -> {
              ContentVersions.Version v = all.getOrDefault(s.id(), Map.of()).get(reader);
              if (v == null || v.field("title").isEmpty() || reader.equals(s.titleLanguage())) {
                return s;
              }
              return new Summary(
                  s.id(),
                  s.stateIso3(),
                  s.stateName(),
                  v.field("title"),
                  s.forms(),
                  s.themes(),
                  s.publishedAt(),
                  s.adoptions(),
                  reader);
            })
        .toList();
  }

  /** The practices of the person's States, whatever their status; for administrators, submitted. */
  @Transactional(readOnly = true)
  public List<Practice> workList(CooperaUser user) {
    List<UUID> ids =
        user != null && user.isAdministrator()
            ? jdbc.sql("select id from practice where status = 'SUBMITTED' order by updated_at")
                .query(UUID.class)
                .list()
            : jdbc.sql("select id from practice where state_iso3 = any(?) order by updated_at desc")
                .param(statesOf(user).toArray(String[]::new))
                .query(UUID.class)
                .list();
    return ids.stream().map(id -> load(id, true)).toList();
  }

  private String otherState(Practice practice, CooperaUser user) {
    List<String> states =
        statesOf(user).stream().filter(s -> !s.equals(practice.stateIso3())).toList();
    if (states.isEmpty()) {
      throw new AccessDeniedException("Officials of other States give feedback");
    }
    return states.get(0);
  }

  private void step(Practice current, long version, String set, String from) {
    int changed =
        jdbc.sql(
                "update practice set "
                    + set
                    + ", updated_at = ?, version = version + 1 where id = ? and version = ?"
                    + " and status in "
                    + from)
            .params(Timestamp.from(clock.instant()), current.id(), version)
            .update();
    if (changed == 0) {
      throw new PracticeRefused(refusal(current, version), current);
    }
  }

  private static String refusal(Practice current, long version) {
    return current.version() != version ? "exchange.error.stale" : "exchange.error.status";
  }

  private void tellState(Practice practice, String key) {
    for (AccountNames.StateOfficial official : accounts.officialsOf(practice.stateIso3())) {
      notifications.notify(
          official.id(),
          new Notifications.Notice(key, List.of(practice.title()), "/practices/" + practice.id()));
    }
  }

  private static void requireAdministrator(CooperaUser user) {
    if (user == null || !user.isAdministrator()) {
      throw new AccessDeniedException("Administrators moderate practices");
    }
  }

  private UUID store(Attachment evidence, CooperaUser user) {
    if (evidence == null || evidence.content() == null || evidence.content().length == 0) {
      return null;
    }
    return files.store(evidence.fileName(), evidence.content(), user.accountId()).id();
  }

  private void links(UUID id, Checked c) {
    for (UUID project : c.projects()) {
      jdbc.sql("insert into practice_project (practice_id, project_id) values (?, ?)")
          .params(id, project)
          .update();
    }
    for (UUID recommendation : c.recommendations()) {
      jdbc.sql("insert into practice_recommendation (practice_id, recommendation_id) values (?, ?)")
          .params(id, recommendation)
          .update();
    }
  }

  private record Checked(
      String title,
      String whatDone,
      String context,
      String[] forms,
      String results,
      String challenges,
      String contact,
      String[] themes,
      Set<UUID> projects,
      Set<UUID> recommendations,
      String language) {}

  private Checked check(String iso3, PracticeDraft d) {
    String title = clean(d.title());
    if (title == null) {
      throw new InvalidInputException("exchange.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("exchange.error.title-length", "title", 300);
    }
    String whatDone = clean(d.whatDone());
    if (whatDone == null) {
      throw new InvalidInputException("exchange.error.what-done", "whatDone");
    }
    String language = clean(d.language()) == null ? LanguageNames.current() : d.language().strip();
    if (!LanguageNames.isLanguage(language)) {
      throw new InvalidInputException("versions.error.language", "language");
    }
    Set<String> forms = new LinkedHashSet<>();
    for (String f : d.forms() == null ? List.<String>of() : d.forms()) {
      if (clean(f) == null) {
        continue;
      }
      if (!FORMS.contains(f.strip())) {
        throw new InvalidInputException("exchange.error.form", "forms", f);
      }
      forms.add(f.strip());
    }
    Set<String> themes = new LinkedHashSet<>();
    for (String t : d.themes() == null ? List.<String>of() : d.themes()) {
      if (clean(t) == null) {
        continue;
      }
      if (reference.themes().stream().noneMatch(x -> x.code().equals(t.strip()))) {
        throw new InvalidInputException("exchange.error.theme", "themes", t);
      }
      themes.add(t.strip());
    }
    Set<UUID> projectIds = new LinkedHashSet<>();
    for (UUID p : d.projects() == null ? List.<UUID>of() : d.projects()) {
      if (p == null) {
        continue;
      }
      var found = projects.project(p);
      if (found.isEmpty() || !found.get().stateIso3().equals(iso3)) {
        throw new InvalidInputException("exchange.error.project", "projects");
      }
      projectIds.add(p);
    }
    Set<UUID> recommendationIds = new LinkedHashSet<>();
    for (String r : d.recommendations() == null ? List.<String>of() : d.recommendations()) {
      String code = clean(r);
      if (code == null) {
        continue;
      }
      var found = recommendations.recommendation(code);
      if (found.isEmpty() || !found.get().stateIso3().equals(iso3)) {
        throw new InvalidInputException("exchange.error.recommendation", "recommendations", code);
      }
      recommendationIds.add(found.get().id());
    }
    return new Checked(
        title,
        whatDone,
        clean(d.context()),
        forms.toArray(String[]::new),
        clean(d.results()),
        clean(d.challenges()),
        clean(d.contact()),
        themes.toArray(String[]::new),
        projectIds,
        recommendationIds,
        language);
  }

  private Practice load(UUID id, boolean withContact) {
    List<ProjectLookup.ProjectRef> linkedProjects =
        jdbc
            .sql("select project_id from practice_project where practice_id = ?")
            .param(id)
            .query(UUID.class)
            .list()
            .stream()
            .map(projects::project)
            .flatMap(java.util.Optional::stream)
            .filter(ProjectLookup.ProjectRef::published)
            .toList();
    List<RecommendationLookup.RecommendationRef> linkedRecommendations =
        List.copyOf(
            recommendations
                .recommendations(
                    jdbc.sql(
                            "select recommendation_id from practice_recommendation"
                                + " where practice_id = ?")
                        .param(id)
                        .query(UUID.class)
                        .list())
                .values());
    List<Comment> comments =
        jdbc.sql(
                """
                select c.id, c.state_iso3, s.name, c.kind, c.answers_id, c.text, c.created_at
                from practice_comment c join state s on s.iso3 = c.state_iso3
                where c.practice_id = ? order by c.created_at, c.id
                """)
            .param(id)
            .query(
                (rs, n) ->
                    new Comment(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
            .list();
    List<String> adopted = new ArrayList<>();
    List<String> adopters = new ArrayList<>();
    jdbc.sql(
            "select s.name, s.iso3 from practice_adoption a join state s on s.iso3 = a.state_iso3"
                + " where a.practice_id = ? order by s.name")
        .param(id)
        .query(
            rs -> {
              adopted.add(rs.getString(1));
              adopters.add(rs.getString(2));
            });
    return jdbc.sql(
            """
            select p.*, s.name as state_name, f.file_name, f.size
            from practice p join state s on s.iso3 = p.state_iso3
            left join stored_file f on f.id = p.evidence_file_id
            where p.id = ?
            """)
        .param(id)
        .query(
            (rs, n) -> {
              UUID file = rs.getObject("evidence_file_id", UUID.class);
              Timestamp published = rs.getTimestamp("published_at");
              return new Practice(
                  rs.getObject("id", UUID.class),
                  rs.getString("state_iso3"),
                  rs.getString("state_name"),
                  rs.getString("title"),
                  rs.getString("what_done"),
                  rs.getString("context"),
                  List.of((String[]) rs.getArray("forms").getArray()),
                  rs.getString("results"),
                  file == null
                      ? null
                      : new Evidence(file, rs.getString("file_name"), rs.getLong("size")),
                  rs.getString("challenges"),
                  withContact ? rs.getString("contact") : null,
                  List.of((String[]) rs.getArray("themes").getArray()),
                  rs.getString("status"),
                  rs.getString("return_comment"),
                  published == null ? null : published.toInstant(),
                  linkedProjects,
                  linkedRecommendations,
                  comments,
                  adopted,
                  adopters,
                  rs.getString("original_language"),
                  versions.of(SUBJECT, id),
                  rs.getLong("version"));
            })
        .optional()
        .orElse(null);
  }

  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }
}
