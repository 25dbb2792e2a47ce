package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;

@CooperaIntegrationTest
class RecommendationSearchIT {

  @Autowired RecommendationSearch search;

  private RecommendationSearch.Result find(String... parameters) {
    var map = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.add(parameters[i], parameters[i + 1]);
    }
    return search.search(RecommendationQuery.fromParameters(map), new PageParameters(0, 20));
  }

  @Test
  void theDemoMatricesAreSearchableByStemmedWordsAndPhrases() {
    var all = find();
    assertThat(all.total()).isEqualTo(630);
    var torture = find("q", "tortured", "state", "CHN");
    assertThat(torture.total()).isPositive();
    assertThat(torture.hits())
        .allSatisfy(h -> assertThat(h.highlights().get("en")).containsIgnoringCase("<mark>tortur"));
    assertThat(all.facets().get(Facet.STATE)).containsEntry("CHN", 252L).containsEntry("SVN", 378L);
    assertThat(List.copyOf(all.facets().get(Facet.RESPONSE).keySet()))
        .contains("supported", "noted");
  }
}
