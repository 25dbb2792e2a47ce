package org.coopera.recommendations.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterRepository extends JpaRepository<RecommendationCluster, UUID> {

  List<RecommendationCluster> findByStateIso3AndStatus(
      String stateIso3, RecommendationCluster.Status status);
}
