package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one error page, over real HTTP, says what went wrong in the visitor's language. */
@CooperaIntegrationTest
class ErrorPagesIT {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void notFoundInFrench() throws Exception {
    HttpResponse<String> response = get("/states/XXX", "fr");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Page introuvable").contains("lang=\"fr\"");
  }

  @Test
  void badParameterInEnglish() throws Exception {
    HttpResponse<String> response = get("/states?group=rich", "en");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("The request could not be understood")
        .contains("The parameter &quot;group&quot; must be one of");
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html")
            .header("Accept-Language", language)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
