package org.coopera.recommendations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.Response;

/**
 * A page of results read straight from the local Lucene index, in one pass over the text's matches:
 * {@link FacetCounter} counts the total and the facets and hands each recommendation that passes
 * every filter to a top-documents collector in the page's order; the page's documents are then read
 * from their stored fields and highlighted with Lucene's plain highlighter. It gives what Hibernate
 * Search's query gives for the same search (the same scores, order, fields and highlights, checked
 * by {@code RecommendationSearchIT}), without a second pass over the matches, a database
 * transaction or an entity manager: a search does not touch the database.
 *
 * <p>The fields are read as Hibernate Search writes them: strings and integers as they are, a date
 * as its ISO text, a response as its constant's name, the date and code sorts from their doc values
 * (a sortable date as sorted numbers of its epoch day, a sortable keyword as sorted set).
 */
final class LucenePage {

  private static final List<String> TEXT_LANGUAGES = SearchFields.LANGUAGES;

  /** The highlighter's fragment: the whole text, as the Hibernate Search query asks (100,000). */
  private static final int FRAGMENT = 100_000;

  private LucenePage() {}

  static RecommendationSearch.Result search(
      IndexReader reader,
      Query matches,
      Analyzer indexAnalyzer,
      RecommendationQuery query,
      PageParameters paging,
      Set<Facet> counted,
      long start) {
    boolean highlight = !query.text().blank();
    int wanted = paging.offset() + paging.size();
    TopFieldCollectorManager page =
        new TopFieldCollectorManager(sort(query), Math.max(1, wanted), null, Integer.MAX_VALUE);
    FacetCounter.Counts counts =
        FacetCounter.count(reader, matches, query.filters(), counted, page);
    ScoreDoc[] top = counts.page().scoreDocs;
    List<RecommendationSearch.Hit> hits = new ArrayList<>();
    Map<String, Highlighter> highlighters = new LinkedHashMap<>();
    try {
      StoredFields stored = reader.storedFields();
      for (int i = paging.offset(); i < Math.min(top.length, wanted); i++) {
        hits.add(
            hit(
                stored.document(top[i].doc),
                highlight ? highlighters : null,
                matches,
                indexAnalyzer));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RecommendationSearch.Result(
        counts.total(),
        paging.page(),
        paging.size(),
        hits,
        counts.facets(),
        query.text().fellBack(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The page's order, as {@link RecommendationSearch}'s Hibernate Search sort has it. */
  static Sort sort(RecommendationQuery query) {
    SortField newest = new SortedNumericSortField(SearchFields.DATE, SortField.Type.LONG, true);
    SortField oldest = new SortedNumericSortField(SearchFields.DATE, SortField.Type.LONG, false);
    SortField code = new SortedSetSortField("code", false);
    return switch (query.order()) {
      case RELEVANCE ->
          query.text().blank() ? new Sort(newest, code) : new Sort(SortField.FIELD_SCORE, newest);
      case NEWEST -> new Sort(newest, code);
      case OLDEST -> new Sort(oldest, code);
    };
  }

  /**
   * One hit from its stored fields; its texts highlighted when {@code highlighters} is given (one
   * per field, made on first use).
   */
  private static RecommendationSearch.Hit hit(
      Document document, Map<String, Highlighter> highlighters, Query matches, Analyzer analyzer)
      throws IOException {
    String original = document.get("originalLanguage");
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, String> highlights = new LinkedHashMap<>();
    for (String language : TEXT_LANGUAGES) {
      String field = "text_" + language;
      String text = document.get(field);
      if (text == null) {
        continue;
      }
      texts.put(language, text);
      if (highlighters != null) {
        Highlighter highlighter = highlighters.computeIfAbsent(field, f -> highlighter(f, matches));
        String html = highlighted(highlighter, field, text, analyzer);
        if (html != null) {
          highlights.put(language, html);
        }
      }
    }
    String[] other = document.getValues("text_other");
    if (!texts.containsKey(original) && other.length > 0) {
      texts.put(original, other[0]);
    }
    String response = document.get(SearchFields.RESPONSE);
    String date = document.get(SearchFields.DATE);
    return new RecommendationSearch.Hit(
        document.get("code"),
        document.get(SearchFields.STATE),
        document.get(SearchFields.MECHANISM),
        integer(document, SearchFields.SESSION),
        integer(document, SearchFields.CYCLE),
        integer(document, SearchFields.YEAR),
        date == null ? null : LocalDate.parse(date),
        document.get("documentSymbol"),
        document.get("paragraph"),
        response == null ? null : Response.valueOf(response),
        integer(document, SearchFields.ACTION_CATEGORY),
        List.of(document.getValues(SearchFields.RECOMMENDING_STATE)),
        List.of(document.getValues(SearchFields.THEME)),
        List.of(document.getValues(SearchFields.SDG_GOAL)),
        List.of(document.getValues(SearchFields.AFFECTED_GROUP)),
        original,
        texts,
        highlights);
  }

  /**
   * The plain highlighter of one field, for the query's terms in that field: HTML-escaped text, the
   * matches in {@code <mark>}, the whole text as one fragment.
   */
  private static Highlighter highlighter(String field, Query matches) {
    Highlighter highlighter =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryScorer(matches, field));
    highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT));
    highlighter.setMaxDocCharsToAnalyze(FRAGMENT);
    return highlighter;
  }

  /** The text highlighted, or null when none of the query's terms is in it. */
  private static String highlighted(
      Highlighter highlighter, String field, String text, Analyzer analyzer) throws IOException {
    try {
      return highlighter.getBestFragment(analyzer, field, text);
    } catch (InvalidTokenOffsetsException e) {
      throw new IllegalStateException("the text of " + field + " does not match its tokens", e);
    }
  }

  private static Integer integer(Document document, String field) {
    IndexableField value = document.getField(field);
    return value == null ? null : value.numericValue().intValue();
  }
}
