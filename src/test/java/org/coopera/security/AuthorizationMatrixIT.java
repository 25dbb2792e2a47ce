package org.coopera.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix (issue 10): every route of the application, called as every principal of
 * {@link AuthorizationPolicy} (anonymous, each role scoped to State A, the same roles scoped to
 * State B), must be allowed or denied exactly as the policy table {@code authorization-policy.tsv}
 * says. A route the table does not name fails the build, and so does a row of the table that names
 * no route.
 *
 * <p>Each request runs in a transaction that is rolled back, so every request meets the same demo
 * data and an allowed change is never kept.
 */
@CooperaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  private final List<AuthorizationPolicy.Principal> principals = AuthorizationPolicy.PRINCIPALS;
  private final Map<AuthorizationPolicy.Principal, CooperaUser> users = new LinkedHashMap<>();
  private RouteSamples samples;

  @BeforeAll
  void createPrincipals() {
    for (AuthorizationPolicy.Principal p : principals) {
      if (p.role() == null) {
        continue;
      }
      UUID id = UUID.randomUUID();
      String email = "matrix." + p.name().toLowerCase().replace('@', '.') + "@test.coopera.org";
      jdbc.sql(
              "insert into account (id, email, display_name, enabled, created_at)"
                  + " values (?, ?, ?, true, now())")
          .params(id, email, "Matrix " + p.name())
          .update();
      Grant grant = p.grant();
      jdbc.sql(
              "insert into role_assignment (id, account_id, role, state_iso3, organisation_code)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              UUID.randomUUID(),
              id,
              grant.role().name(),
              grant.stateIso3(),
              grant.organisationCode())
          .update();
      users.put(p, new CooperaUser(id, email, "Matrix " + p.name(), null, true, List.of(grant)));
    }
    samples =
        new RouteSamples(
            jdbc,
            users.get(AuthorizationPolicy.OWNER).accountId(),
            users.get(AuthorizationPolicy.AUTHOR).accountId());
  }

  @AfterAll
  void removePrincipals() {
    if (samples != null) {
      samples.removeOwned();
    }
    for (CooperaUser u : users.values()) {
      jdbc.sql("delete from account where id = ?").param(u.accountId()).update();
    }
  }

  @Test
  void everyRouteAllowsExactlyWhomThePolicyNames() throws Exception {
    AuthorizationPolicy policy = AuthorizationPolicy.load();
    Map<String, RequestMappingInfo> routes = routes();

    List<String> unnamed =
        routes.keySet().stream().filter(route -> !policy.names(route)).sorted().toList();
    List<String> stale =
        policy.routes().stream().filter(route -> !routes.containsKey(route)).sorted().toList();

    List<String> wrong = new ArrayList<>();
    List<String> unproven = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    int requests = 0;
    for (String route : routes.keySet()) {
      if (!policy.names(route)) {
        continue;
      }
      AuthorizationPolicy.Rule rule = policy.rule(route);
      if (!rule.allowsSomeone() && !rule.secondStep()) {
        wrong.add(route + ": the policy lets no one call it (a route no one may call is dead)");
      }
      int notProven = 0;
      String method = route.substring(0, route.indexOf(' '));
      String pattern = route.substring(route.indexOf(' ') + 1);
      String url;
      try {
        url = samples.url(pattern);
      } catch (IllegalStateException e) {
        wrong.add(route + ": " + e.getMessage());
        continue;
      }
      StringBuilder line = new StringBuilder(route).append('\t').append(url);
      for (AuthorizationPolicy.Principal p : principals) {
        MockHttpServletResponse response = call(method, url, p, rule);
        requests++;
        Outcome outcome = Outcome.of(response, p.role() == null || rule.secondStep());
        line.append('\t').append(p.name()).append('=').append(response.getStatus());
        if (outcome == Outcome.DENIED) {
          line.append('-');
        }
        boolean allowed = rule.allows(p);
        boolean inputRefused = response.getStatus() == 400 || response.getStatus() == 415;
        if (rule.inputFirst() && !allowed && outcome == Outcome.ALLOWED && inputRefused) {
          notProven++;
          continue;
        }
        if (outcome == Outcome.ERROR) {
          wrong.add(
              route
                  + " as "
                  + p.name()
                  + (response.getStatus() >= 500
                      ? ": server error " + response.getStatus()
                      : ": sent to the sign-in although signed in" + redirect(response)));
        } else if (allowed != (outcome == Outcome.ALLOWED)) {
          wrong.add(
              route
                  + " as "
                  + p.name()
                  + ": the policy says "
                  + (allowed ? "allowed" : "denied")
                  + ", the application answered "
                  + response.getStatus()
                  + redirect(response));
        }
      }
      if (rule.inputFirst()) {
        if (notProven == 0) {
          wrong.add(route + ": every denial is proven now; remove its input-first mark");
        } else {
          unproven.add(route + " (" + notProven + " callers)");
        }
      }
      observed.add(line.toString());
    }
    Path report = Path.of("target", "authorization-matrix.tsv");
    Files.createDirectories(report.getParent());
    Files.write(report, observed, StandardCharsets.UTF_8);
    System.out.printf(
        "[authorization] %d routes × %d principals: %d requests, %d disagreements (%s)%n",
        routes.size(), principals.size(), requests, wrong.size(), report.toAbsolutePath());
    System.out.printf(
        "[authorization] %d routes read their input before they ask who calls, so their denials"
            + " are not proven: %s%n",
        unproven.size(), unproven);

    assertThat(unnamed).as("routes without a row in the authorization policy").isEmpty();
    assertThat(stale).as("rows of the authorization policy that name no route").isEmpty();
    assertThat(wrong).as("requests answered otherwise than the policy says").isEmpty();
  }

  /** Every route as "METHOD /pattern", without Spring's own error route. */
  private Map<String, RequestMappingInfo> routes() {
    Map<String, RequestMappingInfo> routes = new TreeMap<>();
    mapping
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                  continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                  routes.put(method.name() + " " + pattern, info);
                }
              }
            });
    return routes;
  }

  private MockHttpServletResponse call(
      String method, String url, AuthorizationPolicy.Principal p, AuthorizationPolicy.Rule rule) {
    TransactionTemplate template = new TransactionTemplate(transactions);
    return template.execute(
        status -> {
          status.setRollbackOnly();
          try {
            String send = samples.fill(rule.send());
            AbstractMockHttpServletRequestBuilder<?> builder;
            if (send.startsWith("multipart:")) {
              // multipart:<part>[&field=value...]: one small file in <part>, and the fields
              String[] parts = send.substring("multipart:".length()).split("&", 2);
              builder =
                  multipart(HttpMethod.valueOf(method), url)
                      .file(
                          new MockMultipartFile(
                              parts[0], "matrix.txt", "text/plain", "matrix".getBytes()));
              if (parts.length > 1) {
                AuthorizationPolicy.fields(parts[1]).forEach(builder::param);
              }
            } else {
              builder = request(HttpMethod.valueOf(method), url);
            }
            builder.with(csrf());
            if (send.startsWith("multipart:")) {
              // the file and its fields are set
            } else if (send.startsWith("xml:")) {
              builder.contentType(MediaType.APPLICATION_XML).content(send.substring(4));
            } else if (method.equals("GET")) {
              rule.form(send).forEach(builder::queryParam);
            } else if (url.startsWith("/api/")) {
              builder.contentType(MediaType.APPLICATION_JSON).content(rule.body(send));
              rule.form(send).forEach(builder::queryParam);
            } else {
              AuthorizationPolicy.DEFAULT_FORM.forEach(builder::param);
              rule.form(send).forEach(builder::param);
            }
            if (p.role() != null) {
              builder.with(user(users.get(p)));
            }
            return mvc.perform(builder).andReturn().getResponse();
          } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + " as " + p.name(), e);
          }
        });
  }

  private static String redirect(MockHttpServletResponse response) {
    String location = response.getHeader("Location");
    return location == null ? "" : " → " + location;
  }

  /** What a response says about access. */
  enum Outcome {
    ALLOWED,
    DENIED,
    ERROR;

    /**
     * Denied: 401, 403, 404 (a thing one may not see is not found) or, for pages, a redirect to the
     * sign-in. Anything else below 500 passed the door, including a refused input (400, 409).
     */
    static Outcome of(MockHttpServletResponse response, boolean sentToSignInIsDenial) {
      int status = response.getStatus();
      if (status >= 500) {
        return ERROR;
      }
      if (status == 401 || status == 403 || status == 404) {
        return DENIED;
      }
      String location = response.getHeader("Location");
      if (status / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login")) {
        return sentToSignInIsDenial ? DENIED : ERROR;
      }
      return ALLOWED;
    }
  }
}
