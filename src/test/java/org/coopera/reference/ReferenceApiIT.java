package org.coopera.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The open-data API over real HTTP: the list shape, paging, filters and Problem Details. */
@CooperaIntegrationTest
class ReferenceApiIT {

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @CsvSource({
    "/api/v1/states, 195",
    "/api/v1/instruments, 18",
    "/api/v1/sdg/goals, 17",
    "/api/v1/sdg/targets, 169",
    "/api/v1/sdg/targets?goal=5, 9",
    "/api/v1/mechanisms?kind=TREATY_BODY, 10",
    "/api/v1/mechanisms/upr/cycles, 4",
    "/api/v1/instruments/declarations, 8",
    "/api/v1/states?group=observer, 2",
    "/api/v1/states?region=002, 54",
    "/api/v1/states?group=sids, 37",
    "/api/v1/regions, 29",
    "/api/v1/affected-groups, 43",
  })
  void everyListHasTheSameShape(String path, long total) throws Exception {
    JsonNode body = getJson(path, 200);
    assertThat(body.get("total").asLong()).isEqualTo(total);
    assertThat(body.get("items").isArray()).isTrue();
    assertThat(body.has("page")).isTrue();
    assertThat(body.has("size")).isTrue();
  }

  @Test
  void themesMechanismsAndStatesCarryTheirReferenceFields() throws Exception {
    JsonNode themes = getJson("/api/v1/themes?size=500", 200);
    assertThat(themes.get("total").asLong()).isEqualTo(themes.get("items").size());
    assertThat(themes.get("items").findValuesAsString("code")).contains("A12", "D51", "F13");

    JsonNode paraguay = getJson("/api/v1/states/PRY", 200);
    assertThat(paraguay.get("name").asString()).isEqualTo("Paraguay");
    assertThat(paraguay.get("m49").asString()).isEqualTo("600");
    assertThat(paraguay.get("lldc").asBoolean()).isTrue();

    JsonNode indicators = getJson("/api/v1/sdg/targets/16.10/indicators", 200);
    assertThat(indicators.get("items").findValuesAsString("code")).contains("16.10.1");
  }

  @Test
  void organisationsAreOpenData() throws Exception {
    JsonNode organisations = getJson("/api/v1/organisations?size=500", 200);
    assertThat(organisations.get("total").asLong()).isGreaterThanOrEqualTo(46);
    assertThat(organisations.get("items").findValuesAsString("code")).contains("OHCHR", "UNDP");
  }

  @Test
  void pagingSlicesTheListAndKeepsTheTotal() throws Exception {
    JsonNode first = getJson("/api/v1/states?size=10", 200);
    JsonNode second = getJson("/api/v1/states?size=10&page=1", 200);
    assertThat(first.get("total").asLong()).isEqualTo(195);
    assertThat(first.get("items")).hasSize(10);
    assertThat(second.get("items")).hasSize(10);
    assertThat(first.get("items").get(0).get("iso3").asString())
        .isNotEqualTo(second.get("items").get(0).get("iso3").asString());
    JsonNode last = getJson("/api/v1/states?size=10&page=19", 200);
    assertThat(last.get("items")).hasSize(5);
    JsonNode beyond = getJson("/api/v1/states?size=10&page=50", 200);
    assertThat(beyond.get("items")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/states?size=0, size",
    "/api/v1/states?size=501, size",
    "/api/v1/states?page=-1, page",
    "/api/v1/states?page=abc, page",
    "/api/v1/states?region=999, region",
    "/api/v1/states?group=rich, group",
    "/api/v1/sdg/targets?goal=18, goal",
    "/api/v1/mechanisms?kind=COURT, kind",
    "/api/v1/themes?size=x, size",
  })
  void aBadParameterIsA400ProblemNamingIt(String path, String parameter) throws Exception {
    HttpResponse<String> response = send(path, null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
    assertThat(problem.get("code").asString()).isEqualTo("invalid-parameter");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asString()).contains(parameter);
  }

  @Test
  void problemsAreInTheCallersLanguage() throws Exception {
    HttpResponse<String> response = send("/api/v1/states?size=0", "fr");
    assertThat(json.readTree(response.body()).get("detail").asString())
        .contains("doit être un nombre entier");
  }

  @Test
  void anUnknownStateIsA404ProblemInTheCallersLanguage() throws Exception {
    HttpResponse<String> response = send("/api/v1/states/XXX", "fr");
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("not-found");
    assertThat(problem.get("title").asString()).isEqualTo("Introuvable");
  }

  @Test
  void aWrongMethodOrABadBodyIsAProblemWithACode() throws Exception {
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/states"))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isIn(401, 405);
    HttpResponse<String> badBody =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badBody.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badBody.body()).get("code").asString()).isEqualTo("bad-request");
  }

  @Test
  void theOpenApiDescriptionListsTheReferenceEndpoints() throws Exception {
    JsonNode api = getJson("/api/docs", 200);
    assertThat(api.get("openapi").asString()).startsWith("3.");
    assertThat(api.get("info").get("title").asString()).isEqualTo("Coopera API");
    assertThat(api.get("paths").propertyNames())
        .contains(
            "/api/v1/states",
            "/api/v1/instruments",
            "/api/v1/mechanisms",
            "/api/v1/sdg/goals",
            "/api/v1/sdg/targets",
            "/api/v1/themes",
            "/api/v1/tokens");
  }

  @Test
  void healthIsPublic() throws Exception {
    assertThat(getJson("/actuator/health", 200).get("status").asString()).isEqualTo("UP");
  }

  private JsonNode getJson(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = send(path, null);
    assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(String path, String language) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json");
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
