package org.coopera.recommendations.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.coopera.recommendations.internal.RecommendationSearch;

/**
 * A recommendation as the API and the JSON export give it. {@code stateUnderReview} and {@code
 * recommendingStates} are ISO 3166 alpha-3 codes; {@code response} is {@code supported}, {@code
 * supported-in-part}, {@code noted} or {@code pending}; {@code texts} holds every language version;
 * {@code highlight} the matched text with {@code <mark>} (HTML-escaped) when the query had words.
 */
record RecommendationJson(
    String code,
    String stateUnderReview,
    String mechanism,
    Integer cycle,
    Integer session,
    Integer year,
    LocalDate date,
    String documentSymbol,
    String paragraph,
    String response,
    Integer actionCategory,
    List<String> recommendingStates,
    List<String> themes,
    List<String> sdgGoals,
    List<String> affectedGroups,
    String language,
    String text,
    Map<String, String> texts,
    String highlight) {

  static RecommendationJson of(RecommendationSearch.Hit hit, String readerLanguage) {
    RecommendationSearch.Shown shown = hit.shown(readerLanguage);
    return new RecommendationJson(
        hit.code(),
        hit.stateIso3(),
        hit.mechanism(),
        hit.cycle(),
        hit.session(),
        hit.year(),
        hit.date(),
        hit.documentSymbol(),
        hit.paragraph(),
        hit.response() == null ? null : hit.response().apiName(),
        hit.actionCategory(),
        hit.recommendingStates(),
        hit.themes(),
        hit.sdgGoals(),
        hit.affectedGroups(),
        hit.originalLanguage(),
        hit.texts().get(hit.originalLanguage()),
        hit.texts(),
        shown.html());
  }
}
