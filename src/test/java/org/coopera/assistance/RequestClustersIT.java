package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request addresses the State's accepted clusters of recommendations from the form as well as the
 * API; a cluster that is not the State's own accepted one is refused with the reason and nothing is
 * saved; the list of requests says what each request says on its own.
 */
@CooperaIntegrationTest
class RequestClustersIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void theFormLinksTheStatesAcceptedClustersAndTheRequestShowsThem() throws Exception {
    UUID cluster = acceptedCluster();
    String label =
        jdbc.sql("select label from recommendation_cluster where id = ?")
            .param(cluster)
            .query(String.class)
            .single();
    long members =
        jdbc.sql("select count(*) from recommendation where cluster_id = ?")
            .param(cluster)
            .query(Long.class)
            .single();
    Document form = page("/assistance/states/SVN/requests/new?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(form.select("#clusters input[name=clusters][value=" + cluster + "]")).hasSize(1);
    assertThat(form.select("label[for=cluster-" + cluster + "]").text())
        .isEqualTo(label + " (" + members + " recommendations)");
    // only accepted clusters of the State are offered
    assertThat(form.select("#clusters input[name=clusters]").size())
        .isEqualTo(
            jdbc.sql(
                    "select count(*) from recommendation_cluster where state_iso3 = 'SVN'"
                        + " and status = 'ACCEPTED'")
                .query(Long.class)
                .single()
                .intValue());

    String title = "Clusters on the page " + UUID.randomUUID();
    String location =
        mvc.perform(
                post("/assistance/states/SVN/requests")
                    .param("title", title)
                    .param("areas", "JUSTICE")
                    .param("clusters", cluster.toString())
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID request = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            jdbc.sql("select cluster_id from assistance_request_cluster where request_id = ?")
                .param(request)
                .query(UUID.class)
                .list())
        .containsExactly(cluster);
    Document shown =
        page("/assistance/requests/" + request + "?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(shown.select("#request-clusters a[href=/recommendations/clusters/" + cluster + "]"))
        .hasSize(1);
    assertThat(shown.select("#request-clusters").text()).contains(label);

    // a change naming another State's cluster is refused on the edit page, the typing kept
    UUID chinese =
        jdbc.sql("select id from recommendation_cluster where state_iso3 = 'CHN' limit 1")
            .query(UUID.class)
            .single();
    long version =
        jdbc.sql("select version from assistance_request where id = ?")
            .param(request)
            .query(Long.class)
            .single();
    Document refused =
        Jsoup.parse(
            mvc.perform(
                    post("/assistance/requests/" + request + "?lang=en")
                        .param("version", String.valueOf(version))
                        .param("title", "Changed title")
                        .param("clusters", chinese.toString())
                        .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(refused.select("div.alert-danger").text())
        .isEqualTo("No accepted cluster " + chinese + " of this State.");
    assertThat(refused.select("#title").val()).isEqualTo("Changed title");
    assertThat(refused.select("input[name=version]").val()).isEqualTo(String.valueOf(version));

    // the edit form comes back with the cluster ticked
    Document edit =
        page("/assistance/requests/" + request + "/edit?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(edit.select("input[name=clusters][value=" + cluster + "][checked]")).hasSize(1);
  }

  @Test
  void anotherStatesOrAProposedClusterIsRefusedAndNothingIsSaved() throws Exception {
    UUID chinese =
        jdbc.sql("select id from recommendation_cluster where state_iso3 = 'CHN' limit 1")
            .query(UUID.class)
            .single();
    UUID proposed =
        jdbc.sql(
                "select id from recommendation_cluster where state_iso3 = 'SVN'"
                    + " and status = 'PROPOSED' limit 1")
            .query(UUID.class)
            .single();
    for (UUID cluster : List.of(chinese, proposed)) {
      String title = "Refused cluster " + UUID.randomUUID();
      String body =
          mvc.perform(
                  post("/assistance/states/SVN/requests?lang=en")
                      .param("title", title)
                      .param("summary", "Typed summary")
                      .param("clusters", cluster.toString())
                      .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                      .with(csrf()))
              .andExpect(status().isBadRequest())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      Document page = Jsoup.parse(body);
      assertThat(page.select("div.alert-danger").text())
          .isEqualTo("No accepted cluster " + cluster + " of this State.");
      assertThat(page.select("#title").val()).isEqualTo(title);
      assertThat(page.select("#summary").text()).isEqualTo("Typed summary");
      assertThat(
              jdbc.sql("select count(*) from assistance_request where title = ?")
                  .param(title)
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  @Test
  void theListSaysWhatEachRequestSaysOnItsOwn() throws Exception {
    UUID cluster = acceptedCluster();
    List<String> codes =
        jdbc.sql(
                "select code from recommendation where state_iso3 = 'SVN' and cluster_id is null"
                    + " order by code limit 3")
            .query(String.class)
            .list();
    for (int i = 0; i < 3; i++) {
      String body =
          """
          {"state": "SVN", "title": "Listed %d %s", "summary": "Why %d",
           "areas": ["POLICE", "JUSTICE"], "forms": ["TRAINING"], "languages": ["en", "fr"],
           "priorities": ["First %d", "Second %d"], "recommendations": ["%s"%s],
           "clusters": [%s], "providers": ["org:OHCHR"%s], "confidential": %s}
          """
              .formatted(
                  i,
                  UUID.randomUUID(),
                  i,
                  i,
                  i,
                  codes.get(i),
                  i == 0 ? ", \"" + codes.get(1) + "\"" : "",
                  i == 1 ? "" : "\"" + cluster + "\"",
                  i == 2 ? ", \"state:AUT\"" : "",
                  i == 2);
      mvc.perform(
              post("/api/v1/assistance/requests")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body)
                  .with(logins.as(DemoLogins.COORDINATOR_SVN)))
          .andExpect(status().isCreated());
    }
    JsonNode list = read(call("/api/v1/assistance/requests?state=SVN", DemoLogins.COORDINATOR_SVN));
    assertThat(list.size()).isGreaterThanOrEqualTo(3);
    int withClusters = 0;
    for (JsonNode each : list) {
      JsonNode one =
          read(
              call(
                  "/api/v1/assistance/requests/" + each.get("id").asString(),
                  DemoLogins.COORDINATOR_SVN));
      assertThat(each).as(each.get("title").asString()).isEqualTo(one);
      if (!each.get("clusters").isEmpty()) {
        withClusters++;
      }
    }
    assertThat(withClusters).isGreaterThanOrEqualTo(2);
    // the order is the list's: newest first
    List<String> titles = JsonPath.read(list.toString(), "$[*].title");
    assertThat(titles.get(0)).startsWith("Listed 2 ");
    assertThat(titles.get(1)).startsWith("Listed 1 ");
    assertThat(titles.get(2)).startsWith("Listed 0 ");
  }

  /** One of Slovenia's demo clusters, accepted by its coordinator through the registry. */
  UUID acceptedCluster() throws Exception {
    List<UUID> accepted =
        jdbc.sql(
                "select id from recommendation_cluster where state_iso3 = 'SVN'"
                    + " and status = 'ACCEPTED' order by id desc limit 1")
            .query(UUID.class)
            .list();
    if (!accepted.isEmpty()) {
      return accepted.get(0);
    }
    UUID cluster =
        jdbc.sql(
                """
                select c.id from recommendation_cluster c
                where c.state_iso3 = 'SVN' and c.status = 'PROPOSED'
                  and (select count(*) from recommendation r where r.cluster_id = c.id) >= 3
                order by c.id desc limit 1
                """)
            .query(UUID.class)
            .single();
    long version =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(cluster)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + cluster + "/accept")
                .param("version", String.valueOf(version))
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    return cluster;
  }

  ResultActions call(String path, String who) throws Exception {
    return mvc.perform(get(path).with(logins.as(who))).andExpect(status().isOk());
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(
        result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  Document page(String path, String who) throws Exception {
    return Jsoup.parse(
        call(path, who).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
