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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in over real HTTP with a browser's cookies: the session gets a new id at sign-in (no
 * fixation), lives in the database, and ends at sign-out.
 */
@CooperaIntegrationTest
class SessionIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.coopera.identity.internal.AccountService accounts;

  @Test
  void signInRenewsTheSessionWhichIsKeptInTheDatabaseUntilSignOut() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    String loginPage = get(browser, "/login").body();
    String before = session(cookies);
    assertThat(before).as("a session exists before sign-in, for the CSRF token").isNotNull();

    HttpResponse<String> signIn =
        post(
            browser,
            "/login",
            "email="
                + encode(DemoLogins.TRAINER)
                + "&password="
                + encode(DemoLogins.PASSWORD)
                + "&_csrf="
                + csrf(loginPage));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    String after = session(cookies);
    assertThat(after).as("a new session id after sign-in").isNotNull().isNotEqualTo(before);
    assertThat(
            jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(DemoLogins.TRAINER)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);

    HttpResponse<String> profile = get(browser, "/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).contains("Demo Trainer");

    String sessionId =
        new String(java.util.Base64.getDecoder().decode(after), StandardCharsets.US_ASCII);
    assertThat(
            jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                .param(sessionId)
                .query(Integer.class)
                .single())
        .as("the idle timeout of server.servlet.session.timeout (30 minutes) is the session's")
        .isEqualTo(30 * 60);

    HttpResponse<String> signOut = post(browser, "/logout", "_csrf=" + csrf(profile.body()));
    assertThat(signOut.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from spring_session where session_id = ?")
                .param(sessionId)
                .query(Long.class)
                .single())
        .as("sign-out deletes the session on the server, not only the cookie")
        .isZero();
    assertThat(get(browser, "/profile").statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void changingOnesPasswordEndsOnesOtherSessions() throws Exception {
    String email = "two-devices-" + java.util.UUID.randomUUID() + "@example.org";
    accounts.create(
        email,
        "Two Devices",
        "correct horse battery",
        java.util.List.of(Grant.of(Role.TRAINER)),
        false);
    HttpClient laptop = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpClient phone = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    signIn(laptop, email, "correct horse battery");
    signIn(phone, email, "correct horse battery");
    assertThat(get(phone, "/profile").statusCode()).isEqualTo(200);

    String profile = get(laptop, "/profile").body();
    HttpResponse<String> change =
        post(
            laptop,
            "/profile/password",
            "currentPassword="
                + encode("correct horse battery")
                + "&newPassword="
                + encode("a brand new passphrase")
                + "&confirmPassword="
                + encode("a brand new passphrase")
                + "&_csrf="
                + csrf(profile));
    assertThat(change.statusCode()).isEqualTo(302);

    assertThat(get(laptop, "/profile").statusCode()).as("this device stays").isEqualTo(200);
    HttpResponse<String> other = get(phone, "/profile");
    assertThat(other.statusCode()).isEqualTo(302);
    assertThat(other.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/login?expired"));
  }

  private void signIn(HttpClient browser, String email, String password) throws Exception {
    String loginPage = get(browser, "/login").body();
    HttpResponse<String> response =
        post(
            browser,
            "/login",
            "email="
                + encode(email)
                + "&password="
                + encode(password)
                + "&_csrf="
                + csrf(loginPage));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String session(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  private static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return encode(m.group(1));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
