package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.internal.LoginThrottle;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.TestIdentityProvider;
import org.coopera.support.TestIdentityProvider.Person;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through a real OpenID Connect provider ({@link TestIdentityProvider}, in this JVM)
 * over real HTTP, as a browser goes: Coopera's button, the provider's login form, its redirect
 * back, Coopera's callback, signed in with the roles the person's groups map to; and every way it
 * is refused, each ending on the sign-in page with its message.
 */
@CooperaIntegrationTest
class SingleSignOnIT {

  private static final String MAPPING =
      "coopera-svn=STATE_COORDINATOR@SVN; coopera-pry=STATE_FOCAL_POINT@PRY;"
          + " coopera-admins=ADMINISTRATOR";

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    String issuer = TestIdentityProvider.start();
    registry.add("coopera.oidc.providers.idp.issuer-uri", () -> issuer);
    registry.add("coopera.oidc.providers.idp.client-id", () -> TestIdentityProvider.CLIENT_ID);
    registry.add(
        "coopera.oidc.providers.idp.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    registry.add("coopera.oidc.providers.idp.display-name", () -> "Test IdP");
    registry.add("coopera.oidc.providers.idp.role-mapping", () -> MAPPING);
    // the same provider, trusted with the second factor of those whose roles require one
    registry.add("coopera.oidc.providers.trusted.issuer-uri", () -> issuer);
    registry.add("coopera.oidc.providers.trusted.client-id", () -> TestIdentityProvider.CLIENT_ID);
    registry.add(
        "coopera.oidc.providers.trusted.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    registry.add("coopera.oidc.providers.trusted.display-name", () -> "Trusted IdP");
    registry.add("coopera.oidc.providers.trusted.role-mapping", () -> MAPPING);
    registry.add("coopera.oidc.providers.trusted.require-second-factor", () -> "false");
    // a provider nobody answers for (port 9, discard, is closed here)
    registry.add("coopera.oidc.providers.down.issuer-uri", () -> "http://127.0.0.1:9/realms/x");
    registry.add("coopera.oidc.providers.down.client-id", () -> "coopera");
    registry.add("coopera.oidc.providers.down.client-secret", () -> "unused");
    registry.add("coopera.oidc.providers.down.display-name", () -> "Unreachable IdP");
    registry.add("coopera.oidc.providers.down.role-mapping", () -> MAPPING);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired LoginThrottle throttle;

  @BeforeEach
  void allowCoopera() {
    TestIdentityProvider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/idp");
    TestIdentityProvider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/trusted");
  }

  @Test
  void theSignInPageOffersEachProvider() throws Exception {
    Browser browser = new Browser();
    Document page = Jsoup.parse(browser.open(coopera("/login")).body());
    assertThat(page.select("#sso-idp").text()).isEqualTo("Sign in with Test IdP");
    assertThat(page.select("#sso-idp").attr("href")).isEqualTo("/oauth2/authorization/idp");
    assertThat(page.select("#sso-down").text()).isEqualTo("Sign in with Unreachable IdP");
    assertThat(page.select("#sso a").eachText())
        .containsExactly(
            "Sign in with Test IdP", "Sign in with Trusted IdP", "Sign in with Unreachable IdP");
  }

  @Test
  void aGroupMappedToAStateRoleOpensThatStatesWorkspaceOnly() throws Exception {
    String email = person("svn-" + UUID.randomUUID(), true, List.of("coopera-svn"), null);
    Browser browser = new Browser();
    browser.open(coopera("/login"));

    HttpResponse<String> home = browser.signInAtProvider(nameOf(email));
    assertThat(home.uri().getHost()).isEqualTo("localhost");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(browser.send(coopera("/workspace/SVN")).statusCode()).isEqualTo(200);
    assertThat(browser.send(coopera("/workspace/PRY")).statusCode()).isIn(403, 404);
    assertThat(grantsOf(email)).containsExactly("STATE_COORDINATOR@SVN by provider");
    assertThat(linkedAccounts(email)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select actor from audit_entry e join external_identity x"
                        + " on e.table_name = 'external_identity' and e.record_id = x.id::text"
                        + " join account a on a.id = x.account_id"
                        + " where a.email = ? and e.operation = 'INSERT'")
                .param(email)
                .query(String.class)
                .list())
        .as("the link is in the audit trail")
        .containsExactly("system");
    assertThat(
            jdbc.sql("select count(*) from account where email = ? and password_hash is null")
                .param(email)
                .query(Long.class)
                .single())
        .as("an account made at sign-in has no password")
        .isEqualTo(1);
  }

  @Test
  void signingInGivesANewSessionId() throws Exception {
    String email = person("fixation-" + UUID.randomUUID(), true, List.of("coopera-svn"), null);
    Browser browser = new Browser();
    browser.open(coopera("/login"));
    browser.open(coopera("/oauth2/authorization/idp"));
    String before = browser.cooperaSession();
    assertThat(before).as("the authorization request is kept in a session").isNotNull();

    browser.submitProviderLogin(nameOf(email));
    assertThat(browser.cooperaSession()).isNotNull().isNotEqualTo(before);
    assertThat(browser.send(coopera("/workspace/SVN")).statusCode()).isEqualTo(200);
  }

  @Test
  void aGroupRemovedAtTheProviderTakesItsRoleAwayAtTheNextSignIn() throws Exception {
    String user = "mover-" + UUID.randomUUID();
    String email = person(user, true, List.of("coopera-svn"), null);
    Browser first = new Browser();
    first.signInAtProvider(user);
    assertThat(first.send(coopera("/workspace/SVN")).statusCode()).isEqualTo(200);

    TestIdentityProvider.person(
        user, new Person(email, true, "Mover", List.of("coopera-pry"), null));
    Browser second = new Browser();
    second.signInAtProvider(user);

    assertThat(second.send(coopera("/workspace/SVN")).statusCode()).isIn(403, 404);
    assertThat(second.send(coopera("/workspace/PRY")).statusCode()).isEqualTo(200);
    assertThat(grantsOf(email)).containsExactly("STATE_FOCAL_POINT@PRY by provider");
    HttpResponse<String> old = first.open(coopera("/workspace/SVN"));
    assertThat(old.uri().getPath())
        .as("the session signed in with the old roles is ended")
        .isEqualTo("/login");
  }

  @Test
  void aRoleGrantedInCooperaStaysWhenTheProviderNoLongerMapsAny() throws Exception {
    String user = "linked-" + UUID.randomUUID();
    TestIdentityProvider.person(
        user, new Person(DemoLogins.FOCAL_POINT_SVN, true, "Focal", List.of("coopera-pry"), null));
    new Browser().signInAtProvider(user);
    assertThat(grantsOf(DemoLogins.FOCAL_POINT_SVN))
        .containsExactlyInAnyOrder(
            "STATE_FOCAL_POINT@SVN by hand", "STATE_FOCAL_POINT@PRY by provider");

    TestIdentityProvider.person(
        user, new Person(DemoLogins.FOCAL_POINT_SVN, true, "Focal", List.of(), null));
    Browser again = new Browser();
    again.signInAtProvider(user);

    assertThat(grantsOf(DemoLogins.FOCAL_POINT_SVN))
        .containsExactly("STATE_FOCAL_POINT@SVN by hand");
    assertThat(again.send(coopera("/workspace/SVN")).statusCode()).isEqualTo(200);
  }

  @Test
  void someoneWhoseGroupsGiveNoRoleIsRefusedAndNoAccountIsMade() throws Exception {
    String email = person("nobody-" + UUID.randomUUID(), true, List.of("staff", "coopera"), null);

    HttpResponse<String> page = new Browser().signInAtProvider(nameOf(email));

    assertRefused(page, "no-role", "none of your groups there gives you a role in Coopera");
    assertThat(accountCount(email)).isZero();
  }

  @Test
  void anAddressTheProviderDidNotVerifyDoesNotTakeOverAnAccount() throws Exception {
    String user = "impostor-" + UUID.randomUUID();
    TestIdentityProvider.person(
        user,
        new Person(DemoLogins.COORDINATOR_PRY, false, "Impostor", List.of("coopera-admins"), null));

    HttpResponse<String> page = new Browser().signInAtProvider(user);

    assertRefused(page, "email-unverified", "did not confirm that the address is yours");
    assertThat(linkedAccounts(DemoLogins.COORDINATOR_PRY)).isZero();
    assertThat(grantsOf(DemoLogins.COORDINATOR_PRY))
        .containsExactly("STATE_COORDINATOR@PRY by hand");
  }

  @Test
  void aDisabledAccountIsRefusedWhateverTheProviderSays() throws Exception {
    String email = person("disabled-" + UUID.randomUUID(), true, List.of("coopera-svn"), null);
    new Browser().signInAtProvider(nameOf(email));
    jdbc.sql("update account set enabled = false where email = ?").param(email).update();

    Browser browser = new Browser();
    HttpResponse<String> page = browser.signInAtProvider(nameOf(email));

    assertRefused(page, "disabled", "Your Coopera account is disabled");
    assertThat(browser.open(coopera("/workspace/SVN")).uri().getPath()).isEqualTo("/login");
  }

  @Test
  void anAccountLockedByFailedSignInsIsRefusedWhateverTheProviderSays() throws Exception {
    String email = person("locked-" + UUID.randomUUID(), true, List.of("coopera-svn"), null);
    new Browser().signInAtProvider(nameOf(email));
    for (int i = 0; i < 5; i++) {
      throttle.recordFailure(email, "203.0.113.9");
    }

    HttpResponse<String> page = new Browser().signInAtProvider(nameOf(email));

    assertRefused(page, "locked", "Too many failed attempts were made on your account");
  }

  @Test
  void anAdministratorThroughTheProviderStillSetsUpCooperasSecondStep() throws Exception {
    String email =
        person(
            "admin-" + UUID.randomUUID(), true, List.of("coopera-admins"), List.of("pwd", "mfa"));
    Browser browser = new Browser();

    HttpResponse<String> page = browser.signInAtProvider(nameOf(email));

    assertThat(page.uri().getPath()).isEqualTo("/sign-in/enrol");
    assertThat(page.body()).contains("otpauth://totp/");
    HttpResponse<String> admin = browser.open(coopera("/admin/accounts"));
    assertThat(admin.uri().getPath()).isEqualTo("/sign-in/enrol");
  }

  @Test
  void aProviderTrustedWithTheSecondFactorReplacesCooperasStepOnlyWhenItSaysItCheckedOne()
      throws Exception {
    String checked =
        person("mfa-" + UUID.randomUUID(), true, List.of("coopera-admins"), List.of("pwd", "mfa"));
    Browser browser = new Browser();
    HttpResponse<String> home = browser.signInAt("trusted", nameOf(checked));
    assertThat(home.uri().getPath()).isEqualTo("/");
    assertThat(browser.send(coopera("/admin/accounts")).statusCode()).isEqualTo(200);

    String passwordOnly =
        person("pwd-" + UUID.randomUUID(), true, List.of("coopera-admins"), List.of("pwd"));
    HttpResponse<String> page = new Browser().signInAt("trusted", nameOf(passwordOnly));
    assertThat(page.uri().getPath()).isEqualTo("/sign-in/enrol");
  }

  @Test
  void aProviderThatCannotBeReachedSendsBackToTheSignInPage() throws Exception {
    HttpResponse<String> page = new Browser().open(coopera("/oauth2/authorization/down"));
    assertRefused(page, "failed", "Signing in with your identity provider did not work");
  }

  @Test
  void anAnswerForASignInNotStartedHereIsRefused() throws Exception {
    Browser browser = new Browser();
    browser.open(coopera("/login"));
    HttpResponse<String> page =
        browser.open(coopera("/login/oauth2/code/idp?code=forged&state=forged"));
    assertRefused(page, "expired", "does not match a sign-in started here");
  }

  @Test
  void consentDeniedAtTheProviderIsSaidSo() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> redirect = browser.send(coopera("/oauth2/authorization/idp"));
    String state = queryParameter(redirect.headers().firstValue("Location").orElseThrow(), "state");

    HttpResponse<String> page =
        browser.open(
            coopera(
                "/login/oauth2/code/idp?error=access_denied&state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8)));

    assertRefused(page, "denied", "You did not allow Coopera to sign you in");
  }

  private static void assertRefused(HttpResponse<String> page, String reason, String message) {
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getPath()).isEqualTo("/login");
    assertThat(page.uri().getQuery()).isEqualTo("sso=" + reason);
    assertThat(Jsoup.parse(page.body()).select("#sso-error").text()).contains(message);
  }

  /** Adds a person to the provider, user name and e-mail alike; their e-mail. */
  private static String person(
      String user, boolean verified, List<String> groups, List<String> amr) {
    String email = user + "@example.org";
    TestIdentityProvider.person(user, new Person(email, verified, "Person " + user, groups, amr));
    return email;
  }

  private static String nameOf(String email) {
    return email.substring(0, email.indexOf('@'));
  }

  private List<String> grantsOf(String email) {
    return jdbc.sql(
            "select r.role || '@' || coalesce(r.state_iso3, r.organisation_code, '-') || ' by '"
                + " || case when r.granted_by is null then 'hand' else 'provider' end"
                + " from role_assignment r join account a on a.id = r.account_id"
                + " where a.email = ? order by 1")
        .param(email)
        .query(String.class)
        .list();
  }

  private long linkedAccounts(String email) {
    return jdbc.sql(
            "select count(*) from external_identity x join account a on a.id = x.account_id"
                + " where a.email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private long accountCount(String email) {
    return jdbc.sql("select count(*) from account where email = ?")
        .param(email)
        .query(Long.class)
        .single();
  }

  private URI coopera(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String queryParameter(String uri, String name) {
    for (String pair : URI.create(uri).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + uri);
  }

  /**
   * A browser of plain HTTP: keeps cookies per host (Coopera is on localhost, the provider on
   * 127.0.0.1, so their cookies never mix) and follows redirects, across the two.
   */
  private final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final List<URI> visited = new ArrayList<>();

    /** Signs in at the provider from Coopera's button; the page the journey ends on. */
    HttpResponse<String> signInAtProvider(String user) throws Exception {
      return signInAt("idp", user);
    }

    HttpResponse<String> signInAt(String provider, String user) throws Exception {
      HttpResponse<String> form = open(coopera("/oauth2/authorization/" + provider));
      assertThat(form.uri().getHost()).as("the provider's login form").isEqualTo("127.0.0.1");
      return submitProviderLogin(user, form);
    }

    HttpResponse<String> submitProviderLogin(String user) throws Exception {
      return submitProviderLogin(user, null);
    }

    private HttpResponse<String> submitProviderLogin(String user, HttpResponse<String> form)
        throws Exception {
      if (form == null) {
        URI last = visited.get(visited.size() - 1);
        form = send(last);
      }
      Document page = Jsoup.parse(form.body(), form.uri().toString());
      String action = page.select("form").first().absUrl("action");
      String csrf = page.select("input[name=_csrf]").attr("value");
      String body =
          "username="
              + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password="
              + TestIdentityProvider.PASSWORD
              + "&_csrf="
              + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
      HttpResponse<String> posted =
          client.send(
              HttpRequest.newBuilder(URI.create(action))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return follow(posted);
    }

    /** Opens a page, following redirects. */
    HttpResponse<String> open(URI uri) throws Exception {
      return follow(send(uri));
    }

    /** One request, redirects not followed. */
    HttpResponse<String> send(URI uri) throws Exception {
      visited.add(uri);
      return client.send(
          HttpRequest.newBuilder(uri)
              .header("Accept", "text/html")
              .header("Accept-Language", "en")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
      for (int hops = 0; hops < 10 && isRedirect(response); hops++) {
        URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
        response = send(next);
      }
      assertThat(isRedirect(response)).as("no endless redirects").isFalse();
      return response;
    }

    String cooperaSession() {
      return cookies.getCookieStore().get(coopera("/")).stream()
          .filter(c -> c.getName().equals("SESSION"))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElse(null);
    }

    private static boolean isRedirect(HttpResponse<String> response) {
      return response.statusCode() / 100 == 3;
    }
  }
}
