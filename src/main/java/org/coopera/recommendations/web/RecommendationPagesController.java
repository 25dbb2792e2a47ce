package org.coopera.recommendations.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public search page: the results and the facets follow every change of the filters (htmx swaps
 * the search area), and the address always holds the whole query so it can be shared.
 */
@Controller
class RecommendationPagesController {

  static final int PAGE_SIZE = 20;
  static final int FACET_SHOWN = 8;

  /**
   * The facets a search page counts from the start; the others are counted when a person opens them
   * (parameter {@code facets}) or filters by them. Counting is most of a search's time when much
   * matches, each facet adding to it, and these three are what most people filter by.
   */
  static final Set<Facet> COUNTED = EnumSet.of(Facet.STATE, Facet.RESPONSE, Facet.THEME);

  private final RecommendationSearch search;
  private final FacetLabels labels;

  RecommendationPagesController(RecommendationSearch search, FacetLabels labels) {
    this.search = search;
    this.labels = labels;
  }

  /** One value of a facet as the page shows it. */
  record FacetValue(String id, String value, String label, long count, boolean selected) {}

  /**
   * A facet as the page shows it: its first values (the selected ones first), and how many more
   * there are. The search page leaves the others out ({@code more} is empty): they come on demand
   * from {@link #facet}, so that a page does not carry a thousand checkboxes that few open.
   */
  record FacetView(
      String parameter,
      boolean counted,
      List<FacetValue> shown,
      List<FacetValue> more,
      int moreCount,
      boolean active,
      String moreUrl) {

    /** A facet not counted for this page: a person opens it to see its values. */
    static FacetView closed(Facet facet) {
      return new FacetView(facet.parameter(), false, List.of(), List.of(), 0, false, null);
    }
  }

  @GetMapping("/recommendations")
  String search(
      @RequestParam MultiValueMap<String, String> parameters,
      @RequestParam(required = false) Integer page,
      Model model,
      Locale locale) {
    RecommendationQuery query = RecommendationQuery.fromParameters(parameters);
    PageParameters paging = PageParameters.of(page, PAGE_SIZE, PAGE_SIZE);
    Set<Facet> opened = opened(parameters);
    Set<Facet> counted = EnumSet.copyOf(COUNTED);
    counted.addAll(opened);
    counted.addAll(query.filters().keySet());
    RecommendationSearch.Result result = search.search(query, paging, counted);
    List<FacetView> facets = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      facets.add(
          counted.contains(facet)
              ? facetView(facet, result.facets().get(facet), query, locale, false)
              : FacetView.closed(facet));
    }
    List<Map.Entry<String, String>> kept = new ArrayList<>(query.parameters());
    opened.forEach(facet -> kept.add(Map.entry("facets", facet.parameter())));
    model.addAttribute("opened", opened.stream().map(Facet::parameter).toList());
    model.addAttribute("query", query);
    model.addAttribute("result", result);
    model.addAttribute("facets", facets);
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("labels", labels);
    model.addAttribute(
        "pageList",
        new org.coopera.platform.ListPage<>(
            result.total(), result.page(), result.size(), result.hits()));
    model.addAttribute("baseUrl", "/recommendations" + queryString(kept));
    model.addAttribute("exportQuery", queryString(query));
    return "recommendations/search";
  }

  /**
   * Every value of one facet for the query, as a form of its own that filters the search: the
   * search page's "more" values, which htmx loads into the page when a person opens them, and a
   * page of its own without JavaScript.
   */
  @GetMapping("/recommendations/facets/{parameter}")
  String facet(
      @PathVariable String parameter,
      @RequestParam MultiValueMap<String, String> parameters,
      Model model,
      Locale locale) {
    Facet facet =
        Facet.byParameter(parameter)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no facet " + parameter + " in the registry"));
    RecommendationQuery query = RecommendationQuery.fromParameters(parameters);
    FacetView view =
        facetView(facet, search.facets(query, EnumSet.of(facet)).get(facet), query, locale, true);
    List<Map.Entry<String, String>> others =
        query.parameters().stream().filter(e -> !e.getKey().equals(facet.parameter())).toList();
    model.addAttribute("facet", view);
    model.addAttribute("others", others);
    model.addAttribute("backUrl", url("/recommendations", query));
    return "recommendations/facet";
  }

  private FacetView facetView(
      Facet facet,
      Map<String, Long> counts,
      RecommendationQuery query,
      Locale locale,
      boolean withMore) {
    List<String> selected = query.values(facet).stream().map(v -> apiValue(facet, v)).toList();
    List<Map.Entry<String, Long>> values = new ArrayList<>();
    for (String value : selected) {
      values.add(Map.entry(value, counts.getOrDefault(value, 0L)));
    }
    counts.forEach(
        (value, count) -> {
          if (!selected.contains(value)) {
            values.add(Map.entry(value, count));
          }
        });
    int cut = Math.min(values.size(), Math.max(FACET_SHOWN, selected.size()));
    Function<Map.Entry<String, Long>, FacetValue> shown =
        e ->
            new FacetValue(
                id(facet, e.getKey()),
                e.getKey(),
                labels.label(facet, e.getKey(), locale),
                e.getValue(),
                selected.contains(e.getKey()));
    return new FacetView(
        facet.parameter(),
        true,
        values.subList(0, cut).stream().map(shown).toList(),
        withMore ? values.subList(cut, values.size()).stream().map(shown).toList() : List.of(),
        values.size() - cut,
        !selected.isEmpty(),
        url("/recommendations/facets/" + facet.parameter(), query));
  }

  /** The facets a person opened beyond those counted from the start ({@code facets=year,…}). */
  private static Set<Facet> opened(MultiValueMap<String, String> parameters) {
    Set<Facet> opened = Facet.named("facets", parameters.getOrDefault("facets", List.of()));
    opened.removeAll(COUNTED);
    return opened;
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
    return queryString(query.parameters());
  }

  private static String queryString(List<Map.Entry<String, String>> parameters) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : parameters) {
      out.append(out.isEmpty() ? '?' : '&')
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
