package org.coopera.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with an authenticator app (TOTP) and single-use recovery codes. Administrators
 * and fund managers must use it ({@link #REQUIRED_FOR}); anyone else may. A code is accepted once:
 * the time step of the last accepted code is kept, and a code of that step or an earlier one is
 * refused.
 */
@Service
public class TwoFactor {

  /** The roles whose holders cannot use Coopera without a second factor. */
  public static final Set<Role> REQUIRED_FOR = Set.of(Role.ADMINISTRATOR, Role.FUND_MANAGER);

  static final String ISSUER = "Coopera";
  static final int RECOVERY_CODES = 10;
  private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final SessionRegistry sessions;

  TwoFactor(JdbcClient jdbc, Clock clock, SessionRegistry sessions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.sessions = sessions;
  }

  /** A secret being set up: shown to the person until they confirm it with a first code. */
  public record Enrolment(String secret, String uri) implements java.io.Serializable {}

  public static boolean requiredFor(CooperaUser user) {
    return user.grants().stream().anyMatch(g -> REQUIRED_FOR.contains(g.role()));
  }

  @Transactional(readOnly = true)
  public boolean enabled(UUID accountId) {
    return secret(accountId).isPresent();
  }

  /** How many unused recovery codes the person has left. */
  @Transactional(readOnly = true)
  public int recoveryCodesLeft(UUID accountId) {
    return jdbc.sql("select count(*) from recovery_code where account_id = ? and used_at is null")
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /** A new secret for this person, not yet stored. */
  public Enrolment begin(String email) {
    String secret = Totp.newSecret();
    return new Enrolment(secret, Totp.uri(ISSUER, email, secret));
  }

  /**
   * Stores the secret once the person has shown, with a code, that their app holds it; returns the
   * new recovery codes, to be shown once (only their hashes are kept).
   */
  @Transactional
  public List<String> confirm(UUID accountId, String secret, String code) {
    if (secret == null) {
      throw new AccountException("two-factor.error.no-enrolment", "code");
    }
    long step = Totp.matchingStep(secret, normalise(code), clock.instant());
    if (step < 0) {
      throw new AccountException("two-factor.error.code", "code");
    }
    if (enabled(accountId)) {
      throw new AccountException("two-factor.error.already-enabled", "code");
    }
    store(accountId, secret, step);
    return newRecoveryCodes(accountId);
  }

  /**
   * Gives a demo account the published demo secret, unless it has a second factor already (demo
   * mode only: demo accounts are disabled outside it).
   */
  @Transactional
  void enrolDemo(String email, String secret) {
    jdbc.sql(
            "insert into two_factor (account_id, totp_secret, confirmed_at, last_used_step) select"
                + " id, ?, ?, 0 from account where email = ? and demo on conflict do nothing")
        .params(secret, Timestamp.from(clock.instant()), email)
        .update();
  }

  /**
   * Whether this is a right code for the person: a code of their app not used before, or one of
   * their unused recovery codes (which is then used up).
   */
  @Transactional
  public boolean verify(UUID accountId, String code) {
    Optional<String> secret = secret(accountId);
    if (secret.isEmpty() || code == null) {
      return false;
    }
    String given = normalise(code);
    long step = Totp.matchingStep(secret.get(), given, clock.instant());
    if (step >= 0) {
      // atomic: of two requests with the same code, one updates the row and the other does not
      return jdbc.sql(
                  "update two_factor set last_used_step = ? where account_id = ? and last_used_step"
                      + " < ?")
              .params(step, accountId, step)
              .update()
          == 1;
    }
    return jdbc.sql(
                "update recovery_code set used_at = ? where account_id = ? and code_hash = ? and"
                    + " used_at is null")
            .params(Timestamp.from(clock.instant()), accountId, hash(given))
            .update()
        > 0;
  }

  /** Turns the second factor off, on a right code, unless the person's roles require it. */
  @Transactional
  public void disable(CooperaUser user, String code) {
    if (requiredFor(user)) {
      throw new AccountException("two-factor.error.required", "code");
    }
    if (!verify(user.accountId(), code)) {
      throw new AccountException("two-factor.error.code", "code");
    }
    remove(user.accountId());
  }

  /**
   * An administrator removes someone's second factor (a lost phone): their sessions end, and at
   * their next sign-in they set it up again if their roles require it.
   */
  @Transactional
  public boolean reset(UUID accountId, String email) {
    boolean had = enabled(accountId);
    remove(accountId);
    sessions.getAllSessions(email, false).forEach(SessionInformation::expireNow);
    return had;
  }

  private void store(UUID accountId, String secret, long step) {
    jdbc.sql(
            "insert into two_factor (account_id, totp_secret, confirmed_at, last_used_step)"
                + " values (?, ?, ?, ?)")
        .params(accountId, secret, Timestamp.from(clock.instant()), step)
        .update();
  }

  private void remove(UUID accountId) {
    jdbc.sql("delete from recovery_code where account_id = ?").param(accountId).update();
    jdbc.sql("delete from two_factor where account_id = ?").param(accountId).update();
  }

  private List<String> newRecoveryCodes(UUID accountId) {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      StringBuilder code = new StringBuilder();
      for (int c = 0; c < 10; c++) {
        if (c == 5) {
          code.append('-');
        }
        code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
      }
      codes.add(code.toString());
      jdbc.sql("insert into recovery_code (id, account_id, code_hash) values (?, ?, ?)")
          .params(UUID.randomUUID(), accountId, hash(normalise(code.toString())))
          .update();
    }
    return codes;
  }

  private Optional<String> secret(UUID accountId) {
    return jdbc.sql("select totp_secret from two_factor where account_id = ?")
        .param(accountId)
        .query(String.class)
        .optional();
  }

  /** Codes as people type them: spaces and hyphens dropped, recovery codes in lower case. */
  private static String normalise(String code) {
    return code == null
        ? ""
        : code.replace(" ", "").replace("-", "").strip().toLowerCase(Locale.ROOT);
  }

  private static String hash(String recoveryCode) {
    return Sha256.hex(recoveryCode.getBytes(StandardCharsets.UTF_8));
  }
}
