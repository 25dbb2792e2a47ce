package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.StartupProblem;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A password from the public lists of common and breached passwords is refused wherever a password
 * is set: one's own change, an administrator creating or resetting an account, the first
 * administrator at start-up. Nothing is changed by a refusal.
 */
@CooperaIntegrationTest
class BreachedPasswordIT {

  private static final String PASSWORD = "correct horse battery";
  private static final String BREACHED = "Qwerty123456";
  private static final String ENGLISH = "This password appears in public lists";
  private static final String FRENCH = "Ce mot de passe figure dans des listes publiques";

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired UserDetailsService users;
  @Autowired DemoLogins logins;
  @Autowired PasswordEncoder encoders;
  @Autowired MessageSource messages;
  @Autowired TwoFactor twoFactor;

  @Test
  void changingOnesOwnPasswordToABreachedOneIsRefusedInTheChosenLanguage() throws Exception {
    String email = "breached-" + UUID.randomUUID() + "@example.org";
    accounts.create(email, "Breached Person", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);

    for (String[] language : new String[][] {{"en", ENGLISH}, {"fr", FRENCH}}) {
      mvc.perform(
              post("/profile/password")
                  .with(user(users.loadUserByUsername(email)))
                  .with(csrf())
                  .header("Accept-Language", language[0])
                  .param("currentPassword", PASSWORD)
                  .param("newPassword", BREACHED)
                  .param("confirmPassword", BREACHED))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString(language[1])));
    }
    assertThat(encoders.matches(PASSWORD, users.loadUserByUsername(email).getPassword()))
        .as("the password is unchanged")
        .isTrue();
  }

  @Test
  void anAdministratorCannotCreateOrResetAnAccountWithABreachedPassword() throws Exception {
    String email = "breached-new-" + UUID.randomUUID() + "@example.org";
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", email)
                .param("displayName", "Never Created")
                .param("password", "PASSWORDPASSWORD")
                .param("grants[0].role", "TRAINER"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(ENGLISH)));
    assertThat(accounts.exists(email)).isFalse();

    String existing = "breached-reset-" + UUID.randomUUID() + "@example.org";
    UUID id =
        accounts.create(existing, "Reset Person", PASSWORD, List.of(Grant.of(Role.TRAINER)), false);
    mvc.perform(
            post("/admin/accounts/" + id + "/password")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("newPassword", "1qaz2wsx3edc"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(ENGLISH)));
    assertThat(encoders.matches(PASSWORD, users.loadUserByUsername(existing).getPassword()))
        .isTrue();
  }

  @Test
  void aBreachedPasswordForTheFirstAdministratorStopsTheStartWithTheReason() {
    String email = "first-admin-" + UUID.randomUUID() + "@example.org";
    AccountBootstrap bootstrap =
        new AccountBootstrap(
            accounts,
            new IdentityProperties(false, new IdentityProperties.Admin(email, "iloveyou1234")),
            messages,
            twoFactor);

    assertThatThrownBy(bootstrap::createFirstAdministrator)
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining(ENGLISH);
    assertThat(accounts.exists(email)).isFalse();
  }
}
