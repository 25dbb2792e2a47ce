package org.coopera.recommendations.internal;

import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysis of the six UN languages: Lucene's analyzers for English (Porter stemming,
 * possessives), French (elisions, light stemming), Spanish and Russian (light stemming, Snowball),
 * Arabic (normalisation, light stemming) and Chinese (overlapping bigrams of CJK characters); other
 * languages are split into words and lower-cased.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context.analyzer("en").instance(new EnglishAnalyzer());
    context.analyzer("fr").instance(new FrenchAnalyzer());
    context.analyzer("es").instance(new SpanishAnalyzer());
    context.analyzer("ru").instance(new RussianAnalyzer());
    context.analyzer("ar").instance(new ArabicAnalyzer());
    context.analyzer("zh").instance(new CJKAnalyzer());
    context.analyzer("other").instance(new StandardAnalyzer());
  }
}
