package org.coopera.recommendations.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.coopera.recommendations.Response;
import org.coopera.reference.StateProfileSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recommendations part of a State's profile: those it received and those it made, by UPR cycle
 * (or mechanism, outside the UPR) and response, each as a chart with its data table.
 */
@Component
class RecommendationsProfileSection implements StateProfileSection {

  private final JdbcClient jdbc;

  RecommendationsProfileSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts by row (a cycle or a mechanism) and response, with totals. */
  record Table(List<Row> rows, Map<String, Long> totals, long total) {
    public boolean empty() {
      return total == 0;
    }
  }

  /**
   * One row: its label key and argument, and the count per response in the order of {@link
   * Response}.
   */
  record Row(String kind, String value, List<Long> counts, long total) {}

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Optional<Content> contentFor(String iso3) {
    Table received =
        table(
            """
            select coalesce('cycle:' || r.upr_cycle, 'mechanism:' || r.mechanism_code) as row_key,
                   r.response, count(*)
            from recommendation r where r.state_iso3 = ?
            group by 1, 2 order by 1
            """,
            iso3);
    Table made =
        table(
            """
            select coalesce('cycle:' || r.upr_cycle, 'mechanism:' || r.mechanism_code) as row_key,
                   r.response, count(*)
            from recommendation r
                join recommendation_recommending_state s on s.recommendation_id = r.id
            where s.iso3 = ?
            group by 1, 2 order by 1
            """,
            iso3);
    if (received.empty() && made.empty()) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("iso3", iso3);
    model.put("received", received);
    model.put("made", made);
    model.put("responses", List.of(Response.values()).stream().map(Response::apiName).toList());
    return Optional.of(
        new Content(
            "recommendations.profile.heading", "recommendations/profile :: section", model));
  }

  private Table table(String sql, String iso3) {
    Map<String, long[]> byRow = new LinkedHashMap<>();
    jdbc.sql(sql)
        .param(iso3)
        .query(
            rs -> {
              long[] counts =
                  byRow.computeIfAbsent(rs.getString(1), k -> new long[Response.values().length]);
              counts[Response.valueOf(rs.getString(2)).ordinal()] = rs.getLong(3);
            });
    List<Row> rows = new ArrayList<>();
    long[] totals = new long[Response.values().length];
    long total = 0;
    for (var e : byRow.entrySet()) {
      String[] key = e.getKey().split(":", 2);
      List<Long> counts = new ArrayList<>();
      long sum = 0;
      for (int i = 0; i < e.getValue().length; i++) {
        counts.add(e.getValue()[i]);
        totals[i] += e.getValue()[i];
        sum += e.getValue()[i];
      }
      total += sum;
      rows.add(new Row(key[0], key[1], counts, sum));
    }
    Map<String, Long> totalsByResponse = new LinkedHashMap<>();
    for (Response r : Response.values()) {
      totalsByResponse.put(r.apiName(), totals[r.ordinal()]);
    }
    return new Table(rows, totalsByResponse, total);
  }
}
