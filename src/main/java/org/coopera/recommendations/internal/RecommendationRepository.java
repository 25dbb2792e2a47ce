package org.coopera.recommendations.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecommendationRepository extends JpaRepository<Recommendation, UUID> {

  Optional<Recommendation> findByCode(String code);

  List<Recommendation> findByStateIso3OrderByYearAscCodeAsc(String stateIso3);

  List<Recommendation> findByClusterIdOrderByCodeAsc(UUID clusterId);

  int countByClusterId(UUID clusterId);
}
