package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.coopera.FileMutations;
import org.coopera.FileMutations.Mutation;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Damaged files ({@link FileMutations}, fixed seeds) uploaded through the real HTTP entry points of
 * the three imports: recommendations (API: validate, then apply), treaty sources (page) and IATI
 * activities (API). Never a 500; a refused file is answered with every problem in words (no message
 * key shows through), and the tables of the import hold exactly the rows they held before.
 */
@CooperaIntegrationTest
class HostileUploadsIT {

  private static final int PER_FORMAT = 30;

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private static Level poiLevel;

  @BeforeAll
  static void quiet() {
    poiLevel = ((Logger) LoggerFactory.getLogger("org.apache.poi")).getLevel();
    ((Logger) LoggerFactory.getLogger("org.apache.poi")).setLevel(Level.OFF);
  }

  @AfterAll
  static void restore() {
    ((Logger) LoggerFactory.getLogger("org.apache.poi")).setLevel(poiLevel);
  }

  /** The mutations of one run, drawn from a seeded random so that they replay. */
  private static List<List<Mutation>> mutations(long seed, int count) {
    Random random = new Random(seed);
    return java.util.stream.Stream.generate(() -> FileMutations.random(random))
        .limit(count)
        .toList();
  }

  private Map<String, Long> counts(String... tables) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  @Test
  void damagedRecommendationFilesAreReportedAndNeverApplied() throws Exception {
    Map<String, byte[]> samples = new LinkedHashMap<>();
    samples.put("coopera-template.csv", ImportFixtures.fixture("coopera-template.csv"));
    samples.put("coopera-template.xlsx", ImportFixtures.fixture("coopera-template.xlsx"));
    samples.put("upr-info.csv", ImportFixtures.fixture("upr-info-defects.csv"));
    samples.put("upr-info.xls", ImportFixtures.fixture("upr-info-legacy.xls"));
    samples.put("matrix.docx", OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34));
    long seed = 1401;
    int refused = 0;
    for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
      List<List<Mutation>> runs = mutations(seed++, PER_FORMAT);
      for (int i = 0; i < runs.size(); i++) {
        byte[] mutant = FileMutations.apply(sample.getValue(), runs.get(i));
        String what = sample.getKey() + " " + runs.get(i);
        Map<String, Long> before = counts("recommendation", "recommendation_text");
        MockHttpServletResponse upload =
            mvc.perform(
                    multipart("/api/v1/imports")
                        .file(
                            new MockMultipartFile(
                                "file", sample.getKey(), "application/octet-stream", mutant))
                        .header("Accept-Language", "en")
                        .with(logins.as(DemoLogins.ADMIN))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(upload.getStatus()).as(what).isLessThan(500);
        JsonNode report = json.readTree(upload.getContentAsString(StandardCharsets.UTF_8));
        if (upload.getStatus() >= 400 || !"valid".equals(report.path("status").asString())) {
          refused++;
          assertWords(what, report.path("problems").findValuesAsString("message"));
          assertWords(what, report.findValuesAsString("detail"));
          if (report.hasNonNull("id")) {
            MockHttpServletResponse apply =
                mvc.perform(
                        post("/api/v1/imports/" + report.get("id").asString() + "/apply")
                            .with(logins.as(DemoLogins.ADMIN))
                            .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(apply.getStatus()).as(what).isBetween(400, 499);
          }
          assertThat(counts("recommendation", "recommendation_text")).as(what).isEqualTo(before);
        }
      }
    }
    assertThat(refused).isGreaterThan(PER_FORMAT);
  }

  @Test
  void aHugeUnknownStateNameIsReportedAndTheImportStaysReadable() throws Exception {
    String header =
        new String(ImportFixtures.fixture("coopera-template.csv"), StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElseThrow();
    String name = "Atlantis ".repeat(8_000);
    byte[] file =
        (header
                + "\n,SVN,UPR,3,34,A/HRC/43/15,121.1,2019,en,Ratify the Convention (HostileUploadsIT),"
                + name
                + ",supported,,,,,,\n")
            .getBytes(StandardCharsets.UTF_8);
    MockHttpServletResponse upload =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", "huge.csv", "text/csv", file))
                    .header("Accept-Language", "en")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(upload.getStatus()).isEqualTo(201);
    JsonNode report = json.readTree(upload.getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(report.get("problems").toString()).contains("Atlantis");
    long before = counts("recommendation").get("recommendation");

    MockHttpServletResponse apply =
        mvc.perform(
                post("/api/v1/imports/" + report.get("id").asString() + "/apply")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(apply.getStatus()).isEqualTo(409);
    assertThat(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/v1/imports")
                        .with(logins.as(DemoLogins.ADMIN)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(counts("recommendation").get("recommendation")).isEqualTo(before);
  }

  @Test
  void damagedTreatySourcesAreRefusedWithTheirProblemsAndChangeNothing() throws Exception {
    Map<String, byte[]> samples = new LinkedHashMap<>();
    samples.put(
        "STATUS_CSV hr_status_cat.csv",
        FileMutations.resource("treaties/status/hr_status_cat.csv"));
    samples.put(
        "OHCHR export.xls",
        FileMutations.resource("treaties/ohchr/UnderlyingData_ICESCR_OHCHR_23_04_2026.xls"));
    long seed = 1501;
    int refused = 0;
    String[] tables = {
      "ratification_import", "ratification_claim", "ratification", "ratification_discrepancy"
    };
    for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
      String format = sample.getKey().split(" ")[0];
      String name = sample.getKey().split(" ")[1];
      for (List<Mutation> run : mutations(seed++, PER_FORMAT)) {
        byte[] mutant = FileMutations.apply(sample.getValue(), run);
        String what = sample.getKey() + " " + run;
        Map<String, Long> before = counts(tables);
        MockHttpServletResponse page =
            mvc.perform(
                    multipart("/treaties/sources")
                        .file(new MockMultipartFile("files", name, "text/csv", mutant))
                        .param("source", "HostileUploadsIT")
                        .param("format", format)
                        .param("asOf", "2022-06-30")
                        .param("lang", "en")
                        .with(logins.as(DemoLogins.ADMIN))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).as(what).isLessThan(500);
        if (page.getStatus() == 400) {
          refused++;
          var problems =
              Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).select("#problems li");
          assertThat(problems).as(what).isNotEmpty();
          assertWords(what, problems.eachText());
          assertThat(counts(tables)).as(what).isEqualTo(before);
        }
      }
    }
    assertThat(refused).isGreaterThan(PER_FORMAT / 2);
  }

  @Test
  void damagedIatiFilesAreRefusedWithTheirProblemsAndChangeNothing() throws Exception {
    byte[] sample = FileMutations.resource("iati/activity-standard-example-annotated.xml");
    int refused = 0;
    for (List<Mutation> run : mutations(1601, PER_FORMAT)) {
      byte[] mutant = FileMutations.apply(sample, run);
      String what = run.toString();
      Map<String, Long> before = counts("iati_import", "external_activity");
      MockHttpServletResponse answer =
          mvc.perform(
                  post("/api/v1/assistance/iati-imports")
                      .contentType("application/xml")
                      .header("Accept-Language", "en")
                      .content(mutant)
                      .with(logins.as(DemoLogins.AGENCY_OFFICER))
                      .with(csrf()))
              .andReturn()
              .getResponse();
      assertThat(answer.getStatus()).as(what).isLessThan(500);
      if (answer.getStatus() >= 400) {
        refused++;
        JsonNode problem = json.readTree(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.findValuesAsString("detail")).as(what).isNotEmpty();
        assertWords(what, problem.findValuesAsString("detail"));
        assertThat(counts("iati_import", "external_activity")).as(what).isEqualTo(before);
      }
    }
    assertThat(refused).isGreaterThan(PER_FORMAT / 2);
  }

  /** Messages in words: none empty, none a message key or a placeholder left unfilled. */
  private static void assertWords(String what, List<String> messages) {
    for (String message : messages) {
      assertThat(message)
          .as(what)
          .isNotBlank()
          .doesNotContain("??")
          .doesNotContainPattern("^[a-z]+(\\.[a-z-]+){2,}$")
          .doesNotContain("{0}");
    }
  }
}
