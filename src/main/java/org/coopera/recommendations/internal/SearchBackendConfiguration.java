package org.coopera.recommendations.internal;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Turns {@code coopera.search.*} into Hibernate Search's backend settings: the Lucene backend on
 * local disk with {@link SearchAnalysis}, or the Elasticsearch backend (which also serves
 * OpenSearch) with {@link SearchAnalysisElasticsearch}. The mapping and the queries are the same
 * for both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchBackendConfiguration {

  private static final String BACKEND = "hibernate.search.backend.";

  /** The Lucene version of the index's format, that of the Lucene this build brings. */
  static final String LUCENE_VERSION = "9.12.3";

  /**
   * Adds the backend's settings; a Hibernate Search setting given explicitly (as {@code
   * spring.jpa.properties.hibernate.search...}) is kept.
   */
  @Bean
  HibernatePropertiesCustomizer searchBackend(SearchProperties properties) {
    return hibernate -> settings(properties).forEach(hibernate::putIfAbsent);
  }

  /** Hibernate Search's settings for the chosen backend. */
  static Map<String, Object> settings(SearchProperties properties) {
    return switch (properties.backend()) {
      case LUCENE ->
          Map.of(
              BACKEND + "type",
              "lucene",
              BACKEND + "directory.root",
              properties.indexDirectory(),
              BACKEND + "lucene_version",
              LUCENE_VERSION,
              BACKEND + "analysis.configurer",
              "class:" + SearchAnalysis.class.getName());
      case OPENSEARCH, ELASTICSEARCH -> cluster(properties);
    };
  }

  private static Map<String, Object> cluster(SearchProperties properties) {
    SearchProperties.Cluster cluster = properties.cluster();
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put(BACKEND + "type", "elasticsearch");
    settings.put(BACKEND + "uris", String.join(",", cluster.uris()));
    settings.put(
        BACKEND + "analysis.configurer", "class:" + SearchAnalysisElasticsearch.class.getName());
    if (present(cluster.username())) {
      settings.put(BACKEND + "username", cluster.username());
      settings.put(BACKEND + "password", cluster.password() == null ? "" : cluster.password());
    }
    if (present(cluster.version())) {
      String version = cluster.version().strip();
      boolean openSearch = properties.backend() == SearchProperties.Backend.OPENSEARCH;
      settings.put(
          BACKEND + "version",
          openSearch && !version.startsWith("opensearch:") ? "opensearch:" + version : version);
      settings.put(BACKEND + "version_check.enabled", "false");
    }
    // A change committed by one request is searchable by the next one, as with the Lucene index
    // (which is read after each commit): wait for the cluster's refresh after every write.
    settings.put("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
    return settings;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
