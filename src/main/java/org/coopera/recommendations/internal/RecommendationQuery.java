package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.platform.InvalidParameterException;
import org.springframework.util.MultiValueMap;

/**
 * A search of the registry: the text typed, the facet values chosen (several values of one facet
 * are alternatives, facets combine), an optional cluster, and the order of the results.
 */
public record RecommendationQuery(
    QueryText text, Map<Facet, Set<Object>> filters, UUID cluster, Order order) {

  /** The order of results. Relevance falls back to newest first when no text is searched. */
  public enum Order {
    RELEVANCE("relevance"),
    NEWEST("newest"),
    OLDEST("oldest");

    private final String parameter;

    Order(String parameter) {
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  public RecommendationQuery {
    EnumMap<Facet, Set<Object>> copy = new EnumMap<>(Facet.class);
    filters.forEach(
        (facet, values) -> {
          if (!values.isEmpty()) {
            copy.put(facet, Collections.unmodifiableSet(new LinkedHashSet<>(values)));
          }
        });
    filters = Collections.unmodifiableMap(copy);
  }

  public static RecommendationQuery all() {
    return new RecommendationQuery(QueryText.of(null), Map.of(), null, Order.RELEVANCE);
  }

  /**
   * The query that request parameters describe: {@code q}, one parameter per facet (repeated or
   * comma-separated for several values), {@code cluster}, {@code sort}. A value that cannot be one
   * of its facet's is refused with a message naming the parameter.
   */
  public static RecommendationQuery fromParameters(MultiValueMap<String, String> parameters) {
    Map<Facet, Set<Object>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> given = parameters.getOrDefault(facet.parameter(), List.of());
      Set<Object> values = new LinkedHashSet<>();
      for (String entry : given) {
        for (String value : entry.split(",")) {
          if (value.isBlank()) {
            continue;
          }
          values.add(
              facet
                  .indexValue(value)
                  .orElseThrow(
                      () ->
                          new InvalidParameterException(
                              facet.parameter(), "recommendations.search.error.value", value)));
        }
      }
      filters.put(facet, values);
    }
    UUID cluster = null;
    String clusterValue = parameters.getFirst("cluster");
    if (clusterValue != null && !clusterValue.isBlank()) {
      try {
        cluster = UUID.fromString(clusterValue.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException(
            "cluster", "recommendations.search.error.value", clusterValue);
      }
    }
    return new RecommendationQuery(
        QueryText.of(parameters.getFirst("q")),
        filters,
        cluster,
        order(parameters.getFirst("sort")));
  }

  private static Order order(String value) {
    if (value == null || value.isBlank()) {
      return Order.RELEVANCE;
    }
    for (Order order : Order.values()) {
      if (order.parameter.equals(value.strip())) {
        return order;
      }
    }
    throw new InvalidParameterException("sort", "recommendations.search.error.value", value);
  }

  public Set<Object> values(Facet facet) {
    return filters.getOrDefault(facet, Set.of());
  }

  public boolean filtered() {
    return !filters.isEmpty() || cluster != null || !text.blank();
  }

  /** The same query without the filter of {@code facet}: what that facet's counts are over. */
  public RecommendationQuery without(Facet facet) {
    Map<Facet, Set<Object>> rest = new EnumMap<>(Facet.class);
    rest.putAll(filters);
    rest.remove(facet);
    return new RecommendationQuery(text, rest, cluster, order);
  }

  /** The request parameters of this query, for links that keep it. */
  public List<Map.Entry<String, String>> parameters() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (!text.blank()) {
      out.add(Map.entry("q", text.typed()));
    }
    filters.forEach(
        (facet, values) ->
            values.forEach(v -> out.add(Map.entry(facet.parameter(), facet.apiValue(v)))));
    if (cluster != null) {
      out.add(Map.entry("cluster", cluster.toString()));
    }
    if (order != Order.RELEVANCE) {
      out.add(Map.entry("sort", order.parameter()));
    }
    return out;
  }
}
