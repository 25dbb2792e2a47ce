package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.Assignments.Assignment;
import org.coopera.implementation.internal.Assignments.InstitutionRef;
import org.coopera.platform.LanguageNames;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a State has published of its follow-up, for anyone to read. An assignment is public once one
 * of its progress updates is published; nothing else of the workspace shows: an action's public
 * status is that of its latest published update (not started without one), an indicator's values
 * are those of published updates, and only published narratives and their evidence are listed.
 */
@Service
@Transactional(readOnly = true)
public class PublicImplementation {

  private final JdbcClient jdbc;
  private final Assignments assignments;

  PublicImplementation(JdbcClient jdbc, Assignments assignments) {
    this.jdbc = jdbc;
    this.assignments = assignments;
  }

  /** A State that has published something: how many assignments and updates, and when last. */
  public record PublishingState(
      String iso3, long assignments, long updates, Instant lastPublished) {}

  /** A public assignment with what has been published of it. */
  public record PublicAssignment(
      UUID id,
      String stateIso3,
      String subjectLabel,
      boolean cluster,
      List<RecommendationRef> recommendations,
      InstitutionRef lead,
      List<InstitutionRef> supporting,
      ImplementationStatus status,
      List<String> themes,
      List<PublicAction> actions,
      List<PublishedUpdate> updates,
      List<PublicIndicator> indicators,
      Instant lastPublished) {

    /** The recommendations' codes, comma-separated. */
    public String codes() {
      return String.join(", ", recommendations.stream().map(RecommendationRef::code).toList());
    }

    /** The latest published update, or null. */
    public PublishedUpdate latest() {
      return updates.isEmpty() ? null : updates.get(0);
    }
  }

  /**
   * An action as the public sees it: its title, and the status of its latest published update.
   *
   * @param reported whether any update on it has been published
   */
  public record PublicAction(
      UUID id,
      String title,
      String institutionName,
      ImplementationStatus status,
      boolean reported,
      String titleLanguage) {}

  /** A published update: narrative, status, value for its period, evidence. */
  public record PublishedUpdate(
      UUID id,
      String subjectTitle,
      boolean onIndicator,
      ImplementationStatus status,
      String narrative,
      LocalDate periodEnd,
      BigDecimal value,
      Instant publishedAt,
      List<EvidenceFile> evidence,
      String narrativeLanguage) {}

  /** An evidence file of a published update. */
  public record EvidenceFile(UUID id, String fileName, long size) {}

  /** An indicator with the values of its published updates, by period. */
  public record PublicIndicator(
      UUID id,
      String name,
      boolean quantitative,
      String unit,
      BigDecimal baselineValue,
      BigDecimal targetValue,
      LocalDate targetDate,
      List<PublishedValue> values) {}

  /** A published value of an indicator for the period ending on that date. */
  public record PublishedValue(
      LocalDate periodEnd, BigDecimal value, ImplementationStatus status) {}

  /** The States that have published at least one update, by code. */
  public List<PublishingState> states() {
    return jdbc.sql(
            """
            select state_iso3, count(distinct assignment_id), count(*), max(published_at)
            from progress_update where review = 'PUBLISHED'
            group by state_iso3 order by state_iso3
            """)
        .query(
            (rs, n) ->
                new PublishingState(
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** What this State has published, or empty when nothing. */
  public Optional<PublishingState> summary(String stateIso3) {
    PublishingState found =
        jdbc.sql(
                """
                select count(distinct assignment_id), count(*), max(published_at)
                from progress_update where review = 'PUBLISHED' and state_iso3 = ?
                """)
            .param(stateIso3)
            .query(
                (rs, n) ->
                    new PublishingState(
                        stateIso3, rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3))))
            .single();
    return found.updates() == 0 ? Optional.empty() : Optional.of(found);
  }

  /** The public assignments of a State, most recently published first. */
  public List<PublicAssignment> of(String stateIso3) {
    Set<UUID> published =
        new LinkedHashSet<>(
            jdbc.sql(
                    "select distinct assignment_id from progress_update"
                        + " where state_iso3 = ? and review = 'PUBLISHED'")
                .param(stateIso3)
                .query(UUID.class)
                .list());
    if (published.isEmpty()) {
      return List.of();
    }
    List<Assignment> found =
        assignments.allOf(stateIso3).stream().filter(a -> published.contains(a.id())).toList();
    List<PublicAssignment> list = new ArrayList<>(enrich(found));
    list.sort(
        java.util.Comparator.comparing(PublicAssignment::lastPublished)
            .reversed()
            .thenComparing(PublicAssignment::subjectLabel));
    return list;
  }

  /** One public assignment of this State, or empty when it has published nothing of it. */
  public Optional<PublicAssignment> get(String stateIso3, UUID id) {
    return assignments
        .load(id)
        .filter(a -> a.stateIso3().equals(stateIso3))
        .flatMap(a -> enrich(List.of(a)).stream().findFirst());
  }

  /** Whether this assignment of this State has a published update. */
  public boolean isPublic(String stateIso3, UUID assignmentId) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                "select exists (select 1 from progress_update where state_iso3 = ?"
                    + " and assignment_id = ? and review = 'PUBLISHED')")
            .params(stateIso3, assignmentId)
            .query(Boolean.class)
            .single());
  }

  private List<PublicAssignment> enrich(List<Assignment> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = found.stream().map(Assignment::id).toList();
    Map<UUID, List<PublishedUpdate>> updates = new HashMap<>();
    Map<UUID, List<PublishedValue>> values = new HashMap<>();
    Map<UUID, Instant> last = new HashMap<>();
    Map<UUID, List<EvidenceFile>> evidence = evidence(ids);
    jdbc.sql(
            """
            select u.id, u.assignment_id, u.indicator_id,
                   coalesce(nullif(av.fields->>'title', ''), a.title, i.name) as subject,
                   u.status, coalesce(nullif(uv.fields->>'narrative', ''), u.narrative) as narrative,
                   case when nullif(uv.fields->>'narrative', '') is null then u.original_language
                        else uv.language end as narrative_language,
                   u.period_end, u.measured_value, u.published_at
            from progress_update u
            left join implementation_action a on a.id = u.action_id
            left join indicator i on i.id = u.indicator_id
            left join content_version uv on uv.subject = 'progress_update'
                and uv.subject_id = u.id and uv.language = :reader
            left join content_version av on av.subject = 'implementation_action'
                and av.subject_id = a.id and av.language = :reader
            where u.review = 'PUBLISHED' and u.assignment_id in (:ids)
            order by u.published_at desc, u.created_at desc
            """)
        .param("ids", ids)
        .param("reader", LanguageNames.current())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              UUID assignment = rs.getObject("assignment_id", UUID.class);
              UUID indicator = rs.getObject("indicator_id", UUID.class);
              ImplementationStatus status = ImplementationStatus.valueOf(rs.getString("status"));
              LocalDate period = Assignments.localDate(rs, "period_end");
              BigDecimal value = plain(rs.getBigDecimal("measured_value"));
              Instant at = rs.getTimestamp("published_at").toInstant();
              updates
                  .computeIfAbsent(assignment, k -> new ArrayList<>())
                  .add(
                      new PublishedUpdate(
                          id,
                          rs.getString("subject"),
                          indicator != null,
                          status,
                          rs.getString("narrative"),
                          period,
                          value,
                          at,
                          evidence.getOrDefault(id, List.of()),
                          rs.getString("narrative_language")));
              last.merge(assignment, at, (x, y) -> x.isAfter(y) ? x : y);
              if (indicator != null) {
                values
                    .computeIfAbsent(indicator, k -> new ArrayList<>())
                    .add(new PublishedValue(period, value, status));
              }
            });
    Map<UUID, List<PublicAction>> actions = actions(ids);
    Map<UUID, List<PublicIndicator>> indicators = indicators(ids, values);
    List<PublicAssignment> list = new ArrayList<>();
    for (Assignment a : found) {
      if (!updates.containsKey(a.id())) {
        continue;
      }
      List<PublicAction> ofAssignment = actions.getOrDefault(a.id(), List.of());
      Set<String> themes = new LinkedHashSet<>();
      a.recommendations().forEach(r -> themes.addAll(r.themes()));
      list.add(
          new PublicAssignment(
              a.id(),
              a.stateIso3(),
              a.subjectLabel(),
              a.isCluster(),
              a.recommendations(),
              a.lead(),
              a.supporting(),
              ImplementationStatus.rollUp(ofAssignment.stream().map(PublicAction::status).toList()),
              List.copyOf(themes),
              ofAssignment,
              updates.get(a.id()),
              indicators.getOrDefault(a.id(), List.of()),
              last.get(a.id())));
    }
    return list;
  }

  private Map<UUID, List<EvidenceFile>> evidence(Collection<UUID> assignmentIds) {
    Map<UUID, List<EvidenceFile>> evidence = new HashMap<>();
    jdbc.sql(
            """
            select e.update_id, f.id, f.file_name, f.size
            from progress_evidence e
            join progress_update u on u.id = e.update_id
            join stored_file f on f.id = e.file_id
            where u.review = 'PUBLISHED' and u.assignment_id in (:ids)
            order by f.file_name
            """)
        .param("ids", assignmentIds)
        .query(
            rs -> {
              evidence
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new EvidenceFile(
                          rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4)));
            });
    return evidence;
  }

  /** Every action, with the status of its latest published update (not started without one). */
  private Map<UUID, List<PublicAction>> actions(Collection<UUID> assignmentIds) {
    Map<UUID, List<PublicAction>> actions = new HashMap<>();
    jdbc.sql(
            """
            select a.id, a.assignment_id, coalesce(nullif(v.fields->>'title', ''), a.title) as title,
                   case when nullif(v.fields->>'title', '') is null then a.original_language
                        else v.language end as title_language,
                   i.name as institution, p.status
            from implementation_action a
            join institution i on i.id = a.institution_id
            left join content_version v on v.subject = 'implementation_action'
                and v.subject_id = a.id and v.language = :reader
            left join lateral (
                select u.status from progress_update u
                where u.action_id = a.id and u.review = 'PUBLISHED'
                order by u.published_at desc, u.created_at desc limit 1) p on true
            where a.assignment_id in (:ids)
            order by a.due_date, a.title
            """)
        .param("ids", assignmentIds)
        .param("reader", LanguageNames.current())
        .query(
            rs -> {
              String status = rs.getString("status");
              actions
                  .computeIfAbsent(
                      rs.getObject("assignment_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new PublicAction(
                          rs.getObject("id", UUID.class),
                          rs.getString("title"),
                          rs.getString("institution"),
                          status == null
                              ? ImplementationStatus.NOT_STARTED
                              : ImplementationStatus.valueOf(status),
                          status != null,
                          rs.getString("title_language")));
            });
    return actions;
  }

  /** The indicators that have a published value, with those values, latest period first. */
  private Map<UUID, List<PublicIndicator>> indicators(
      Collection<UUID> assignmentIds, Map<UUID, List<PublishedValue>> values) {
    Map<UUID, List<PublicIndicator>> indicators = new HashMap<>();
    if (values.isEmpty()) {
      return indicators;
    }
    jdbc.sql(
            """
            select id, assignment_id, kind, name, unit, baseline_value, target_value, target_date
            from indicator where assignment_id in (:ids) and id in (:indicators) order by name
            """)
        .param("ids", assignmentIds)
        .param("indicators", values.keySet())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              List<PublishedValue> byPeriod = new ArrayList<>();
              Set<LocalDate> seen = new java.util.HashSet<>();
              // the updates come latest first: keep the latest published one of each period
              for (PublishedValue v : values.get(id)) {
                if (v.periodEnd() == null || seen.add(v.periodEnd())) {
                  byPeriod.add(v);
                }
              }
              // latest period first
              byPeriod.sort(
                  java.util.Comparator.comparing(
                          PublishedValue::periodEnd,
                          java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                      .reversed());
              indicators
                  .computeIfAbsent(
                      rs.getObject("assignment_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new PublicIndicator(
                          id,
                          rs.getString("name"),
                          "QUANTITATIVE".equals(rs.getString("kind")),
                          rs.getString("unit"),
                          plain(rs.getBigDecimal("baseline_value")),
                          plain(rs.getBigDecimal("target_value")),
                          Assignments.localDate(rs, "target_date"),
                          byPeriod));
            });
    return indicators;
  }

  static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
