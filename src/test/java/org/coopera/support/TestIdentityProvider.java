package org.coopera.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider (Spring Authorization Server) in the test JVM, on a random port of
 * 127.0.0.1, for the single sign-on tests: a login form, the authorization code flow with signed ID
 * tokens, discovery, JWKS and user info. Its people and their groups are set by the tests ({@link
 * #person}); their ID tokens carry e-mail, {@code email_verified}, name, {@code groups} and, where
 * given, {@code amr}. Consent is not asked.
 *
 * <p>Not a {@code @Configuration}, so that the application's component scan never picks it up: it
 * is only the source of its own small application context, started once per JVM.
 */
@ImportAutoConfiguration({
  TomcatServletWebServerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  HttpEncodingAutoConfiguration.class,
  SecurityAutoConfiguration.class,
  ServletWebSecurityAutoConfiguration.class,
  SecurityFilterAutoConfiguration.class
})
public class TestIdentityProvider {

  public static final String CLIENT_ID = "coopera";
  public static final String CLIENT_SECRET = "test-client-secret";
  public static final String PASSWORD = "idp-password";

  /** A person the provider knows. */
  public record Person(
      String email, boolean emailVerified, String name, List<String> groups, List<String> amr) {}

  private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
  private static final Set<String> REDIRECT_URIS = new CopyOnWriteArraySet<>();
  private static ConfigurableApplicationContext context;

  /** Starts the provider, once; its issuer URI. */
  public static synchronized String start() {
    if (context == null) {
      context =
          new SpringApplicationBuilder(TestIdentityProvider.class)
              .web(WebApplicationType.SERVLET)
              .properties(
                  "spring.config.name=test-identity-provider",
                  "server.address=127.0.0.1",
                  "server.port=0",
                  "server.servlet.session.cookie.name=IDP_SESSION",
                  "spring.main.banner-mode=off")
              .run();
    }
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Adds or replaces a person (their user name signs in with {@link #PASSWORD}). */
  public static void person(String username, Person person) {
    PEOPLE.put(username, person);
  }

  /** Lets the client send people back to this address (Coopera's port is known late). */
  public static void allowRedirect(String uri) {
    REDIRECT_URIS.add(uri);
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService people() {
    return username -> {
      if (!PEOPLE.containsKey(username)) {
        throw new UsernameNotFoundException(username);
      }
      return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
    };
  }

  @Bean
  RegisteredClientRepository clients() {
    return new RegisteredClientRepository() {
      @Override
      public void save(RegisteredClient registeredClient) {
        // the client is rebuilt at every look-up (a re-encoded secret is not kept)
      }

      @Override
      public RegisteredClient findById(String id) {
        return CLIENT_ID.equals(id) ? client() : null;
      }

      @Override
      public RegisteredClient findByClientId(String clientId) {
        return CLIENT_ID.equals(clientId) ? client() : null;
      }
    };
  }

  private static RegisteredClient client() {
    return RegisteredClient.withId(CLIENT_ID)
        .clientId(CLIENT_ID)
        .clientSecret("{noop}" + CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUris(uris -> uris.addAll(REDIRECT_URIS))
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
    return token -> {
      if (!OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
        return;
      }
      Person person = PEOPLE.get(token.getPrincipal().getName());
      token
          .getClaims()
          .claim("email", person.email())
          .claim("email_verified", person.emailVerified())
          .claim("name", person.name())
          .claim("groups", person.groups());
      if (person.amr() != null) {
        token.getClaims().claim("amr", person.amr());
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    RSAKey key =
        new RSAKey.Builder((RSAPublicKey) pair.getPublic())
            .privateKey((RSAPrivateKey) pair.getPrivate())
            .keyID(UUID.randomUUID().toString())
            .build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
    return NimbusJwtDecoder.withJwkSource(keys).build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }
}
