package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coopera.recommendations.internal.SearchProperties.Backend;
import org.coopera.recommendations.internal.SearchProperties.Cluster;
import org.junit.jupiter.api.Test;

/** The switch between the local Lucene index and a shared OpenSearch/Elasticsearch cluster. */
class SearchBackendConfigurationTest {

  private static final Cluster NO_CLUSTER =
      new Cluster(List.of("http://localhost:9200"), null, null, null);

  @Test
  void byDefaultTheIndexIsLuceneOnLocalDiskWithTheLuceneAnalyzers() {
    var settings =
        SearchBackendConfiguration.settings(
            new SearchProperties(Backend.LUCENE, "./data/index", NO_CLUSTER, 0));
    assertThat(settings)
        .containsEntry("hibernate.search.backend.type", "lucene")
        .containsEntry("hibernate.search.backend.directory.root", "./data/index")
        .containsEntry("hibernate.search.backend.lucene_version", "9.12.3")
        .containsEntry(
            "hibernate.search.backend.analysis.configurer",
            "class:" + SearchAnalysis.class.getName())
        .doesNotContainKey("hibernate.search.backend.uris");
  }

  @Test
  void openSearchIsTheElasticsearchBackendWithItsOwnAnalyzersAndSearchableWrites() {
    var settings =
        SearchBackendConfiguration.settings(
            new SearchProperties(
                Backend.OPENSEARCH,
                "./data/index",
                new Cluster(
                    List.of("https://search-1:9200", "https://search-2:9200"),
                    "coopera",
                    "secret",
                    "2.19"),
                0));
    assertThat(settings)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry(
            "hibernate.search.backend.uris", "https://search-1:9200,https://search-2:9200")
        .containsEntry("hibernate.search.backend.username", "coopera")
        .containsEntry("hibernate.search.backend.password", "secret")
        .containsEntry("hibernate.search.backend.version", "opensearch:2.19")
        .containsEntry("hibernate.search.backend.version_check.enabled", "false")
        .containsEntry(
            "hibernate.search.backend.analysis.configurer",
            "class:" + SearchAnalysisElasticsearch.class.getName())
        .containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "read-sync")
        .doesNotContainKey("hibernate.search.backend.directory.root");
  }

  @Test
  void withoutAVersionTheClusterIsAskedAtStartAndWithoutAUsernameNoCredentialsAreSent() {
    var settings =
        SearchBackendConfiguration.settings(
            new SearchProperties(Backend.ELASTICSEARCH, "./data/index", NO_CLUSTER, 0));
    assertThat(settings)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry("hibernate.search.backend.uris", "http://localhost:9200")
        .doesNotContainKeys(
            "hibernate.search.backend.version",
            "hibernate.search.backend.version_check.enabled",
            "hibernate.search.backend.username",
            "hibernate.search.backend.password");
  }

  @Test
  void anElasticsearchVersionIsPassedAsGiven() {
    var settings =
        SearchBackendConfiguration.settings(
            new SearchProperties(
                Backend.ELASTICSEARCH,
                "./data/index",
                new Cluster(List.of("http://localhost:9200"), null, null, "8.15"),
                0));
    assertThat(settings).containsEntry("hibernate.search.backend.version", "8.15");
  }

  @Test
  void aHibernateSearchSettingGivenExplicitlyIsKept() {
    java.util.Map<String, Object> hibernate = new java.util.HashMap<>();
    hibernate.put("hibernate.search.indexing.plan.synchronization.strategy", "write-sync");
    new SearchBackendConfiguration()
        .searchBackend(new SearchProperties(Backend.OPENSEARCH, "./data/index", NO_CLUSTER, 0))
        .customize(hibernate);
    assertThat(hibernate)
        .containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "write-sync")
        .containsEntry("hibernate.search.backend.type", "elasticsearch");
  }
}
