package org.coopera.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The raw-Lucene baseline of the HTTP benchmark: the same index directory that Hibernate Search
 * writes, read in process with a plain {@link IndexSearcher}, asked for the page the issue names —
 * the first 20 by relevance then date with their stored fields, the text highlighted whole (the
 * same plain highlighter, HTML-escaped, with {@code <mark>}), the exact total, and the counts of
 * the given facet fields, all counted in the one collector pass that scores the matches. No HTTP,
 * no JSON, no template, no transaction: the floor under what the application can do on this
 * machine.
 */
final class RawLucene implements AutoCloseable {

  static final List<String> TEXT_FIELDS =
      List.of("text_en", "text_fr", "text_es", "text_ru", "text_ar", "text_zh", "text_other");
  private static final int PAGE = 20;

  /** One page: the total, the codes of the 20 shown, and the facet counts per field. */
  record Page(long total, List<String> codes, Map<String, Map<String, Integer>> facets) {}

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final List<String> facetFields;
  private final Map<String, DocValuesType> types = new HashMap<>();
  private final Sort sort;

  RawLucene(Path directory, Analyzer analyzer, List<String> facetFields) throws IOException {
    this.reader = DirectoryReader.open(FSDirectory.open(directory));
    this.searcher = new IndexSearcher(reader);
    this.analyzer = analyzer;
    this.facetFields = facetFields;
    FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
    for (String field : facetFields) {
      FieldInfo info = infos.fieldInfo(field);
      // A field no document has (the generated corpus has no SDG targets) counts nothing.
      types.put(
          field,
          info == null || info.getDocValuesType() == DocValuesType.NONE
              ? DocValuesType.SORTED_SET
              : info.getDocValuesType());
    }
    FieldInfo date = infos.fieldInfo("sortDate");
    SortField byDate =
        date.getDocValuesType() == DocValuesType.SORTED_NUMERIC
            ? new SortedNumericSortField("sortDate", SortField.Type.LONG, true)
            : new SortField("sortDate", SortField.Type.LONG, true);
    this.sort = new Sort(SortField.FIELD_SCORE, byDate);
  }

  int documents() {
    return reader.numDocs();
  }

  Query parse(String text) {
    Map<String, Float> weights = new HashMap<>();
    TEXT_FIELDS.forEach(f -> weights.put(f, 1f));
    int flags =
        SimpleQueryParser.AND_OPERATOR
            | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS
            | SimpleQueryParser.WHITESPACE_OPERATOR;
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights, flags);
    parser.setDefaultOperator(BooleanClause.Occur.MUST);
    return parser.parse(text);
  }

  /** The page of results for {@code query}, highlighted. */
  Page page(Query query) throws IOException {
    var top = new TopFieldCollectorManager(sort, PAGE, null, Integer.MAX_VALUE, false);
    var counts = new FacetCounts.Manager(facetFields, types);
    Object[] results = searcher.search(query, new MultiCollectorManager(top, counts));
    TopDocs docs = (TopDocs) results[0];
    FacetCounts merged = (FacetCounts) results[1];
    List<String> codes = new ArrayList<>();
    var stored = searcher.storedFields();
    Highlighter highlighter =
        new Highlighter(
            new SimpleHTMLFormatter("<mark>", "</mark>"),
            new SimpleHTMLEncoder(),
            new QueryScorer(query));
    highlighter.setTextFragmenter(new NullFragmenter());
    highlighter.setMaxDocCharsToAnalyze(100_000);
    for (ScoreDoc hit : docs.scoreDocs) {
      Document document = stored.document(hit.doc);
      codes.add(document.get("code"));
      for (String field : TEXT_FIELDS) {
        for (String text : document.getValues(field)) {
          try {
            highlighter.getBestFragment(analyzer, field, text);
          } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return new Page(merged.total, codes, merged.byField());
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Facet counts of one or more segments, by ordinal or by number, merged at the end. */
  static final class FacetCounts implements Collector {

    private final List<String> fields;
    private final Map<String, DocValuesType> types;
    private final List<Map<String, Integer>> counts = new ArrayList<>();
    private long total;

    FacetCounts(List<String> fields, Map<String, DocValuesType> types) {
      this.fields = fields;
      this.types = types;
      fields.forEach(f -> counts.add(new HashMap<>()));
    }

    Map<String, Map<String, Integer>> byField() {
      Map<String, Map<String, Integer>> out = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        out.put(fields.get(i), counts.get(i));
      }
      return out;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      int n = fields.size();
      SortedSetDocValues[] sets = new SortedSetDocValues[n];
      SortedNumericDocValues[] numbers = new SortedNumericDocValues[n];
      int[][] ordinals = new int[n][];
      List<Map<Long, Integer>> numeric = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String field = fields.get(i);
        numeric.add(new HashMap<>());
        if (types.get(field) == DocValuesType.SORTED_SET) {
          sets[i] = context.reader().getSortedSetDocValues(field);
          ordinals[i] = new int[sets[i] == null ? 0 : (int) sets[i].getValueCount()];
        } else {
          numbers[i] = context.reader().getSortedNumericDocValues(field);
        }
      }
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          for (int i = 0; i < n; i++) {
            if (sets[i] != null) {
              if (sets[i].advanceExact(doc)) {
                for (int k = 0; k < sets[i].docValueCount(); k++) {
                  ordinals[i][(int) sets[i].nextOrd()]++;
                }
              }
            } else if (numbers[i] != null && numbers[i].advanceExact(doc)) {
              for (int k = 0; k < numbers[i].docValueCount(); k++) {
                numeric.get(i).merge(numbers[i].nextValue(), 1, Integer::sum);
              }
            }
          }
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < n; i++) {
            Map<String, Integer> into = counts.get(i);
            if (sets[i] != null) {
              for (int ord = 0; ord < ordinals[i].length; ord++) {
                if (ordinals[i][ord] > 0) {
                  BytesRef term = sets[i].lookupOrd(ord);
                  into.merge(term.utf8ToString(), ordinals[i][ord], Integer::sum);
                }
              }
            } else {
              numeric.get(i).forEach((v, c) -> into.merge(String.valueOf(v), c, Integer::sum));
            }
          }
        }
      };
    }

    /** One collector per slice, merged. */
    static final class Manager implements CollectorManager<FacetCounts, FacetCounts> {
      private final List<String> fields;
      private final Map<String, DocValuesType> types;

      Manager(List<String> fields, Map<String, DocValuesType> types) {
        this.fields = fields;
        this.types = types;
      }

      @Override
      public FacetCounts newCollector() {
        return new FacetCounts(fields, types);
      }

      @Override
      public FacetCounts reduce(java.util.Collection<FacetCounts> collectors) {
        FacetCounts out = new FacetCounts(fields, types);
        for (FacetCounts c : collectors) {
          out.total += c.total;
          for (int i = 0; i < fields.size(); i++) {
            Map<String, Integer> into = out.counts.get(i);
            c.counts.get(i).forEach((v, n) -> into.merge(v, n, Integer::sum));
          }
        }
        return out;
      }
    }
  }
}
