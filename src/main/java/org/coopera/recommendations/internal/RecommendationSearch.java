package org.coopera.recommendations.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.Response;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.backend.lucene.index.LuceneIndexManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.SearchSort;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full-text, faceted search of the registry over its Lucene index. Results come from the index
 * alone (stored fields and highlights), so a page of results costs no database query. Facet counts
 * and the total are exact; the counts of a facet are over the results of every other filter (so a
 * person can add a second value of a facet they already filter on) — see {@link
 * RecommendationQuery#without}. On the local index a search is one pass over the text's matches
 * ({@link LucenePage}: {@link FacetCounter} counts and hands what passes every filter to the page's
 * collector) and touches neither the database nor an entity manager; on a cluster it is a Hibernate
 * Search query with terms aggregations, in a read-only transaction. Lookups by code, counts and
 * exports go through Hibernate Search on either.
 */
@Service
@Transactional(readOnly = true)
public class RecommendationSearch {

  /** The deepest result a page may reach; exports are for more. */
  public static final int MAX_OFFSET = 10_000;

  private static final Set<SimpleQueryFlag> SYNTAX =
      Set.of(
          SimpleQueryFlag.AND,
          SimpleQueryFlag.OR,
          SimpleQueryFlag.NOT,
          SimpleQueryFlag.PHRASE,
          SimpleQueryFlag.PREFIX,
          SimpleQueryFlag.PRECEDENCE,
          SimpleQueryFlag.WHITESPACE);

  /** The operators of {@link #SYNTAX} as Lucene's simple query parser names them. */
  private static final int LUCENE_SYNTAX =
      SimpleQueryParser.AND_OPERATOR
          | SimpleQueryParser.OR_OPERATOR
          | SimpleQueryParser.NOT_OPERATOR
          | SimpleQueryParser.PHRASE_OPERATOR
          | SimpleQueryParser.PREFIX_OPERATOR
          | SimpleQueryParser.PRECEDENCE_OPERATORS
          | SimpleQueryParser.WHITESPACE_OPERATOR;

  private final EntityManager entityManager;

  /** The local index's manager, read once from Hibernate Search: its analyzers. */
  private volatile LuceneIndexManager indexManager;

  private final EntityManagerFactory entityManagerFactory;

  /** A read-only transaction, for what goes through Hibernate Search's session. */
  private final TransactionTemplate readOnly;

  /** Whether the index is the local Lucene one, whose reader the facet pass reads directly. */
  private final boolean lucene;

  /** How many searches of the local index run at once. */
  private final SearchGate gate;

  RecommendationSearch(
      EntityManager entityManager,
      EntityManagerFactory entityManagerFactory,
      PlatformTransactionManager transactions,
      SearchProperties properties) {
    this.entityManager = entityManager;
    this.entityManagerFactory = entityManagerFactory;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.lucene = properties.backend() == SearchProperties.Backend.LUCENE;
    this.gate = new SearchGate(properties.concurrency());
  }

  /** One found recommendation, as the index stores it; texts by language, highlighted ones too. */
  public record Hit(
      String code,
      String stateIso3,
      String mechanism,
      Integer session,
      Integer cycle,
      Integer year,
      LocalDate date,
      String documentSymbol,
      String paragraph,
      Response response,
      Integer actionCategory,
      List<String> recommendingStates,
      List<String> themes,
      List<String> sdgGoals,
      List<String> affectedGroups,
      String originalLanguage,
      Map<String, String> texts,
      Map<String, String> highlights) {

    /**
     * The text to show a reader of {@code language}: their language's version when there is one,
     * the original otherwise; highlighted when the search matched it.
     */
    public Shown shown(String language) {
      String lang = texts.containsKey(language) ? language : originalLanguage;
      String highlighted = highlights.get(lang);
      return new Shown(
          lang,
          texts.get(lang),
          highlighted,
          !lang.equals(originalLanguage),
          !lang.equals(language));
    }
  }

  /**
   * A text as shown: {@code html} is the highlighted text (escaped, with {@code <mark>}) or null
   * when nothing is highlighted; {@code translation} when the text shown is not the original;
   * {@code otherLanguage} when it is not in the reader's language.
   */
  public record Shown(
      String language, String text, String html, boolean translation, boolean otherLanguage) {}

  /** A page of results with the facet counts (value to count, most frequent first). */
  public record Result(
      long total,
      int page,
      int size,
      List<Hit> hits,
      Map<Facet, Map<String, Long>> facets,
      boolean queryFellBack,
      long tookMillis) {}

  /** A page of results with the counts of every facet. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Result search(RecommendationQuery query, PageParameters paging) {
    return search(query, paging, EnumSet.allOf(Facet.class));
  }

  /**
   * A page of results with the counts of the facets {@code counted} only: counting is most of a
   * search's time over many matches, and each facet adds to it.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Result search(RecommendationQuery query, PageParameters paging, Set<Facet> counted) {
    if ((long) paging.page() * paging.size() + paging.size() > MAX_OFFSET) {
      throw new InvalidParameterException("page", "recommendations.search.error.deep", MAX_OFFSET);
    }
    long start = System.nanoTime();
    if (lucene) {
      Query matches = matches(query);
      return onLocalIndex(
          reader ->
              LucenePage.search(reader, matches, indexAnalyzer(), query, paging, counted, start));
    }
    return readOnly.execute(status -> throughHibernateSearch(query, paging, counted, start));
  }

  /**
   * The search as a Hibernate Search query, with the facets as its terms aggregations: how a
   * cluster backend searches (the local index searches in one pass, {@link LucenePage}, and gives
   * the same page). A filtered facet is counted by a query of its own without its filter, as the
   * index's own counts would be. In a transaction, for Hibernate Search's session.
   */
  Result throughHibernateSearch(
      RecommendationQuery query, PageParameters paging, Set<Facet> counted, long start) {
    SearchSession session = Search.session(entityManager);
    SearchScope<Recommendation> scope = session.scope(Recommendation.class);
    boolean highlight = !query.text().blank();
    var main =
        session.search(scope).select(projections(scope, highlight)).where(predicate(scope, query));
    if (highlight) {
      // The query's default highlighter, not a named one: OpenSearch and Elasticsearch take the
      // HTML encoder only for the whole query ("unknown field [encoder]" on a field). Only when
      // words were searched: the Elasticsearch backend warns of a highlighter with no field.
      main =
          main.highlighter(
              h ->
                  h.plain()
                      .tag("<mark>", "</mark>")
                      .encoder(HighlighterEncoder.HTML)
                      .numberOfFragments(1)
                      .fragmentSize(100_000)
                      .noMatchSize(0));
    }
    Map<Facet, AggregationKey<Map<Object, Long>>> keys = aggregations(query, counted);
    for (var key : keys.entrySet()) {
      Facet facet = key.getKey();
      main =
          main.aggregation(
              key.getValue(),
              f -> f.terms().field(facet.field(), Object.class).maxTermCount(facet.maxValues()));
    }
    SearchResult<List<?>> result =
        main.sort(sort(scope, query)).fetch(paging.offset(), paging.size());
    Map<Facet, Map<String, Long>> facets =
        clusterFacets(session, scope, query, counted, keys, result);
    List<Hit> hits = result.hits().stream().map(RecommendationSearch::hit).toList();
    long took = (System.nanoTime() - start) / 1_000_000;
    return new Result(
        result.total().hitCount(),
        paging.page(),
        paging.size(),
        hits,
        facets,
        query.text().fellBack(),
        took);
  }

  /**
   * The counts of the facets {@code counted} for a query, with no page of results: what a page's
   * "more" values of a facet are read from.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Map<Facet, Map<String, Long>> facets(RecommendationQuery query, Set<Facet> counted) {
    if (lucene) {
      Query matches = matches(query);
      return onLocalIndex(
          reader -> FacetCounter.count(reader, matches, query.filters(), counted).facets());
    }
    return readOnly.execute(status -> clusterFacetsOnly(query, counted));
  }

  /**
   * Reads the local index when the gate lets this search in: what every search of the local index
   * goes through, so that no more run at once than the gate holds.
   */
  private <T> T onLocalIndex(Function<IndexReader, T> search) {
    return gate.through(
        () -> {
          try (IndexReader reader = luceneScope().openIndexReader()) {
            return search.apply(reader);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private Map<Facet, Map<String, Long>> clusterFacetsOnly(
      RecommendationQuery query, Set<Facet> counted) {
    SearchSession session = Search.session(entityManager);
    SearchScope<Recommendation> scope = session.scope(Recommendation.class);
    Map<Facet, AggregationKey<Map<Object, Long>>> keys = aggregations(query, counted);
    var counting = session.search(scope).where(predicate(scope, query));
    for (var key : keys.entrySet()) {
      Facet facet = key.getKey();
      counting =
          counting.aggregation(
              key.getValue(),
              f -> f.terms().field(facet.field(), Object.class).maxTermCount(facet.maxValues()));
    }
    return clusterFacets(session, scope, query, counted, keys, counting.fetch(0));
  }

  /**
   * A key for each counted facet the query does not filter on: those a cluster counts in the query.
   */
  private static Map<Facet, AggregationKey<Map<Object, Long>>> aggregations(
      RecommendationQuery query, Set<Facet> counted) {
    Map<Facet, AggregationKey<Map<Object, Long>>> keys = new EnumMap<>(Facet.class);
    for (Facet facet : counted) {
      if (!query.filters().containsKey(facet)) {
        keys.put(facet, AggregationKey.of(facet.parameter()));
      }
    }
    return keys;
  }

  /**
   * The counted facets' counts on a cluster: from the result's aggregations, and a filtered facet
   * from a query of its own without its filter.
   */
  private Map<Facet, Map<String, Long>> clusterFacets(
      SearchSession session,
      SearchScope<Recommendation> scope,
      RecommendationQuery query,
      Set<Facet> counted,
      Map<Facet, AggregationKey<Map<Object, Long>>> keys,
      SearchResult<?> result) {
    Map<Facet, Map<String, Long>> facets = new EnumMap<>(Facet.class);
    for (Facet facet : counted) {
      Map<Object, Long> byValue =
          keys.containsKey(facet)
              ? result.aggregation(keys.get(facet))
              : facetCounts(session, scope, query.without(facet), facet);
      facets.put(facet, apiValues(facet, byValue));
    }
    return facets;
  }

  /** One recommendation as the index holds it. */
  public java.util.Optional<Hit> byCode(String code) {
    SearchSession session = Search.session(entityManager);
    SearchScope<Recommendation> scope = session.scope(Recommendation.class);
    return session
        .search(scope)
        .select(projections(scope, false))
        .where(f -> f.match().field("code").matching(code))
        .fetchSingleHit()
        .map(RecommendationSearch::hit);
  }

  /** How many recommendations the query finds, without fetching any. */
  public long count(RecommendationQuery query) {
    SearchSession session = Search.session(entityManager);
    SearchScope<Recommendation> scope = session.scope(Recommendation.class);
    return session.search(scope).where(predicate(scope, query)).fetchTotalHitCount();
  }

  /**
   * Calls {@code consumer} with every hit of the query in the query's order, a batch at a time, for
   * exports of any size.
   */
  public void forEachHit(RecommendationQuery query, Consumer<Hit> consumer) {
    SearchSession session = Search.session(entityManager);
    SearchScope<Recommendation> scope = session.scope(Recommendation.class);
    try (var scroll =
        session
            .search(scope)
            .select(projections(scope, false))
            .where(predicate(scope, query))
            .sort(sort(scope, query))
            .scroll(500)) {
      for (var chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
        chunk.hits().forEach(h -> consumer.accept(hit(h)));
      }
    }
  }

  /**
   * What the query's text and cluster match, as a Lucene query of the index (its filters are
   * applied by {@link FacetCounter} itself): the same simple query string over the same fields,
   * analysed by the index's own search analyzers, as {@link #predicate} asks of Hibernate Search.
   */
  private Query matches(RecommendationQuery query) {
    BooleanQuery.Builder bool = new BooleanQuery.Builder();
    bool.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    if (!query.text().blank()) {
      Map<String, Float> fields = new LinkedHashMap<>();
      SearchFields.TEXT_FIELDS.forEach(field -> fields.put(field, 1f));
      SimpleQueryParser parser = new SimpleQueryParser(searchAnalyzer(), fields, LUCENE_SYNTAX);
      parser.setDefaultOperator(BooleanClause.Occur.MUST);
      bool.add(parser.parse(query.text().query()), BooleanClause.Occur.MUST);
    }
    if (query.cluster() != null) {
      bool.add(
          new TermQuery(new Term(SearchFields.CLUSTER, query.cluster().toString())),
          BooleanClause.Occur.FILTER);
    }
    return bool.build();
  }

  /** The local index, read without a session: a search on it needs no entity manager. */
  private org.hibernate.search.backend.lucene.scope.LuceneIndexScope luceneScope() {
    return Search.mapping(entityManagerFactory)
        .scope(Recommendation.class)
        .extension(LuceneExtension.get());
  }

  /** The index's indexing analyzers, per field: what the highlighter analyses stored texts with. */
  private Analyzer indexAnalyzer() {
    return indexManager().indexingAnalyzer();
  }

  /** The index's search analyzers, per field: what the typed words are analysed with. */
  private Analyzer searchAnalyzer() {
    return indexManager().searchAnalyzer();
  }

  private LuceneIndexManager indexManager() {
    LuceneIndexManager manager = indexManager;
    if (manager == null) {
      manager =
          Search.mapping(entityManagerFactory)
              .indexedEntity(Recommendation.class)
              .indexManager()
              .unwrap(LuceneIndexManager.class);
      indexManager = manager;
    }
    return manager;
  }

  private Map<Object, Long> facetCounts(
      SearchSession session,
      SearchScope<Recommendation> scope,
      RecommendationQuery query,
      Facet facet) {
    AggregationKey<Map<Object, Long>> key = AggregationKey.of(facet.parameter());
    return session
        .search(scope)
        .where(predicate(scope, query))
        .aggregation(
            key, f -> f.terms().field(facet.field(), Object.class).maxTermCount(facet.maxValues()))
        .fetch(0)
        .aggregation(key);
  }

  private static Map<String, Long> apiValues(Facet facet, Map<Object, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.forEach((value, count) -> out.put(facet.apiValue(value), count));
    return out;
  }

  private static SearchPredicate predicate(
      SearchScope<Recommendation> scope, RecommendationQuery query) {
    var f = scope.predicate();
    var bool = f.bool();
    bool.must(f.matchAll());
    if (!query.text().blank()) {
      bool.must(
          f.simpleQueryString()
              .fields(SearchFields.TEXT_FIELDS.toArray(String[]::new))
              .matching(query.text().query())
              .defaultOperator(BooleanOperator.AND)
              .flags(SYNTAX));
    }
    query
        .filters()
        .forEach(
            (facet, values) -> {
              var any = f.bool();
              for (Object value : values) {
                any.should(f.match().field(facet.field()).matching(value));
              }
              bool.filter(any);
            });
    if (query.cluster() != null) {
      bool.filter(f.match().field(SearchFields.CLUSTER).matching(query.cluster()));
    }
    return bool.toPredicate();
  }

  private static SearchSort sort(SearchScope<Recommendation> scope, RecommendationQuery query) {
    var f = scope.sort();
    return switch (query.order()) {
      case RELEVANCE ->
          query.text().blank()
              ? f.field(SearchFields.DATE).desc().then().field("code").asc().toSort()
              : f.score().then().field(SearchFields.DATE).desc().toSort();
      case NEWEST -> f.field(SearchFields.DATE).desc().then().field("code").asc().toSort();
      case OLDEST -> f.field(SearchFields.DATE).asc().then().field("code").asc().toSort();
    };
  }

  private static final List<String> TEXT_LANGUAGES = List.of("en", "fr", "es", "ru", "ar", "zh");

  private static SearchProjection<?>[] projections(
      SearchScope<Recommendation> scope, boolean highlight) {
    var f = scope.projection();
    List<SearchProjection<?>> p = new ArrayList<>();
    p.add(f.field("code", String.class).toProjection());
    p.add(f.field(SearchFields.STATE, String.class).toProjection());
    p.add(f.field(SearchFields.MECHANISM, String.class).toProjection());
    p.add(f.field(SearchFields.SESSION, Integer.class).toProjection());
    p.add(f.field(SearchFields.CYCLE, Integer.class).toProjection());
    p.add(f.field(SearchFields.YEAR, Integer.class).toProjection());
    p.add(f.field(SearchFields.DATE, LocalDate.class).toProjection());
    p.add(f.field("documentSymbol", String.class).toProjection());
    p.add(f.field("paragraph", String.class).toProjection());
    p.add(f.field(SearchFields.RESPONSE, Response.class).toProjection());
    p.add(f.field(SearchFields.ACTION_CATEGORY, Integer.class).toProjection());
    p.add(f.field(SearchFields.RECOMMENDING_STATE, String.class).list().toProjection());
    p.add(f.field(SearchFields.THEME, String.class).list().toProjection());
    p.add(f.field(SearchFields.SDG_GOAL, String.class).list().toProjection());
    p.add(f.field(SearchFields.AFFECTED_GROUP, String.class).list().toProjection());
    p.add(f.field("originalLanguage", String.class).toProjection());
    for (String language : TEXT_LANGUAGES) {
      p.add(f.field("text_" + language, String.class).toProjection());
    }
    p.add(f.field("text_other", String.class).list().toProjection());
    if (highlight) {
      for (String language : TEXT_LANGUAGES) {
        p.add(f.highlight("text_" + language).nullable().toProjection());
      }
    }
    return p.toArray(SearchProjection<?>[]::new);
  }

  @SuppressWarnings("unchecked")
  private static Hit hit(List<?> row) {
    Map<String, String> texts = new LinkedHashMap<>();
    String original = (String) row.get(15);
    for (int i = 0; i < TEXT_LANGUAGES.size(); i++) {
      String text = (String) row.get(16 + i);
      if (text != null) {
        texts.put(TEXT_LANGUAGES.get(i), text);
      }
    }
    List<String> other = (List<String>) row.get(22);
    if (!texts.containsKey(original) && !other.isEmpty()) {
      texts.put(original, other.get(0));
    }
    Map<String, String> highlights = new LinkedHashMap<>();
    if (row.size() > 23) {
      for (int i = 0; i < TEXT_LANGUAGES.size(); i++) {
        String html = (String) row.get(23 + i);
        if (html != null) {
          highlights.put(TEXT_LANGUAGES.get(i), html);
        }
      }
    }
    return new Hit(
        (String) row.get(0),
        (String) row.get(1),
        (String) row.get(2),
        (Integer) row.get(3),
        (Integer) row.get(4),
        (Integer) row.get(5),
        (LocalDate) row.get(6),
        (String) row.get(7),
        (String) row.get(8),
        (Response) row.get(9),
        (Integer) row.get(10),
        (List<String>) row.get(11),
        (List<String>) row.get(12),
        (List<String>) row.get(13),
        (List<String>) row.get(14),
        original,
        texts,
        highlights);
  }
}
