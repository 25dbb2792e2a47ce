package org.coopera.identity.internal;

import java.io.Serial;
import java.util.List;
import org.coopera.identity.CooperaUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Someone whose password was right (or whom an identity provider vouched for, {@link SingleSignOn})
 * but who has not yet given their second factor: not authenticated, holding no role, able to reach
 * only the second-step pages and sign-out ({@link SecondFactorGate}). It keeps the first step's
 * sign-in, which becomes the session's authentication once the code is right. Stored in the
 * session, so serialisable.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final Authentication passwordSignIn;
  private final boolean enrolling;

  PendingSecondFactor(Authentication passwordSignIn, boolean enrolling) {
    super(List.of(new SimpleGrantedAuthority("SECOND_FACTOR_PENDING")));
    this.passwordSignIn = passwordSignIn;
    this.enrolling = enrolling;
    setDetails(passwordSignIn.getDetails());
    setAuthenticated(false);
  }

  /** The person, known by their password only. */
  public CooperaUser user() {
    return (CooperaUser) passwordSignIn.getPrincipal();
  }

  /** Whether they must first set up their second factor (their roles require one). */
  public boolean enrolling() {
    return enrolling;
  }

  Authentication passwordSignIn() {
    return passwordSignIn;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  /** The e-mail address, so that the session is found among the person's sessions. */
  @Override
  public Object getPrincipal() {
    return user().getUsername();
  }

  @Override
  public void setAuthenticated(boolean authenticated) {
    if (authenticated) {
      throw new IllegalArgumentException("A pending sign-in cannot become authenticated");
    }
    super.setAuthenticated(false);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PendingSecondFactor pending
        && pending.passwordSignIn.equals(passwordSignIn)
        && pending.enrolling == enrolling;
  }

  @Override
  public int hashCode() {
    return passwordSignIn.hashCode();
  }
}
