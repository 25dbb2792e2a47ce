package org.coopera.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.SqlFilter;
import org.coopera.reference.ReferenceData;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes accounts, enforcing who may hold which role and the password policy. */
@Service
public class AccountService {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  static final int MAX_NAME_LENGTH = 200;

  private final AccountRepository accounts;
  private final PasswordEncoder passwordEncoder;
  private final ReferenceData reference;
  private final SessionRegistry sessions;
  private final JdbcClient jdbc;
  private final Clock clock;

  AccountService(
      AccountRepository accounts,
      JdbcClient jdbc,
      PasswordEncoder passwordEncoder,
      ReferenceData reference,
      SessionRegistry sessions,
      Clock clock) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.reference = reference;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** An account as the administration pages show it. */
  public record AccountView(
      UUID id,
      String email,
      String displayName,
      boolean enabled,
      boolean demo,
      List<Grant> grants,
      long version,
      java.time.Instant createdAt,
      String preferredLanguage) {

    static AccountView of(Account account) {
      return new AccountView(
          account.id(),
          account.email(),
          account.displayName(),
          account.enabled(),
          account.demo(),
          account.grants(),
          account.version(),
          account.createdAt(),
          account.preferredLanguage());
    }
  }

  @Transactional
  public UUID create(
      String email, String displayName, String password, Collection<Grant> grants, boolean demo) {
    String normalised = checkEmail(email);
    if (accounts.emailTaken(normalised)) {
      throw new AccountException("accounts.error.email-taken", "email");
    }
    String name = checkName(displayName);
    PasswordPolicy.check(password, normalised);
    checkScopes(grants);
    Account account =
        new Account(normalised, name, passwordEncoder.encode(password), demo, clock.instant());
    grants.forEach(account::grant);
    try {
      accounts.saveAndFlush(account);
    } catch (DataIntegrityViolationException e) {
      // another request took the address between the check above and this insert
      throw new AccountException("accounts.error.email-taken", "email");
    }
    return account.id();
  }

  @Transactional
  public void update(
      UUID id,
      long expectedVersion,
      String email,
      String displayName,
      Collection<Grant> grants,
      boolean enabled,
      CooperaUser actingAdministrator) {
    Account account = load(id);
    if (account.version() != expectedVersion) {
      throw new AccountException("accounts.error.stale", null);
    }
    String normalised = checkEmail(email);
    if (!normalised.equals(account.email()) && accounts.emailTaken(normalised)) {
      throw new AccountException("accounts.error.email-taken", "email");
    }
    String name = checkName(displayName);
    checkScopes(grants);
    boolean selfEdit = id.equals(actingAdministrator.accountId());
    boolean keepsAdministrator = grants.stream().anyMatch(g -> g.role() == Role.ADMINISTRATOR);
    if (selfEdit && (!enabled || !keepsAdministrator)) {
      throw new AccountException("accounts.error.self-lockout", "roles");
    }
    String emailBefore = account.email();
    boolean accessChanged =
        account.enabled() != enabled
            || !normalised.equals(emailBefore)
            || !new LinkedHashSet<>(account.grants()).equals(new LinkedHashSet<>(grants));
    account.changeEmail(normalised);
    account.rename(name);
    account.replaceGrants(grants);
    if (enabled) {
      account.enable();
    } else {
      account.disable();
    }
    accounts.flush();
    if (accessChanged) {
      expireSessions(emailBefore);
    }
  }

  @Transactional
  public void setPassword(UUID id, String newPassword) {
    Account account = load(id);
    PasswordPolicy.check(newPassword, account.email());
    account.changePasswordHash(passwordEncoder.encode(newPassword));
    expireSessions(account.email());
  }

  /**
   * Changes one's own password. The person's other sessions end (a stolen session does not survive
   * a password change); the one they are using, {@code currentSessionId}, stays.
   */
  @Transactional
  public void changeOwnPassword(
      UUID id, String currentPassword, String newPassword, String currentSessionId) {
    Account account = load(id);
    if (account.passwordHash() == null
        || currentPassword == null
        || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
      throw new AccountException("password.error.current-wrong", "currentPassword");
    }
    PasswordPolicy.check(newPassword, account.email());
    account.changePasswordHash(passwordEncoder.encode(newPassword));
    sessions.getAllSessions(account.email(), false).stream()
        .filter(session -> !session.getSessionId().equals(currentSessionId))
        .forEach(SessionInformation::expireNow);
  }

  @Transactional
  public void preferLanguage(UUID id, String language) {
    accounts.preferLanguage(id, language);
  }

  @Transactional(readOnly = true)
  public AccountView find(UUID id) {
    return AccountView.of(
        accounts
            .findWithRoles(id)
            .orElseThrow(() -> new AccountException("accounts.error.not-found", null)));
  }

  /**
   * Accounts whose e-mail or name contains {@code query}, holding {@code role} and acting for
   * {@code stateIso3} where given, ordered by e-mail; roles loaded in one more query.
   */
  @Transactional(readOnly = true)
  public ListPage<AccountView> search(
      String query, Role role, String stateIso3, PageParameters paging) {
    SqlFilter filter = new SqlFilter();
    if (SqlFilter.hasText(query)) {
      String like = SqlFilter.containing(query);
      filter.and("(a.email ilike ? or a.display_name ilike ?)", like, like);
    }
    if (role != null) {
      filter.and(
          "exists (select 1 from role_assignment r where r.account_id = a.id and r.role = ?)",
          role.name());
    }
    if (stateIso3 != null) {
      filter.and(
          "exists (select 1 from role_assignment r where r.account_id = a.id and r.state_iso3 ="
              + " ?)",
          stateIso3);
    }
    ListPage<UUID> ids =
        filter.page(
            jdbc, "a.id", "account a", "a.email", (rs, n) -> rs.getObject(1, UUID.class), paging);
    Map<UUID, Account> withRoles =
        ids.items().isEmpty()
            ? Map.of()
            : accounts.findAllWithRoles(ids.items()).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
    return ids.map(id -> AccountView.of(withRoles.get(id)));
  }

  /**
   * Disables (or, in demo mode, enables) every demo account. Their password is published, so they
   * must not let anyone in once demo mode is off.
   */
  @Transactional
  public int setDemoAccountsEnabled(boolean enabled) {
    return accounts.setDemoAccountsEnabled(enabled);
  }

  @Transactional(readOnly = true)
  public boolean anyAdministrator() {
    return accounts.anyEnabledWith(Role.ADMINISTRATOR);
  }

  @Transactional(readOnly = true)
  public boolean exists(String email) {
    return accounts.emailTaken(email);
  }

  private Account load(UUID id) {
    return accounts
        .findWithRoles(id)
        .orElseThrow(() -> new AccountException("accounts.error.not-found", null));
  }

  static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      throw new AccountException("accounts.error.email-required", "email");
    }
    String normalised = Account.normaliseEmail(email);
    if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
      throw new AccountException("accounts.error.email-invalid", "email");
    }
    return normalised;
  }

  private static String checkName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new AccountException("accounts.error.name-required", "displayName");
    }
    if (displayName.strip().length() > MAX_NAME_LENGTH) {
      throw new AccountException("accounts.error.name-too-long", "displayName", MAX_NAME_LENGTH);
    }
    return displayName;
  }

  private void checkScopes(Collection<Grant> grants) {
    for (Grant grant : grants) {
      if (grant.stateIso3() != null && reference.findState(grant.stateIso3()).isEmpty()) {
        throw new AccountException("accounts.error.unknown-state", "roles", grant.stateIso3());
      }
      if (grant.organisationCode() != null
          && reference.findOrganisation(grant.organisationCode()).isEmpty()) {
        throw new AccountException(
            "accounts.error.unknown-organisation", "roles", grant.organisationCode());
      }
    }
  }

  /** Ends the open sessions of the account signed in as {@code email}, on every instance. */
  private void expireSessions(String email) {
    sessions.getAllSessions(email, false).forEach(SessionInformation::expireNow);
  }
}
