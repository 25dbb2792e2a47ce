package org.coopera.recommendations.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public search page: the results and the facets follow every change of the filters (htmx swaps
 * the search area), and the address always holds the whole query so it can be shared.
 */
@Controller
class RecommendationPagesController {

  static final int PAGE_SIZE = 20;
  static final int FACET_SHOWN = 8;

  private final RecommendationSearch search;
  private final FacetLabels labels;

  RecommendationPagesController(RecommendationSearch search, FacetLabels labels) {
    this.search = search;
    this.labels = labels;
  }

  /** One value of a facet as the page shows it. */
  record FacetValue(String id, String value, String label, long count, boolean selected) {}

  /** A facet as the page shows it: its first values, and the rest behind "more". */
  record FacetView(
      String parameter, List<FacetValue> shown, List<FacetValue> more, boolean active) {}

  @GetMapping("/recommendations")
  String search(
      @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(required = false) Integer page,
      Model model,
      Locale locale) {
    RecommendationQuery query = RecommendationQuery.fromParameters(parameters);
    PageParameters paging = PageParameters.of(page, PAGE_SIZE, PAGE_SIZE);
    RecommendationSearch.Result result = search.search(query, paging);
    List<FacetView> facets = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      facets.add(facetView(facet, result.facets().get(facet), query, locale));
    }
    model.addAttribute("query", query);
    model.addAttribute("result", result);
    model.addAttribute("facets", facets);
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("labels", labels);
    model.addAttribute(
        "pageList",
        new org.coopera.platform.ListPage<>(
            result.total(), result.page(), result.size(), result.hits()));
    model.addAttribute("baseUrl", url("/recommendations", query));
    model.addAttribute("exportQuery", queryString(query));
    return "recommendations/search";
  }

  private FacetView facetView(
      Facet facet, Map<String, Long> counts, RecommendationQuery query, Locale locale) {
    List<String> selected = query.values(facet).stream().map(v -> apiValue(facet, v)).toList();
    List<FacetValue> values = new ArrayList<>();
    for (String value : selected) {
      values.add(
          new FacetValue(
              id(facet, value),
              value,
              labels.label(facet, value, locale),
              counts.getOrDefault(value, 0L),
              true));
    }
    counts.forEach(
        (value, count) -> {
          if (!selected.contains(value)) {
            values.add(
                new FacetValue(
                    id(facet, value), value, labels.label(facet, value, locale), count, false));
          }
        });
    int cut = Math.min(values.size(), Math.max(FACET_SHOWN, selected.size()));
    return new FacetView(
        facet.parameter(),
        values.subList(0, cut),
        values.subList(cut, values.size()),
        !selected.isEmpty());
  }

  private static String apiValue(Facet facet, Object indexValue) {
    return indexValue instanceof org.coopera.recommendations.Response r
        ? r.apiName()
        : String.valueOf(indexValue);
  }

  private static String id(Facet facet, String value) {
    return "f-" + facet.parameter() + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  static String url(String path, RecommendationQuery query) {
    return path + queryString(query);
  }

  /** The query as {@code ?q=…&state=…}, every value encoded; empty when there is none. */
  static String queryString(RecommendationQuery query) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : query.parameters()) {
      out.append(out.isEmpty() ? '?' : '&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
