package org.coopera.identity.internal;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in, refused while the {@link LoginThrottle} says the account or address has failed
 * too often. Every refusal is the same {@link BadCredentialsException}, so that a guesser learns
 * nothing about which e-mail addresses exist or which are locked.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(
      AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    super(users);
    setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String email = authentication.getName();
    String address = address(authentication);
    if (throttle.isBlocked(email, address)) {
      throw new BadCredentialsException("Too many failed attempts");
    }
    try {
      Authentication result = super.authenticate(authentication);
      throttle.recordSuccess(email);
      return result;
    } catch (AuthenticationException e) {
      throttle.recordFailure(email, address);
      throw new BadCredentialsException("Bad credentials", e);
    }
  }

  private static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "";
  }
}
