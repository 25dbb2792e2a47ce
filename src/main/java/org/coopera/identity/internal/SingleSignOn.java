package org.coopera.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in through the configured OpenID Connect providers ({@link OidcProviders}); nothing at all
 * when none is configured. The button of the sign-in page leads to {@code
 * /oauth2/authorization/<id>}, which sends the browser to the provider; the provider sends it back
 * to {@code /login/oauth2/code/<id>}, where Spring Security checks the state and the ID token,
 * {@link OidcAccounts} finds the account, and the account is signed in exactly as after a right
 * password: a new session id, the same principal ({@code CooperaUser}), and the second step of
 * {@link SecondFactorSignIn} for those whose roles require one. Every failure goes back to the
 * sign-in page with a reason ({@code /login?sso=<reason>}). Coopera keeps none of the provider's
 * tokens.
 */
@Component
class SingleSignOn {

  /** The reasons the sign-in page has a message for. */
  static final Set<String> REASONS =
      Set.of(
          "no-role",
          "no-email",
          "email-unverified",
          "disabled",
          "locked",
          "denied",
          "expired",
          "failed");

  private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
  private static final Map<String, String> PROTOCOL_ERRORS =
      Map.of(
          "access_denied", "denied",
          "authorization_request_not_found", "expired",
          "invalid_state_parameter", "expired");

  private final OidcProviders providers;
  private final OidcAccounts accounts;
  private final SecondFactorSignIn secondFactor;

  SingleSignOn(OidcProviders providers, OidcAccounts accounts, SecondFactorSignIn secondFactor) {
    this.providers = providers;
    this.accounts = accounts;
    this.secondFactor = secondFactor;
  }

  /**
   * The pages' authentication: passwords, and where providers are configured the providers' answers
   * (the code exchanged for tokens, the ID token checked, the account found by {@link
   * OidcAccounts}).
   */
  AuthenticationManager withProviders(AuthenticationManager passwords) {
    if (!providers.any()) {
      return passwords;
    }
    return new ProviderManager(
        List.of(
            new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), accounts)),
        passwords);
  }

  void configure(HttpSecurity http) throws Exception {
    if (!providers.any()) {
      return;
    }
    http.oauth2Login(
            login ->
                login
                    .loginPage("/login")
                    .clientRegistrationRepository(providers)
                    .authorizedClientRepository(new NoTokensKept())
                    .userInfoEndpoint(info -> info.oidcUserService(accounts))
                    .successHandler(this::signedIn)
                    .failureHandler(this::refused))
        .addFilterBefore(
            new ProviderReachable(providers), OAuth2AuthorizationRequestRedirectFilter.class);
  }

  private void signedIn(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
    LinkedOidcUser linked = (LinkedOidcUser) token.getPrincipal();
    secondFactor.onProviderSignIn(
        request, response, linked.account(), token.getDetails(), linked.secondFactorByProvider());
  }

  private void refused(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String reason = reason(exception);
    if (reason.equals("failed")) {
      log.warn("Sign-in through an identity provider failed: {}", exception.getMessage());
    }
    response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
  }

  static String reason(AuthenticationException exception) {
    if (!(exception instanceof OAuth2AuthenticationException oauth)) {
      return "failed";
    }
    String code = oauth.getError().getErrorCode();
    if (code.startsWith(OidcAccounts.REFUSED)) {
      return code.substring(OidcAccounts.REFUSED.length())
          .replace('_', '-')
          .toLowerCase(Locale.ROOT);
    }
    return PROTOCOL_ERRORS.getOrDefault(code, "failed");
  }

  /**
   * Reads a provider's discovery document before Spring Security needs it, so that a provider that
   * cannot be reached sends the person back to the sign-in page with a message, not to an error.
   */
  static final class ProviderReachable extends OncePerRequestFilter {

    private static final Pattern PATH =
        Pattern.compile("^/(?:oauth2/authorization|login/oauth2/code)/([^/]+)$");

    private final OidcProviders providers;

    ProviderReachable(OidcProviders providers) {
      this.providers = providers;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher path =
          PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
      if (path.matches()) {
        try {
          providers.findByRegistrationId(path.group(1));
        } catch (RuntimeException e) {
          log.warn("Identity provider {} cannot be reached: {}", path.group(1), e.getMessage());
          response.sendRedirect(request.getContextPath() + "/login?sso=failed");
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }

  /** Coopera uses the provider to sign people in only: its access tokens are not kept. */
  static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
        String clientRegistrationId, Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient authorizedClient,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String clientRegistrationId,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
