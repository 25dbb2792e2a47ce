package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coopera.platform.PageParameters;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The local index's one-pass search ({@link LucenePage}) gives what the Hibernate Search query
 * gives for the same search, over the demo registry: the same total, the same hits in the same
 * order with the same fields and highlights, and the same facet counts — for rare and common words,
 * phrases, prefixes, exclusions, every order, filters on one and several facets, a cluster, and
 * later pages.
 */
@CooperaIntegrationTest
class LucenePageIT {

  @Autowired RecommendationSearch search;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void theOnePassSearchGivesWhatHibernateSearchGives() {
    String cluster =
        jdbc.sql("select cluster_id::text from recommendation where cluster_id is not null limit 1")
            .query(String.class)
            .optional()
            .orElse(null);
    List<List<String>> queries =
        new java.util.ArrayList<>(
            List.of(
                List.of(),
                List.of("q", "torture"),
                List.of("q", "rights"),
                List.of("q", "rights", "sort", "newest"),
                List.of("q", "rights", "sort", "oldest"),
                List.of("q", "\"human rights\""),
                List.of("q", "educat*"),
                List.of("q", "women -violence"),
                List.of("q", "torture | disappearance"),
                List.of("q", "tibetan"),
                List.of("q", "droits"),
                List.of("q", "(unbalanced"),
                List.of("state", "SVN"),
                List.of("q", "rights", "state", "CHN", "response", "supported"),
                List.of("q", "rights", "response", "supported", "response", "noted"),
                List.of("q", "rights", "cycle", "2", "theme", "A41"),
                List.of("sort", "oldest", "year", "2014"),
                List.of("q", "nothingmatchesthisword")));
    if (cluster != null) {
      queries.add(List.of("cluster", cluster));
    }
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    Set<Facet> all = EnumSet.allOf(Facet.class);
    int compared = 0;
    for (List<String> parameters : queries) {
      var map = new LinkedMultiValueMap<String, String>();
      for (int i = 0; i < parameters.size(); i += 2) {
        map.add(parameters.get(i), parameters.get(i + 1));
      }
      RecommendationQuery query = RecommendationQuery.fromParameters(map);
      for (PageParameters paging : List.of(new PageParameters(0, 20), new PageParameters(2, 7))) {
        var direct = search.search(query, paging, all);
        var through = readOnly.execute(s -> search.throughHibernateSearch(query, paging, all, 0));
        String what = parameters + " page " + paging.page();
        assertThat(direct.total()).as("total of %s", what).isEqualTo(through.total());
        assertThat(direct.hits()).as("hits of %s", what).isEqualTo(through.hits());
        assertThat(direct.facets().keySet()).isEqualTo(through.facets().keySet());
        direct
            .facets()
            .forEach(
                (facet, counts) ->
                    assertThat(Map.copyOf(counts))
                        .as("%s of %s", facet, what)
                        .isEqualTo(Map.copyOf(through.facets().get(facet))));
        compared += direct.hits().size();
      }
    }
    assertThat(compared).as("hits compared").isGreaterThan(200);
  }
}
