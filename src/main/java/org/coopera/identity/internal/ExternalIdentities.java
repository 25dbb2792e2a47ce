package org.coopera.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts people reach through an identity provider. The identity the provider vouches for
 * (its issuer and the person's subject there) is linked to one account, on the first sign-in: to
 * the account with the same e-mail address if the provider says it checked that address ({@code
 * email_verified}), else to a new account, created only if the person's groups give them a role. At
 * every sign-in the roles the provider's group mapping granted are recomputed; roles granted in
 * Coopera stay. A disabled or locked account is refused whatever the provider says.
 */
@Service
class ExternalIdentities {

  private static final Logger log = LoggerFactory.getLogger(ExternalIdentities.class);

  /** Why a sign-in through a provider is refused; each has a message on the sign-in page. */
  enum Refusal {
    NO_ROLE,
    NO_EMAIL,
    EMAIL_UNVERIFIED,
    DISABLED,
    LOCKED
  }

  /** What the provider says about the person. */
  record Claims(
      String providerId,
      String issuer,
      String subject,
      String email,
      boolean emailVerified,
      String name,
      List<Grant> mappedGrants) {}

  /** The account signed in, or why not. */
  record Outcome(CooperaUser user, Refusal refusal) {
    static Outcome refused(Refusal refusal) {
      return new Outcome(null, refusal);
    }
  }

  private final AccountRepository accounts;
  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final LoginThrottle throttle;
  private final SessionRegistry sessions;
  private final Clock clock;

  ExternalIdentities(
      AccountRepository accounts,
      JdbcClient jdbc,
      ReferenceData reference,
      LoginThrottle throttle,
      SessionRegistry sessions,
      Clock clock) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.reference = reference;
    this.throttle = throttle;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Signs in the person the provider vouches for. Nothing is written when the answer is a refusal,
   * except that roles the provider no longer grants are removed from a linked account (so that its
   * API tokens lose them too) before it is refused for holding no role.
   */
  @Transactional
  Outcome signIn(Claims claims, String address) {
    List<Grant> grants = known(claims.mappedGrants());
    Optional<Account> linked = linkedAccount(claims.issuer(), claims.subject());
    Account account;
    if (linked.isPresent()) {
      account = linked.get();
      Optional<Refusal> refusal = refusal(account, address);
      if (refusal.isPresent()) {
        return Outcome.refused(refusal.get());
      }
    } else {
      Optional<String> email = email(claims.email());
      if (email.isEmpty()) {
        return Outcome.refused(Refusal.NO_EMAIL);
      }
      Optional<Account> sameEmail = accounts.findByEmailWithRoles(email.get());
      if (sameEmail.isPresent() && !claims.emailVerified()) {
        return Outcome.refused(Refusal.EMAIL_UNVERIFIED);
      }
      if (sameEmail.isPresent()) {
        account = sameEmail.get();
        Optional<Refusal> refusal = refusal(account, address);
        if (refusal.isPresent()) {
          return Outcome.refused(refusal.get());
        }
        if (!account.wouldHoldRolesAfterSync(claims.issuer(), grants)) {
          return Outcome.refused(Refusal.NO_ROLE);
        }
      } else {
        if (grants.isEmpty()) {
          return Outcome.refused(Refusal.NO_ROLE);
        }
        // saved through merge (its id is set), so the managed copy is the one to change
        account =
            accounts.saveAndFlush(
                new Account(email.get(), name(claims, email.get()), null, false, clock.instant()));
      }
      link(claims, account);
    }
    boolean changed = account.syncGrantsFrom(claims.issuer(), grants);
    accounts.flush();
    if (account.grants().isEmpty()) {
      endSessions(account.email());
      return Outcome.refused(Refusal.NO_ROLE);
    }
    if (changed) {
      // sessions signed in before carry the roles of then
      endSessions(account.email());
    }
    throttle.recordSuccess(account.email());
    return new Outcome(account.toUser(), null);
  }

  private Optional<Account> linkedAccount(String issuer, String subject) {
    return jdbc.sql("select account_id from external_identity where issuer = ? and subject = ?")
        .params(issuer, subject)
        .query(UUID.class)
        .optional()
        .flatMap(accounts::findWithRoles);
  }

  private Optional<Refusal> refusal(Account account, String address) {
    if (!account.enabled()) {
      return Optional.of(Refusal.DISABLED);
    }
    if (throttle.isBlocked(account.email(), address)) {
      return Optional.of(Refusal.LOCKED);
    }
    return Optional.empty();
  }

  private void link(Claims claims, Account account) {
    jdbc.sql(
            "insert into external_identity (id, issuer, subject, account_id, provider, linked_at)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            claims.issuer(),
            claims.subject(),
            account.id(),
            claims.providerId(),
            Timestamp.from(clock.instant()))
        .update();
  }

  /** The grants whose State or organisation exists; a mapping naming another is logged. */
  private List<Grant> known(List<Grant> grants) {
    return grants.stream()
        .filter(
            grant -> {
              boolean known =
                  (grant.stateIso3() == null || reference.findState(grant.stateIso3()).isPresent())
                      && (grant.organisationCode() == null
                          || reference.findOrganisation(grant.organisationCode()).isPresent());
              if (!known) {
                log.warn("Role mapping grant {} names no State or organisation of Coopera", grant);
              }
              return known;
            })
        .toList();
  }

  private static Optional<String> email(String claimed) {
    if (claimed == null || claimed.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AccountService.checkEmail(claimed));
    } catch (AccountException e) {
      return Optional.empty();
    }
  }

  private static String name(Claims claims, String email) {
    String name = claims.name() == null || claims.name().isBlank() ? email : claims.name().strip();
    return name.length() > AccountService.MAX_NAME_LENGTH
        ? name.substring(0, AccountService.MAX_NAME_LENGTH)
        : name;
  }

  private void endSessions(String email) {
    sessions.getAllSessions(email, false).forEach(SessionInformation::expireNow);
  }
}
