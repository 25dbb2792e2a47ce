package org.coopera.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.coopera.identity.Role;
import org.coopera.platform.ApiProblems;
import org.coopera.platform.PublicPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors. The API ({@code /api/**}, {@code /actuator/**}) is stateless: a personal token in
 * {@code Authorization: Bearer}, no cookies, so no CSRF. The pages use a session cookie after a
 * form sign-in, with CSRF tokens on every form, a new session id at sign-in and throttled failures,
 * and a second step asking a one-time code of those who have a second factor or whose roles require
 * one ({@link SecondFactorSignIn}). Where OpenID Connect providers are configured, people may also
 * sign in through them ({@link SingleSignOn}), ending in the same session and second step.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src"
          + " 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";

  /** Browser features no page of Coopera uses, denied to the pages and anything they embed. */
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

  /** One year, as the HSTS preload list asks. */
  static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    return new ProviderManager(new ThrottledAuthenticationProvider(users, encoder, throttle));
  }

  /** Sessions are in the database, so ending a person's sessions works across instances. */
  @Bean
  SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
    return new SpringSessionBackedSessionRegistry<>(sessions);
  }

  @Bean
  ApiProblemResponses apiProblemResponses(
      MessageSource messages, ApiProblems problems, JsonMapper json) {
    return new ApiProblemResponses(messages, problems, json);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiTokens tokens,
      ApiProblemResponses problems,
      List<PublicPaths> publicPaths)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.ADMINISTRATOR.name())
                    .requestMatchers(HttpMethod.POST, "/api/v1/tokens")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, paths(publicPaths, PublicPaths::api))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.requireExplicitSave(true))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
        .headers(this::secureHeaders);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webSecurity(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      SessionRegistry registry,
      List<PublicPaths> publicPaths,
      SecondFactorSignIn secondFactor,
      SingleSignOn singleSignOn,
      @Value("${coopera.session.absolute-timeout:12h}") Duration sessionLifetime,
      Clock clock)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, paths(publicPaths, PublicPaths::pages))
                    .permitAll()
                    .requestMatchers(
                        "/login",
                        "/error",
                        SecondFactorSignIn.CODE_PAGE,
                        SecondFactorSignIn.ENROL_PAGE)
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMINISTRATOR.name())
                    .anyRequest()
                    .authenticated())
        .authenticationManager(singleSignOn.withProviders(authenticationManager))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(secondFactor)
                    .failureUrl("/login?error")
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .sessionManagement(
            session ->
                session
                    .sessionFixation(fixation -> fixation.changeSessionId())
                    .maximumSessions(-1)
                    .sessionRegistry(registry)
                    .expiredUrl("/login?expired"))
        .addFilterBefore(
            new SessionLifetime(sessionLifetime, clock), SecurityContextHolderFilter.class)
        .addFilterBefore(new SecondFactorGate(), AuthorizationFilter.class)
        .headers(this::secureHeaders);
    singleSignOn.configure(http);
    return http.build();
  }

  /** The patterns all modules declare public, for one kind of path. */
  private static String[] paths(
      List<PublicPaths> publicPaths, Function<PublicPaths, List<String>> kind) {
    return publicPaths.stream()
        .flatMap(p -> kind.apply(p).stream())
        .distinct()
        .toArray(String[]::new);
  }

  private void secureHeaders(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
        // only on requests that arrived over TLS: directly, or through the reverse proxy that says
        // so in X-Forwarded-Proto (server.forward-headers-strategy=native trusts it from the
        // proxy's internal address only)
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE_SECONDS));
  }
}
