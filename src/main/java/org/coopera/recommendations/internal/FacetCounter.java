package org.coopera.recommendations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.coopera.recommendations.Response;

/**
 * Counts the facets of a search (all thirteen, or those asked for) in one pass over the
 * recommendations that its text (and cluster) match, from the index's doc values. The filters are
 * not part of the query: each matched recommendation is checked against each filter from its doc
 * values, counted in every facet when it passes them all (and then in the total), and in one facet
 * only when it fails that facet's filter alone — so each facet counts over the results of every
 * <em>other</em> filter (multi-select faceting) without one more query per filtered facet. Per
 * segment, string values are counted by ordinal in an array and turned into terms once at the end;
 * small numbers in an array by value.
 *
 * <p>Hibernate Search's terms aggregations gave the same counts with one collector per facet and a
 * hash lookup per value of each matched document; at a million recommendations they made most of a
 * search's time.
 */
final class FacetCounter {

  private static final Facet[] FACETS = Facet.values();

  /** Numbers below this are counted in an array (years, sessions, cycles, categories). */
  private static final int SMALL = 4096;

  /**
   * The counts, how many matched recommendations passed every filter, and the first of those in the
   * page's order when a page was asked for (else null).
   */
  record Counts(long total, Map<Facet, Map<String, Long>> facets, TopDocs page) {

    Counts(long total, Map<Facet, Map<String, Long>> facets) {
      this(total, facets, null);
    }
  }

  private FacetCounter() {}

  /** Counts every facet. */
  static Counts count(IndexReader reader, Query matches, Map<Facet, Set<Object>> filters) {
    return count(reader, matches, filters, EnumSet.allOf(Facet.class));
  }

  /**
   * Counts the facets {@code counted} only (the others come out empty); every filter still applies
   * to the total and to the counts.
   */
  static Counts count(
      IndexReader reader, Query matches, Map<Facet, Set<Object>> filters, Set<Facet> counted) {
    return count(reader, matches, filters, counted, null);
  }

  /**
   * Counts the facets {@code counted} and, in the same pass, collects the recommendations that pass
   * every filter into {@code page} (when not null): the first of them in the page's order come out
   * in {@link Counts#page}, scored when the page's order needs scores.
   */
  static Counts count(
      IndexReader reader,
      Query matches,
      Map<Facet, Set<Object>> filters,
      Set<Facet> counted,
      TopFieldCollectorManager page) {
    IndexSearcher searcher = new IndexSearcher(reader);
    try {
      return searcher.search(matches, new Manager(filters, counted, page));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Manager implements CollectorManager<Pass, Counts> {
    private final Map<Facet, Set<Object>> filters;
    private final boolean[] counted = new boolean[FACETS.length];
    private final TopFieldCollectorManager page;

    Manager(Map<Facet, Set<Object>> filters, Set<Facet> counted, TopFieldCollectorManager page) {
      this.filters = filters;
      this.page = page;
      counted.forEach(facet -> this.counted[facet.ordinal()] = true);
    }

    @Override
    public Pass newCollector() throws IOException {
      return new Pass(filters, counted, page == null ? null : page.newCollector());
    }

    @Override
    public Counts reduce(Collection<Pass> passes) throws IOException {
      long total = 0;
      List<Map<String, Long>> merged = new ArrayList<>();
      for (int f = 0; f < FACETS.length; f++) {
        merged.add(new HashMap<>());
      }
      for (Pass pass : passes) {
        total += pass.total;
        for (int f = 0; f < FACETS.length; f++) {
          Map<String, Long> into = merged.get(f);
          pass.counts.get(f).forEach((v, n) -> into.merge(v, n, Long::sum));
        }
      }
      Map<Facet, Map<String, Long>> facets = new EnumMap<>(Facet.class);
      for (int f = 0; f < FACETS.length; f++) {
        if (counted[f]) {
          facets.put(FACETS[f], ordered(FACETS[f], merged.get(f)));
        }
      }
      TopDocs top = null;
      if (page != null) {
        List<TopFieldCollector> pages = new ArrayList<>();
        passes.forEach(pass -> pages.add(pass.page));
        top = page.reduce(pages);
      }
      return new Counts(total, facets, top);
    }
  }

  /** Most frequent first, then by value (numbers as numbers); at most the facet's number. */
  private static Map<String, Long> ordered(Facet facet, Map<String, Long> counts) {
    Comparator<Map.Entry<String, Long>> byValue =
        facet.numeric()
            ? Comparator.comparing(e -> Long.parseLong(e.getKey()))
            : Map.Entry.comparingByKey();
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(byValue))
        .limit(facet.maxValues())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The counts of one slice of the index, segment after segment. */
  private static final class Pass implements Collector {
    private final Map<Facet, Set<Object>> filters;
    private final boolean[] counted;
    private final TopFieldCollector page;
    private final List<Map<String, Long>> counts = new ArrayList<>();
    private long total;

    Pass(Map<Facet, Set<Object>> filters, boolean[] counted, TopFieldCollector page) {
      this.filters = filters;
      this.counted = counted;
      this.page = page;
      for (int f = 0; f < FACETS.length; f++) {
        counts.add(new HashMap<>());
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return page != null && page.scoreMode().needsScores()
          ? ScoreMode.COMPLETE
          : ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      return new Segment(context, this);
    }
  }

  /** Counts of one segment: by ordinal for strings, by value for numbers. */
  private static final class Segment implements LeafCollector {
    private final Pass pass;

    /** The page's collector of this segment, or null. */
    private final LeafCollector page;

    private final SortedSetDocValues[] strings = new SortedSetDocValues[FACETS.length];
    private final SortedNumericDocValues[] numbers = new SortedNumericDocValues[FACETS.length];
    private final long[][] byOrdinal = new long[FACETS.length][];
    private final long[][] bySmallNumber = new long[FACETS.length][];
    private final List<Map<Long, Long>> byLargeNumber = new ArrayList<>();

    /** The facets with a filter, and for each the ordinals or numbers it accepts. */
    private final int[] filtered;

    /** The facets counted. */
    private final int[] counting;

    private final long[][] accepted;

    /** The segment, whose facet values by ordinal {@link SegmentValues} keeps. */
    private final LeafReader reader;

    Segment(LeafReaderContext context, Pass pass) throws IOException {
      this.pass = pass;
      this.reader = context.reader();
      this.page = pass.page == null ? null : pass.page.getLeafCollector(context);
      var reader = context.reader();
      List<Integer> withFilter = new ArrayList<>();
      List<long[]> acceptedValues = new ArrayList<>();
      List<Integer> countedFacets = new ArrayList<>();
      for (int f = 0; f < FACETS.length; f++) {
        Facet facet = FACETS[f];
        byLargeNumber.add(new HashMap<>());
        Set<Object> values = pass.filters.get(facet);
        if (!pass.counted[f] && values == null) {
          continue;
        }
        if (pass.counted[f]) {
          countedFacets.add(f);
        }
        if (facet.numeric()) {
          numbers[f] = reader.getSortedNumericDocValues(facet.field());
        } else {
          strings[f] = reader.getSortedSetDocValues(facet.field());
          byOrdinal[f] = new long[strings[f] == null ? 0 : (int) strings[f].getValueCount()];
        }
        if (values != null) {
          withFilter.add(f);
          acceptedValues.add(accepted(facet, strings[f], values));
        }
      }
      filtered = withFilter.stream().mapToInt(Integer::intValue).toArray();
      counting = countedFacets.stream().mapToInt(Integer::intValue).toArray();
      accepted = acceptedValues.toArray(long[][]::new);
    }

    /** The ordinals (strings) or numbers of a filter's values in this segment. */
    private static long[] accepted(Facet facet, SortedSetDocValues values, Set<Object> filter)
        throws IOException {
      List<Long> out = new ArrayList<>();
      for (Object value : filter) {
        if (facet.numeric()) {
          out.add(((Number) value).longValue());
        } else if (values != null) {
          String term = value instanceof Response r ? r.name() : value.toString();
          long ord = values.lookupTerm(new BytesRef(term));
          if (ord >= 0) {
            out.add(ord);
          }
        }
      }
      return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public void setScorer(Scorable scorer) throws IOException {
      if (page != null) {
        page.setScorer(scorer);
      }
    }

    @Override
    public void collect(int doc) throws IOException {
      int failed = -1;
      for (int i = 0; i < filtered.length; i++) {
        if (!passes(filtered[i], accepted[i], doc)) {
          if (failed >= 0) {
            return;
          }
          failed = filtered[i];
        }
      }
      if (failed >= 0) {
        if (pass.counted[failed]) {
          add(failed, doc);
        }
        return;
      }
      pass.total++;
      if (page != null) {
        page.collect(doc);
      }
      for (int f : counting) {
        add(f, doc);
      }
    }

    private boolean passes(int f, long[] values, int doc) throws IOException {
      if (numbers[f] != null) {
        SortedNumericDocValues dv = numbers[f];
        if (dv.advanceExact(doc)) {
          for (int k = dv.docValueCount(); k > 0; k--) {
            if (contains(values, dv.nextValue())) {
              return true;
            }
          }
        }
        return false;
      }
      SortedSetDocValues dv = strings[f];
      if (dv != null && dv.advanceExact(doc)) {
        for (int k = dv.docValueCount(); k > 0; k--) {
          if (contains(values, dv.nextOrd())) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean contains(long[] values, long value) {
      for (long v : values) {
        if (v == value) {
          return true;
        }
      }
      return false;
    }

    /** The counts of facet {@code f} by small number, long enough for {@code value}. */
    private long[] smallNumbers(int f, int value) {
      long[] counts = bySmallNumber[f];
      if (counts == null || counts.length <= value) {
        counts =
            java.util.Arrays.copyOf(
                counts == null ? new long[0] : counts, Math.min(SMALL, (value + 1) * 2));
        bySmallNumber[f] = counts;
      }
      return counts;
    }

    /** Counts the values of facet {@code f} of the document (each value once). */
    private void add(int f, int doc) throws IOException {
      if (numbers[f] != null) {
        SortedNumericDocValues dv = numbers[f];
        if (dv.advanceExact(doc)) {
          long previous = Long.MIN_VALUE;
          for (int k = dv.docValueCount(); k > 0; k--) {
            long v = dv.nextValue();
            if (v != previous) {
              if (v >= 0 && v < SMALL) {
                smallNumbers(f, (int) v)[(int) v]++;
              } else {
                byLargeNumber.get(f).merge(v, 1L, Long::sum);
              }
            }
            previous = v;
          }
        }
      } else if (strings[f] != null) {
        SortedSetDocValues dv = strings[f];
        if (dv.advanceExact(doc)) {
          for (int k = dv.docValueCount(); k > 0; k--) {
            byOrdinal[f][(int) dv.nextOrd()]++;
          }
        }
      }
    }

    @Override
    public void finish() throws IOException {
      if (page != null) {
        page.finish();
      }
      for (int f : counting) {
        Facet facet = FACETS[f];
        Map<String, Long> into = pass.counts.get(f);
        if (strings[f] != null) {
          long[] counts = byOrdinal[f];
          String[] values = SegmentValues.of(reader, facet);
          for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) {
              into.merge(values[ord], counts[ord], Long::sum);
            }
          }
        } else if (numbers[f] != null) {
          long[] counts = bySmallNumber[f] == null ? new long[0] : bySmallNumber[f];
          for (int v = 0; v < counts.length; v++) {
            if (counts[v] > 0) {
              into.merge(String.valueOf(v), counts[v], Long::sum);
            }
          }
          byLargeNumber.get(f).forEach((v, n) -> into.merge(String.valueOf(v), n, Long::sum));
        }
      }
    }
  }

  /**
   * The values of a segment's string facets by ordinal, as the API names them, read once per
   * segment and kept until it closes. Looking an ordinal's term up reads (and decompresses) the
   * segment's terms dictionary: done for each counted value of each segment at every search, it
   * cost more than counting the matches of a rarer word. A segment never changes once written, so
   * neither do its values.
   */
  static final class SegmentValues {

    private static final Map<Object, Map<Facet, String[]>> BY_SEGMENT = new ConcurrentHashMap<>();

    private SegmentValues() {}

    static String[] of(LeafReader reader, Facet facet) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return read(reader, facet);
      }
      Map<Facet, String[]> byFacet =
          BY_SEGMENT.computeIfAbsent(
              helper.getKey(),
              key -> {
                helper.addClosedListener(BY_SEGMENT::remove);
                return new ConcurrentHashMap<>();
              });
      String[] values = byFacet.get(facet);
      if (values == null) {
        values = read(reader, facet);
        byFacet.put(facet, values);
      }
      return values;
    }

    private static String[] read(LeafReader reader, Facet facet) throws IOException {
      SortedSetDocValues values = reader.getSortedSetDocValues(facet.field());
      if (values == null) {
        return new String[0];
      }
      String[] out = new String[(int) values.getValueCount()];
      TermsEnum terms = values.termsEnum();
      for (int ord = 0; terms.next() != null; ord++) {
        out[ord] = apiValue(facet, terms.term());
      }
      return out;
    }

    private static String apiValue(Facet facet, BytesRef term) {
      String value = term.utf8ToString();
      return facet == Facet.RESPONSE ? Response.valueOf(value).apiName() : value;
    }
  }
}
