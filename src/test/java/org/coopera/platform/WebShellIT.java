package org.coopera.platform;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public pages, in the visitor's language. */
@CooperaIntegrationTest
class WebShellIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;

  @Test
  void theHomePageShowsLiveCounts() throws Exception {
    mvc.perform(get("/"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html lang=\"en\" dir=\"ltr\">")))
        .andExpect(content().string(containsString(">195<")))
        .andExpect(content().string(containsString(">169<")))
        .andExpect(content().string(containsString("Skip to main content")));
  }

  @Test
  void theLanguageComesFromTheBrowser() throws Exception {
    mvc.perform(get("/").header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8"))
        .andExpect(content().string(containsString("<html lang=\"fr\" dir=\"ltr\">")))
        .andExpect(content().string(containsString("Aller au contenu principal")));
    mvc.perform(get("/").header("Accept-Language", "de-DE, fr;q=0.5"))
        .andExpect(content().string(containsString("lang=\"fr\"")));
    mvc.perform(get("/").header("Accept-Language", "ja"))
        .andExpect(content().string(containsString("lang=\"en\"")));
  }

  @Test
  void theSwitcherChangesTheLanguageAndRemembersIt() throws Exception {
    Cookie remembered =
        mvc.perform(get("/states").param("lang", "fr"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Afrique subsaharienne")))
            .andExpect(cookie().exists("coopera-lang"))
            .andReturn()
            .getResponse()
            .getCookie("coopera-lang");
    mvc.perform(get("/").cookie(remembered).header("Accept-Language", "en"))
        .andExpect(content().string(containsString("lang=\"fr\"")));
    mvc.perform(get("/").param("lang", "xx")).andExpect(cookie().doesNotExist("coopera-lang"));
  }

  @Test
  void theDirectoryFiltersByRegionGroupingAndName() throws Exception {
    mvc.perform(get("/states").param("region", "419").param("group", "lldc"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Paraguay"), containsString("2 States"))))
        .andExpect(content().string(not(containsString("Brazil"))));
    mvc.perform(get("/states").param("q", "zzzz"))
        .andExpect(content().string(containsString("No State matches these filters")));
    mvc.perform(get("/states").param("region", "999")).andExpect(status().isBadRequest());
  }

  @Test
  void theFilteredDirectoryDownloadsAsCsv() throws Exception {
    String csv =
        mvc.perform(get("/states/export.csv").param("region", "419").param("group", "lldc"))
            .andExpect(status().isOk())
            .andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                    .string("Content-Disposition", containsString("coopera-states.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    org.assertj.core.api.Assertions.assertThat(csv.lines())
        .containsExactly(
            "\uFEFFiso3,iso2,m49,name,region,sub_region,intermediate_region,un_status,ldc,lldc,sids",
            "BOL,BO,068,Bolivia (Plurinational State of),Americas,Latin America and the"
                + " Caribbean,South America,MEMBER,false,true,false",
            "PRY,PY,600,Paraguay,Americas,Latin America and the Caribbean,South"
                + " America,MEMBER,false,true,false");
  }

  @Test
  void aStateProfileShowsItsRegionAndGroupings() throws Exception {
    mvc.perform(get("/states/PRY"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Paraguay")))
        .andExpect(content().string(containsString("South America")))
        .andExpect(content().string(containsString("Landlocked developing countries")));
    mvc.perform(get("/states/VAT"))
        .andExpect(content().string(containsString("Non-member observer State")));
  }

  @Test
  void signedInPeopleSeeTheirNameAndAdministratorsTheirMenu() throws Exception {
    mvc.perform(get("/").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(content().string(containsString("Demo Administrator")))
        .andExpect(content().string(containsString("/admin/audit")));
    mvc.perform(get("/").with(logins.as(DemoLogins.TRAINER)))
        .andExpect(content().string(containsString("Demo Trainer")))
        .andExpect(content().string(not(containsString("/admin/audit"))));
  }

  @Test
  void theProfilePageListsRolesAndTokens() throws Exception {
    mvc.perform(get("/profile").with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("State coordinator")))
        .andExpect(content().string(containsString("for PRY")))
        .andExpect(content().string(containsString("You have no API tokens")));
  }
}
