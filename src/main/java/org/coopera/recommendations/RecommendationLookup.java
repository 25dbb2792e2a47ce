package org.coopera.recommendations;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may read of the registry: a recommendation or a cluster by its identity, the
 * recommendations of a review, and the names of themes. Read-only; the registry's own pages and
 * services do the curating.
 */
public interface RecommendationLookup {

  Optional<RecommendationRef> recommendation(String code);

  Map<UUID, RecommendationRef> recommendations(Collection<UUID> ids);

  /** A cluster with its members, whatever its status. */
  Optional<ClusterRef> cluster(UUID id);

  Map<UUID, ClusterRef> clusters(Collection<UUID> ids);

  /** A State's accepted clusters (its own grouping of its recommendations), by label. */
  List<ClusterRef> acceptedClusters(String stateIso3);

  /**
   * The recommendations made to a State in one review: by the UPR in a cycle ({@code mechanism}
   * {@code UPR} and the cycle), or by a treaty body (its mechanism code, cycle ignored); by code.
   */
  List<RecommendationRef> ofReview(String stateIso3, String mechanism, Integer uprCycle);

  /**
   * The reviews a State has recommendations from: each UPR cycle, and each treaty body or special
   * procedure (cycle null), with how many recommendations; UPR cycles first, latest first.
   */
  List<ReviewRef> reviewsOf(String stateIso3);

  /**
   * How many of a State's recommendations come from each of these documents, such as the concluding
   * observations {@code CEDAW/C/SEN/CO/8}; a document with none is absent.
   */
  Map<String, Integer> countsOfDocuments(String stateIso3, Collection<String> documentSymbols);

  /** A review of a State and the number of its recommendations in the registry. */
  record ReviewRef(String mechanismCode, Integer uprCycle, int recommendations) {}

  /**
   * A recommendation as other modules see it: its original text, confirmed themes and confirmed SDG
   * goals and targets ({@code 16}, {@code 16.3}).
   */
  record RecommendationRef(
      UUID id,
      String code,
      String stateIso3,
      String mechanismCode,
      Integer uprCycle,
      int year,
      String text,
      Response response,
      UUID clusterId,
      List<String> themes,
      List<String> sdgs) {}

  /** A cluster of a State's recommendations; only an accepted one is the State's own grouping. */
  record ClusterRef(
      UUID id, String stateIso3, String label, boolean accepted, List<RecommendationRef> members) {}
}
