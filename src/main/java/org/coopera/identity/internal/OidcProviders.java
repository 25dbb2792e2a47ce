package org.coopera.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The configured OpenID Connect providers ({@link OidcProperties}), checked at start-up, and their
 * client registrations for Spring Security. A provider's discovery document is read when someone
 * first signs in with it, not at start-up, so that Coopera starts (and password sign-in works)
 * while a provider is down; a failed read is tried again at the next sign-in.
 */
@Component
public class OidcProviders implements ClientRegistrationRepository {

  private static final Pattern ID = Pattern.compile("[a-z0-9]{1,40}");

  /** A provider as the sign-in page lists it. */
  public record Button(String id, String displayName) {}

  /** A provider and its parsed role mapping. */
  record Provider(String id, OidcProperties.Provider settings, RoleMapping roles) {}

  private final Map<String, Provider> providers = new TreeMap<>();
  private final Map<String, ClientRegistration> discovered = new ConcurrentHashMap<>();

  OidcProviders(OidcProperties properties) {
    properties.providers().forEach((id, settings) -> providers.put(id, check(id, settings)));
  }

  /** Whether any provider is configured (else no single sign-on route exists). */
  public boolean any() {
    return !providers.isEmpty();
  }

  /** The sign-in buttons, by display name. */
  public List<Button> buttons() {
    return providers.values().stream()
        .map(p -> new Button(p.id(), p.settings().displayName()))
        .sorted(Comparator.comparing(Button::displayName))
        .toList();
  }

  /**
   * A reason a sign-in through a provider failed, as the sign-in page names it: one it has a
   * message for, else {@code failed}.
   */
  public static String knownReason(String reason) {
    return SingleSignOn.REASONS.contains(reason) ? reason : "failed";
  }

  Optional<Provider> provider(String id) {
    return Optional.ofNullable(providers.get(id));
  }

  /**
   * The registration of a configured provider, its endpoints read from its discovery document the
   * first time; null for an id that is not configured. Throws if the document cannot be read.
   */
  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    Provider provider = providers.get(registrationId);
    if (provider == null) {
      return null;
    }
    return discovered.computeIfAbsent(registrationId, id -> discover(provider));
  }

  private static ClientRegistration discover(Provider provider) {
    OidcProperties.Provider settings = provider.settings();
    return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
        .registrationId(provider.id())
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .clientName(settings.displayName())
        .scope(settings.scopes())
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .userNameAttributeName(IdTokenClaimNames.SUB)
        .build();
  }

  private static Provider check(String id, OidcProperties.Provider settings) {
    String where = "coopera.oidc.providers." + id + ".";
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "OpenID provider id '" + id + "' must be lower-case letters and digits");
    }
    require(settings.issuerUri(), where + "issuer-uri");
    require(settings.clientId(), where + "client-id");
    require(settings.clientSecret(), where + "client-secret");
    require(settings.displayName(), where + "display-name");
    if (settings.scopes() == null || !settings.scopes().contains("openid")) {
      throw new IllegalArgumentException(where + "scopes must include openid");
    }
    RoleMapping roles;
    try {
      roles = RoleMapping.parse(settings.roleMapping());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "role-mapping: " + e.getMessage(), e);
    }
    return new Provider(id, settings, roles);
  }

  private static void require(String value, String property) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(property + " is required");
    }
  }
}
