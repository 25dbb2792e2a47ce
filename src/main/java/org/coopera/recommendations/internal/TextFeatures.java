package org.coopera.recommendations.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns a recommendation's text into the terms that the tag suggester and the clusterer compare:
 * word unigrams and bigrams of adjacent words, lower-cased, stop words dropped, stemmed, accents
 * folded, and the names of UN treaties turned into one word each ({@link TreatyNames}).
 *
 * <p>Tokenisation is Lucene's {@link StandardTokenizer} (Unicode word boundaries, UAX #29).
 * Chinese, Japanese and Korean runs become overlapping character bigrams ({@link CJKBigramFilter}),
 * as in Lucene's {@code CJKAnalyzer}; no word bigrams are formed from those. Each text's language
 * is guessed from the stop words it contains (English, French or Spanish; English when in doubt)
 * and picks the stemmer: Porter for English, Lucene's light stemmers for French and Spanish.
 * Russian and Arabic words are stemmed by Lucene's light stemmers whatever the guess, since those
 * stemmers touch only their own script. Accents are folded after stemming, so that {@code
 * détention} and {@code detention} meet.
 *
 * <p>A bigram is written as its two unigrams joined by a space ({@code “tortur ill”}); bigrams span
 * removed stop words ({@code “abolish death”} from “abolish the death penalty”). Instances are
 * immutable and thread-safe.
 */
final class TextFeatures {

  /** Separates the two words of a bigram term; never part of a unigram. */
  static final char BIGRAM_SEPARATOR = ' ';

  /** The weight of treaty words relative to other words. */
  static final double TREATY_EMPHASIS = 3.0;

  private final Map<Language, Analyzer> analyzers;

  TextFeatures() {
    analyzers =
        Map.of(
            Language.ENGLISH, new Pipeline(Language.ENGLISH),
            Language.FRENCH, new Pipeline(Language.FRENCH),
            Language.SPANISH, new Pipeline(Language.SPANISH));
  }

  /**
   * The text's terms in reading order: all unigrams first, then all bigrams. Repeated terms are
   * repeated (term frequency counts). Null or blank text has no terms.
   */
  List<String> terms(String text) {
    List<String> unigrams = new ArrayList<>();
    List<String> bigrams = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return unigrams;
    }
    Analyzer analyzer = analyzers.get(Language.guess(text));
    try (TokenStream stream = analyzer.tokenStream("text", TreatyNames.normalise(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      String previous = null;
      while (stream.incrementToken()) {
        String current = term.toString();
        boolean cjk = isCjk(type.type());
        unigrams.add(current);
        if (previous != null && !cjk) {
          bigrams.add(previous + BIGRAM_SEPARATOR + current);
        }
        previous = cjk ? null : current;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    unigrams.addAll(bigrams);
    return unigrams;
  }

  /**
   * How much more a term weighs than its TF-IDF says: {@value #TREATY_EMPHASIS} for a treaty word,
   * 1 for any other term (bigrams that hold a treaty word too, so that “accede to the Rome Statute”
   * and “ratify the Rome Statute” stay close). In “Become a party to CEDAW” the treaty is the ask
   * and “become a party” the wording; without the emphasis, “Become a party to the ICESCR” would
   * look like the same ask.
   */
  static double emphasis(String term) {
    return TreatyNames.WORDS.contains(term) ? TREATY_EMPHASIS : 1.0;
  }

  private static boolean isCjk(String tokenType) {
    return CJKBigramFilter.DOUBLE_TYPE.equals(tokenType)
        || CJKBigramFilter.SINGLE_TYPE.equals(tokenType);
  }

  /** The analysis chain for texts guessed to be in one language. */
  private static final class Pipeline extends Analyzer {

    private static final CharArraySet ELIDED =
        new CharArraySet(List.of("l", "d", "j", "m", "n", "s", "t", "c", "qu"), false);

    private final Language language;

    Pipeline(Language language) {
      this.language = language;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new CJKWidthFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ElisionFilter(stream, ELIDED);
      stream = new EnglishPossessiveFilter(stream);
      stream = new CJKBigramFilter(stream);
      stream = new StopFilter(stream, StopWords.ALL);
      stream = new SetKeywordMarkerFilter(stream, TreatyNames.WORDS);
      stream =
          switch (language) {
            case ENGLISH -> new PorterStemFilter(stream);
            case FRENCH -> new FrenchLightStemFilter(stream);
            case SPANISH -> new SpanishLightStemFilter(stream);
          };
      stream = new RussianLightStemFilter(stream);
      stream = new ArabicNormalizationFilter(stream);
      stream = new ArabicStemFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  }

  /** The languages whose stemmer a text can get. */
  enum Language {
    ENGLISH,
    FRENCH,
    SPANISH;

    /**
     * The language of the stop words in the text: English unless more of them are French or Spanish
     * than English; then Spanish if more belong to the Spanish list alone than to the French list
     * alone, French otherwise ({@code la} and {@code de} are both).
     */
    static Language guess(String text) {
      int english = 0;
      int romance = 0;
      int french = 0;
      int spanish = 0;
      for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        boolean en = StopWords.ENGLISH.contains(word);
        boolean fr = StopWords.FRENCH.contains(word);
        boolean es = StopWords.SPANISH.contains(word);
        english += en ? 1 : 0;
        romance += (fr || es) && !en ? 1 : 0;
        french += fr && !es && !en ? 1 : 0;
        spanish += es && !fr && !en ? 1 : 0;
      }
      if (romance <= english) {
        return ENGLISH;
      }
      return spanish > french ? SPANISH : FRENCH;
    }
  }
}
