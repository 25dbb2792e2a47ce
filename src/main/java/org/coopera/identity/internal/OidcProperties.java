package org.coopera.identity.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect providers people may sign in with ({@code coopera.oidc.providers.<id>.*}).
 * None by default: then sign-in is by password only and no single sign-on route exists.
 *
 * @param providers by id: lower-case letters and digits, so that it can be written in an
 *     environment variable ({@code COOPERA_OIDC_PROVIDERS_<ID>_ISSUERURI}); it appears in the
 *     redirect URI registered at the provider, {@code https://<host>/login/oauth2/code/<id>}
 */
@ConfigurationProperties("coopera.oidc")
public record OidcProperties(Map<String, Provider> providers) {

  public OidcProperties {
    providers = providers == null ? Map.of() : Map.copyOf(providers);
  }

  /**
   * One provider.
   *
   * @param issuerUri its issuer: its discovery document is read from {@code
   *     <issuer-uri>/.well-known/openid-configuration} when someone first signs in with it
   * @param clientId the client (application) registered for Coopera at the provider
   * @param clientSecret that client's secret: from the environment only
   * @param displayName the name on the sign-in button ("Sign in with ...")
   * @param groupsClaim the claim of the ID token (or user info) listing the person's groups
   * @param roleMapping which roles each group gives: {@code group=GRANT,GRANT; group=GRANT} ({@link
   *     RoleMapping})
   * @param scopes the scopes asked for
   * @param requireSecondFactor whether Coopera asks its own second step of those whose roles
   *     require one even when they come through this provider. Only when false, and the ID token's
   *     {@code amr} claim holds one of {@code mfaAmrValues}, is the provider's own second factor
   *     taken instead
   * @param mfaAmrValues the {@code amr} values that say the provider checked a second factor
   */
  public record Provider(
      String issuerUri,
      String clientId,
      String clientSecret,
      String displayName,
      @DefaultValue("groups") String groupsClaim,
      String roleMapping,
      @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
      @DefaultValue("true") boolean requireSecondFactor,
      @DefaultValue({"mfa"}) List<String> mfaAmrValues) {}
}
