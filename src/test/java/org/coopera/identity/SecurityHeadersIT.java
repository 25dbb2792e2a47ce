package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of public answer (pages of each module, the sign-in page, an error page, the API, a
 * static file) carries the security headers; HSTS is sent only for requests that arrived over TLS,
 * which behind the reverse proxy means X-Forwarded-Proto: https from the proxy's address.
 */
@CooperaIntegrationTest
class SecurityHeadersIT {

  private static final List<String> PUBLIC =
      List.of(
          "/",
          "/login",
          "/states",
          "/states/PRY",
          "/recommendations",
          "/treaties",
          "/dashboards",
          "/practices",
          "/projects",
          "/funds",
          "/capacity/library",
          "/assistance/requests",
          "/no-such-page",
          "/api/v1/treaties/ratifications",
          "/api/v1/no-such-thing",
          "/css/coopera.css");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyPublicAnswerCarriesTheSecurityHeadersButNoHstsOverPlainHttp() throws Exception {
    for (String path : PUBLIC) {
      HttpResponse<Void> response = get(path, null);
      HttpHeaders headers = response.headers();
      assertThat(response.statusCode()).as(path).isLessThan(500);
      String csp = headers.firstValue("Content-Security-Policy").orElse("");
      assertThat(csp)
          .as(path)
          .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
          .contains("object-src 'none'")
          .doesNotContain("unsafe-inline", "unsafe-eval");
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy"))
          .as(path)
          .hasValue("strict-origin-when-cross-origin");
      assertThat(headers.firstValue("Permissions-Policy"))
          .as(path)
          .hasValueSatisfying(p -> assertThat(p).contains("camera=()", "geolocation=()"));
      assertThat(headers.firstValue("Strict-Transport-Security"))
          .as("no HSTS over plain HTTP: " + path)
          .isEmpty();
    }
  }

  @Test
  void requestsTheProxyReceivedOverTlsGetHsts() throws Exception {
    for (String path : List.of("/", "/login", "/api/v1/treaties/ratifications")) {
      assertThat(get(path, "https").headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValueSatisfying(
              hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
      assertThat(get(path, "http").headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .isEmpty();
    }
  }

  private HttpResponse<Void> get(String path, String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }
}
