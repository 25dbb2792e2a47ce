package org.coopera.implementation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.ClusterDissolved;
import org.coopera.recommendations.ClusterMerged;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.recommendations.RecommendationLookup.ClusterRef;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.coopera.reference.ReferenceData;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who carries out a recommendation, or an accepted cluster of them: a lead institution, supporting
 * ones, a target date and a priority, set by the State's coordinator. The State's officials see
 * them; the coordinators and the focal points of the institutions concerned work on them. When a
 * cluster is merged into another, its assignment follows it (or is flagged when the other already
 * has one); when a cluster is dissolved its assignment is kept and flagged for the coordinator.
 */
@Service
@Transactional
public class Assignments {

  private final JdbcClient jdbc;
  private final RecommendationLookup registry;
  private final ReferenceData reference;
  private final Clock clock;

  Assignments(
      JdbcClient jdbc, RecommendationLookup registry, ReferenceData reference, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.reference = reference;
    this.clock = clock;
  }

  /** Which way of working on recommendations comes first. */
  public enum Priority {
    HIGH,
    MEDIUM,
    LOW;

    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why an assignment no longer has the cluster it was made for. */
  public enum Flag {
    CLUSTER_DISSOLVED,
    CLUSTER_MERGED
  }

  /** An institution as an assignment names it. */
  public record InstitutionRef(UUID id, String name, String acronym) {}

  /**
   * An assignment with what it is about.
   *
   * @param recommendations the recommendation assigned, or the members of the cluster (empty when
   *     the cluster is gone)
   */
  public record Assignment(
      UUID id,
      String stateIso3,
      UUID recommendationId,
      UUID clusterId,
      String subjectLabel,
      List<RecommendationRef> recommendations,
      InstitutionRef lead,
      List<InstitutionRef> supporting,
      LocalDate targetDate,
      Priority priority,
      Flag flag,
      Instant updatedAt,
      long version) {

    public boolean isCluster() {
      return recommendationId == null;
    }

    /** The institutions working on it, the lead first. */
    public List<UUID> institutionIds() {
      List<UUID> ids = new ArrayList<>();
      ids.add(lead.id());
      supporting.forEach(s -> ids.add(s.id()));
      return ids;
    }
  }

  /**
   * What the coordinator typed.
   *
   * @param subject a recommendation's code, or {@code cluster:} and an accepted cluster's id
   */
  public record Draft(
      String subject, UUID lead, List<UUID> supporting, String targetDate, String priority) {}

  @Transactional(readOnly = true)
  public List<Assignment> list(String stateIso3, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return loadAll("a.state_iso3 = :v", iso3);
  }

  @Transactional(readOnly = true)
  public Assignment get(String stateIso3, UUID id, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return load(id)
        .filter(a -> a.stateIso3().equals(iso3))
        .orElseThrow(() -> new WorkspaceItemNotFound(id));
  }

  /** For the module's own services, which check the reader themselves. */
  @Transactional(readOnly = true)
  Optional<Assignment> load(UUID id) {
    return loadAll("a.id = :v", id).stream().findFirst();
  }

  /** The State an assignment belongs to. */
  @Transactional(readOnly = true)
  public Optional<String> stateOf(UUID id) {
    return jdbc.sql("select state_iso3 from assignment where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** Every assignment of a State, unchecked: for the public view and reports, which filter. */
  @Transactional(readOnly = true)
  List<Assignment> allOf(String stateIso3) {
    return loadAll("a.state_iso3 = :v", stateIso3);
  }

  public Assignment create(String stateIso3, Draft draft, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireEdit(user, iso3);
    Subject subject = subject(iso3, draft.subject());
    Checked checked = check(iso3, draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    try {
      jdbc.sql(
              """
              insert into assignment (id, state_iso3, recommendation_id, cluster_id, subject_label,
                                      lead_institution_id, target_date, priority, created_at, updated_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              iso3,
              subject.recommendationId(),
              subject.clusterId(),
              subject.label(),
              checked.lead(),
              checked.targetDate() == null ? null : Date.valueOf(checked.targetDate()),
              checked.priority().name(),
              now,
              now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException(
          "assignment.error.already-assigned", "subject", subject.label());
    }
    setSupporting(id, checked.supporting());
    return load(id).orElseThrow();
  }

  public Assignment update(String stateIso3, UUID id, long version, Draft draft, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireEdit(user, iso3);
    Assignment current =
        load(id)
            .filter(a -> a.stateIso3().equals(iso3))
            .orElseThrow(() -> new WorkspaceItemNotFound(id));
    Checked checked = check(iso3, draft);
    int changed =
        jdbc.sql(
                """
                update assignment set lead_institution_id = ?, target_date = ?, priority = ?,
                       updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                checked.lead(),
                checked.targetDate() == null ? null : Date.valueOf(checked.targetDate()),
                checked.priority().name(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(current);
    }
    setSupporting(id, checked.supporting());
    return load(id).orElseThrow();
  }

  /**
   * Whether this person works on the assignment: an administrator, a coordinator of its State, or a
   * focal point of its State named for one of its institutions.
   */
  @Transactional(readOnly = true)
  public boolean mayWork(CooperaUser user, Assignment assignment) {
    if (Workspace.mayEdit(user, assignment.stateIso3())) {
      return true;
    }
    if (user == null || !user.hasRoleForState(Role.STATE_FOCAL_POINT, assignment.stateIso3())) {
      return false;
    }
    return Boolean.TRUE.equals(
        jdbc.sql(
                "select exists (select 1 from institution_focal_point"
                    + " where account_id = :account and institution_id in (:ids))")
            .param("account", user.accountId())
            .param("ids", assignment.institutionIds())
            .query(Boolean.class)
            .single());
  }

  void requireWork(CooperaUser user, Assignment assignment) {
    if (!mayWork(user, assignment)) {
      throw new AccessDeniedException(
          "Only the State's coordinators and the focal points of the institutions concerned");
    }
  }

  /** The recommendations and accepted clusters of the State not yet assigned, for the form. */
  @Transactional(readOnly = true)
  public List<Choice> unassigned(String stateIso3, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    List<Choice> choices = new ArrayList<>();
    jdbc.sql(
            """
            select c.id, c.label, count(r.id) as size from recommendation_cluster c
            join recommendation r on r.cluster_id = c.id
            where c.state_iso3 = ? and c.status = 'ACCEPTED'
              and not exists (select 1 from assignment a where a.cluster_id = c.id)
            group by c.id, c.label order by c.label
            """)
        .param(iso3)
        .query(
            rs -> {
              choices.add(
                  new Choice(
                      "cluster:" + rs.getObject("id", UUID.class),
                      rs.getString("label"),
                      rs.getInt("size")));
            });
    jdbc.sql(
            """
            select r.code from recommendation r
            left join recommendation_cluster c on c.id = r.cluster_id and c.status = 'ACCEPTED'
            where r.state_iso3 = ? and c.id is null
              and not exists (select 1 from assignment a where a.recommendation_id = r.id)
            order by r.year desc, r.code
            """)
        .param(iso3)
        .query(
            rs -> {
              choices.add(new Choice(rs.getString(1), rs.getString(1), 1));
            });
    return choices;
  }

  /** A recommendation or cluster that may be assigned: its form value and its label. */
  public record Choice(String value, String label, int size) {}

  // --- the registry's changes to clusters ---

  @EventListener
  void on(ClusterMerged merged) {
    Timestamp now = Timestamp.from(clock.instant());
    boolean intoAssigned =
        Boolean.TRUE.equals(
            jdbc.sql("select exists (select 1 from assignment where cluster_id = ?)")
                .param(merged.intoId())
                .query(Boolean.class)
                .single());
    if (intoAssigned) {
      jdbc.sql(
              "update assignment set cluster_id = null, flag = 'CLUSTER_MERGED', updated_at = ?,"
                  + " version = version + 1 where cluster_id = ?")
          .params(now, merged.absorbedId())
          .update();
    } else {
      jdbc.sql(
              "update assignment set cluster_id = ?, updated_at = ?, version = version + 1"
                  + " where cluster_id = ?")
          .params(merged.intoId(), now, merged.absorbedId())
          .update();
    }
  }

  @EventListener
  void on(ClusterDissolved dissolved) {
    jdbc.sql(
            "update assignment set cluster_id = null, flag = 'CLUSTER_DISSOLVED', updated_at = ?,"
                + " version = version + 1 where cluster_id = ?")
        .params(Timestamp.from(clock.instant()), dissolved.clusterId())
        .update();
  }

  // --- checks ---

  private record Subject(UUID recommendationId, UUID clusterId, String label) {}

  private Subject subject(String iso3, String typed) {
    String value = WorkspaceDates.text(typed);
    if (value == null) {
      throw new InvalidInputException("assignment.error.subject", "subject");
    }
    if (value.startsWith("cluster:")) {
      UUID id;
      try {
        id = UUID.fromString(value.substring("cluster:".length()));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("assignment.error.subject", "subject");
      }
      ClusterRef cluster =
          registry
              .cluster(id)
              .filter(c -> c.stateIso3().equals(iso3))
              .orElseThrow(() -> new InvalidInputException("assignment.error.subject", "subject"));
      if (!cluster.accepted()) {
        throw new InvalidInputException("assignment.error.cluster-not-accepted", "subject");
      }
      return new Subject(null, id, cluster.label());
    }
    RecommendationRef recommendation =
        registry
            .recommendation(value)
            .filter(r -> r.stateIso3().equals(iso3))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "assignment.error.no-recommendation", "subject", value));
    if (recommendation.clusterId() != null
        && registry.cluster(recommendation.clusterId()).map(ClusterRef::accepted).orElse(false)) {
      throw new InvalidInputException(
          "assignment.error.in-cluster", "subject", recommendation.code());
    }
    return new Subject(recommendation.id(), null, recommendation.code());
  }

  private record Checked(
      UUID lead, Set<UUID> supporting, LocalDate targetDate, Priority priority) {}

  private Checked check(String iso3, Draft draft) {
    Set<UUID> ofState =
        new LinkedHashSet<>(
            jdbc.sql("select id from institution where state_iso3 = ? and active")
                .param(iso3)
                .query(UUID.class)
                .list());
    if (draft.lead() == null || !ofState.contains(draft.lead())) {
      throw new InvalidInputException("assignment.error.lead", "lead");
    }
    Set<UUID> supporting = new LinkedHashSet<>();
    for (UUID s : draft.supporting() == null ? List.<UUID>of() : draft.supporting()) {
      if (!ofState.contains(s)) {
        throw new InvalidInputException("assignment.error.supporting", "supporting");
      }
      if (!s.equals(draft.lead())) {
        supporting.add(s);
      }
    }
    LocalDate target = WorkspaceDates.date(draft.targetDate(), "targetDate");
    Priority priority =
        java.util.Arrays.stream(Priority.values())
            .filter(
                p ->
                    draft.priority() != null
                        && p.apiName().equalsIgnoreCase(draft.priority().strip()))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("assignment.error.priority", "priority"));
    return new Checked(draft.lead(), supporting, target, priority);
  }

  private void setSupporting(UUID id, Set<UUID> supporting) {
    jdbc.sql(
            "delete from assignment_supporting where assignment_id = :id"
                + (supporting.isEmpty() ? "" : " and institution_id not in (:keep)"))
        .param("id", id)
        .param("keep", supporting.isEmpty() ? List.of(id) : List.copyOf(supporting))
        .update();
    for (UUID s : supporting) {
      jdbc.sql(
              "insert into assignment_supporting (assignment_id, institution_id) values (?, ?)"
                  + " on conflict do nothing")
          .params(id, s)
          .update();
    }
  }

  private List<Assignment> loadAll(String condition, Object value) {
    record Row(
        UUID id,
        String state,
        UUID recommendation,
        UUID cluster,
        String label,
        UUID lead,
        LocalDate target,
        Priority priority,
        Flag flag,
        Instant updatedAt,
        long version) {}
    List<Row> rows =
        jdbc.sql(
                "select a.* from assignment a where "
                    + condition
                    + " order by case a.priority when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end,"
                    + " a.subject_label")
            .param("v", value)
            .query(
                (ResultSet rs, int n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state_iso3"),
                        rs.getObject("recommendation_id", UUID.class),
                        rs.getObject("cluster_id", UUID.class),
                        rs.getString("subject_label"),
                        rs.getObject("lead_institution_id", UUID.class),
                        localDate(rs, "target_date"),
                        Priority.valueOf(rs.getString("priority")),
                        rs.getString("flag") == null ? null : Flag.valueOf(rs.getString("flag")),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(Row::id).toList();
    Map<UUID, List<UUID>> supporting = new HashMap<>();
    jdbc.sql(
            "select s.assignment_id, s.institution_id from assignment_supporting s"
                + " join institution i on i.id = s.institution_id"
                + " where s.assignment_id in (:ids) order by lower(i.name)")
        .param("ids", ids)
        .query(
            rs -> {
              supporting
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    Map<UUID, InstitutionRef> institutions = new HashMap<>();
    jdbc.sql("select id, name, acronym from institution where state_iso3 in (:states)")
        .param("states", rows.stream().map(Row::state).distinct().toList())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              institutions.put(
                  id, new InstitutionRef(id, rs.getString("name"), rs.getString("acronym")));
            });
    Map<UUID, RecommendationRef> recommendations =
        registry.recommendations(
            rows.stream().map(Row::recommendation).filter(java.util.Objects::nonNull).toList());
    Map<UUID, ClusterRef> clusters =
        registry.clusters(
            rows.stream().map(Row::cluster).filter(java.util.Objects::nonNull).toList());
    List<Assignment> found = new ArrayList<>();
    for (Row r : rows) {
      List<RecommendationRef> subject;
      if (r.recommendation() != null) {
        subject =
            recommendations.containsKey(r.recommendation())
                ? List.of(recommendations.get(r.recommendation()))
                : List.of();
      } else if (r.cluster() != null && clusters.containsKey(r.cluster())) {
        subject = clusters.get(r.cluster()).members();
      } else {
        subject = List.of();
      }
      found.add(
          new Assignment(
              r.id(),
              r.state(),
              r.recommendation(),
              r.cluster(),
              r.cluster() != null && clusters.containsKey(r.cluster())
                  ? clusters.get(r.cluster()).label()
                  : r.label(),
              subject,
              institutions.get(r.lead()),
              supporting.getOrDefault(r.id(), List.of()).stream().map(institutions::get).toList(),
              r.target(),
              r.priority(),
              r.flag(),
              r.updatedAt(),
              r.version()));
    }
    return found;
  }

  static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private String state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference
        .findState(code)
        .orElseThrow(() -> new Institutions.WorkspaceNotFound(code))
        .iso3();
  }
}
