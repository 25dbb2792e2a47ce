package org.coopera.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up settings of the identity module.
 *
 * @param demo demo mode ({@code COOPERA_DEMO=true}): documented demo accounts with a shared
 *     password; never for real data
 * @param admin the first administrator, created when no administrator exists
 */
@ConfigurationProperties("coopera")
public record IdentityProperties(boolean demo, Admin admin) {

  /** {@code COOPERA_ADMIN_EMAIL} and {@code COOPERA_ADMIN_PASSWORD}. */
  public record Admin(String email, String password) {}

  public IdentityProperties {
    admin = admin == null ? new Admin(null, null) : admin;
  }
}
