package org.coopera.recommendations.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of {@link SearchAnalysis} under the same names, for an OpenSearch or Elasticsearch
 * cluster: the cluster's built-in language analyzers, which are Lucene's own analyzers that the
 * Lucene backend uses (OpenSearch's from its {@code analysis-common} module), so that words are cut
 * and stemmed alike on both backends. Chinese is cut into overlapping bigrams ({@code cjk}), as
 * with Lucene; the {@code smartcn} word segmentation would need a plugin on every node.
 */
public class SearchAnalysisElasticsearch implements ElasticsearchAnalysisConfigurer {

  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    context.analyzer("en").type("english");
    context.analyzer("fr").type("french");
    context.analyzer("es").type("spanish");
    context.analyzer("ru").type("russian");
    context.analyzer("ar").type("arabic");
    context.analyzer("zh").type("cjk");
    context.analyzer("other").type("standard");
  }
}
