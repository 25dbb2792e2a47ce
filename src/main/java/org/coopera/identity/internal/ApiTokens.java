package org.coopera.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: issued to an account, shown once, revocable, stored as a hash. */
@Service
public class ApiTokens {

  static final String PREFIX = "cpa_";
  static final int MAX_NAME_LENGTH = 100;

  private final ApiTokenRepository tokens;
  private final AccountRepository accounts;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, JdbcClient jdbc, Clock clock) {
    this.tokens = tokens;
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A token as its owner sees it; the secret is never shown again after creation. */
  public record TokenView(
      UUID id,
      String name,
      String prefix,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      boolean active,
      TokenScope scope) {}

  /** A token just issued, with its secret. */
  public record IssuedToken(UUID id, String name, String secret, TokenScope scope) {}

  /** The owner behind a token, and what the token lets them do. */
  public record TokenHolder(CooperaUser user, TokenScope scope) {}

  @Transactional
  public IssuedToken issue(UUID accountId, String name, Duration lifetime, TokenScope scope) {
    String label = name == null ? "" : name.strip();
    if (label.length() > MAX_NAME_LENGTH) {
      throw new AccountException("tokens.error.name-too-long", "name", MAX_NAME_LENGTH);
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            accountId,
            label,
            hash(secret),
            secret.substring(0, PREFIX.length() + 6),
            now,
            lifetime == null ? null : now.plus(lifetime),
            scope);
    tokens.save(token);
    return new IssuedToken(token.id(), label, secret, scope);
  }

  @Transactional(readOnly = true)
  public List<TokenView> tokensOf(UUID accountId) {
    Instant now = clock.instant();
    return tokens.findByAccountIdOrderByCreatedAtDesc(accountId).stream()
        .map(
            t ->
                new TokenView(
                    t.id(),
                    t.name(),
                    t.tokenPrefix(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revokedAt(),
                    t.isActive(now),
                    t.scope()))
        .toList();
  }

  /** Revokes one of the account's own tokens; false when it has no such token. */
  @Transactional
  public boolean revoke(UUID accountId, UUID tokenId) {
    Optional<ApiToken> token =
        tokens.findById(tokenId).filter(t -> t.accountId().equals(accountId));
    token.ifPresent(t -> t.revoke(clock.instant()));
    return token.isPresent();
  }

  /** The enabled account behind an active token, and its scope, if the secret names one. */
  @Transactional
  public Optional<TokenHolder> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByTokenHash(hash(secret))
        .filter(t -> t.isActive(now))
        .flatMap(
            t ->
                accounts
                    .findWithRoles(t.accountId())
                    .filter(Account::enabled)
                    .map(
                        account -> {
                          if (t.recordUse(now)) {
                            attributeTo(account);
                          }
                          return new TokenHolder(account.toUser(), t.scope());
                        }));
  }

  /**
   * Recording a token's use happens before the caller is signed in for this request, so the
   * transaction names the token's owner itself for the audit trail.
   */
  private void attributeTo(Account account) {
    jdbc.sql("select set_config('coopera.actor', ?, true), set_config('coopera.actor_id', ?, true)")
        .params(account.email(), account.id().toString())
        .query()
        .singleRow();
  }

  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
