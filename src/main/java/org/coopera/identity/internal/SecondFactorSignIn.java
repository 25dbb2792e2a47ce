package org.coopera.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.coopera.identity.CooperaUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of signing in. After a right password, a person with a second factor, or whose
 * roles require one, is only {@link PendingSecondFactor pending}: they are sent to the code page
 * (or to set up their authenticator) and become signed in only with a right code, throttled like
 * passwords, under a new session id.
 */
@Component
public class SecondFactorSignIn implements AuthenticationSuccessHandler {

  public static final String CODE_PAGE = "/sign-in/code";
  public static final String ENROL_PAGE = "/sign-in/enrol";

  private final TwoFactor twoFactor;
  private final LoginThrottle throttle;
  private final PreferredLanguage preferredLanguage;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  SecondFactorSignIn(
      TwoFactor twoFactor, LoginThrottle throttle, PreferredLanguage preferredLanguage) {
    this.twoFactor = twoFactor;
    this.throttle = throttle;
    this.preferredLanguage = preferredLanguage;
  }

  /** After the password: signed in, or pending the second factor. */
  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    if (!(authentication.getPrincipal() instanceof CooperaUser user)) {
      preferredLanguage.onAuthenticationSuccess(request, response, authentication);
      return;
    }
    boolean enabled = twoFactor.enabled(user.accountId());
    if (!enabled && !TwoFactor.requiredFor(user)) {
      preferredLanguage.onAuthenticationSuccess(request, response, authentication);
      return;
    }
    save(new PendingSecondFactor(authentication, !enabled), request, response);
    response.sendRedirect(request.getContextPath() + (enabled ? CODE_PAGE : ENROL_PAGE));
  }

  /**
   * After an identity provider vouched for the person: signed in as after a right password (the
   * same principal, so every authorization check reads it alike), or pending the second factor,
   * unless the provider is trusted with it and checked one.
   */
  void onProviderSignIn(
      HttpServletRequest request,
      HttpServletResponse response,
      CooperaUser user,
      Object details,
      boolean secondFactorByProvider)
      throws IOException, ServletException {
    UsernamePasswordAuthenticationToken signedIn =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    signedIn.setDetails(details);
    save(signedIn, request, response);
    if (secondFactorByProvider) {
      preferredLanguage.onAuthenticationSuccess(request, response, signedIn);
    } else {
      onAuthenticationSuccess(request, response, signedIn);
    }
  }

  /** The pending sign-in of this request's session, if it is one. */
  public static PendingSecondFactor pending() {
    return SecurityContextHolder.getContext().getAuthentication()
            instanceof PendingSecondFactor pending
        ? pending
        : null;
  }

  /**
   * Checks the code of a pending sign-in; on a right one, signs the person in and sends them on.
   * Returns false, changing nothing but the count of failures, on a wrong code or while the account
   * or address is throttled.
   */
  public boolean completeWithCode(
      PendingSecondFactor pending,
      String code,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, ServletException {
    CooperaUser user = pending.user();
    String address = request.getRemoteAddr();
    if (throttle.isBlocked(user.getUsername(), address)) {
      return false;
    }
    if (!twoFactor.verify(user.accountId(), code)) {
      throttle.recordFailure(user.getUsername(), address);
      return false;
    }
    throttle.recordSuccess(user.getUsername());
    Authentication signedIn = signIn(pending, request, response);
    preferredLanguage.onAuthenticationSuccess(request, response, signedIn);
    return true;
  }

  /**
   * Sets up the second factor of a pending sign-in whose roles require it, and signs the person in;
   * returns their recovery codes, to be shown once.
   */
  public List<String> completeWithEnrolment(
      PendingSecondFactor pending,
      String secret,
      String code,
      HttpServletRequest request,
      HttpServletResponse response) {
    CooperaUser user = pending.user();
    String address = request.getRemoteAddr();
    if (throttle.isBlocked(user.getUsername(), address)) {
      throw new AccountException("two-factor.error.code", "code");
    }
    List<String> recoveryCodes;
    try {
      recoveryCodes = twoFactor.confirm(user.accountId(), secret, code);
    } catch (AccountException e) {
      throttle.recordFailure(user.getUsername(), address);
      throw e;
    }
    signIn(pending, request, response);
    preferredLanguage.restoreLanguage(user, request, response);
    return recoveryCodes;
  }

  private Authentication signIn(
      PendingSecondFactor pending, HttpServletRequest request, HttpServletResponse response) {
    request.changeSessionId();
    Authentication signedIn = pending.passwordSignIn();
    save(signedIn, request, response);
    return signedIn;
  }

  private void save(
      Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
