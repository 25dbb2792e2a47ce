package org.coopera.capacity.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.ContentVersions;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.LanguageNames;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.StoredFiles;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The resource library of the capacity-building portal. Administrators, agency officers and
 * trainers describe resources (kind, treaty or theme, audience) and upload their files, PDF or
 * Word, one per language, each new upload of a language a new version; the text of every file is
 * extracted and searched with the titles. The public reads published resources, the latest version
 * of each language and the earlier ones; unpublished ones are not found by anyone else.
 */
@Service
@Transactional
public class Library {

  public static final List<String> KINDS =
      List.of("MANUAL", "GUIDE", "TRAINING_MODULE", "FACILITATOR_GUIDE", "E_LEARNING", "OTHER");
  public static final List<String> AUDIENCES =
      List.of("STATE_OFFICIALS", "TRAINERS", "NHRI", "CIVIL_SOCIETY", "EVERYONE");
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  /** The subject of a resource's versions in other languages. */
  public static final String SUBJECT = "library_resource";

  /** The texts a resource's version in another language carries. */
  public static final List<ContentVersions.Field> VERSION_FIELDS =
      List.of(
          new ContentVersions.Field("title", "library.field.title", false, true, 300),
          new ContentVersions.Field("summary", "library.field.summary", true, false, 20_000));

  private static final String MARK_START = "\u0001";
  private static final String MARK_END = "\u0002";

  private final JdbcClient jdbc;
  private final StoredFiles files;
  private final ReferenceData reference;
  private final ContentVersions versions;
  private final Clock clock;

  Library(
      JdbcClient jdbc,
      StoredFiles files,
      ReferenceData reference,
      ContentVersions versions,
      Clock clock) {
    this.jdbc = jdbc;
    this.files = files;
    this.reference = reference;
    this.versions = versions;
    this.clock = clock;
  }

  /** A resource with its files, every version, newest first within each language. */
  public record Resource(
      UUID id,
      String title,
      String kind,
      String summary,
      String treatyCode,
      String themeCode,
      String audience,
      boolean published,
      Instant updatedAt,
      long version,
      List<FileVersion> files,
      String originalLanguage,
      Map<String, ContentVersions.Version> versions) {

    /** The texts as written, by the names of {@link #VERSION_FIELDS}. */
    public Map<String, String> originalTexts() {
      Map<String, String> texts = new LinkedHashMap<>();
      texts.put("title", title);
      texts.put("summary", summary);
      return texts;
    }

    /** The texts a reader of this language is shown, and in which language. */
    public ContentVersions.Shown shown(String readerLanguage) {
      return ContentVersions.shown(readerLanguage, originalLanguage, originalTexts(), versions);
    }

    /** The latest version of each language, in the order of {@link #LANGUAGES}. */
    public List<FileVersion> current() {
      return files.stream().filter(FileVersion::current).toList();
    }

    /** The earlier versions of a language. */
    public List<FileVersion> earlier(String language) {
      return files.stream().filter(f -> f.language().equals(language) && !f.current()).toList();
    }
  }

  /** One uploaded file of a resource. */
  public record FileVersion(
      UUID id,
      String language,
      int versionNo,
      String fileName,
      String mediaType,
      long size,
      Integer pages,
      String note,
      Instant uploadedAt,
      boolean current) {}

  /** What a manager typed. */
  public record ResourceDraft(
      String title,
      String kind,
      String summary,
      String treaty,
      String theme,
      String audience,
      String language) {}

  /** The catalogue's filters; all optional. */
  public record Filter(
      String q, String treaty, String theme, String audience, String language, String kind) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  /**
   * A resource found by the catalogue.
   *
   * @param snippet the passage that matches the words searched, HTML-escaped with the words in
   *     {@code <mark>}; null without a search
   */
  public record Hit(
      UUID id,
      String title,
      String kind,
      String treatyCode,
      String themeCode,
      String audience,
      boolean published,
      List<String> languages,
      String snippet,
      String titleLanguage) {}

  /** An edit made on a version that is no longer the current one. */
  public static class StaleResource extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Resource current;

    StaleResource(Resource current) {
      super("stale resource " + current.id());
      this.current = current;
    }

    public Resource current() {
      return current;
    }
  }

  /** A resource nobody, or not this person, may see. */
  public static class ResourceNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResourceNotFound(UUID id) {
      super("no resource " + id);
    }
  }

  /** Administrators, agency officers and trainers manage the library. */
  public static boolean mayManage(CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.AGENCY_OFFICER)
            || user.hasRole(Role.TRAINER));
  }

  public Resource create(ResourceDraft draft, CooperaUser user) {
    requireManager(user);
    Checked c = check(draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into library_resource (id, title, kind, summary, treaty_code, theme_code,
              audience, created_by, created_at, updated_at, original_language)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            c.title(),
            c.kind(),
            c.summary(),
            c.treaty(),
            c.theme(),
            c.audience(),
            user.accountId(),
            now,
            now,
            c.language())
        .update();
    return load(id);
  }

  public Resource update(UUID id, long version, ResourceDraft draft, CooperaUser user) {
    requireManager(user);
    Resource current = find(id, user);
    Checked c = check(draft);
    int changed =
        jdbc.sql(
                """
                update library_resource set title = ?, kind = ?, summary = ?, treaty_code = ?,
                  theme_code = ?, audience = ?, original_language = ?, updated_at = ?,
                  version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.title(),
                c.kind(),
                c.summary(),
                c.treaty(),
                c.theme(),
                c.audience(),
                c.language(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleResource(current);
    }
    return load(id);
  }

  /** Publishes or withdraws a resource; it must have a file to be published. */
  public Resource publish(UUID id, long version, boolean published, CooperaUser user) {
    requireManager(user);
    Resource current = find(id, user);
    if (published && current.files().isEmpty()) {
      throw new InvalidInputException("library.error.no-file", "published");
    }
    int changed =
        jdbc.sql(
                "update library_resource set published = ?, updated_at = ?, version = version + 1"
                    + " where id = ? and version = ?")
            .params(published, Timestamp.from(clock.instant()), id, version)
            .update();
    if (changed == 0) {
      throw new StaleResource(current);
    }
    return load(id);
  }

  /**
   * Uploads a file of a resource in a language: the next version of that language. Refused, with
   * nothing written, when it is not a PDF or Word document, is too large, carries active content or
   * cannot be read.
   */
  public FileVersion upload(
      UUID id, String language, String fileName, byte[] content, String note, CooperaUser user) {
    requireManager(user);
    Resource resource = find(id, user);
    String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(lang)) {
      throw new InvalidInputException("library.error.language", "language");
    }
    if (content == null || content.length == 0) {
      throw new InvalidInputException("library.error.file", "file");
    }
    if (content.length > files.maxSize()) {
      throw new InvalidInputException(
          "library.error.too-large", "file", files.maxSize() / (1024 * 1024));
    }
    StoredFiles.StoredFile stored = files.store(fileName, content, user.accountId());
    DocumentText.Extracted text = DocumentText.of(stored.mediaType(), content);
    jdbc.sql("select id from library_resource where id = ? for update")
        .param(id)
        .query()
        .listOfRows();
    int next =
        jdbc.sql(
                "select coalesce(max(version_no), 0) + 1 from library_file"
                    + " where resource_id = ? and language = ?")
            .params(resource.id(), lang)
            .query(Integer.class)
            .single();
    UUID fileVersion = UUID.randomUUID();
    jdbc.sql(
            """
            insert into library_file (id, resource_id, language, version_no, file_id, pages, text,
              note, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            fileVersion,
            id,
            lang,
            next,
            stored.id(),
            text.pages(),
            text.text(),
            clean(note),
            user.accountId(),
            Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("update library_resource set updated_at = ?, version = version + 1 where id = ?")
        .params(Timestamp.from(clock.instant()), id)
        .update();
    return load(id).files().stream()
        .filter(f -> f.id().equals(fileVersion))
        .findFirst()
        .orElseThrow();
  }

  /** A resource the person may see: published, or any for those who manage the library. */
  @Transactional(readOnly = true)
  public Resource find(UUID id, CooperaUser user) {
    Resource resource = id == null ? null : load(id);
    if (resource == null || !(resource.published() || mayManage(user))) {
      throw new ResourceNotFound(id);
    }
    return resource;
  }

  /** The stored file of a version of a resource the person may see. */
  @Transactional(readOnly = true)
  public StoredFiles.StoredFile file(UUID id, UUID fileVersion, CooperaUser user) {
    find(id, user);
    UUID fileId =
        jdbc.sql("select file_id from library_file where id = ? and resource_id = ?")
            .params(fileVersion, id)
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new ResourceNotFound(id));
    return files.find(fileId).orElseThrow(() -> new ResourceNotFound(id));
  }

  @Transactional(readOnly = true)
  public byte[] content(StoredFiles.StoredFile file) {
    return files.content(file.id());
  }

  /**
   * The catalogue: published resources (and the unpublished ones for managers), filtered, the words
   * searched in titles, summaries and the text of the latest version of each language, best match
   * first.
   */
  @Transactional(readOnly = true)
  public ListPage<Hit> search(Filter filter, PageParameters paging, CooperaUser user) {
    String q = clean(filter.q());
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (!mayManage(user)) {
      where.add("r.published");
    }
    add(where, params, "treaty", filter.treaty(), "r.treaty_code = :treaty");
    add(where, params, "theme", filter.theme(), "r.theme_code = :theme");
    add(where, params, "audience", filter.audience(), "r.audience = :audience");
    add(where, params, "kind", filter.kind(), "r.kind = :kind");
    add(
        where,
        params,
        "language",
        filter.language(),
        "exists (select 1 from library_file f where f.resource_id = r.id"
            + " and f.language = :language)");
    String current =
        """
        (select f.* from library_file f where f.resource_id = r.id and f.version_no =
          (select max(version_no) from library_file g where g.resource_id = r.id
             and g.language = f.language))
        """;
    if (q != null) {
      params.put("q", q);
      where.add(
          "(to_tsvector('simple', r.title || ' ' || coalesce(r.summary, ''))"
              + " @@ websearch_to_tsquery('simple', :q) or exists (select 1 from "
              + current
              + " c where c.search @@ websearch_to_tsquery('simple', :q)) or "
              + ContentVersions.matches(SUBJECT, "r.id", "q")
              + ")");
    }
    String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    long total =
        jdbc.sql("select count(*) from library_resource r" + condition)
            .params(params)
            .query(Long.class)
            .single();
    String rank =
        q == null
            ? "0"
            : "ts_rank(to_tsvector('simple', r.title || ' ' || coalesce(r.summary, '')),"
                + " websearch_to_tsquery('simple', :q)) * 2 + coalesce((select max(ts_rank(c.search,"
                + " websearch_to_tsquery('simple', :q))) from "
                + current
                + " c), 0)";
    String snippet =
        q == null
            ? "null"
            : "(select ts_headline('simple', c.text, websearch_to_tsquery('simple', :q),"
                + " 'StartSel="
                + MARK_START
                + ", StopSel="
                + MARK_END
                + ", MaxWords=30, MinWords=12, MaxFragments=1') from "
                + current
                + " c where c.search @@ websearch_to_tsquery('simple', :q)"
                + " order by ts_rank(c.search, websearch_to_tsquery('simple', :q)) desc limit 1)";
    params.put("limit", paging.size());
    params.put("offset", paging.offset());
    List<Hit> hits =
        jdbc.sql(
                "select r.id, r.title, r.kind, r.treaty_code, r.theme_code, r.audience,"
                    + " r.published, r.original_language, array(select distinct f.language from library_file f"
                    + " where f.resource_id = r.id order by 1) as languages, "
                    + snippet
                    + " as snippet, "
                    + rank
                    + " as rank from library_resource r"
                    + condition
                    + " order by rank desc, r.title limit :limit offset :offset")
            .params(params)
            .query(
                (rs, n) ->
                    new Hit(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("kind"),
                        rs.getString("treaty_code"),
                        rs.getString("theme_code"),
                        rs.getString("audience"),
                        rs.getBoolean("published"),
                        List.of((String[]) rs.getArray("languages").getArray()),
                        marked(rs.getString("snippet")),
                        rs.getString("original_language")))
            .list();
    return new ListPage<>(total, paging.page(), paging.size(), inReadersLanguage(hits));
  }

  /** The titles of a page of resources in the reader's language where a version has one. */
  private List<Hit> inReadersLanguage(List<Hit> hits) {
    String reader = LanguageNames.current();
    Map<UUID, Map<String, ContentVersions.Version>> all =
        versions.of(SUBJECT, hits.stream().map(Hit::id).toList());
    return hits.stream()
        .map(
            h -> {
              ContentVersions.Version v = all.getOrDefault(h.id(), Map.of()).get(reader);
              if (v == null || v.field("title").isEmpty() || reader.equals(h.titleLanguage())) {
                return h;
              }
              return new Hit(
                  h.id(),
                  v.field("title"),
                  h.kind(),
                  h.treatyCode(),
                  h.themeCode(),
                  h.audience(),
                  h.published(),
                  h.languages(),
                  h.snippet(),
                  reader);
            })
        .toList();
  }

  /**
   * Writes the resource's version in another language (those who manage the library).
   *
   * @param expectedVersion the version of that language's text read, null for a new one
   */
  public Resource putVersion(
      UUID id, String language, Map<String, String> typed, Long expectedVersion, CooperaUser user) {
    requireManager(user);
    Resource current = find(id, user);
    Map<String, String> fields =
        ContentVersions.checked(VERSION_FIELDS, language, current.originalLanguage(), typed);
    versions.put(SUBJECT, id, language, fields, expectedVersion, user.accountId());
    return load(id);
  }

  /** Removes the resource's version in a language, from the version read. */
  public Resource removeVersion(UUID id, String language, long expectedVersion, CooperaUser user) {
    requireManager(user);
    find(id, user);
    versions.remove(SUBJECT, id, language, expectedVersion);
    return load(id);
  }

  /** The passage with its matches in {@code <mark>}, everything else escaped. */
  static String marked(String headline) {
    if (headline == null) {
      return null;
    }
    return HtmlUtils.htmlEscape(headline.replaceAll("\\s+", " ").strip())
        .replace(MARK_START, "<mark>")
        .replace(MARK_END, "</mark>");
  }

  private static void add(
      List<String> where, Map<String, Object> params, String name, String value, String sql) {
    String v = clean(value);
    if (v != null) {
      params.put(name, v);
      where.add(sql);
    }
  }

  private Resource load(UUID id) {
    List<FileVersion> fileVersions =
        jdbc.sql(
                """
                select l.id, l.language, l.version_no, s.file_name, s.media_type, s.size, l.pages,
                       l.note, l.uploaded_at,
                       l.version_no = max(l.version_no) over (partition by l.language) as current
                from library_file l join stored_file s on s.id = l.file_id
                where l.resource_id = ?
                order by array_position(array['ar', 'zh', 'en', 'fr', 'ru', 'es'], l.language),
                         l.version_no desc
                """)
            .param(id)
            .query(
                (rs, n) ->
                    new FileVersion(
                        rs.getObject("id", UUID.class),
                        rs.getString("language"),
                        rs.getInt("version_no"),
                        rs.getString("file_name"),
                        rs.getString("media_type"),
                        rs.getLong("size"),
                        rs.getObject("pages", Integer.class),
                        rs.getString("note"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getBoolean("current")))
            .list();
    return jdbc.sql("select * from library_resource where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Resource(
                    rs.getObject("id", UUID.class),
                    rs.getString("title"),
                    rs.getString("kind"),
                    rs.getString("summary"),
                    rs.getString("treaty_code"),
                    rs.getString("theme_code"),
                    rs.getString("audience"),
                    rs.getBoolean("published"),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getLong("version"),
                    fileVersions,
                    rs.getString("original_language"),
                    versions.of(SUBJECT, id)))
        .optional()
        .orElse(null);
  }

  private record Checked(
      String title,
      String kind,
      String summary,
      String treaty,
      String theme,
      String audience,
      String language) {}

  private Checked check(ResourceDraft d) {
    String title = clean(d.title());
    if (title == null) {
      throw new InvalidInputException("library.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("library.error.title-length", "title", 300);
    }
    String kind = clean(d.kind());
    if (kind == null || !KINDS.contains(kind)) {
      throw new InvalidInputException("library.error.kind", "kind");
    }
    String audience = clean(d.audience());
    if (audience == null || !AUDIENCES.contains(audience)) {
      throw new InvalidInputException("library.error.audience", "audience");
    }
    String treaty = clean(d.treaty());
    if (treaty != null
        && reference.instruments().stream().noneMatch(i -> i.code().equals(treaty))) {
      throw new InvalidInputException("library.error.treaty", "treaty", treaty);
    }
    String theme = clean(d.theme());
    if (theme != null && reference.themes().stream().noneMatch(t -> t.code().equals(theme))) {
      throw new InvalidInputException("library.error.theme", "theme", theme);
    }
    String language = clean(d.language()) == null ? LanguageNames.current() : d.language().strip();
    if (!LanguageNames.isLanguage(language)) {
      throw new InvalidInputException("versions.error.language", "language");
    }
    return new Checked(title, kind, clean(d.summary()), treaty, theme, audience, language);
  }

  private static void requireManager(CooperaUser user) {
    if (!mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers only");
    }
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }
}
