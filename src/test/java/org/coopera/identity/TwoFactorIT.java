package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopera.support.HttpBrowser.location;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coopera.identity.internal.AccountService;
import org.coopera.identity.internal.Totp;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two-step sign-in over real HTTP: administrators and fund managers must set up an authenticator
 * before anything else, then give a code after their password; codes are single-use and throttled;
 * recovery codes work once; an administrator can reset someone's second factor; the API's password
 * route asks the code too.
 */
@CooperaIntegrationTest
class TwoFactorIT {

  private static final String PASSWORD = "correct horse battery";
  private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7]+)<");
  private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;

  @Test
  void anAdministratorWithoutSecondFactorMustSetOneUpBeforeAnythingElse() throws Exception {
    String email = account(Role.ADMINISTRATOR);
    HttpBrowser browser = new HttpBrowser(port);
    String before = browser.session();

    HttpResponse<String> signIn = browser.signIn(email, PASSWORD);
    assertThat(location(signIn)).endsWith("/sign-in/enrol");
    for (String page : List.of("/admin/accounts", "/profile", "/", "/states", "/sign-in/code")) {
      HttpResponse<String> response = browser.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(location(response)).as(page).endsWith("/sign-in/enrol");
    }
    HttpResponse<String> enrol = browser.get("/sign-in/enrol");
    assertThat(enrol.body()).contains("Your role requires two-step sign-in", "otpauth://totp/");
    String secret = group(SECRET, enrol.body());
    assertThat(browser.get("/sign-in/enrol").body())
        .as("the same secret until confirmed")
        .contains(secret);

    HttpResponse<String> wrong = browser.post("/sign-in/enrol", "code", "000000");
    assertThat(wrong.body()).contains("The code is not correct");
    assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(302);

    HttpResponse<String> confirmed =
        browser.post("/sign-in/enrol", "code", Totp.code(secret, Totp.step(Instant.now())));
    assertThat(confirmed.statusCode()).isEqualTo(200);
    Matcher codes = RECOVERY.matcher(confirmed.body());
    int count = 0;
    while (codes.find()) {
      count++;
    }
    assertThat(count).as("ten recovery codes shown once").isEqualTo(10);
    assertThat(browser.session()).as("a new session id once signed in").isNotEqualTo(before);
    assertThat(browser.get("/admin/accounts").statusCode()).isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from recovery_code r join account a on a.id = r.account_id"
                        + " where a.email = ? and r.code_hash not like '%-%'")
                .param(email)
                .query(Long.class)
                .single())
        .as("recovery codes are stored hashed")
        .isEqualTo(10);
  }

  @Test
  void theSecondStepAsksACodeThatCannotBeUsedTwice() throws Exception {
    String email = account(Role.FUND_MANAGER);
    HttpBrowser first = new HttpBrowser(port);
    String secret = enrol(first, email);
    long step = Totp.step(Instant.now()) + 1;
    String code = Totp.code(secret, step);

    HttpBrowser second = new HttpBrowser(port);
    assertThat(location(second.signIn(email, PASSWORD))).endsWith("/sign-in/code");
    assertThat(second.get("/funds").statusCode()).isEqualTo(302);
    HttpResponse<String> wrong = second.post("/sign-in/code", "code", "123456");
    assertThat(wrong.body()).contains("The code is not correct");
    HttpResponse<String> right = second.post("/sign-in/code", "code", code);
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(location(right)).doesNotContain("/sign-in");
    assertThat(second.get("/profile").statusCode()).isEqualTo(200);

    HttpBrowser third = new HttpBrowser(port);
    third.signIn(email, PASSWORD);
    assertThat(third.post("/sign-in/code", "code", code).body())
        .as("the same code a second time")
        .contains("The code is not correct");
    assertThat(third.get("/profile").statusCode()).isEqualTo(302);
  }

  @Test
  void aRecoveryCodeWorksOnceAndWrongCodesAreThrottledLikePasswords() throws Exception {
    String email = account(Role.ADMINISTRATOR);
    HttpBrowser browser = new HttpBrowser(port);
    String secret = group(SECRET, browserAfterSignIn(browser, email).get("/sign-in/enrol").body());
    HttpResponse<String> confirmed =
        browser.post("/sign-in/enrol", "code", Totp.code(secret, Totp.step(Instant.now())));
    String recovery = group(RECOVERY, confirmed.body());

    HttpBrowser lostPhone = new HttpBrowser(port);
    lostPhone.signIn(email, PASSWORD);
    assertThat(location(lostPhone.post("/sign-in/code", "code", recovery.toUpperCase())))
        .doesNotContain("/sign-in");
    HttpBrowser again = new HttpBrowser(port);
    again.signIn(email, PASSWORD);
    assertThat(again.post("/sign-in/code", "code", recovery).body())
        .contains("The code is not correct");

    for (int i = 0; i < 4; i++) {
      again.post("/sign-in/code", "code", "00000" + i);
    }
    String right = Totp.code(secret, Totp.step(Instant.now()) + 1);
    assertThat(again.post("/sign-in/code", "code", right).body())
        .as("after five wrong codes even the right one is refused")
        .contains("The code is not correct");
    assertThat(location(new HttpBrowser(port).signIn(email, PASSWORD)))
        .as("and the password too, for the throttle's window")
        .contains("/login?error");
  }

  @Test
  void anyoneMaySetUpASecondFactorFromTheirAccountAndTurnItOffWithACode() throws Exception {
    String email = account(Role.TRAINER);
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(location(browser.signIn(email, PASSWORD))).endsWith("/");
    HttpResponse<String> page = browser.get("/profile/two-factor");
    String secret = group(SECRET, page.body());
    long step = Totp.step(Instant.now());
    assertThat(browser.post("/profile/two-factor", "code", Totp.code(secret, step)).body())
        .contains("keep your recovery codes");

    HttpBrowser next = new HttpBrowser(port);
    assertThat(location(next.signIn(email, PASSWORD))).endsWith("/sign-in/code");

    browser.get("/profile/two-factor");
    assertThat(browser.post("/profile/two-factor/disable", "code", "999999").body())
        .contains("The code is not correct");
    HttpResponse<String> off =
        browser.post("/profile/two-factor/disable", "code", Totp.code(secret, step + 1));
    assertThat(location(off)).endsWith("/profile");
    assertThat(location(new HttpBrowser(port).signIn(email, PASSWORD))).endsWith("/");
  }

  @Test
  void guessingTheCodeToTurnTheSecondFactorOffIsThrottled() throws Exception {
    String email = account(Role.TRAINER);
    HttpBrowser browser = new HttpBrowser(port);
    assertThat(location(browser.signIn(email, PASSWORD))).endsWith("/");
    String secret = group(SECRET, browser.get("/profile/two-factor").body());
    long step = Totp.step(Instant.now());
    browser.post("/profile/two-factor", "code", Totp.code(secret, step));
    for (int i = 0; i < 5; i++) {
      assertThat(browser.post("/profile/two-factor/disable", "code", "00000" + i).body())
          .contains("The code is not correct");
    }
    assertThat(
            browser.post("/profile/two-factor/disable", "code", Totp.code(secret, step + 1)).body())
        .as("after five wrong codes even the right one is refused")
        .contains("The code is not correct");
    assertThat(location(new HttpBrowser(port).signIn(email, PASSWORD)))
        .as("the second factor is still on, and the account throttled")
        .contains("/login?error");
  }

  @Test
  void anAdministratorResetsALostSecondFactorAndTheSessionsEnd() throws Exception {
    String email = account(Role.FUND_MANAGER);
    HttpBrowser person = new HttpBrowser(port);
    enrol(person, email);
    assertThat(person.get("/profile").statusCode()).isEqualTo(200);
    UUID id =
        jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();

    HttpBrowser admin = new HttpBrowser(port);
    admin.signIn(DemoLogins.ADMIN, DemoLogins.PASSWORD);
    admin.post("/sign-in/code", "code", logins.unusedCode(DemoLogins.ADMIN));
    assertThat(admin.get("/admin/accounts/" + id).body()).contains("Reset two-step sign-in");
    HttpResponse<String> reset = admin.post("/admin/accounts/" + id + "/two-factor/reset");
    assertThat(location(reset)).endsWith("/admin/accounts/" + id);
    assertThat(admin.get(location(reset).replaceFirst("^https?://[^/]+", "")).body())
        .contains("Two-step sign-in has been reset");

    assertThat(location(person.get("/profile"))).contains("/login?expired");
    assertThat(location(new HttpBrowser(port).signIn(email, PASSWORD))).endsWith("/sign-in/enrol");
  }

  @Test
  void theApiAsksTheCodeOfThoseWithASecondFactor() throws Exception {
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(tokenRequest(DemoLogins.ADMIN, null)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("bad-second-factor"));
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content(tokenRequest(DemoLogins.ADMIN, logins.unusedCode(DemoLogins.ADMIN))))
        .andExpect(status().isCreated());

    String unenrolled = account(Role.ADMINISTRATOR);
    mvc.perform(
            post("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + unenrolled + "\",\"password\":\"" + PASSWORD + "\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("second-factor-required"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("role")));
  }

  private static String tokenRequest(String email, String code) {
    return "{\"email\":\""
        + email
        + "\",\"password\":\""
        + DemoLogins.PASSWORD
        + "\""
        + (code == null ? "" : ",\"code\":\"" + code + "\"")
        + "}";
  }

  private String account(Role role) {
    String email = "two-factor-" + UUID.randomUUID() + "@example.org";
    accounts.create(email, "Two Factor Person", PASSWORD, List.of(Grant.of(role)), false);
    return email;
  }

  private HttpBrowser browserAfterSignIn(HttpBrowser browser, String email) throws Exception {
    browser.signIn(email, PASSWORD);
    return browser;
  }

  /** Signs in and sets up the second factor; returns its secret. */
  private String enrol(HttpBrowser browser, String email) throws Exception {
    browser.signIn(email, PASSWORD);
    String secret = group(SECRET, browser.get("/sign-in/enrol").body());
    assertThat(
            browser
                .post("/sign-in/enrol", "code", Totp.code(secret, Totp.step(Instant.now())))
                .statusCode())
        .isEqualTo(200);
    return secret;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as(pattern.pattern()).isTrue();
    return m.group(1);
  }
}
