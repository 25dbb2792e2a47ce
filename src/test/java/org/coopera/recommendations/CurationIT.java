package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Curation as each role: tags set and removed by the State's curators only, a stale edit refused,
 * machine suggestions learned from the tagged recommendations and decided by a person, language
 * versions searchable at once, clusters proposed, shown side by side, accepted, split and merged.
 */
@CooperaIntegrationTest
class CurationIT {

  static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private String someCode(String iso3) {
    return jdbc.sql("select code from recommendation where state_iso3 = ? order by code limit 1")
        .param(iso3)
        .query(String.class)
        .single();
  }

  private long version(String code) {
    return jdbc.sql("select version from recommendation where code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private List<String> tags(String code, String status) {
    return jdbc.sql(
            """
            select t.kind || ':' || t.code from recommendation_tag t join recommendation r on r.id = t.recommendation_id
            where r.code = ? and t.status = ? order by 1
            """)
        .params(code, status)
        .query(String.class)
        .list();
  }

  private Document page(String path, String as) throws Exception {
    var request = get(path);
    if (as != null) {
      request.with(logins.as(as));
    }
    return Jsoup.parse(
        mvc.perform(request)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  @Test
  void theStatesCoordinatorRecordsItsResponseAndTheSearchFollows() throws Exception {
    String code =
        jdbc.sql(
                "select code from recommendation where state_iso3 = 'SVN' and response = 'NOTED'"
                    + " order by code limit 1")
            .query(String.class)
            .single();
    long version = version(code);
    long supportedBefore = total("state=SVN&response=supported");

    for (String who : List.of(DemoLogins.FOCAL_POINT_PRY, DemoLogins.COORDINATOR_PRY)) {
      mvc.perform(
              post("/recommendations/" + code + "/response")
                  .param("version", String.valueOf(version))
                  .param("response", "supported")
                  .with(logins.as(who))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            post("/recommendations/" + code + "/response")
                .param("version", String.valueOf(version))
                .param("response", "maybe")
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("curationError", "curation.error.response"));
    assertThat(version(code)).as("nothing changed").isEqualTo(version);

    mvc.perform(
            post("/recommendations/" + code + "/response")
                .param("version", String.valueOf(version))
                .param("response", "supported")
                .param("comment", "  Accepted in the addendum after consultation.  ")
                .param("source", "A/HRC/43/15/Add.1")
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "curation.response-changed"));

    Document after = page("/recommendations/" + code + "?lang=en", null);
    assertThat(after.select("dl").text())
        .contains("Supported")
        .contains("Accepted in the addendum after consultation.")
        .contains("A/HRC/43/15/Add.1");
    assertThat(after.select("form[action$=/response]")).as("not for visitors").isEmpty();
    assertThat(total("state=SVN&response=supported")).isEqualTo(supportedBefore + 1);
    assertThat(
            jdbc.sql(
                    "select changes -> 'response' ->> 'old' || '>' || (changes -> 'response' ->> 'new')"
                        + " from audit_entry where table_name = 'recommendation' and operation ="
                        + " 'UPDATE' and changes -> 'response' is not null order by id desc limit 1")
                .query(String.class)
                .single())
        .isEqualTo("NOTED>SUPPORTED");

    var stale =
        mvc.perform(
                post("/recommendations/" + code + "/response")
                    .param("version", String.valueOf(version))
                    .param("response", "noted")
                    .with(logins.as(COORDINATOR_SVN))
                    .with(csrf()))
            .andReturn();
    assertThat(stale.getFlashMap().get("curationError")).isEqualTo("curation.error.stale");
    assertThat(
            jdbc.sql("select response from recommendation where code = ?")
                .param(code)
                .query(String.class)
                .single())
        .isEqualTo("SUPPORTED");
  }

  private long total(String query) throws Exception {
    return json.readTree(
            mvc.perform(get("/api/v1/recommendations?" + query))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .get("total")
        .asLong();
  }

  @Test
  void onlyTheStatesCuratorsTagItsRecommendations() throws Exception {
    String code = someCode("SVN");
    mvc.perform(
            post("/recommendations/" + code + "/tags")
                .param("version", String.valueOf(version(code)))
                .param("kind", "THEME")
                .param("tag", "D51")
                .with(logins.as(DemoLogins.COORDINATOR_PRY))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/recommendations/" + code + "/tags")
                .param("version", String.valueOf(version(code)))
                .param("kind", "THEME")
                .param("tag", "D51")
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(tags(code, "CONFIRMED")).doesNotContain("THEME:D51");

    mvc.perform(
            post("/recommendations/" + code + "/tags")
                .param("version", String.valueOf(version(code)))
                .param("kind", "THEME")
                .param("tag", "D51")
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", "curation.tagged"));
    assertThat(tags(code, "CONFIRMED")).contains("THEME:D51");
    String api =
        mvc.perform(get("/api/v1/recommendations").param("state", "SVN").param("theme", "D51"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(api).as("the index follows the write at once").contains(code);

    Document shown = page("/recommendations/" + code, COORDINATOR_SVN);
    assertThat(shown.select("form[action$=/tags/remove]")).isNotEmpty();
    assertThat(page("/recommendations/" + code, null).select("form[action$=/tags/remove]"))
        .isEmpty();
  }

  @Test
  void aStaleEditIsRefusedAndChangesNothing() throws Exception {
    String code = someCode("CHN");
    long seen = version(code);
    mvc.perform(
            post("/recommendations/" + code + "/tags")
                .param("version", String.valueOf(seen))
                .param("kind", "AFFECTED_GROUP")
                .param("tag", "women")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "curation.tagged"));
    var result =
        mvc.perform(
                post("/recommendations/" + code + "/texts")
                    .param("version", String.valueOf(seen))
                    .param("language", "fr")
                    .param("text", "Texte écrit sur une version périmée")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn();
    assertThat(result.getFlashMap().get("curationError")).isEqualTo("curation.error.stale");
    assertThat(result.getFlashMap().get("textValue"))
        .as("what the person typed is given back")
        .isEqualTo("Texte écrit sur une version périmée");
    assertThat(
            jdbc.sql(
                    "select count(*) from recommendation_text t join recommendation r on r.id = t.recommendation_id where r.code = ? and t.language = 'fr'")
                .param(code)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aLanguageVersionIsShownToItsReadersAndSearchable() throws Exception {
    String code = someCode("CHN");
    mvc.perform(
            post("/recommendations/" + code + "/texts")
                .param("version", String.valueOf(version(code)))
                .param("language", "fr")
                .param(
                    "text",
                    "Garantir l’indépendance des avocats défenseurs (version française de CurationIT)")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "curation.text-added"));
    String found =
        mvc.perform(get("/api/v1/recommendations").param("q", "avocat défenseur CurationIT"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(found).get("items").get(0).get("code").asString()).isEqualTo(code);
    Document french = page("/recommendations/" + code + "?lang=fr", null);
    assertThat(french.select("blockquote").text()).contains("version française de CurationIT");
    Document english = page("/recommendations/" + code + "?lang=en", null);
    assertThat(english.select("blockquote").attr("lang")).isEqualTo("en");
  }

  @Test
  void theMachineSuggestsTagsLearnedFromTheTaggedOnesAndAPersonDecides() throws Exception {
    String csv =
        "state_under_review,mechanism,session,text,recommending_states,response\r\n"
            + "PRY,UPR,24,Investigate all allegations of torture and ill-treatment in places of detention and prosecute the perpetrators (CurationIT),Denmark,supported\r\n"
            + "PRY,UPR,24,Take measures to end violence against women and girls and guarantee their access to justice (CurationIT),Spain,supported\r\n";
    String report =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "untagged.csv",
                            "text/csv",
                            csv.getBytes(StandardCharsets.UTF_8)))
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String id = json.readTree(report).get("id").asString();
    mvc.perform(
            post("/api/v1/imports/" + id + "/apply").with(logins.as(DemoLogins.ADMIN)).with(csrf()))
        .andExpect(status().isOk());

    mvc.perform(
            post("/registry/suggestions")
                .param("state", "PRY")
                .with(logins.as(DemoLogins.FOCAL_POINT_PRY))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    String torture =
        jdbc.sql(
                "select code from recommendation where state_iso3 = 'PRY' and code in (select r.code from recommendation r join recommendation_text t on t.recommendation_id = r.id where t.text like 'Investigate all allegations of torture%CurationIT)')")
            .query(String.class)
            .single();
    List<String> suggested = tags(torture, "SUGGESTED");
    assertThat(suggested).as("learned from the demo matrices' tags").contains("THEME:D25");

    Document review = page("/registry/suggestions?state=PRY", DemoLogins.FOCAL_POINT_PRY);
    assertThat(review.text()).contains(torture);

    mvc.perform(
            post("/recommendations/" + torture + "/suggestions")
                .param("kind", "THEME")
                .param("tag", "D25")
                .param("accept", "true")
                .with(logins.as(DemoLogins.FOCAL_POINT_PRY))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "curation.confirmed"));
    assertThat(tags(torture, "CONFIRMED")).contains("THEME:D25");
    String other = suggested.stream().filter(t -> !t.equals("THEME:D25")).findFirst().orElse(null);
    if (other != null) {
      String[] kindCode = other.split(":", 2);
      mvc.perform(
              post("/recommendations/" + torture + "/suggestions")
                  .param("kind", kindCode[0])
                  .param("tag", kindCode[1])
                  .param("accept", "false")
                  .with(logins.as(DemoLogins.FOCAL_POINT_PRY))
                  .with(csrf()))
          .andExpect(flash().attribute("notice", "curation.rejected"));
      assertThat(tags(torture, "REJECTED")).contains(other);
    }
    String origin =
        jdbc.sql(
                "select t.origin from recommendation_tag t join recommendation r on r.id = t.recommendation_id where r.code = ? and t.code = 'D25'")
            .param(torture)
            .query(String.class)
            .single();
    assertThat(origin).isEqualTo("MACHINE");
    mvc.perform(get("/registry/suggestions").param("state", "PRY").with(logins.as(COORDINATOR_SVN)))
        .andExpect(status().isForbidden());
  }

  @Test
  void clustersAreProposedShownSideBySideAndCuratedByAPerson() throws Exception {
    mvc.perform(
            post("/registry/clusters/propose")
                .param("state", "SVN")
                .with(logins.as(DemoLogins.COORDINATOR_PRY))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/registry/clusters/propose")
                .param("state", "SVN")
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    List<UUID> clusters =
        jdbc.sql(
                """
                select c.id from recommendation_cluster c join recommendation r on r.cluster_id = c.id
                where c.state_iso3 = 'SVN' group by c.id having count(*) >= 3 order by count(*) desc
                """)
            .query(UUID.class)
            .list();
    assertThat(clusters).as("Slovenia's two reviews repeat asks").hasSizeGreaterThanOrEqualTo(2);
    UUID first = clusters.get(0);
    Document view = page("/recommendations/clusters/" + first, null);
    assertThat(view.select(".card")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(view.select("input[name=codes]"))
        .as("no curation controls for the public")
        .isEmpty();

    Document curator = page("/recommendations/clusters/" + first, COORDINATOR_SVN);
    List<String> members = curator.select("input[name=codes]").eachAttr("value");
    long clusterVersion =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(first)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + first + "/split")
                .param("version", String.valueOf(clusterVersion))
                .param("codes", members.get(0))
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "clusters.split"));
    assertThat(
            jdbc.sql("select cluster_id from recommendation where code = ?")
                .param(members.get(0))
                .query(UUID.class)
                .optional())
        .isEmpty();

    var stale =
        mvc.perform(
                post("/registry/clusters/" + first + "/accept")
                    .param("version", String.valueOf(clusterVersion))
                    .with(logins.as(COORDINATOR_SVN))
                    .with(csrf()))
            .andReturn();
    assertThat(stale.getFlashMap().get("clusterError")).isEqualTo("clusters.error.stale");

    long now =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(first)
            .query(Long.class)
            .single();
    long otherVersion =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(clusters.get(1))
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + first + "/merge")
                .param("version", String.valueOf(now))
                .param("other", clusters.get(1) + ":" + (otherVersion - 1))
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("clusterError", "clusters.error.stale"));
    assertThat(
            jdbc.sql("select count(*) from recommendation_cluster where id = ?")
                .param(clusters.get(1))
                .query(Long.class)
                .single())
        .as("a merge with a cluster changed since it was seen is refused")
        .isEqualTo(1);
    mvc.perform(
            post("/registry/clusters/" + first + "/merge")
                .param("version", String.valueOf(now))
                .param("other", clusters.get(1) + ":" + otherVersion)
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "clusters.merged"));
    now =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(first)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + first + "/accept")
                .param("version", String.valueOf(now))
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "clusters.accepted"));
    assertThat(
            jdbc.sql("select status from recommendation_cluster where id = ?")
                .param(first)
                .query(String.class)
                .single())
        .isEqualTo("ACCEPTED");
    assertThat(
            jdbc.sql("select count(*) from recommendation_cluster where id = ?")
                .param(clusters.get(1))
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(
        post("/registry/clusters/propose")
            .param("state", "SVN")
            .with(logins.as(COORDINATOR_SVN))
            .with(csrf()));
    assertThat(
            jdbc.sql("select status from recommendation_cluster where id = ?")
                .param(first)
                .query(String.class)
                .single())
        .as("an accepted cluster survives a new proposal")
        .isEqualTo("ACCEPTED");
    Document list = page("/recommendations/clusters?state=SVN", null);
    assertThat(list.select("table tbody tr")).isNotEmpty();
  }

  @Test
  void versionsInTheUnLanguagesAreSearchedWithTheirOwnAnalysis() throws Exception {
    String code =
        jdbc.sql(
                "select code from recommendation where state_iso3 = 'SVN' order by code desc limit 1")
            .query(String.class)
            .single();
    String[][] versions = {
      {"ru", "Расследовать все жалобы на пытки и привлечь виновных к ответственности", "пытками"},
      {"ar", "التحقيق في جميع حالات التعذيب ومحاسبة المسؤولين عنها", "والتعذيب"},
      {"zh", "调查所有酷刑案件并追究责任人", "酷刑"},
      {"es", "Investigar todas las denuncias de torturas y sancionar a los responsables", "tortura"}
    };
    for (String[] v : versions) {
      mvc.perform(
              post("/recommendations/" + code + "/texts")
                  .param("version", String.valueOf(version(code)))
                  .param("language", v[0])
                  .param("text", v[1])
                  .with(logins.as(DemoLogins.ADMIN))
                  .with(csrf()))
          .andExpect(flash().attribute("notice", "curation.text-added"));
    }
    for (String[] v : versions) {
      String found =
          mvc.perform(get("/api/v1/recommendations").param("q", v[2]).param("state", "SVN"))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(found).as("%s: %s", v[0], v[2]).contains(code);
    }
  }
}
