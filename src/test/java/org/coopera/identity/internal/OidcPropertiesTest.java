package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Providers are configured by environment variables as the README writes them, and a provider
 * missing a setting stops start-up naming it.
 */
class OidcPropertiesTest {

  @Test
  void aProviderIsConfiguredByEnvironmentVariables() {
    OidcProperties properties =
        bind(
            Map.of(
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_ISSUERURI", "https://sso.example.org/realms/un",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_CLIENTID", "coopera",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_CLIENTSECRET", "s3cret",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_DISPLAYNAME", "UN Single Sign-On",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_ROLEMAPPING",
                    "/coopera/svn-coordinators=STATE_COORDINATOR@SVN; /coopera/admins=ADMINISTRATOR",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_REQUIRESECONDFACTOR", "false",
                "COOPERA_OIDC_PROVIDERS_KEYCLOAK_MFAAMRVALUES", "mfa,otp"));

    OidcProperties.Provider keycloak = properties.providers().get("keycloak");
    assertThat(keycloak.issuerUri()).isEqualTo("https://sso.example.org/realms/un");
    assertThat(keycloak.clientId()).isEqualTo("coopera");
    assertThat(keycloak.clientSecret()).isEqualTo("s3cret");
    assertThat(keycloak.displayName()).isEqualTo("UN Single Sign-On");
    assertThat(keycloak.requireSecondFactor()).isFalse();
    assertThat(keycloak.mfaAmrValues()).containsExactly("mfa", "otp");
    assertThat(keycloak.groupsClaim()).isEqualTo("groups");
    assertThat(keycloak.scopes()).containsExactly("openid", "profile", "email");

    OidcProviders providers = new OidcProviders(properties);
    assertThat(providers.buttons())
        .containsExactly(new OidcProviders.Button("keycloak", "UN Single Sign-On"));
    assertThat(
            providers
                .provider("keycloak")
                .orElseThrow()
                .roles()
                .grantsFor(List.of("/coopera/svn-coordinators")))
        .containsExactly(Grant.forState(Role.STATE_COORDINATOR, "SVN"));
  }

  @Test
  void theSecondStepIsRequiredUnlessSaidOtherwise() {
    OidcProperties properties =
        bind(Map.of("COOPERA_OIDC_PROVIDERS_ENTRA_ISSUERURI", "https://login.example.org/t/v2.0"));
    assertThat(properties.providers().get("entra").requireSecondFactor()).isTrue();
    assertThat(properties.providers().get("entra").mfaAmrValues()).containsExactly("mfa");
  }

  @Test
  void noProviderByDefault() {
    OidcProviders providers = new OidcProviders(bind(Map.of()));
    assertThat(providers.any()).isFalse();
    assertThat(providers.buttons()).isEmpty();
    assertThat(providers.findByRegistrationId("keycloak")).isNull();
  }

  @Test
  void aMissingSettingOrABadMappingStopsStartUpNamingIt() {
    assertThatThrownBy(
            () ->
                new OidcProviders(
                    bind(
                        Map.of(
                            "COOPERA_OIDC_PROVIDERS_KC_ISSUERURI", "https://sso.example.org",
                            "COOPERA_OIDC_PROVIDERS_KC_CLIENTID", "coopera",
                            "COOPERA_OIDC_PROVIDERS_KC_DISPLAYNAME", "SSO"))))
        .hasMessage("coopera.oidc.providers.kc.client-secret is required");
    assertThatThrownBy(
            () ->
                new OidcProviders(
                    bind(
                        Map.of(
                            "COOPERA_OIDC_PROVIDERS_KC_ISSUERURI", "https://sso.example.org",
                            "COOPERA_OIDC_PROVIDERS_KC_CLIENTID", "coopera",
                            "COOPERA_OIDC_PROVIDERS_KC_CLIENTSECRET", "s",
                            "COOPERA_OIDC_PROVIDERS_KC_DISPLAYNAME", "SSO",
                            "COOPERA_OIDC_PROVIDERS_KC_ROLEMAPPING", "admins=ROOT"))))
        .hasMessageStartingWith("coopera.oidc.providers.kc.role-mapping: ")
        .hasMessageContaining("admins=ROOT");
  }

  private static OidcProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove("systemEnvironment");
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("systemEnvironment", variables));
    return Binder.get(environment)
        .bind("coopera.oidc", OidcProperties.class)
        .orElseGet(() -> new OidcProperties(null));
  }
}
