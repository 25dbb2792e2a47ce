package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.coopera.identity.internal.AccountService;
import org.coopera.identity.internal.ApiTokens;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A person's own account page: password change with its rules, API tokens shown once. */
@CooperaIntegrationTest
class ProfileIT {

  private static final String PASSWORD = "correct horse battery";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired UserDetailsService users;
  @Autowired ApiTokens tokens;

  @Test
  void changingThePasswordChecksTheCurrentOneAndTheRules() throws Exception {
    String email = "profile-" + UUID.randomUUID() + "@example.org";
    accounts.create(email, "Profile Person", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);
    RequestPostProcessor me = user(users.loadUserByUsername(email));

    changePassword(me, "not my password", "another long passphrase", "another long passphrase")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The current password is not correct.")));
    changePassword(me, PASSWORD, "another long passphrase", "a different passphrase")
        .andExpect(content().string(containsString("The two new passwords are not the same.")));
    changePassword(me, PASSWORD, "another long passphrase", "another long passphrase")
        .andExpect(redirectedUrl("/profile"))
        .andExpect(flash().attribute("notice", "profile.password.changed"));

    mvc.perform(
            post("/login")
                .with(csrf())
                .param("email", email)
                .param("password", "another long passphrase"))
        .andExpect(redirectedUrl("/"));
    mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD))
        .andExpect(redirectedUrl("/login?error"));
  }

  private org.springframework.test.web.servlet.ResultActions changePassword(
      RequestPostProcessor me, String current, String password, String confirmation)
      throws Exception {
    return mvc.perform(
        post("/profile/password")
            .with(me)
            .with(csrf())
            .param("currentPassword", current)
            .param("newPassword", password)
            .param("confirmPassword", confirmation));
  }

  @Test
  void theChosenLanguageIsRememberedForTheNextSignIn() throws Exception {
    String email = "polyglot-" + UUID.randomUUID() + "@example.org";
    accounts.create(email, "Polyglot", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);

    mvc.perform(get("/").with(user(users.loadUserByUsername(email))).param("lang", "fr"))
        .andExpect(status().isOk());
    mvc.perform(
            post("/login")
                .with(csrf())
                .header("Accept-Language", "en")
                .param("email", email)
                .param("password", PASSWORD))
        .andExpect(redirectedUrl("/"))
        .andExpect(cookie().value("coopera-lang", "fr"));
  }

  @Test
  void aTokenIsShownOnceListedByItsPrefixAndRevocable() throws Exception {
    String email = "tokens-" + UUID.randomUUID() + "@example.org";
    UUID accountId =
        accounts.create(email, "Token Person", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);
    RequestPostProcessor me = user(users.loadUserByUsername(email));

    org.springframework.test.web.servlet.MvcResult created =
        mvc.perform(
                post("/profile/tokens")
                    .with(me)
                    .with(csrf())
                    .param("name", "reporting script")
                    .param("days", "30")
                    .param("nonce", "form-1"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Copy it now")))
            .andReturn();
    ApiTokens.IssuedToken issued =
        (ApiTokens.IssuedToken) created.getModelAndView().getModel().get("issuedToken");
    jakarta.servlet.http.Cookie session = created.getResponse().getCookie("SESSION");
    assertThat(issued.secret()).startsWith("cpa_").hasSizeGreaterThan(40);

    mvc.perform(
            post("/profile/tokens")
                .with(me)
                .with(csrf())
                .cookie(session)
                .param("name", "reporting script")
                .param("days", "30")
                .param("nonce", "form-1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This form was already sent")));
    assertThat(tokens.tokensOf(accountId)).as("a reload creates no second token").hasSize(1);

    String page =
        mvc.perform(get("/profile").with(me))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("reporting script")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .as("the secret is never shown again, only its prefix")
        .doesNotContain(issued.secret())
        .contains(issued.secret().substring(0, 10));

    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + issued.secret()))
        .andExpect(status().isOk());
    mvc.perform(post("/profile/tokens/" + issued.id() + "/revoke").with(me).with(csrf()))
        .andExpect(flash().attribute("notice", "tokens.revoked"));
    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + issued.secret()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void nobodyRevokesAnotherPersonsToken() throws Exception {
    String owner = "owner-" + UUID.randomUUID() + "@example.org";
    UUID ownerId =
        accounts.create(owner, "Owner", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);
    String other = "other-" + UUID.randomUUID() + "@example.org";
    accounts.create(other, "Other", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);
    ApiTokens.IssuedToken issued =
        tokens.issue(ownerId, "mine", null, org.coopera.identity.internal.TokenScope.READ_WRITE);

    mvc.perform(
            post("/profile/tokens/" + issued.id() + "/revoke")
                .with(user(users.loadUserByUsername(other)))
                .with(csrf()))
        .andExpect(flash().attribute("notice", "tokens.not-found"));
    mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + issued.secret()))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(issued.secret()))));
  }
}
