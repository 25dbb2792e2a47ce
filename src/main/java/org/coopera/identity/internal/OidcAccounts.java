package org.coopera.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.coopera.identity.Grant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the person an identity provider vouches for (the ID token, checked by Spring Security, and
 * the user info) into a Coopera account ({@link ExternalIdentities}), or refuses them with an error
 * whose code names the reason ({@link #REFUSED}).
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /**
   * The prefix of the error codes of a refusal; the rest is the {@link ExternalIdentities.Refusal}.
   */
  static final String REFUSED = "coopera_refused_";

  private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

  private final OidcUserService provider = new OidcUserService();
  private final OidcProviders providers;
  private final ExternalIdentities identities;

  OidcAccounts(OidcProviders providers, ExternalIdentities identities) {
    this.providers = providers;
    this.identities = identities;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser person = provider.loadUser(request);
    String id = request.getClientRegistration().getRegistrationId();
    OidcProviders.Provider configured =
        providers
            .provider(id)
            .orElseThrow(() -> new OAuth2AuthenticationException("unknown_provider"));
    OidcProperties.Provider settings = configured.settings();
    List<Grant> grants = configured.roles().grantsFor(groups(person, settings.groupsClaim()));
    ExternalIdentities.Claims claims =
        new ExternalIdentities.Claims(
            id,
            person.getIdToken().getIssuer().toString(),
            person.getSubject(),
            person.getEmail(),
            Boolean.TRUE.equals(person.getEmailVerified()),
            person.getFullName(),
            grants);
    ExternalIdentities.Outcome outcome;
    try {
      outcome = identities.signIn(claims, address());
    } catch (RuntimeException e) {
      // rolled back; the person is sent back to the sign-in page rather than to an error page
      log.error("Sign-in through identity provider {} could not be completed", id, e);
      throw new OAuth2AuthenticationException(new OAuth2Error("coopera_error"), e);
    }
    if (outcome.refusal() != null) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(REFUSED + outcome.refusal().name().toLowerCase(Locale.ROOT)));
    }
    return new LinkedOidcUser(person, outcome.user(), secondFactorChecked(person, settings));
  }

  /** The groups claim: a list of names (or ids), or one name. */
  static List<String> groups(OidcUser person, String claim) {
    Object value = person.getClaims().get(claim);
    if (value instanceof Collection<?> names) {
      return names.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  /** Whether the provider is trusted with the second factor and says it checked one. */
  private static boolean secondFactorChecked(OidcUser person, OidcProperties.Provider settings) {
    if (settings.requireSecondFactor()) {
      return false;
    }
    List<String> amr = person.getIdToken().getAuthenticationMethods();
    return amr != null && amr.stream().anyMatch(settings.mfaAmrValues()::contains);
  }

  private static String address() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return "";
  }
}
