package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.recommendations.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry read by other modules, in a few queries whatever the number asked. */
@Service
@Transactional(readOnly = true)
class JdbcRecommendationLookup implements RecommendationLookup {

  private static final String SELECT =
      """
      select r.id, r.code, r.state_iso3, r.mechanism_code, r.upr_cycle, r.year, r.response,
             r.cluster_id, t.text
      from recommendation r
      join recommendation_text t on t.recommendation_id = r.id and t.language = r.original_language
      """;

  private final JdbcClient jdbc;

  JdbcRecommendationLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<RecommendationRef> recommendation(String code) {
    return select("where r.code = :code", Map.of("code", code == null ? "" : code.strip())).stream()
        .findFirst();
  }

  @Override
  public Map<UUID, RecommendationRef> recommendations(Collection<UUID> ids) {
    Map<UUID, RecommendationRef> found = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      select("where r.id in (:ids)", Map.of("ids", List.copyOf(ids)))
          .forEach(r -> found.put(r.id(), r));
    }
    return found;
  }

  @Override
  public Optional<ClusterRef> cluster(UUID id) {
    return Optional.ofNullable(clusters(List.of(id)).get(id));
  }

  @Override
  public Map<UUID, ClusterRef> clusters(Collection<UUID> ids) {
    Map<UUID, ClusterRef> found = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    List<UUID> asked = List.copyOf(ids);
    Map<UUID, List<RecommendationRef>> members = new HashMap<>();
    select("where r.cluster_id in (:ids) order by r.code", Map.of("ids", asked))
        .forEach(r -> members.computeIfAbsent(r.clusterId(), k -> new ArrayList<>()).add(r));
    jdbc.sql("select id, state_iso3, label, status from recommendation_cluster where id in (:ids)")
        .param("ids", asked)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              found.put(
                  id,
                  new ClusterRef(
                      id,
                      rs.getString("state_iso3"),
                      rs.getString("label"),
                      "ACCEPTED".equals(rs.getString("status")),
                      members.getOrDefault(id, List.of())));
            });
    return found;
  }

  @Override
  public List<ClusterRef> acceptedClusters(String stateIso3) {
    List<UUID> ids =
        jdbc.sql(
                "select id from recommendation_cluster where state_iso3 = ? and status = 'ACCEPTED'")
            .param(stateIso3 == null ? "" : stateIso3)
            .query(UUID.class)
            .list();
    return clusters(ids).values().stream()
        .sorted(
            java.util.Comparator.comparing(
                    (ClusterRef c) -> c.label() == null ? "" : c.label(),
                    String.CASE_INSENSITIVE_ORDER)
                .thenComparing(c -> c.id().toString()))
        .toList();
  }

  @Override
  public List<RecommendationRef> ofReview(String stateIso3, String mechanism, Integer uprCycle) {
    if ("UPR".equals(mechanism)) {
      return select(
          "where r.state_iso3 = :state and r.mechanism_code = 'UPR' and r.upr_cycle = :cycle"
              + " order by r.code",
          Map.of("state", stateIso3, "cycle", uprCycle == null ? -1 : uprCycle));
    }
    return select(
        "where r.state_iso3 = :state and r.mechanism_code = :mechanism order by r.code",
        Map.of("state", stateIso3, "mechanism", mechanism == null ? "" : mechanism));
  }

  @Override
  public Map<String, Integer> countsOfDocuments(
      String stateIso3, Collection<String> documentSymbols) {
    if (documentSymbols.isEmpty()) {
      return Map.of();
    }
    Map<String, Integer> counts = new java.util.HashMap<>();
    jdbc.sql(
            """
            select document_symbol, count(*) from recommendation
            where state_iso3 = ? and document_symbol = any(cast(? as text[]))
            group by document_symbol
            """)
        .params(stateIso3, documentSymbols.toArray(String[]::new))
        .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
        .list();
    return counts;
  }

  @Override
  public List<ReviewRef> reviewsOf(String stateIso3) {
    return jdbc.sql(
            """
            select mechanism_code, case when mechanism_code = 'UPR' then upr_cycle end as cycle,
                   count(*) as n
            from recommendation where state_iso3 = ?
            group by 1, 2
            order by (mechanism_code = 'UPR') desc, cycle desc nulls last, mechanism_code
            """)
        .param(stateIso3)
        .query(
            (rs, n) -> new ReviewRef(rs.getString(1), rs.getObject(2, Integer.class), rs.getInt(3)))
        .list();
  }

  private List<RecommendationRef> select(String where, Map<String, ?> params) {
    record Row(
        UUID id,
        String code,
        String state,
        String mechanism,
        Integer cycle,
        int year,
        Response response,
        UUID cluster,
        String text) {}
    List<Row> rows =
        jdbc.sql(SELECT + where)
            .params(params)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("state_iso3"),
                        rs.getString("mechanism_code"),
                        rs.getObject("upr_cycle", Integer.class),
                        rs.getInt("year"),
                        Response.valueOf(rs.getString("response")),
                        rs.getObject("cluster_id", UUID.class),
                        rs.getString("text")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<String>> themes = new HashMap<>();
    Map<UUID, List<String>> sdgs = new HashMap<>();
    jdbc.sql(
            """
            select recommendation_id, kind, code from recommendation_tag
            where kind in ('THEME', 'SDG') and status = 'CONFIRMED' and recommendation_id in (:ids)
            order by code
            """)
        .param("ids", rows.stream().map(Row::id).toList())
        .query(
            rs -> {
              var tags = "THEME".equals(rs.getString(2)) ? themes : sdgs;
              tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getString(3));
            });
    return rows.stream()
        .map(
            r ->
                new RecommendationRef(
                    r.id(),
                    r.code(),
                    r.state(),
                    r.mechanism(),
                    r.cycle(),
                    r.year(),
                    r.text(),
                    r.response(),
                    r.cluster(),
                    themes.getOrDefault(r.id(), List.of()),
                    sdgs.getOrDefault(r.id(), List.of())))
        .toList();
  }
}
