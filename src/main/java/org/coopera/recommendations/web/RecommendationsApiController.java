package org.coopera.recommendations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The registry as open JSON: search with facets, one recommendation, exports of any result. */
@RestController
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "Search and export the recommendations registry")
class RecommendationsApiController {

  private final RecommendationSearch search;
  private final RecommendationExports exports;

  RecommendationsApiController(RecommendationSearch search, RecommendationExports exports) {
    this.search = search;
    this.exports = exports;
  }

  /** A page of results: {@code {"total", "page", "size", "items", "facets", "notice"}}. */
  record SearchJson(
      long total,
      int page,
      int size,
      List<RecommendationJson> items,
      Map<String, Map<String, Long>> facets,
      String notice) {}

  @GetMapping
  @Operation(
      summary = "Search recommendations",
      description =
          """
          Full-text search (q: words are all required; "a phrase", -without, either | or, prefix*,
          parentheses) with filters, one parameter per facet: state, region, recommendingState,
          mechanism, cycle, session, response, actionCategory, theme, sdgGoal, sdgTarget,
          affectedGroup, year. Several values of a facet (repeated or comma-separated) are
          alternatives; facets combine. Facet counts are exact; each facet counts over the results
          of all the other filters. facets: the facets to count (comma-separated names; all of them
          when not given, none when empty): counting is most of a search's time over many
          results. A query with broken syntax is run as plain words and the
          answer's notice says so. sort: relevance (default), newest, oldest.""")
  SearchJson search(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      @ParameterObject PageParameters paging,
      HttpServletRequest request) {
    RecommendationQuery query = RecommendationQuery.fromParameters(parameters);
    Set<Facet> counted =
        parameters.containsKey("facets")
            ? Facet.named("facets", parameters.get("facets"))
            : EnumSet.allOf(Facet.class);
    RecommendationSearch.Result result = search.search(query, paging, counted);
    String language = RequestContextUtils.getLocale(request).getLanguage();
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    result.facets().forEach((facet, counts) -> facets.put(facet.parameter(), counts));
    return new SearchJson(
        result.total(),
        result.page(),
        result.size(),
        result.hits().stream().map(h -> RecommendationJson.of(h, language)).toList(),
        facets,
        result.queryFellBack() ? "query-syntax-ignored" : null);
  }

  @GetMapping("/{code}")
  @Operation(summary = "One recommendation by its identifier")
  RecommendationJson one(@PathVariable String code, HttpServletRequest request) {
    return search
        .byCode(code)
        .map(h -> RecommendationJson.of(h, RequestContextUtils.getLocale(request).getLanguage()))
        .orElseThrow(
            () ->
                new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND));
  }

  @GetMapping("/export.csv")
  @Operation(summary = "Every result of a search as CSV (same parameters as the search)")
  void csv(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      HttpServletResponse response)
      throws IOException {
    exports.csv(RecommendationQuery.fromParameters(parameters), response);
  }

  @GetMapping("/export.xlsx")
  @Operation(summary = "Every result of a search as an XLSX workbook")
  void xlsx(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      HttpServletResponse response)
      throws IOException {
    exports.xlsx(RecommendationQuery.fromParameters(parameters), response);
  }

  @GetMapping("/export.json")
  @Operation(summary = "Every result of a search as a JSON array")
  void json(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    exports.json(
        RecommendationQuery.fromParameters(parameters),
        RequestContextUtils.getLocale(request).getLanguage(),
        response);
  }
}
