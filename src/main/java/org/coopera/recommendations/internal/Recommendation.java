package org.coopera.recommendations.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.TagKind;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

/**
 * A recommendation or observation of a UN human rights mechanism to a State: its text in one or
 * more languages, where it comes from (UPR session, treaty body document and paragraph, special
 * procedure), the State's response, its tags and the cluster it belongs to. Indexed for search: the
 * field names are those of {@link SearchFields}.
 */
@Entity
@Table(name = "recommendation")
@Indexed(index = "recommendation")
public class Recommendation {

  @Id private UUID id;

  @KeywordField(projectable = Projectable.YES, sortable = Sortable.YES)
  @Column(nullable = false, unique = true)
  private String code;

  @Column(name = "content_key", nullable = false, unique = true)
  private String contentKey;

  @KeywordField(
      name = SearchFields.MECHANISM,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "mechanism_code", nullable = false)
  private String mechanismCode;

  @GenericField(
      name = SearchFields.SESSION,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "upr_session")
  private Integer uprSession;

  @GenericField(
      name = SearchFields.CYCLE,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "upr_cycle")
  private Integer uprCycle;

  @KeywordField(projectable = Projectable.YES)
  @Column(name = "document_symbol")
  private String documentSymbol;

  @KeywordField(projectable = Projectable.YES)
  private String paragraph;

  @Column(name = "issued_on")
  private LocalDate issuedOn;

  @GenericField(
      name = SearchFields.YEAR,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES,
      sortable = Sortable.YES)
  private int year;

  @KeywordField(
      name = SearchFields.STATE,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "state_iso3", nullable = false, length = 3)
  @JdbcTypeCode(SqlTypes.CHAR)
  private String stateIso3;

  @KeywordField(name = SearchFields.REGION, aggregable = Aggregable.YES)
  @Column(name = "region_code", nullable = false)
  private String regionCode;

  @KeywordField(projectable = Projectable.YES)
  @Column(name = "original_language", nullable = false)
  private String originalLanguage;

  @KeywordField(
      name = SearchFields.RESPONSE,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Response response;

  @Column(name = "response_comment")
  private String responseComment;

  @Column(name = "response_source")
  private String responseSource;

  @GenericField(
      name = SearchFields.ACTION_CATEGORY,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @Column(name = "action_category")
  private Integer actionCategory;

  @KeywordField(name = SearchFields.CLUSTER)
  @Column(name = "cluster_id")
  private UUID clusterId;

  @Column(name = "import_id")
  private UUID importId;

  private boolean demo;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @ElementCollection
  @CollectionTable(
      name = "recommendation_text",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @MapKeyColumn(name = "language")
  @Column(name = "text", nullable = false)
  @BatchSize(size = 100)
  private Map<String, String> texts = new LinkedHashMap<>();

  @KeywordField(
      name = SearchFields.RECOMMENDING_STATE,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @ElementCollection
  @CollectionTable(
      name = "recommendation_recommending_state",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @Column(name = "iso3", nullable = false, length = 3)
  @JdbcTypeCode(SqlTypes.CHAR)
  @BatchSize(size = 100)
  private Set<String> recommendingStates = new TreeSet<>();

  @ElementCollection
  @CollectionTable(
      name = "recommendation_tag",
      joinColumns = @JoinColumn(name = "recommendation_id"))
  @BatchSize(size = 100)
  private Set<Tag> tags = new LinkedHashSet<>();

  protected Recommendation() {}

  Recommendation(RecommendationDraft draft, String code, String regionCode, Instant now) {
    this.id = UUID.randomUUID();
    this.code = code;
    this.contentKey = draft.contentKey();
    this.mechanismCode = draft.mechanismCode();
    this.uprSession = draft.uprSession();
    this.uprCycle = draft.uprCycle();
    this.documentSymbol = draft.documentSymbol();
    this.paragraph = draft.paragraph();
    this.issuedOn = draft.issuedOn();
    this.year = draft.year();
    this.stateIso3 = draft.stateIso3();
    this.regionCode = regionCode;
    this.originalLanguage = draft.language();
    this.texts.put(draft.language(), draft.text());
    this.response = draft.response();
    this.responseComment = draft.responseComment();
    this.responseSource = draft.responseSource();
    this.actionCategory = draft.actionCategory();
    this.recommendingStates.addAll(draft.recommendingStates());
    this.importId = draft.importId();
    this.demo = draft.demo();
    for (RecommendationDraft.DraftTag tag : draft.tags()) {
      tags.add(
          new Tag(
              tag.kind(), tag.code(), Tag.Origin.IMPORT, Tag.Status.CONFIRMED, null, null, null));
    }
    this.createdAt = now;
    this.updatedAt = now;
  }

  // --- reading ---------------------------------------------------------------------------------

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  String contentKey() {
    return contentKey;
  }

  public String mechanismCode() {
    return mechanismCode;
  }

  public Integer uprSession() {
    return uprSession;
  }

  public Integer uprCycle() {
    return uprCycle;
  }

  public String documentSymbol() {
    return documentSymbol;
  }

  public String paragraph() {
    return paragraph;
  }

  public LocalDate issuedOn() {
    return issuedOn;
  }

  public int year() {
    return year;
  }

  public String stateIso3() {
    return stateIso3;
  }

  String regionCode() {
    return regionCode;
  }

  public String originalLanguage() {
    return originalLanguage;
  }

  public Map<String, String> texts() {
    return Map.copyOf(texts);
  }

  public String originalText() {
    return texts.get(originalLanguage);
  }

  /** The text in {@code language} when there is a version in it. */
  public Optional<String> text(String language) {
    return Optional.ofNullable(texts.get(language));
  }

  public Response response() {
    return response;
  }

  public String responseComment() {
    return responseComment;
  }

  public String responseSource() {
    return responseSource;
  }

  public Integer actionCategory() {
    return actionCategory;
  }

  public Set<String> recommendingStates() {
    return Set.copyOf(recommendingStates);
  }

  public List<Tag> tags() {
    return List.copyOf(tags);
  }

  public UUID clusterId() {
    return clusterId;
  }

  public UUID importId() {
    return importId;
  }

  public boolean demo() {
    return demo;
  }

  public long version() {
    return version;
  }

  Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  // --- changing ---------------------------------------------------------------------------------

  /** Adds or replaces the version of the text in {@code language}. */
  void putText(String language, String text, Instant now) {
    texts.put(language, text);
    updatedAt = now;
  }

  void respond(Response response, String comment, String source, Instant now) {
    this.response = response;
    this.responseComment = comment;
    this.responseSource = source;
    this.updatedAt = now;
  }

  void joinCluster(UUID clusterId, Instant now) {
    this.clusterId = clusterId;
    this.updatedAt = now;
  }

  /** A person sets a tag: it stands, whatever was there before. */
  void tag(TagKind kind, String code, UUID by, Instant now) {
    replaceTag(new Tag(kind, code, Tag.Origin.PERSON, Tag.Status.CONFIRMED, null, by, now));
    updatedAt = now;
  }

  /** A person removes a tag: it is kept as rejected so the machine does not suggest it again. */
  void untag(TagKind kind, String code, UUID by, Instant now) {
    Tag current = findTag(kind, code).orElse(null);
    if (current == null) {
      return;
    }
    replaceTag(
        new Tag(kind, code, current.origin(), Tag.Status.REJECTED, current.confidence(), by, now));
    updatedAt = now;
  }

  /** The machine suggests a tag, unless one with that code is already there in any state. */
  boolean suggest(TagKind kind, String code, float confidence) {
    if (findTag(kind, code).isPresent()) {
      return false;
    }
    tags.add(new Tag(kind, code, Tag.Origin.MACHINE, Tag.Status.SUGGESTED, confidence, null, null));
    return true;
  }

  /** A person confirms or rejects a machine suggestion. */
  void decideSuggestion(TagKind kind, String code, boolean accept, UUID by, Instant now) {
    Tag current =
        findTag(kind, code)
            .filter(t -> t.status() == Tag.Status.SUGGESTED)
            .orElseThrow(() -> new IllegalStateException("no suggestion " + kind + " " + code));
    replaceTag(
        new Tag(
            kind,
            code,
            Tag.Origin.MACHINE,
            accept ? Tag.Status.CONFIRMED : Tag.Status.REJECTED,
            current.confidence(),
            by,
            now));
    updatedAt = now;
  }

  /** Drops the machine's suggestions that no one decided yet (before new ones are made). */
  int dropOpenSuggestions() {
    int before = tags.size();
    tags.removeIf(t -> t.status() == Tag.Status.SUGGESTED);
    return before - tags.size();
  }

  private Optional<Tag> findTag(TagKind kind, String code) {
    return tags.stream().filter(t -> t.is(kind, code)).findFirst();
  }

  private void replaceTag(Tag tag) {
    tags.remove(tag);
    tags.add(tag);
  }

  // --- index fields derived from the tags and texts ---------------------------------------------

  @KeywordField(
      name = SearchFields.THEME,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "tags")))
  public List<String> getThemes() {
    return confirmed(TagKind.THEME);
  }

  @KeywordField(name = SearchFields.SDG_TARGET, aggregable = Aggregable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "tags")))
  public List<String> getSdgTargets() {
    return confirmed(TagKind.SDG).stream().filter(code -> code.contains(".")).toList();
  }

  /** The goals of the SDG tags: a tag on a target counts for its goal too. */
  @KeywordField(
      name = SearchFields.SDG_GOAL,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "tags")))
  public Collection<String> getSdgGoals() {
    Set<String> goals = new TreeSet<>();
    for (String code : confirmed(TagKind.SDG)) {
      int dot = code.indexOf('.');
      goals.add(dot < 0 ? code : code.substring(0, dot));
    }
    return goals;
  }

  @KeywordField(
      name = SearchFields.AFFECTED_GROUP,
      aggregable = Aggregable.YES,
      projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "tags")))
  public List<String> getAffectedGroups() {
    return confirmed(TagKind.AFFECTED_GROUP);
  }

  @KeywordField(name = SearchFields.LANGUAGE, aggregable = Aggregable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public Set<String> getLanguages() {
    return new TreeSet<>(texts.keySet());
  }

  @FullTextField(name = "text_en", analyzer = "en", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextEn() {
    return texts.get("en");
  }

  @FullTextField(name = "text_fr", analyzer = "fr", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextFr() {
    return texts.get("fr");
  }

  @FullTextField(name = "text_es", analyzer = "es", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextEs() {
    return texts.get("es");
  }

  @FullTextField(name = "text_ru", analyzer = "ru", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextRu() {
    return texts.get("ru");
  }

  @FullTextField(name = "text_ar", analyzer = "ar", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextAr() {
    return texts.get("ar");
  }

  @FullTextField(name = "text_zh", analyzer = "zh", projectable = Projectable.YES)
  @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")))
  public String getTextZh() {
    return texts.get("zh");
  }

  /** Versions in languages other than the six UN languages, searched without stemming. */
  @FullTextField(name = "text_other", analyzer = "other", projectable = Projectable.YES)
  @IndexingDependency(
      derivedFrom = @ObjectPath(@PropertyValue(propertyName = "texts")),
      reindexOnUpdate = ReindexOnUpdate.DEFAULT)
  public List<String> getOtherTexts() {
    List<String> other = new ArrayList<>();
    texts.forEach(
        (language, text) -> {
          if (!SearchFields.LANGUAGES.contains(language)) {
            other.add(text);
          }
        });
    return other;
  }

  /** The date results are sorted by: the date when known, else the first day of the year. */
  @GenericField(name = SearchFields.DATE, sortable = Sortable.YES, projectable = Projectable.YES)
  @IndexingDependency(
      derivedFrom = {
        @ObjectPath(@PropertyValue(propertyName = "issuedOn")),
        @ObjectPath(@PropertyValue(propertyName = "year"))
      })
  public LocalDate getSortDate() {
    return issuedOn != null ? issuedOn : LocalDate.of(year, 1, 1);
  }

  private List<String> confirmed(TagKind kind) {
    return tags.stream()
        .filter(t -> t.kind() == kind && t.confirmed())
        .map(Tag::code)
        .sorted()
        .toList();
  }
}
