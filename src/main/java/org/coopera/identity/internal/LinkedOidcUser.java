package org.coopera.identity.internal;

import java.io.Serial;
import org.coopera.identity.CooperaUser;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person an identity provider signed in, with the Coopera account they were linked to. Lives
 * only between the provider's answer and {@link SingleSignOn}'s success handler, which signs the
 * account in as a password sign-in would.
 */
final class LinkedOidcUser extends DefaultOidcUser {

  @Serial private static final long serialVersionUID = 1L;

  private final CooperaUser account;
  private final boolean secondFactorByProvider;

  LinkedOidcUser(OidcUser person, CooperaUser account, boolean secondFactorByProvider) {
    super(
        account.getAuthorities(), person.getIdToken(), person.getUserInfo(), IdTokenClaimNames.SUB);
    this.account = account;
    this.secondFactorByProvider = secondFactorByProvider;
  }

  CooperaUser account() {
    return account;
  }

  /** Whether the provider checked a second factor and is trusted to (no step of Coopera's). */
  boolean secondFactorByProvider() {
    return secondFactorByProvider;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LinkedOidcUser linked
        && super.equals(other)
        && linked.account.equals(account);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
