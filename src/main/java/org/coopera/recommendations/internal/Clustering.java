package org.coopera.recommendations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.ClusterDissolved;
import org.coopera.recommendations.ClusterMerged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clusters of a State's similar recommendations: proposed by the machine ({@link Clusterer}, over
 * the recommendations not in an accepted cluster), accepted, split and merged by the State's
 * curators. Changes name the cluster version the person saw; a stale one is refused.
 */
@Service
@Transactional
public class Clustering {

  private final ClusterRepository clusters;
  private final RecommendationRepository recommendations;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Clustering(
      ClusterRepository clusters,
      RecommendationRepository recommendations,
      JdbcClient jdbc,
      Clock clock,
      ApplicationEventPublisher events) {
    this.clusters = clusters;
    this.recommendations = recommendations;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  /** A cluster and its members, for the page that shows them side by side. */
  public record ClusterView(RecommendationCluster cluster, List<RecommendationDetail> members) {}

  /** One line of a State's list of clusters. */
  public record ClusterSummary(
      UUID id,
      long version,
      String label,
      String status,
      int size,
      double cohesion,
      String representative) {}

  /** What a proposal did. */
  public record Proposal(int clusters, int clustered, int considered)
      implements java.io.Serializable {}

  /**
   * Proposes clusters anew for a State: the proposed clusters are dissolved and the machine groups
   * the recommendations that no accepted cluster holds.
   */
  public Proposal propose(String stateIso3, CooperaUser user) {
    requireCurator(user, stateIso3);
    return proposeFor(stateIso3);
  }

  /** The same, for the application itself (demo data, after an import). */
  public Proposal proposeFor(String stateIso3) {
    Instant now = clock.instant();
    List<RecommendationCluster> proposed =
        clusters.findByStateIso3AndStatus(stateIso3, RecommendationCluster.Status.PROPOSED);
    Set<UUID> dissolved = new java.util.HashSet<>();
    proposed.forEach(c -> dissolved.add(c.id()));
    List<Recommendation> all = recommendations.findByStateIso3OrderByYearAscCodeAsc(stateIso3);
    List<ClusterInput> inputs = new ArrayList<>();
    Map<String, Recommendation> byId = new HashMap<>();
    for (Recommendation r : all) {
      if (r.clusterId() != null && dissolved.contains(r.clusterId())) {
        r.joinCluster(null, now);
      }
      if (r.clusterId() == null) {
        String key = r.uprSession() != null ? "S" + r.uprSession() : String.valueOf(r.year());
        inputs.add(new ClusterInput(r.id().toString(), r.originalText(), key));
        byId.put(r.id().toString(), r);
      }
    }
    recommendations.flush();
    clusters.deleteAll(proposed);
    clusters.flush();
    int clustered = 0;
    List<Cluster> found = new Clusterer().cluster(inputs);
    for (Cluster c : found) {
      Recommendation representative = byId.get(c.representativeId());
      RecommendationCluster cluster =
          clusters.save(
              new RecommendationCluster(
                  stateIso3,
                  label(representative.originalText()),
                  c.cohesion(),
                  RecommendationCluster.Status.PROPOSED,
                  now));
      for (String id : c.ids()) {
        byId.get(id).joinCluster(cluster.id(), now);
        clustered++;
      }
    }
    return new Proposal(found.size(), clustered, inputs.size());
  }

  public void accept(UUID id, long version, CooperaUser user) {
    RecommendationCluster cluster = editable(id, version, user);
    cluster.accept(clock.instant());
  }

  /** The chosen members leave the cluster; a cluster left with fewer than two is dissolved. */
  public void split(UUID id, long version, List<String> codes, CooperaUser user) {
    RecommendationCluster cluster = editable(id, version, user);
    if (codes == null || codes.isEmpty()) {
      throw new InvalidInputException("clusters.error.choose-members", "codes");
    }
    Instant now = clock.instant();
    List<Recommendation> members = recommendations.findByClusterIdOrderByCodeAsc(id);
    List<Recommendation> leaving = members.stream().filter(r -> codes.contains(r.code())).toList();
    if (leaving.isEmpty() || leaving.size() == members.size()) {
      throw new InvalidInputException("clusters.error.split-all", "codes");
    }
    if (leaving.size() >= 2) {
      RecommendationCluster other =
          clusters.save(
              new RecommendationCluster(
                  cluster.stateIso3(),
                  label(leaving.get(0).originalText()),
                  0,
                  cluster.status(),
                  now));
      leaving.forEach(r -> r.joinCluster(other.id(), now));
    } else {
      leaving.forEach(r -> r.joinCluster(null, now));
    }
    if (members.size() - leaving.size() < 2) {
      members.forEach(r -> r.joinCluster(null, now));
      recommendations.flush();
      events.publishEvent(new ClusterDissolved(cluster.id(), cluster.stateIso3(), cluster.label()));
      clusters.delete(cluster);
    } else {
      cluster.touch(now);
    }
  }

  /**
   * The members of {@code other} join {@code id}; {@code other} is dissolved. Both clusters must be
   * as the person saw them: a change to either since refuses the merge.
   */
  public void merge(UUID id, long version, UUID other, long otherVersion, CooperaUser user) {
    RecommendationCluster cluster = editable(id, version, user);
    RecommendationCluster absorbed =
        clusters
            .findById(other)
            .orElseThrow(() -> new InvalidInputException("clusters.error.not-found", "other"));
    if (absorbed.version() != otherVersion) {
      throw new InvalidInputException("clusters.error.stale", null);
    }
    if (!absorbed.stateIso3().equals(cluster.stateIso3()) || absorbed.id().equals(cluster.id())) {
      throw new InvalidInputException("clusters.error.merge-other-state", "other");
    }
    Instant now = clock.instant();
    recommendations
        .findByClusterIdOrderByCodeAsc(other)
        .forEach(r -> r.joinCluster(cluster.id(), now));
    recommendations.flush();
    events.publishEvent(
        new ClusterMerged(absorbed.id(), cluster.id(), cluster.stateIso3(), absorbed.label()));
    clusters.delete(absorbed);
    cluster.touch(now);
  }

  @Transactional(readOnly = true)
  public java.util.Optional<ClusterView> view(UUID id) {
    return clusters
        .findById(id)
        .map(
            c -> {
              List<Recommendation> members = recommendations.findByClusterIdOrderByCodeAsc(id);
              return new ClusterView(
                  c,
                  members.stream().map(r -> RecommendationDetail.of(r, members.size())).toList());
            });
  }

  @Transactional(readOnly = true)
  public List<ClusterSummary> summaries(String stateIso3) {
    return jdbc.sql(
            """
            select c.id, c.version, c.label, c.status, count(r.id) as size, coalesce(c.cohesion, 0) as cohesion,
                   min(r.code) as representative
            from recommendation_cluster c join recommendation r on r.cluster_id = c.id
            where c.state_iso3 = ?
            group by c.id order by count(r.id) desc, c.label
            """)
        .param(stateIso3)
        .query(
            (rs, n) ->
                new ClusterSummary(
                    rs.getObject("id", UUID.class),
                    rs.getLong("version"),
                    rs.getString("label"),
                    rs.getString("status"),
                    rs.getInt("size"),
                    rs.getDouble("cohesion"),
                    rs.getString("representative")))
        .list();
  }

  private RecommendationCluster editable(UUID id, long version, CooperaUser user) {
    RecommendationCluster cluster =
        clusters
            .findById(id)
            .orElseThrow(() -> new InvalidInputException("clusters.error.not-found", null));
    requireCurator(user, cluster.stateIso3());
    if (cluster.version() != version) {
      throw new InvalidInputException("clusters.error.stale", null);
    }
    return cluster;
  }

  private static void requireCurator(CooperaUser user, String stateIso3) {
    if (!Curators.mayCurate(user, stateIso3)) {
      throw new AccessDeniedException(
          "Only the State's coordinators and focal points curate clusters");
    }
  }

  private static String label(String text) {
    String t = text.strip();
    return t.length() <= 140 ? t : t.substring(0, 137).strip() + "…";
  }
}
