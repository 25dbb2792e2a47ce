package org.coopera.recommendations.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index of the registry lives.
 *
 * @param backend {@code lucene} (the default: an index on this instance's local disk) or {@code
 *     opensearch} / {@code elasticsearch} (a cluster that every instance shares)
 * @param indexDirectory the Lucene index's directory; unused with a cluster
 * @param cluster the cluster, when the backend is {@code opensearch} or {@code elasticsearch}
 * @param concurrency how many searches of the local index run at once ({@link SearchGate}); 0, the
 *     default, for one per processor
 */
@ConfigurationProperties("coopera.search")
record SearchProperties(
    @DefaultValue("lucene") Backend backend,
    @DefaultValue("./data/index") String indexDirectory,
    @DefaultValue Cluster cluster,
    @DefaultValue("0") int concurrency) {

  /** The search backends that the one Hibernate Search mapping runs on. */
  enum Backend {
    LUCENE,
    OPENSEARCH,
    ELASTICSEARCH
  }

  /**
   * An OpenSearch or Elasticsearch cluster.
   *
   * @param uris the nodes' addresses, e.g. {@code https://search-1:9200,https://search-2:9200}
   * @param username the account, blank for none (HTTP basic authentication)
   * @param password its password
   * @param version the cluster's version, e.g. {@code 2.19} (with the {@code opensearch:} prefix
   *     added for OpenSearch); when given, the application starts without asking the cluster for
   *     it, otherwise it asks at start and refuses to start when the cluster cannot be reached
   */
  record Cluster(
      @DefaultValue("http://localhost:9200") List<String> uris,
      String username,
      String password,
      String version) {}
}
