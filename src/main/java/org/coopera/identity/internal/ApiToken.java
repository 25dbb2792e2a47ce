package org.coopera.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A personal API token. Only a SHA-256 hash of the secret is stored. */
@Entity
@Table(name = "api_token")
class ApiToken {

  /** How stale {@code last_used_at} may get before a use is written down again. */
  static final Duration USE_RECORDING_INTERVAL = Duration.ofHours(1);

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "token_prefix", nullable = false)
  private String tokenPrefix;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(nullable = false)
  private TokenScope scope;

  protected ApiToken() {}

  ApiToken(
      UUID accountId,
      String name,
      String tokenHash,
      String tokenPrefix,
      Instant createdAt,
      Instant expiresAt,
      TokenScope scope) {
    this.id = UUID.randomUUID();
    this.scope = scope;
    this.accountId = accountId;
    this.name = name;
    this.tokenHash = tokenHash;
    this.tokenPrefix = tokenPrefix;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  UUID accountId() {
    return accountId;
  }

  String name() {
    return name;
  }

  String tokenPrefix() {
    return tokenPrefix;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant lastUsedAt() {
    return lastUsedAt;
  }

  Instant revokedAt() {
    return revokedAt;
  }

  TokenScope scope() {
    return scope;
  }

  boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Records a use, at most once per {@link #USE_RECORDING_INTERVAL}; true when it changed. */
  boolean recordUse(Instant now) {
    if (lastUsedAt == null || lastUsedAt.plus(USE_RECORDING_INTERVAL).isBefore(now)) {
      lastUsedAt = now;
      return true;
    }
    return false;
  }
}
