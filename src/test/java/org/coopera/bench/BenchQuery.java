package org.coopera.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.QueryText;
import org.coopera.recommendations.internal.RecommendationQuery;

/**
 * One query of the mix: the text typed in the search box (the same string for both sides: Coopera
 * reads it as a simple query string, PostgreSQL with {@code websearch_to_tsquery}; both read quotes
 * as a phrase) and optionally one State under review and one response.
 */
record BenchQuery(String label, String text, String stateIso3, Response response) {

  static BenchQuery text(String label, String text) {
    return new BenchQuery(label, text, null, null);
  }

  /** The filters, by the facet they belong to. */
  Map<Facet, Object> filters() {
    Map<Facet, Object> filters = new EnumMap<>(Facet.class);
    if (stateIso3 != null) {
      filters.put(Facet.STATE, stateIso3);
    }
    if (response != null) {
      filters.put(Facet.RESPONSE, response);
    }
    return filters;
  }

  RecommendationQuery coopera() {
    Map<Facet, Set<Object>> filters = new EnumMap<>(Facet.class);
    filters().forEach((facet, value) -> filters.put(facet, Set.of(value)));
    return new RecommendationQuery(
        QueryText.of(text), filters, null, RecommendationQuery.Order.RELEVANCE);
  }

  String described() {
    StringBuilder out = new StringBuilder(text);
    if (stateIso3 != null) {
      out.append(" + state=").append(stateIso3);
    }
    if (response != null) {
      out.append(" + response=").append(response.apiName());
    }
    return out.toString();
  }
}
