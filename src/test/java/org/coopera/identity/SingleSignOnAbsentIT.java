package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With no OpenID Connect provider configured (the default), nothing of single sign-on exists: no
 * button on the sign-in page, and its routes are served by nobody (a stranger is sent to the
 * sign-in page as for any unknown page, a signed-in person finds nothing).
 */
@CooperaIntegrationTest
class SingleSignOnAbsentIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;

  @Test
  void theSignInPageOffersNoProvider() throws Exception {
    String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("id=\"email\"").doesNotContain("id=\"sso\"", "/oauth2/authorization");
  }

  @Test
  void theSingleSignOnRoutesAreNotServed() throws Exception {
    mvc.perform(get("/oauth2/authorization/idp"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/login/oauth2/code/idp").param("code", "x").param("state", "y"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/oauth2/authorization/idp").with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isNotFound());
  }
}
