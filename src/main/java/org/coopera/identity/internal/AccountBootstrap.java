package org.coopera.identity.internal;

import java.util.List;
import java.util.Locale;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer Coopera before it serves its first page: the first
 * administrator from {@code COOPERA_ADMIN_EMAIL} and {@code COOPERA_ADMIN_PASSWORD} when no
 * administrator exists, and in demo mode the documented demo accounts. Outside demo mode there is
 * no default password: without an administrator and without those settings, start-up stops.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

  private final AccountService accounts;
  private final IdentityProperties properties;
  private final MessageSource messages;
  private final TwoFactor twoFactor;

  AccountBootstrap(
      AccountService accounts,
      IdentityProperties properties,
      MessageSource messages,
      TwoFactor twoFactor) {
    this.accounts = accounts;
    this.properties = properties;
    this.messages = messages;
    this.twoFactor = twoFactor;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (properties.demo()) {
      accounts.setDemoAccountsEnabled(true);
      createDemoAccounts();
    } else {
      int disabled = accounts.setDemoAccountsEnabled(false);
      if (disabled > 0) {
        log.warn(
            "Demo mode is off: disabled {} demo accounts, whose password is published.", disabled);
      }
    }
    if (!accounts.anyAdministrator()) {
      createFirstAdministrator();
    }
  }

  void createFirstAdministrator() {
    String email = properties.admin().email();
    String password = properties.admin().password();
    if (isBlank(email) || isBlank(password)) {
      throw new StartupProblem(
          "No administrator account exists and COOPERA_ADMIN_EMAIL and COOPERA_ADMIN_PASSWORD"
              + " are not both set.",
          "Set COOPERA_ADMIN_EMAIL and COOPERA_ADMIN_PASSWORD (at least "
              + PasswordPolicy.MIN_LENGTH
              + " characters) for the first start, or run in demo mode with COOPERA_DEMO=true.");
    }
    try {
      accounts.create(
          email, "Administrator", password, List.of(Grant.of(Role.ADMINISTRATOR)), false);
    } catch (AccountException e) {
      throw new StartupProblem(
          "The first administrator could not be created from COOPERA_ADMIN_EMAIL and"
              + " COOPERA_ADMIN_PASSWORD: "
              + describe(e),
          "Fix COOPERA_ADMIN_EMAIL or COOPERA_ADMIN_PASSWORD and start again.");
    }
    log.info("Created the first administrator account {}", email);
  }

  private void createDemoAccounts() {
    int created = 0;
    for (DemoAccounts.DemoAccount demo : DemoAccounts.ALL) {
      if (!accounts.exists(demo.email())) {
        accounts.create(
            demo.email(), demo.displayName(), DemoAccounts.PASSWORD, demo.grants(), true);
        created++;
      }
      if (demo.grants().stream().anyMatch(g -> TwoFactor.REQUIRED_FOR.contains(g.role()))) {
        twoFactor.enrolDemo(demo.email(), DemoAccounts.TOTP_SECRET);
      }
    }
    if (created > 0) {
      log.warn(
          "Demo mode: created {} demo accounts with the documented password. Never use demo mode"
              + " for real data.",
          created);
    }
  }

  /** The refusal in the words the administration pages use (English: the operator's log). */
  private String describe(AccountException e) {
    return messages.getMessage(e, Locale.ENGLISH);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
