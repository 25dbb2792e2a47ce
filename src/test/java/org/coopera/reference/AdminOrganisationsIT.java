package org.coopera.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators add the organisations that accounts are scoped to, e.g. a national NHRI. */
@CooperaIntegrationTest
class AdminOrganisationsIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorAddsAnNhriAndScopesAnAccountToIt() throws Exception {
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "nhri_pry_test")
                .param("name", "Defensoría del Pueblo (test)")
                .param("kind", "NHRI")
                .param("stateIso3", "PRY"))
        .andExpect(redirectedUrl("/admin/organisations/NHRI_PRY_TEST"));
    assertThat(
            jdbc.sql(
                    "select actor from audit_entry where table_name = 'organisation' and"
                        + " record_id = 'NHRI_PRY_TEST' and operation = 'INSERT'")
                .query(String.class)
                .single())
        .isEqualTo(DemoLogins.ADMIN);

    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", "defensoria.test@example.org")
                .param("displayName", "Defensoría focal point")
                .param("password", "correct horse battery")
                .param("grants[0].role", "CIVIL_SOCIETY")
                .param("grants[0].organisation", "NHRI_PRY_TEST"))
        .andExpect(status().isFound());
    assertThat(
            jdbc.sql(
                    "select r.organisation_code from role_assignment r join account a on a.id ="
                        + " r.account_id where a.email = 'defensoria.test@example.org'")
                .query(String.class)
                .single())
        .isEqualTo("NHRI_PRY_TEST");
  }

  @Test
  void badOrganisationsAreRefusedWithTheirReason() throws Exception {
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "OHCHR")
                .param("name", "Another OHCHR")
                .param("kind", "UN_ENTITY"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("code OHCHR already exists")));
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "bad code!")
                .param("name", "Bad code")
                .param("kind", "NGO"))
        .andExpect(content().string(containsString("2 to 40 capital letters")));
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "NO_KIND")
                .param("name", "No kind"))
        .andExpect(content().string(containsString("Choose the kind of organisation")));
    assertThat(
            jdbc.sql("select count(*) from organisation where code in ('NO_KIND', 'BAD_CODE')")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aStaleEditIsRefused() throws Exception {
    mvc.perform(
            post("/admin/organisations")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("code", "STALE_ORG")
                .param("name", "Stale organisation")
                .param("kind", "NGO"))
        .andExpect(status().isFound());
    mvc.perform(
            post("/admin/organisations/STALE_ORG")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("version", "0")
                .param("name", "Renamed by the first editor")
                .param("kind", "NGO"))
        .andExpect(redirectedUrl("/admin/organisations/STALE_ORG"));
    mvc.perform(
            post("/admin/organisations/STALE_ORG")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("version", "0")
                .param("name", "Renamed by the second editor")
                .param("kind", "NGO"))
        .andExpect(content().string(containsString("Someone else changed this organisation")));
    assertThat(
            jdbc.sql("select name from organisation where code = 'STALE_ORG'")
                .query(String.class)
                .single())
        .isEqualTo("Renamed by the first editor");
  }

  @Test
  void onlyAdministratorsManageOrganisations() throws Exception {
    mvc.perform(get("/admin/organisations").with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/admin/organisations").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("Office of the United Nations High Commissioner")));
  }
}
