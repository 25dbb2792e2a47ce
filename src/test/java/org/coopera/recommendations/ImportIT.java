package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.importing.ImportService;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports over the API, as each role: a whole file validated first with every problem and its row,
 * nothing created from a file with a problem, all of a valid file created at once, the same file
 * again creating nothing, unknown names mapped once and remembered, a State coordinator kept to
 * their State, files that are not what they claim refused with a reason.
 */
@CooperaIntegrationTest
class ImportIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ImportService imports;
  @Autowired UserDetailsService users;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ImportIT.class.getResourceAsStream("/imports/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  private JsonNode upload(String as, String name, byte[] content, ResultMatcher expected)
      throws Exception {
    String body =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                    .with(logins.as(as))
                    .with(csrf()))
            .andExpect(expected)
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return body.isEmpty() ? null : json.readTree(body);
  }

  private JsonNode apply(String as, String id, ResultMatcher expected) throws Exception {
    String body =
        mvc.perform(post("/api/v1/imports/" + id + "/apply").with(logins.as(as)).with(csrf()))
            .andExpect(expected)
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body);
  }

  private long recommendations() {
    return jdbc.sql("select count(*) from recommendation").query(Long.class).single();
  }

  private static List<Integer> rows(JsonNode problems) {
    List<Integer> rows = new ArrayList<>();
    problems.forEach(p -> rows.add(p.get("row").asInt()));
    return rows;
  }

  private static byte[] template(String... rows) {
    StringBuilder csv =
        new StringBuilder(
            "state_under_review,mechanism,session,date,language,text,recommending_states,response,themes,sdg_targets,affected_groups\r\n");
    for (String row : rows) {
      csv.append(row).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCoordinatorOfSeveralStatesNamesTheStateAndSeesTheImportsOfAll() throws Exception {
    String email = "coordinator.two@example.org";
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", email)
                .param("displayName", "Coordinator of two States")
                .param("password", "correct horse battery")
                .param("grants[0].role", "STATE_COORDINATOR")
                .param("grants[0].state", "CHL")
                .param("grants[1].role", "STATE_COORDINATOR")
                .param("grants[1].state", "URY"))
        .andExpect(status().isFound());
    byte[] file =
        template(
            "CHL,UPR,32,,en,Ensure access to justice for indigenous peoples (ImportIT two States),"
                + "Peru,supported,,,",
            "URY,UPR,31,,en,Strengthen the national preventive mechanism (ImportIT two States),"
                + "Chile,supported,,,");

    JsonNode refused = upload(email, "two.csv", file, status().isBadRequest());
    assertThat(refused.get("detail").asString())
        .isEqualTo("You coordinate several States: choose the State the file is for.");
    assertThat(refused.get("field").asString()).isEqualTo("state");

    String body =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(new MockMultipartFile("file", "two.csv", "text/csv", file))
                    .param("state", "PRY")
                    .with(logins.as(email))
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(body).get("detail").asString())
        .isEqualTo("You can import only for a State you coordinate.");

    for (String state : List.of("CHL", "URY")) {
      String validated =
          mvc.perform(
                  multipart("/api/v1/imports")
                      .file(new MockMultipartFile("file", state + ".csv", "text/csv", file))
                      .param("state", state)
                      .with(logins.as(email))
                      .with(csrf()))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      JsonNode result = json.readTree(validated);
      assertThat(result.get("status").asString())
          .as("the other State's row is outside this import")
          .isEqualTo("invalid");
      assertThat(rows(result.get("problems"))).hasSize(1);
    }

    String listed =
        mvc.perform(get("/api/v1/imports").with(logins.as(email)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(listed).get("items").findValuesAsString("fileName"))
        .contains("CHL.csv", "URY.csv");
    String pry =
        mvc.perform(get("/api/v1/imports").with(logins.as(DemoLogins.COORDINATOR_PRY)))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(pry).get("items").findValuesAsString("fileName"))
        .doesNotContain("CHL.csv", "URY.csv");

    Document page =
        Jsoup.parse(
            mvc.perform(get("/registry/imports?lang=en").with(logins.as(email)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.select("select#state option").eachAttr("value"))
        .containsExactly("", "CHL", "URY");
  }

  @Test
  void aUprInfoExportWithDefectsIsReportedRowByRowAndNothingIsCreated() throws Exception {
    long before = recommendations();
    JsonNode report =
        upload(
            DemoLogins.ADMIN,
            "upr-info-defects.csv",
            fixture("upr-info-defects.csv"),
            status().isCreated());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(report.get("format").asString()).isEqualTo("upr-info");
    assertThat(report.get("rowsRead").asInt()).isEqualTo(11);
    assertThat(report.get("toCreate").asInt()).isEqualTo(6);
    assertThat(report.get("duplicates").asInt()).isEqualTo(1);
    assertThat(report.get("merged").asInt()).isEqualTo(1);
    assertThat(rows(report.get("problems"))).containsExactly(10, 11, 12);
    assertThat(report.get("problems").toString()).contains("Atlantis").contains("abc");
    assertThat(report.get("unknownNames").toString()).contains("Atlantis");

    JsonNode refused = apply(DemoLogins.ADMIN, report.get("id").asString(), status().isConflict());
    assertThat(refused.get("code").asString()).isEqualTo("import-invalid");
    assertThat(recommendations()).isEqualTo(before);
  }

  @Test
  void aValidFileIsAppliedWholeAndImportingItAgainCreatesNothing() throws Exception {
    byte[] file =
        template(
            "PRY,UPR,24,,en,Adopt a comprehensive law against all forms of discrimination (ImportIT),Uruguay;Chile,supported,B31,10.3,",
            "PRY,UPR,24,,en,Adopt a comprehensive law against all forms of discrimination (ImportIT),Argentina,supported,B31,10.3,",
            "PRY,CEDAW,,2017-11-22,en,Ensure access to safe abortion in cases of rape (ImportIT),,pending,,5.6,women",
            "PRY,UPR,24,,fr,Renforcer le mécanisme national de prévention de la torture (ImportIT),France,noted,D25,,");
    long before = recommendations();
    JsonNode report = upload(DemoLogins.ADMIN, "pry.csv", file, status().isCreated());
    assertThat(report.get("status").asString()).isEqualTo("valid");
    assertThat(report.get("rowsRead").asInt()).isEqualTo(4);
    assertThat(report.get("toCreate").asInt()).isEqualTo(3);
    assertThat(report.get("merged").asInt()).isEqualTo(1);
    assertThat(recommendations()).as("validation creates nothing").isEqualTo(before);

    JsonNode applied = apply(DemoLogins.ADMIN, report.get("id").asString(), status().isOk());
    assertThat(applied.get("status").asString()).isEqualTo("applied");
    assertThat(applied.get("created").asInt()).isEqualTo(3);
    assertThat(recommendations()).isEqualTo(before + 3);

    String found =
        mvc.perform(
                get("/api/v1/recommendations").param("q", "comprehensive discrimination ImportIT"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode item = json.readTree(found).get("items").get(0);
    assertThat(item.get("recommendingStates").toString()).contains("URY", "CHL", "ARG");
    String french =
        mvc.perform(get("/api/v1/recommendations").param("q", "mécanismes prévention"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(french).get("total").asLong()).isPositive();

    JsonNode again = upload(DemoLogins.ADMIN, "pry-again.csv", file, status().isCreated());
    assertThat(again.get("status").asString()).isEqualTo("valid");
    assertThat(again.get("toCreate").asInt()).isZero();
    assertThat(again.get("duplicates").asInt()).isEqualTo(3);
    assertThat(
            apply(DemoLogins.ADMIN, again.get("id").asString(), status().isOk())
                .get("created")
                .asInt())
        .isZero();
    assertThat(recommendations()).isEqualTo(before + 3);

    apply(DemoLogins.ADMIN, report.get("id").asString(), status().isBadRequest());
  }

  /**
   * Apply is all or nothing for the database and the search index alike: a failure after the rows
   * were written leaves neither the rows nor their documents; the same import applied then is
   * searchable as soon as apply answers, its texts are stored exactly as the file gives them, and
   * the audit trail gives each new row's history (who inserted it, what it held).
   */
  @Test
  void aFailedApplyLeavesNothingAndAnAppliedImportIsSearchableAndAuditedRowByRow()
      throws Exception {
    byte[] file =
        template(
            "PRY,UPR,24,,en,\"Ensure quokkaprobe shelters, tab\there and a back\\slash (ImportIT rollback)\",Uruguay;Chile,supported,B31,10.3,women",
            "PRY,CEDAW,,2017-11-22,en,Protect quokkaprobe witnesses (ImportIT rollback),,pending,,,");
    long before = recommendations();
    JsonNode report = upload(DemoLogins.ADMIN, "rollback.csv", file, status().isCreated());
    assertThat(report.get("toCreate").asInt()).isEqualTo(2);
    UUID id = UUID.fromString(report.get("id").asString());
    CooperaUser admin = (CooperaUser) users.loadUserByUsername(DemoLogins.ADMIN);

    assertThatThrownBy(
            () ->
                imports.apply(
                    id,
                    admin,
                    done -> {
                      throw new IllegalStateException("failure after " + done + " written");
                    }))
        .hasMessageContaining("failure after 2 written");
    assertThat(recommendations()).as("rolled back").isEqualTo(before);
    assertThat(searchTotal("quokkaprobe")).as("nothing indexed after a rollback").isZero();
    assertThat(
            jdbc.sql("select status from recommendation_import where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("VALID");

    JsonNode applied = apply(DemoLogins.ADMIN, id.toString(), status().isOk());
    assertThat(applied.get("created").asInt()).isEqualTo(2);
    assertThat(searchTotal("quokkaprobe")).as("searchable when apply answers").isEqualTo(2);
    Map<String, Object> written =
        jdbc.sql(
                "select r.id::text as id, t.text from recommendation r join recommendation_text t"
                    + " on t.recommendation_id = r.id where r.import_id = ? and t.text like ?")
            .params(id, "%quokkaprobe shelters%")
            .query()
            .singleRow();
    String recommendation = (String) written.get("id");
    String stored = (String) written.get("text");
    assertThat(stored).as("written with COPY, escapes and all").contains("back\\slash (ImportIT");
    List<Map<String, Object>> history =
        jdbc.sql(
                "select actor, operation, changes ->> 'state_iso3' as state from audit_record"
                    + " where table_name = 'recommendation' and record_id = ?")
            .param(recommendation)
            .query()
            .listOfRows();
    assertThat(history).hasSize(1);
    assertThat(history.get(0))
        .containsEntry("actor", DemoLogins.ADMIN)
        .containsEntry("operation", "INSERT")
        .containsEntry("state", "{\"new\": \"PRY\"}");
    assertThat(
            jdbc.sql(
                    "select changes -> 'text' ->> 'new' from audit_record"
                        + " where table_name = 'recommendation_text' and record_id = ?")
                .param(recommendation + "/en")
                .query(String.class)
                .single())
        .isEqualTo(stored);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_record where table_name = 'recommendation_tag'"
                        + " and record_id = ?")
                .param(
                    jdbc.sql(
                            "select recommendation_id || '/' || kind || '/' || code"
                                + " from recommendation_tag where recommendation_id = ?::uuid"
                                + " and kind = 'THEME'")
                        .param(recommendation)
                        .query(String.class)
                        .single())
                .query(Long.class)
                .single())
        .as("the tag of the import audited once")
        .isEqualTo(1);
    mvc.perform(
            get("/admin/audit")
                .with(logins.as(DemoLogins.ADMIN))
                .param("table", "recommendation")
                .param("record", recommendation))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("1 entry")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("UPR-PRY-S24")));
  }

  /**
   * The documents of an import reach the search index while its rows are being written, before the
   * database commits (issue 9): a search may see them then, and a rollback must take them away
   * again before apply answers.
   */
  @Test
  void documentsSeenBeforeTheCommitArePurgedWhenTheImportRollsBack() throws Exception {
    byte[] file =
        template(
            "PRY,UPR,24,,en,Ensure wombatprobe shelters for migrants (ImportIT purge),Chile,supported,,,",
            "PRY,UPR,24,,en,Protect wombatprobe journalists (ImportIT purge),Uruguay,noted,,,");
    long before = recommendations();
    JsonNode report = upload(DemoLogins.ADMIN, "purge.csv", file, status().isCreated());
    UUID id = UUID.fromString(report.get("id").asString());
    CooperaUser admin = (CooperaUser) users.loadUserByUsername(DemoLogins.ADMIN);
    java.util.concurrent.atomic.AtomicLong seenBeforeCommit =
        new java.util.concurrent.atomic.AtomicLong(-1);

    assertThatThrownBy(
            () ->
                imports.apply(
                    id,
                    admin,
                    done -> {
                      // searched from another thread, as another person would, while this
                      // transaction is open
                      seenBeforeCommit.set(
                          java.util.concurrent.CompletableFuture.supplyAsync(
                                  () -> searchUntil("wombatprobe", 2, 30_000))
                              .join());
                      throw new IllegalStateException("failure after " + done + " written");
                    }))
        .hasMessageContaining("failure after 2 written");

    assertThat(seenBeforeCommit.get())
        .as("the documents were in the index before the commit")
        .isEqualTo(2);
    assertThat(recommendations()).as("rolled back").isEqualTo(before);
    assertThat(searchTotal("wombatprobe")).as("purged when apply failed").isZero();
    assertThat(
            jdbc.sql("select status from recommendation_import where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("VALID");

    JsonNode applied = apply(DemoLogins.ADMIN, id.toString(), status().isOk());
    assertThat(applied.get("created").asInt()).isEqualTo(2);
    assertThat(searchTotal("wombatprobe")).as("searchable when apply answers").isEqualTo(2);
  }

  /** Searches until {@code wanted} recommendations are found or {@code millis} have passed. */
  private long searchUntil(String query, long wanted, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    try {
      long found = searchTotal(query);
      while (found != wanted && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        found = searchTotal(query);
      }
      return found;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long searchTotal(String query) throws Exception {
    String found =
        mvc.perform(get("/api/v1/recommendations").param("q", query))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(found).get("total").asLong();
  }

  @Test
  void anUnknownNameIsMappedOnceAndRememberedForTheNextImport() throws Exception {
    byte[] file =
        template(
            "Paraguai (ImportIT),UPR,24,,en,Protect human rights defenders (ImportIT mapping),Uruguay,supported,,,");
    JsonNode report = upload(DemoLogins.ADMIN, "mapping.csv", file, status().isCreated());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(report.get("unknownNames").get(0).get("name").asString())
        .isEqualTo("Paraguai (ImportIT)");
    assertThat(report.get("unknownNames").get(0).get("closest").toString()).contains("PRY");

    String mapped =
        mvc.perform(
                post("/api/v1/imports/" + report.get("id").asString() + "/mappings")
                    .param("name", "Paraguai (ImportIT)")
                    .param("state", "PRY")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(json.readTree(mapped).get("status").asString()).isEqualTo("valid");

    byte[] next =
        template(
            "Paraguai (ImportIT),UPR,24,,en,Protect journalists (ImportIT mapping),Chile,supported,,,");
    assertThat(
            upload(DemoLogins.ADMIN, "next.csv", next, status().isCreated())
                .get("status")
                .asString())
        .isEqualTo("valid");
  }

  @Test
  void aStateCoordinatorImportsOnlyForTheirStateAndSeesOnlyTheirImports() throws Exception {
    byte[] file =
        template(
            "PRY,UPR,24,,en,Guarantee birth registration for all children (ImportIT coordinator),Peru,supported,,,",
            "SVN,UPR,34,,en,Combat hate speech online (ImportIT coordinator),Peru,supported,,,");
    JsonNode report =
        upload(DemoLogins.COORDINATOR_PRY, "coordinator.csv", file, status().isCreated());
    assertThat(report.get("status").asString()).isEqualTo("invalid");
    assertThat(rows(report.get("problems"))).containsExactly(3);

    JsonNode admins = upload(DemoLogins.ADMIN, "admin.csv", template(), status().isCreated());
    mvc.perform(
            get("/api/v1/imports/" + admins.get("id").asString())
                .with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isNotFound());
    String list =
        mvc.perform(
                get("/api/v1/imports")
                    .param("size", "500")
                    .with(logins.as(DemoLogins.COORDINATOR_PRY)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list)
        .contains(report.get("id").asString())
        .doesNotContain(admins.get("id").asString());
  }

  @Test
  void onlyAdministratorsAndStateCoordinatorsImport() throws Exception {
    byte[] file = template();
    for (String email :
        List.of(
            DemoLogins.FOCAL_POINT_PRY,
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.DONOR,
            DemoLogins.CIVIL_SOCIETY)) {
      upload(email, "x.csv", file, status().isForbidden());
    }
    mvc.perform(
            multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", file)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void filesThatAreNotWhatTheyClaimAreRefusedWithAReason() throws Exception {
    long before = recommendations();
    for (String name : List.of("pdf-named.csv", "truncated.xlsx")) {
      JsonNode report = upload(DemoLogins.ADMIN, name, fixture(name), status().isCreated());
      assertThat(report.get("status").asString()).as(name).isEqualTo("invalid");
      assertThat(rows(report.get("problems"))).as(name).containsExactly(0);
      assertThat(report.get("problems").get(0).get("message").asString()).isNotBlank();
    }
    JsonNode text =
        upload(
            DemoLogins.ADMIN,
            "notes.csv",
            "just some words\nand more".getBytes(StandardCharsets.UTF_8),
            status().isCreated());
    assertThat(text.get("status").asString()).isEqualTo("invalid");

    assertThat(recommendations()).isEqualTo(before);

    mvc.perform(
            multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", template()))
                .param("format", "word")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/imports/" + UUID.randomUUID() + "/apply")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().isNotFound());
  }

  /** Over real HTTP: the servlet container's upload limit answers before any controller runs. */
  @Test
  void aFileOverTheUploadLimitIsRefusedWithTheLimit() throws Exception {
    String tokenBody =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\":\""
                            + DemoLogins.ADMIN
                            + "\",\"password\":\""
                            + DemoLogins.PASSWORD
                            + "\",\"code\":\""
                            + logins.unusedCode(DemoLogins.ADMIN)
                            + "\",\"scope\":\"read-write\",\"name\":\"import test\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String token = json.readTree(tokenBody).get("token").asString();
    String boundary = "coopera-test-boundary";
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] text = new byte[60 * 1024 * 1024];
    java.util.Arrays.fill(text, (byte) 'a');
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/imports"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArrays(List.of(head, text, tail)))
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json.readTree(response.body()).get("detail").asString()).contains("50");
  }

  @Test
  void theLegacyXlsAndTheTemplateWorkbookAreRead() throws Exception {
    JsonNode xls =
        upload(
            DemoLogins.ADMIN, "legacy.xls", fixture("upr-info-legacy.xls"), status().isCreated());
    assertThat(xls.get("format").asString()).isEqualTo("upr-info");
    assertThat(xls.get("rowsRead").asInt()).isEqualTo(3);
    JsonNode xlsx =
        upload(
            DemoLogins.ADMIN,
            "template.xlsx",
            fixture("coopera-template.xlsx"),
            status().isCreated());
    assertThat(xlsx.get("format").asString()).isEqualTo("coopera");
    assertThat(xlsx.get("problems").toString()).contains("2013-13-45").contains("accepted-ish");
  }
}
