package org.coopera.recommendations.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecommendationRepository extends JpaRepository<Recommendation, UUID> {

  Optional<Recommendation> findByCode(String code);

  @Query("select r.contentKey from Recommendation r where r.contentKey in :keys")
  List<String> existingContentKeys(Collection<String> keys);

  @Query("select r.code from Recommendation r where r.code in :codes")
  List<String> existingCodes(Collection<String> codes);

  List<Recommendation> findByStateIso3OrderByYearAscCodeAsc(String stateIso3);

  List<Recommendation> findByClusterIdOrderByCodeAsc(UUID clusterId);

  int countByClusterId(UUID clusterId);
}
