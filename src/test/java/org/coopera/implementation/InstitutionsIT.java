package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A State's institutions over HTTP as each role: its officials see them, its coordinators (and
 * administrators) edit them, nobody else sees anything; bad input and stale edits change nothing.
 */
@CooperaIntegrationTest
class InstitutionsIT {

  static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Test
  void onlyTheStatesOfficialsAndAdministratorsSeeItsWorkspace() throws Exception {
    for (String who : List.of(DemoLogins.ADMIN, DemoLogins.COORDINATOR_PRY)) {
      Document page = page("/workspace/PRY/institutions?lang=en", who);
      assertThat(page.select("table").text())
          .contains("Ministerio de Justicia", "Defensoría del Pueblo");
      assertThat(page.select("form[action$=/institutions]")).as(who + " adds").hasSize(1);
    }
    Document focal = page("/workspace/PRY/institutions?lang=en", DemoLogins.FOCAL_POINT_PRY);
    assertThat(focal.select("table").text()).contains("Ministerio de Justicia");
    assertThat(focal.select("form[action$=/institutions]"))
        .as("a focal point reads only")
        .isEmpty();

    for (String who :
        List.of(
            COORDINATOR_SVN,
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.CIVIL_SOCIETY,
            DemoLogins.DONOR,
            DemoLogins.TRAINER,
            DemoLogins.FUND_MANAGER)) {
      mvc.perform(get("/workspace/PRY/institutions").with(logins.as(who)))
          .andExpect(status().isForbidden());
      mvc.perform(
              get("/workspace/PRY/institutions/" + institution("PRY", "Ministerio de Justicia"))
                  .with(logins.as(who)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/workspace/PRY/institutions")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/workspace/XYZ/institutions").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/workspace/SVN/institutions/" + institution("PRY", "Ministerio de Justicia"))
                .with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
  }

  @Test
  void theWayInLeadsEachOfficialToTheirState() throws Exception {
    mvc.perform(get("/workspace").with(logins.as(DemoLogins.FOCAL_POINT_PRY)))
        .andExpect(redirectedUrl("/workspace/PRY"));
    assertThat(page("/workspace?lang=en", DemoLogins.ADMIN).select("a[href^=/workspace/]"))
        .hasSizeGreaterThan(190);
    mvc.perform(get("/workspace").with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theCoordinatorAddsAnInstitutionWithItsFocalPoint() throws Exception {
    UUID focal = account(DemoLogins.FOCAL_POINT_PRY);
    MvcResult created =
        mvc.perform(
                post("/workspace/PRY/institutions")
                    .param("name", "  Ministerio de  Educación y Ciencias ")
                    .param("acronym", "MEC")
                    .param("kind", "ministry")
                    .param("focalPoints", focal.toString())
                    .with(logins.as(DemoLogins.COORDINATOR_PRY))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = created.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/workspace/PRY/institutions/");

    Document page = page(location + "?lang=en", DemoLogins.FOCAL_POINT_PRY);
    assertThat(page.select("h1").text()).isEqualTo("Ministerio de Educación y Ciencias (MEC)");
    assertThat(page.select("dl").text()).contains("Ministry").contains("Demo Focal Point");
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(
            jdbc.sql(
                    "select actor from audit_entry where table_name = 'institution' and record_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(DemoLogins.COORDINATOR_PRY);

    for (String who : List.of(DemoLogins.FOCAL_POINT_PRY, COORDINATOR_SVN)) {
      mvc.perform(
              post("/workspace/PRY/institutions")
                  .param("name", "Ministerio del Interior")
                  .param("kind", "ministry")
                  .with(logins.as(who))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertThat(count("Ministerio del Interior")).isZero();
  }

  @Test
  void badInputIsRefusedWithItsReasonKeepsWhatWasTypedAndCreatesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from institution").query(Long.class).single();
    UUID otherState = account(COORDINATOR_SVN);
    record Case(String name, String kind, String focal, String message) {}
    for (Case c :
        List.of(
            new Case("", "ministry", null, "Give the institution's name."),
            new Case(
                "Secretaría Nacional de la Niñez", "", null, "Choose the kind of institution."),
            new Case(
                "ministerio de justicia",
                "ministry",
                null,
                "This State already has an institution named “ministerio de justicia”."),
            new Case(
                "Secretaría Nacional de la Niñez",
                "agency",
                otherState.toString(),
                "A focal point must be an official of this State (an account with a role for it)."))) {
      var request =
          post("/workspace/PRY/institutions?lang=en")
              .param("name", c.name())
              .param("acronym", "SNNA")
              .param("kind", c.kind())
              .with(logins.as(DemoLogins.COORDINATOR_PRY))
              .with(csrf());
      if (c.focal() != null) {
        request.param("focalPoints", c.focal());
      }
      Document page =
          Jsoup.parse(
              mvc.perform(request)
                  .andExpect(status().isBadRequest())
                  .andReturn()
                  .getResponse()
                  .getContentAsString(StandardCharsets.UTF_8));
      assertThat(page.select(".alert-danger").text()).isEqualTo(c.message());
      assertThat(page.select("#acronym").val()).as("what was typed is kept").isEqualTo("SNNA");
    }
    assertThat(jdbc.sql("select count(*) from institution").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aStaleEditIsRefusedShowingTheOtherChangeAndWhatWasTyped() throws Exception {
    UUID id = institution("PRY", "Corte Suprema de Justicia");
    long version =
        jdbc.sql("select version from institution where id = ?")
            .param(id)
            .query(Long.class)
            .single();

    mvc.perform(
            post("/workspace/PRY/institutions/" + id)
                .param("version", String.valueOf(version))
                .param("name", "Corte Suprema de Justicia")
                .param("acronym", "CSJ")
                .param("kind", "judiciary")
                .param("active", "true")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    Document refused =
        Jsoup.parse(
            mvc.perform(
                    post("/workspace/PRY/institutions/" + id + "?lang=en")
                        .param("version", String.valueOf(version))
                        .param("name", "Poder Judicial")
                        .param("kind", "judiciary")
                        .param("active", "true")
                        .with(logins.as(DemoLogins.COORDINATOR_PRY))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(refused.select(".alert-warning").text())
        .startsWith("Someone saved this institution while you were editing it")
        .contains("Poder Judicial");
    assertThat(refused.select("#name").val()).isEqualTo("Corte Suprema de Justicia");
    assertThat(
            jdbc.sql("select name from institution where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Corte Suprema de Justicia");
  }

  @Test
  void theApiFollowsTheSameRules() throws Exception {
    String list =
        mvc.perform(get("/api/v1/workspaces/SVN/institutions").with(logins.as(COORDINATOR_SVN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(list).findValuesAsString("name"))
        .contains("Ministry of Foreign and European Affairs", "Human Rights Ombudsman");
    mvc.perform(get("/api/v1/workspaces/SVN/institutions")).andExpect(status().isUnauthorized());
    for (String who : List.of(DemoLogins.COORDINATOR_PRY, DemoLogins.AGENCY_OFFICER)) {
      mvc.perform(get("/api/v1/workspaces/SVN/institutions").with(logins.as(who)))
          .andExpect(status().isForbidden());
    }

    String created =
        mvc.perform(
                post("/api/v1/workspaces/SVN/institutions")
                    .contentType("application/json")
                    .content(
                        "{\"name\": \"Government Office for Development and European Cohesion Policy\","
                            + " \"kind\": \"agency\", \"focalPoints\": [\""
                            + account(COORDINATOR_SVN)
                            + "\"]}")
                    .with(logins.as(COORDINATOR_SVN))
                    .with(csrf()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var institution = json.readTree(created);
    assertThat(institution.get("kind").asString()).isEqualTo("agency");
    assertThat(institution.get("focalPoints").get(0).get("email").asString())
        .isEqualTo(COORDINATOR_SVN);
    String id = institution.get("id").asString();
    long version = institution.get("version").asLong();

    mvc.perform(
            put("/api/v1/workspaces/SVN/institutions/" + id)
                .contentType("application/json")
                .content("{\"version\": " + version + ", \"name\": \"GODC\", \"kind\": \"agency\"}")
                .with(logins.as(COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().isOk());
    String conflict =
        mvc.perform(
                put("/api/v1/workspaces/SVN/institutions/" + id)
                    .contentType("application/json")
                    .content(
                        "{\"version\": " + version + ", \"name\": \"Other\", \"kind\": \"agency\"}")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(conflict).get("current").get("name").asString()).isEqualTo("GODC");

    String invalid =
        mvc.perform(
                post("/api/v1/workspaces/SVN/institutions")
                    .contentType("application/json")
                    .content("{\"name\": \"\", \"kind\": \"agency\"}")
                    .with(logins.as(COORDINATOR_SVN))
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(invalid).get("detail").asString())
        .isEqualTo("Give the institution's name.");
    assertThat(json.readTree(invalid).get("field").asString()).isEqualTo("name");
    mvc.perform(
            post("/api/v1/workspaces/SVN/institutions")
                .contentType("application/json")
                .content("{\"name\": \"Ministry of Health\", \"kind\": \"ministry\"}")
                .with(logins.as(DemoLogins.FOCAL_POINT_PRY))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/workspaces/SVN/institutions/"
                    + institution("PRY", "Ministerio de Justicia"))
                .with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
  }

  private UUID institution(String iso3, String name) {
    return jdbc.sql("select id from institution where state_iso3 = ? and name = ?")
        .params(iso3, name)
        .query(UUID.class)
        .single();
  }

  private long count(String name) {
    return jdbc.sql("select count(*) from institution where name = ?")
        .param(name)
        .query(Long.class)
        .single();
  }

  private UUID account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private Document page(String path, String as) throws Exception {
    return Jsoup.parse(
        mvc.perform(get(path).with(logins.as(as)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }
}
