package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who may reach what: anonymous, each role, CSRF, sign-in throttling, API tokens. */
@CooperaIntegrationTest
class SecurityIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired org.coopera.identity.internal.AccountService accounts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void anonymousVisitorsAreSentToSignInFromAdministratorPages() throws Exception {
    for (String page : new String[] {"/admin/accounts", "/admin/accounts/new", "/admin/audit"}) {
      mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }
  }

  @Test
  void onlyAdministratorsReachAdministratorPages() throws Exception {
    mvc.perform(get("/admin/accounts").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isOk());
    for (String email :
        new String[] {
          DemoLogins.COORDINATOR_PRY,
          DemoLogins.FOCAL_POINT_PRY,
          DemoLogins.AGENCY_OFFICER,
          DemoLogins.FUND_MANAGER,
          DemoLogins.DONOR,
          DemoLogins.TRAINER,
          DemoLogins.CIVIL_SOCIETY
        }) {
      mvc.perform(get("/admin/audit").with(logins.as(email))).andExpect(status().isForbidden());
      mvc.perform(get("/admin/accounts").with(logins.as(email))).andExpect(status().isForbidden());
    }
  }

  @Test
  void publicPagesAreOpenToAnonymousVisitors() throws Exception {
    for (String page : new String[] {"/", "/states", "/states/PRY", "/login"}) {
      mvc.perform(get(page)).andExpect(status().isOk());
    }
  }

  @Test
  void aPostWithoutCsrfTokenIsRefused() throws Exception {
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .param("email", "no-csrf@example.org")
                .param("displayName", "No CSRF")
                .param("password", "a-long-enough-password"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/login").param("email", DemoLogins.ADMIN).param("password", DemoLogins.PASSWORD))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/profile/password")
                .with(logins.as(DemoLogins.TRAINER))
                .param("currentPassword", DemoLogins.PASSWORD)
                .param("newPassword", "changed-without-csrf")
                .param("confirmPassword", "changed-without-csrf"))
        .andExpect(status().isForbidden());
  }

  @Test
  void badPasswordsGetOneGenericMessage() throws Exception {
    mvc.perform(
            post("/login")
                .with(csrf())
                .param("email", DemoLogins.COORDINATOR_PRY)
                .param("password", "wrong password"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(
            post("/login")
                .with(csrf())
                .param("email", "nobody@example.org")
                .param("password", "wrong password"))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(get("/login").param("error", ""))
        .andExpect(content().string(containsString("is not correct, or too many attempts")));
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
    // an account of its own: locking a demo account would lock out the other tests that use it
    String email = "guessed-" + java.util.UUID.randomUUID() + "@example.org";
    accounts.create(
        email,
        "Guessed Person",
        DemoLogins.PASSWORD,
        java.util.List.of(Grant.of(Role.TRAINER)),
        false);
    guessFiveTimes(email, "192.0.2.10");
    mvc.perform(
            post("/login")
                .with(csrf())
                .with(r -> remote(r, "192.0.2.11"))
                .param("email", email)
                .param("password", DemoLogins.PASSWORD))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"" + email + "\",\"password\":\"" + DemoLogins.PASSWORD + "\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aLockedAccountAndAnUnknownAddressGetTheSameAnswer() throws Exception {
    String existing = "locked-" + java.util.UUID.randomUUID() + "@example.org";
    accounts.create(
        existing,
        "Locked Person",
        "correct horse battery",
        java.util.List.of(Grant.of(Role.TRAINER)),
        false);
    String unknown = "nobody-" + java.util.UUID.randomUUID() + "@example.org";
    java.util.List<String> answers = new java.util.ArrayList<>();
    for (String email : new String[] {existing, unknown}) {
      guessFiveTimes(email, "192.0.2.30");
      mvc.perform(
              post("/login")
                  .with(csrf())
                  .with(r -> remote(r, "192.0.2.31"))
                  .param("email", email)
                  .param("password", "correct horse battery"))
          .andExpect(redirectedUrl("/login?error"));
      answers.add(
          mvc.perform(
                  post("/api/v1/tokens")
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
              .andExpect(status().isUnauthorized())
              .andExpect(jsonPath("$.code").value("bad-credentials"))
              .andReturn()
              .getResponse()
              .getContentAsString()
              .replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1"));
    }
    assertThat(answers.get(0))
        .as("nothing tells a locked account from one that does not exist")
        .isEqualTo(answers.get(1));
  }

  @Test
  void apiTokensAuthenticateUntilRevoked() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\":\""
                            + DemoLogins.ADMIN
                            + "\",\"password\":\""
                            + DemoLogins.PASSWORD
                            + "\",\"code\":\""
                            + logins.unusedCode(DemoLogins.ADMIN)
                            + "\",\"scope\":\"read-write\",\"name\":\"monitoring\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.token").value(org.hamcrest.Matchers.startsWith("cpa_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").isNumber())
        .andExpect(jsonPath("$.items[0].name").value("monitoring"));
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + token))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("not-found"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v1/states")
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(jsonPath("$.code").value("method-not-allowed"));
    assertThat(
            jdbc.sql(
                    "select actor from audit_entry where table_name = 'api_token' and record_id = ?"
                        + " and operation = 'UPDATE' and (changes -> 'last_used_at') is not null")
                .param(id)
                .query(String.class)
                .list())
        .as("recording the token's use is attributed to its owner")
        .containsExactly(DemoLogins.ADMIN);
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/tokens/" + java.util.UUID.randomUUID())
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/tokens/" + id)
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unauthenticated"));
  }

  @Test
  void theApiRefusesAnonymousCallersWithProblemDetails() throws Exception {
    mvc.perform(get("/api/v1/tokens"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/states").header("Authorization", "Bearer cpa_not-a-real-token"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + DemoLogins.ADMIN + "\",\"password\":\"wrong\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("bad-credentials"));
  }

  @Test
  void anAgencyOfficerTokenMayNotScrapeMetrics() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\":\""
                            + DemoLogins.AGENCY_OFFICER
                            + "\",\"password\":\""
                            + DemoLogins.PASSWORD
                            + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
  }

  @Test
  void pagesCarrySecurityHeaders() throws Exception {
    mvc.perform(get("/"))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().exists("Referrer-Policy"));
  }

  private static org.springframework.mock.web.MockHttpServletRequest remote(
      org.springframework.mock.web.MockHttpServletRequest request, String address) {
    request.setRemoteAddr(address);
    return request;
  }

  /** Five wrong passwords for one e-mail address from one network address: enough to lock it. */
  private void guessFiveTimes(String email, String address) throws Exception {
    for (int i = 0; i < 5; i++) {
      mvc.perform(
              post("/login")
                  .with(csrf())
                  .with(r -> remote(r, address))
                  .param("email", email)
                  .param("password", "guess number " + i))
          .andExpect(redirectedUrl("/login?error"));
    }
  }
}
