package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.internal.Facet;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search over the demo registry (the three OHCHR matrices: China 2013, Slovenia 2014 and 2019):
 * stemming, phrases, the fallback for broken syntax, highlighting, and facet counts checked against
 * the same counts computed by SQL over the same recommendations.
 */
@CooperaIntegrationTest
class RecommendationSearchIT {

  @Autowired RecommendationSearch search;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  private RecommendationSearch.Result find(String... parameters) {
    var map = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.add(parameters[i], parameters[i + 1]);
    }
    return search.search(RecommendationQuery.fromParameters(map), new PageParameters(0, 500));
  }

  @Test
  void theDemoRegistryHoldsTheThreeMatrices() {
    var all = find();
    long inDatabase = jdbc.sql("select count(*) from recommendation").query(Long.class).single();
    assertThat(all.total()).isEqualTo(inDatabase).isGreaterThanOrEqualTo(630);
    assertThat(all.facets().get(Facet.STATE)).containsEntry("CHN", 252L).containsEntry("SVN", 378L);
    assertThat(all.facets().get(Facet.SESSION))
        .containsEntry("17", 252L)
        .containsEntry("20", 163L)
        .containsEntry("34", 215L);
  }

  @Test
  void wordsAreStemmedAndHighlighted() {
    var tortured = find("q", "tortured");
    var torture = find("q", "torture");
    assertThat(tortured.total()).isPositive();
    assertThat(torture.total()).isPositive();
    assertThat(tortured.hits())
        .allSatisfy(h -> assertThat(h.highlights().get("en")).containsIgnoringCase("<mark>tortur"));
  }

  @Test
  void aPhraseFindsFewerThanItsWords() {
    long words = find("q", "human rights institution").total();
    long phrase = find("q", "\"national human rights institution\"").total();
    assertThat(phrase).isPositive().isLessThan(words);
    assertThat(find("q", "torture -China").total())
        .isLessThanOrEqualTo(find("q", "torture").total());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"unclosed phrase", "(torture", "torture |", "*", "~2", "torture)"})
  void brokenSyntaxFallsBackToThePlainWordsAndSaysSo(String typed) throws Exception {
    var result = find("q", typed);
    assertThat(result.queryFellBack()).isTrue();
    String body =
        mvc.perform(get("/api/v1/recommendations").param("q", typed))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(body).get("notice").asString()).isEqualTo("query-syntax-ignored");
  }

  @Test
  void facetCountsEqualTheSameCountsBySql() {
    checkFacetsAgainstSql("q", "");
    checkFacetsAgainstSql("q", "women");
    checkFacetsAgainstSql("state", "SVN", "response", "noted");
    checkFacetsAgainstSql("q", "discrimination", "theme", "B31", "response", "supported");
    checkFacetsAgainstSql(
        "q", "\"domestic violence\" | educat* -children", "state", "SVN,CHN", "cycle", "2");
  }

  private static final Map<Facet, String> COUNT_BY_SQL =
      Map.ofEntries(
          Map.entry(
              Facet.STATE,
              "select r.state_iso3, count(*) from recommendation r where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.REGION,
              "select r.region_code, count(*) from recommendation r where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.MECHANISM,
              "select r.mechanism_code, count(*) from recommendation r where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.SESSION,
              "select r.upr_session::text, count(*) from recommendation r where r.code in (:codes) and r.upr_session is not null group by 1"),
          Map.entry(
              Facet.CYCLE,
              "select r.upr_cycle::text, count(*) from recommendation r where r.code in (:codes) and r.upr_cycle is not null group by 1"),
          Map.entry(
              Facet.YEAR,
              "select r.year::text, count(*) from recommendation r where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.ACTION_CATEGORY,
              "select r.action_category::text, count(*) from recommendation r where r.code in (:codes) and r.action_category is not null group by 1"),
          Map.entry(
              Facet.RESPONSE,
              "select lower(replace(r.response, '_', '-')), count(*) from recommendation r where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.RECOMMENDING_STATE,
              "select s.iso3, count(*) from recommendation r join recommendation_recommending_state s on s.recommendation_id = r.id where r.code in (:codes) group by 1"),
          Map.entry(
              Facet.THEME,
              "select t.code, count(*) from recommendation r join recommendation_tag t on t.recommendation_id = r.id where r.code in (:codes) and t.kind = 'THEME' and t.status = 'CONFIRMED' group by 1"),
          Map.entry(
              Facet.AFFECTED_GROUP,
              "select t.code, count(*) from recommendation r join recommendation_tag t on t.recommendation_id = r.id where r.code in (:codes) and t.kind = 'AFFECTED_GROUP' and t.status = 'CONFIRMED' group by 1"),
          Map.entry(
              Facet.SDG_TARGET,
              "select t.code, count(*) from recommendation r join recommendation_tag t on t.recommendation_id = r.id where r.code in (:codes) and t.kind = 'SDG' and t.status = 'CONFIRMED' and t.code like '%.%' group by 1"),
          Map.entry(
              Facet.SDG_GOAL,
              "select split_part(t.code, '.', 1), count(distinct r.id) from recommendation r join recommendation_tag t on t.recommendation_id = r.id where r.code in (:codes) and t.kind = 'SDG' and t.status = 'CONFIRMED' group by 1"));

  /**
   * Each facet counts over the recommendations the query finds without that facet's own filter
   * (multi-select faceting): the same counts, computed by SQL over exactly those recommendations.
   */
  private void checkFacetsAgainstSql(String... parameters) {
    var map = new LinkedMultiValueMap<String, String>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.add(parameters[i], parameters[i + 1]);
    }
    RecommendationQuery query = RecommendationQuery.fromParameters(map);
    RecommendationSearch.Result result = search.search(query, new PageParameters(0, 10));
    assertThat(COUNT_BY_SQL).hasSize(Facet.values().length);
    for (Facet facet : Facet.values()) {
      List<String> codes = new ArrayList<>();
      search.forEachHit(query.without(facet), h -> codes.add(h.code()));
      Map<String, Long> expected = new HashMap<>();
      if (!codes.isEmpty()) {
        jdbc.sql(COUNT_BY_SQL.get(facet))
            .param("codes", codes)
            .query(
                rs -> {
                  expected.put(rs.getString(1).strip(), rs.getLong(2));
                });
      }
      assertThat(result.facets().get(facet)).as("facet %s of %s", facet, map).isEqualTo(expected);
      assertThat(new ArrayList<>(result.facets().get(facet).values()))
          .as("facet %s of %s, most frequent first", facet, map)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
    List<String> all = new ArrayList<>();
    search.forEachHit(query, h -> all.add(h.code()));
    assertThat(result.total()).as("total of %s", map).isEqualTo(all.size());
  }

  @Test
  void theApiAnswersTotalItemsAndFacetsWithIsoCodesAndResponseNames() throws Exception {
    String body =
        mvc.perform(get("/api/v1/recommendations").param("q", "torture").param("size", "5"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode root = json.readTree(body);
    assertThat(root.get("total").asLong()).isPositive();
    assertThat(root.get("items").size()).isLessThanOrEqualTo(5);
    JsonNode facets = root.get("facets");
    assertThat(facets.get("state").propertyNames()).contains("CHN");
    assertThat(facets.get("response").propertyNames()).containsAnyOf("supported", "noted");
    JsonNode first = root.get("items").get(0);
    assertThat(first.get("stateUnderReview").asString()).hasSize(3);
    assertThat(first.get("highlight").asString()).contains("<mark>");
  }

  @Test
  void aBadFilterValueIsA400NamingTheParameter() throws Exception {
    mvc.perform(get("/api/v1/recommendations").param("response", "accepted-ish"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/recommendations").param("cycle", "two"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void exportsHoldEveryResultWithFormulasNeutralised() throws Exception {
    long total = find("state", "SVN").total();
    String csv =
        mvc.perform(get("/api/v1/recommendations/export.csv").param("state", "SVN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv.lines().filter(l -> l.startsWith("UPR-SVN")).count()).isEqualTo(total);

    byte[] xlsx =
        mvc.perform(get("/api/v1/recommendations/export.xlsx").param("state", "SVN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
      for (Row row : sheet) {
        row.forEach(
            cell ->
                assertThat(cell.getCellType())
                    .isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA));
      }
    }

    String exported =
        mvc.perform(get("/api/v1/recommendations/export.json").param("state", "SVN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(exported).size()).isEqualTo((int) total);
  }

  @Test
  void theSearchPageKeepsTheQueryInItsAddressAndShowsFacets() throws Exception {
    String page =
        mvc.perform(get("/recommendations").param("q", "torture").param("state", "CHN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var doc = org.jsoup.Jsoup.parse(page);
    assertThat(doc.select("input#q").attr("value")).isEqualTo("torture");
    assertThat(doc.select("input[name=state][value=CHN]").hasAttr("checked")).isTrue();
    assertThat(doc.select("#results mark")).isNotEmpty();
    assertThat(doc.select("a[href*=export.csv]").attr("href"))
        .contains("q=torture")
        .contains("state=CHN");
  }

  /**
   * The page carries the first values of each facet and says how many more there are; the others
   * come from the facet's own page, which lists every value with the same counts as the API and
   * keeps the search and the other filters.
   */
  @Test
  void theSearchPageLeavesAFacetsOtherValuesToItsOwnPage() throws Exception {
    String page =
        mvc.perform(
                get("/recommendations")
                    .param("q", "rights")
                    .param("response", "supported")
                    .param("facets", "recommendingState"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var doc = org.jsoup.Jsoup.parse(page);
    JsonNode api =
        json.readTree(
            mvc.perform(
                    get("/api/v1/recommendations")
                        .param("q", "rights")
                        .param("response", "supported"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    int states = api.get("facets").get("recommendingState").size();
    assertThat(states).as("the demo's recommending States").isGreaterThan(20);
    assertThat(doc.select("input[name=recommendingState]")).hasSize(8);
    var more =
        doc.selectFirst(
            "details.facet-more:has(a[href*=/recommendations/facets/recommendingState])");
    assertThat(more).as("the recommending States' \"more\"").isNotNull();
    assertThat(more.selectFirst("summary").text()).contains(String.valueOf(states - 8));
    String href = more.selectFirst("a").attr("href");
    assertThat(more.attr("hx-get")).isEqualTo(href);
    assertThat(href).contains("q=rights").contains("response=supported");

    var facetPage =
        org.jsoup.Jsoup.parse(
            mvc.perform(get(java.net.URI.create(href)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    var values = facetPage.select("input[name=recommendingState]");
    assertThat(values).hasSize(states);
    assertThat(facetPage.select("#facet-more-values input[name=recommendingState]"))
        .hasSize(states - 8);
    api.get("facets")
        .get("recommendingState")
        .properties()
        .forEach(
            e -> {
              var label =
                  facetPage.selectFirst("label[for=f-recommendingState-" + e.getKey() + "]");
              assertThat(label).as(e.getKey()).isNotNull();
              assertThat(label.select(".badge").text().replaceAll("\\D", ""))
                  .isEqualTo(String.valueOf(e.getValue().asLong()));
            });
    assertThat(facetPage.select("form[action=/recommendations] input[type=hidden]"))
        .extracting(e -> e.attr("name") + "=" + e.attr("value"))
        .containsExactlyInAnyOrder("q=rights", "response=supported");

    mvc.perform(get("/recommendations/facets/colour")).andExpect(status().isNotFound());
  }

  /**
   * A page counts the State, response and theme facets, the ones a person opened and the ones
   * filtered on; the others are a button that opens them. Counting some facets gives each the same
   * counts as counting all.
   */
  @Test
  void aPageCountsTheFacetsItShowsAndOpensTheOthersOnDemand() throws Exception {
    var doc =
        org.jsoup.Jsoup.parse(
            mvc.perform(
                    get("/recommendations")
                        .param("q", "rights")
                        .param("cycle", "2")
                        .param("facets", "year"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    for (String counted : List.of("state", "response", "theme", "cycle", "year")) {
      assertThat(doc.select("input.facet-input[name=" + counted + "]")).as(counted).isNotEmpty();
      assertThat(doc.select("button#open-" + counted)).as(counted).isEmpty();
    }
    for (String closed : List.of("region", "mechanism", "session", "sdgGoal", "affectedGroup")) {
      assertThat(doc.select("input.facet-input[name=" + closed + "]")).as(closed).isEmpty();
      var open = doc.selectFirst("button#open-" + closed);
      assertThat(open).as(closed).isNotNull();
      assertThat(open.attr("type")).isEqualTo("submit");
      assertThat(open.attr("name")).isEqualTo("facets");
      assertThat(open.attr("value")).isEqualTo(closed);
    }
    assertThat(doc.select("#search-area input[type=hidden][name=facets]"))
        .extracting(e -> e.attr("value"))
        .containsExactly("year");
    assertThat(doc.select("nav a[href*=page=]").attr("href")).contains("facets=year");

    var map = new LinkedMultiValueMap<String, String>();
    map.add("q", "rights");
    map.add("cycle", "2");
    RecommendationQuery query = RecommendationQuery.fromParameters(map);
    var all = search.search(query, new PageParameters(0, 20));
    var some =
        search.search(
            query, new PageParameters(0, 20), java.util.EnumSet.of(Facet.YEAR, Facet.CYCLE));
    assertThat(some.total()).isEqualTo(all.total());
    assertThat(some.facets().keySet()).containsExactlyInAnyOrder(Facet.YEAR, Facet.CYCLE);
    assertThat(some.facets().get(Facet.YEAR)).isEqualTo(all.facets().get(Facet.YEAR));
    assertThat(some.facets().get(Facet.CYCLE)).isEqualTo(all.facets().get(Facet.CYCLE));
    assertThat(some.hits()).isEqualTo(all.hits());

    mvc.perform(get("/recommendations").param("facets", "colour"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theApiCountsTheFacetsAskedFor() throws Exception {
    JsonNode some =
        json.readTree(
            mvc.perform(
                    get("/api/v1/recommendations")
                        .param("q", "torture")
                        .param("facets", "state,response"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    JsonNode all =
        json.readTree(
            mvc.perform(get("/api/v1/recommendations").param("q", "torture"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(some.get("facets").propertyNames()).containsExactly("state", "response");
    assertThat(all.get("facets").propertyNames()).hasSize(Facet.values().length);
    assertThat(some.get("facets").get("state")).isEqualTo(all.get("facets").get("state"));
    assertThat(some.get("total")).isEqualTo(all.get("total"));
    JsonNode none =
        json.readTree(
            mvc.perform(get("/api/v1/recommendations").param("q", "torture").param("facets", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(none.get("facets").propertyNames()).isEmpty();
    mvc.perform(get("/api/v1/recommendations").param("facets", "state,colour"))
        .andExpect(status().isBadRequest());
  }

  @Autowired org.coopera.recommendations.internal.SearchIndex index;
  @Autowired jakarta.persistence.EntityManagerFactory entityManagerFactory;

  @Test
  void anIndexThatNoLongerMatchesTheDatabaseIsRebuiltAtStart() {
    long inDatabase = jdbc.sql("select count(*) from recommendation").query(Long.class).single();
    var em = entityManagerFactory.createEntityManager();
    try {
      var workspace =
          org.hibernate.search.mapper.orm.Search.session(em)
              .workspace(org.coopera.recommendations.internal.Recommendation.class);
      workspace.purge();
      workspace.refresh();
    } finally {
      em.close();
    }
    assertThat(find().total()).as("index emptied behind the application's back").isZero();
    index.checkAtStart();
    assertThat(find().total()).isEqualTo(inDatabase);
    assertThat(find("q", "torture").total()).isPositive();
  }
}
