package org.coopera.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.recommendations.RegistryMaintenance;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator at a small scale into the application's own database (demo mode, beside the demo
 * data, in a context of its own): the rows asked are there, the application serves them (search,
 * dashboards, the funds' balances), the funds' invariants hold, the audit trail has one entry for
 * the run and none for the generated rows, and a second run is refused.
 */
@CooperaIntegrationTest
@TestPropertySource(properties = "coopera.generate.seed=424242")
class DataGeneratorIT {

  private static final long SEED = 424_242L;
  private static final GeneratorSettings SETTINGS =
      new GeneratorSettings(false, SEED, 2_000, 100, 200, 20, 200, false);

  @Autowired DataGenerator generator;
  @Autowired JdbcClient jdbc;
  @Autowired RegistryMaintenance registry;
  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void fillsEveryModuleOnceAndTheApplicationServesIt() throws Exception {
    List<String> tables =
        List.of(
            "recommendation",
            "recommendation_text",
            "recommendation_recommending_state",
            "recommendation_tag",
            "account",
            "institution",
            "assignment",
            "implementation_action",
            "progress_update",
            "assistance_request",
            "needs_assessment",
            "project",
            "project_activity",
            "project_result",
            "project_indicator",
            "fund_pledge",
            "fund_contribution",
            "fund_allocation",
            "fund_disbursement",
            "fund_expenditure",
            "training_event",
            "event_participant");
    Map<String, Long> before = counts(tables);
    long auditBefore = count("select count(*) from audit_entry");
    JsonNode cooperationBefore = get("/api/v1/stats/cooperation").get("figures");

    GenerationReport report = generator.generate(SETTINGS);

    Map<String, Long> after = counts(tables);
    for (String table : tables) {
      assertThat(after.get(table) - before.get(table))
          .as(table)
          .isEqualTo(report.rows().getOrDefault(table, 0L));
    }
    assertThat(report.rows())
        .containsEntry("recommendation", 2_000L)
        .containsEntry("recommendation_text", 2_000L)
        .containsEntry("implementation_action", 100L)
        .containsEntry("progress_update", 200L)
        .containsEntry("assignment", 50L)
        .containsEntry("project", 20L)
        .containsEntry("assistance_request", 20L)
        .containsEntry("needs_assessment", 20L)
        .containsEntry("project_activity", 60L)
        .containsEntry("fund_allocation", 20L)
        .containsEntry("training_event", 10L)
        .containsEntry("event_participant", 200L)
        .containsEntry("account", 193L * 2 + 3);

    // One audit entry records the run; the generated rows have none.
    assertThat(count("select count(*) from audit_entry")).isEqualTo(auditBefore + 1);
    assertThat(
            jdbc.sql(
                    "select changes -> 'recommendation' ->> 'new' from audit_entry"
                        + " where table_name = 'data_generation' and record_id = ?")
                .param(String.valueOf(SEED))
                .query(String.class)
                .single())
        .isEqualTo("2000");
    // The audit triggers are on again.
    assertThat(
            count(
                "select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                    + " where t.tgname in ('audit_row', 'audit_insert') and t.tgenabled = 'D'"))
        .isZero();

    // The same seed makes the same rows: recommendation i again from its number.
    RecommendationRows again =
        new RecommendationRows(
            TextModel.learn(registry.shippedSamples()), Reference.read(jdbc), new Ids(SEED), SEED);
    RecommendationRows.Recommendation sample = again.recommendation(1_234);
    assertThat(
            jdbc.sql(
                    "select r.code, t.text from recommendation r join recommendation_text t"
                        + " on t.recommendation_id = r.id where r.id = ?")
                .param(sample.id())
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                .single())
        .isEqualTo(sample.code() + "|" + sample.text());

    // The search index was rebuilt: everything in the database is found, the sample by its words.
    long inDatabase = count("select count(*) from recommendation");
    assertThat(get("/api/v1/recommendations?size=1").get("total").asLong()).isEqualTo(inDatabase);
    String words = String.join(" ", Arrays.asList(sample.text().split("\\s+")).subList(0, 4));
    JsonNode found =
        get(
            "/api/v1/recommendations?size=500&state="
                + sample.state().iso3()
                + "&q="
                + URLEncoder.encode("\"" + words + "\"", StandardCharsets.UTF_8));
    assertThat(found.get("items").findValuesAsString("code")).contains(sample.code());
    assertThat(get("/api/v1/recommendations/" + sample.code()).toString())
        .contains(sample.state().iso3());

    // The dashboards count them.
    assertThat(get("/api/v1/stats/recommendations").get("figures").get("recommendations").asLong())
        .isEqualTo(inDatabase);
    JsonNode cooperation = get("/api/v1/stats/cooperation").get("figures");
    assertThat(cooperation.get("projects").asLong())
        .isEqualTo(cooperationBefore.get("projects").asLong() + 20);
    assertThat(cooperation.get("officialsTrained").asLong())
        .isGreaterThan(cooperationBefore.get("officialsTrained").asLong());

    // The funds' invariants: no fund allocates more than it received, no allocation disburses
    // more than it holds, no allocation spends more than was disbursed; the API agrees.
    assertThat(
            count(
                "select count(*) from fund f where coalesce((select sum(amount_usd) from"
                    + " fund_contribution c where c.fund_code = f.code), 0) < coalesce((select"
                    + " sum(amount_usd) from fund_allocation a where a.fund_code = f.code), 0)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from fund_allocation a where a.amount_usd < coalesce((select"
                    + " sum(amount_usd) from fund_disbursement d where d.allocation_id = a.id), 0)"
                    + " or coalesce((select sum(amount_usd) from fund_disbursement d where"
                    + " d.allocation_id = a.id), 0) < coalesce((select sum(amount_usd) from"
                    + " fund_expenditure e where e.allocation_id = a.id), 0)"))
        .isZero();
    for (JsonNode fund : get("/api/v1/funds")) {
      assertThat(fund.get("available").decimalValue().signum()).as(fund.toString()).isNotNegative();
    }

    // Each action and update belongs to its State's plan, on a recommendation of that State.
    assertThat(
            count(
                "select count(*) from progress_update u join assignment a on a.id ="
                    + " u.assignment_id join recommendation r on r.id = a.recommendation_id"
                    + " where u.state_iso3 <> a.state_iso3 or r.state_iso3 <> a.state_iso3"))
        .isZero();
    assertThat(
            count(
                "select count(*) from project p join assistance_request q on q.id = p.request_id"
                    + " join project_recommendation pr on pr.project_id = p.id join"
                    + " recommendation r on r.id = pr.recommendation_id where q.status <>"
                    + " 'SUBMITTED' or r.state_iso3 <> p.state_iso3 or q.state_iso3 <>"
                    + " p.state_iso3"))
        .isZero();

    // A second run, with the same seed or another, is refused and writes nothing.
    assertThat(generator.alreadyGenerated()).isTrue();
    assertThatThrownBy(() -> generator.generate(SETTINGS)).isInstanceOf(GenerationRefused.class);
    assertThatThrownBy(
            () -> generator.generate(new GeneratorSettings(false, 1L, 10, 0, 0, 0, 0, false)))
        .isInstanceOf(GenerationRefused.class);
    assertThat(counts(tables)).isEqualTo(after);
  }

  private Map<String, Long> counts(List<String> tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    tables.forEach(t -> counts.put(t, count("select count(*) from " + t)));
    return counts;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return json.readTree(response.body());
  }
}
