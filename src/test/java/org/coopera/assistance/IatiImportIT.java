package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * IATI activity files of other publishers: the activities that fund a Coopera project are kept with
 * their commitments and disbursements to it and shown on the project; a file with any problem is
 * refused whole with every problem; no document type or external entity is read; only agency
 * officers, fund managers and administrators import.
 */
@CooperaIntegrationTest
class IatiImportIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.context.MessageSource messages;

  @Test
  void aDonorsActivityThatFundsAProjectIsKeptWithItsMoneyAndShownOnTheProject() throws Exception {
    Project p = project(true);
    String donor = "NO-BRC-971277882-" + suffix();
    String unrelated = "XM-DAC-41114-" + suffix();
    String file =
        file(
            activity(
                donor,
                "NO-BRC-971277882",
                "Support to Slovenia's courts",
                "<related-activity ref=\"" + p.identifier() + "\" type=\"5\"/>",
                transaction("2", "2026-01-15", "500000", "NOK", null, "Grant agreement")
                    + transaction("3", "2026-02-01", "250000.50", "NOK", p.identifier(), null)
                    + transaction("1", "2026-01-01", "900000", "NOK", null, null)),
            activity(
                unrelated,
                "XM-DAC-41114",
                "Something else",
                "",
                transaction("3", "2026-01-01", "10", "USD", null, null)));
    String body = body(importFile(file, DemoLogins.AGENCY_OFFICER).andExpect(status().isCreated()));
    assertThat(JsonPath.<List<String>>read(body, "$.skipped")).containsExactly(unrelated);
    assertThat(JsonPath.<String>read(body, "$.imported[0].identifier")).isEqualTo(donor);
    assertThat(JsonPath.<Integer>read(body, "$.imported[0].transactions")).isEqualTo(2);

    // the public reads it on the published project, in the currency reported
    String json =
        body(
            mvc.perform(get("/api/v1/projects/" + p.id() + "/external-funding"))
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(json, "$[0].identifier")).isEqualTo(donor);
    assertThat(JsonPath.<String>read(json, "$[0].publisherName")).isEqualTo("Donor of " + donor);
    assertThat(JsonPath.<List<String>>read(json, "$[0].transactions[*].typeCode"))
        .containsExactly("2", "3");
    assertThat(JsonPath.<List<Number>>read(json, "$[0].transactions[*].amount"))
        .extracting(Number::doubleValue)
        .containsExactly(500000.0, 250000.50);
    String page =
        body(mvc.perform(get("/projects/" + p.id() + "?lang=en")).andExpect(status().isOk()));
    assertThat(page)
        .contains(
            "Funding reported by other publishers (IATI)",
            "Support to Slovenia&#39;s courts",
            "NOK 500,000.00",
            "NOK 250,000.50",
            "Grant agreement");

    // a later file of the same publisher replaces the activity
    importFile(
            file(
                activity(
                    donor,
                    "NO-BRC-971277882",
                    "Support to Slovenia's courts, revised",
                    "<participating-org role=\"4\" activity-id=\"" + p.identifier() + "\"/>",
                    transaction("2", "2026-01-15", "600000", "NOK", null, null))),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isCreated());
    assertThat(count("select count(*) from external_activity where iati_identifier = ?", donor))
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select t.amount from external_transaction t join external_activity a"
                        + " on a.id = t.activity_id where a.iati_identifier = ?")
                .param(donor)
                .query(java.math.BigDecimal.class)
                .list())
        .extracting(java.math.BigDecimal::intValue)
        .containsExactly(600000);

    // another publisher may not replace it
    String refused =
        body(
            importFile(
                    file(
                        activity(
                            donor,
                            "XM-OCHA-FTS",
                            "Not theirs",
                            "<related-activity ref=\"" + p.identifier() + "\" type=\"5\"/>",
                            "")),
                    DemoLogins.ADMIN)
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(refused, "$.problems[0].detail"))
        .contains("imported from another publisher, NO-BRC-971277882");
  }

  @Test
  void aFileWithProblemsIsRefusedWholeWithEveryProblemAndNothingChanges() throws Exception {
    Project p = project(true);
    long activities = count("select count(*) from external_activity");
    long imports = count("select count(*) from iati_import");
    String good = "GB-GOV-1-" + suffix();
    String badMoney = "GB-GOV-1-" + suffix();
    String related = "<related-activity ref=\"" + p.identifier() + "\" type=\"5\"/>";
    String file =
        file(
            activity(good, "GB-GOV-1", "Good one", related, ""),
            "<iati-activity><reporting-org ref=\"GB-GOV-1\"/><title><narrative>No id</narrative>"
                + "</title></iati-activity>",
            activity(
                badMoney,
                "GB-GOV-1",
                "Bad money",
                related,
                transaction("3", "2026-13-01", "12,5", "XXY", null, null)),
            activity("COOPERA-SVN-999", "GB-GOV-1", "Ours", related, ""));
    String body =
        body(
            mvc.perform(
                    post("/api/v1/assistance/iati-imports")
                        .contentType("application/xml")
                        .header("Accept-Language", "en")
                        .content(file.getBytes(StandardCharsets.UTF_8))
                        .with(logins.as(DemoLogins.AGENCY_OFFICER)))
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(body, "$.code")).isEqualTo("iati-import-refused");
    assertThat(JsonPath.<List<Integer>>read(body, "$.problems[*].position"))
        .containsExactly(2, 3, 3, 3, 4);
    assertThat(JsonPath.<List<String>>read(body, "$.problems[*].detail"))
        .containsExactly(
            "The activity has no iati-identifier.",
            "A transaction’s date 2026-13-01 is missing or not a date (YYYY-MM-DD).",
            "A transaction’s value 12,5 is missing or not a number.",
            "A transaction’s currency XXY is not an ISO 4217 code, and the activity has no"
                + " default currency.",
            "This is one of Coopera’s own activities, which Coopera publishes itself.");
    assertThat(JsonPath.<String>read(body, "$.problems[1].identifier")).isEqualTo(badMoney);
    assertThat(count("select count(*) from external_activity")).isEqualTo(activities);
    assertThat(count("select count(*) from iati_import")).isEqualTo(imports);

    // in French too
    String french =
        body(
            mvc.perform(
                    post("/api/v1/assistance/iati-imports")
                        .contentType("application/xml")
                        .header("Accept-Language", "fr")
                        .content(file.getBytes(StandardCharsets.UTF_8))
                        .with(logins.as(DemoLogins.AGENCY_OFFICER)))
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(french, "$.problems[0].detail"))
        .isEqualTo("L’activité n’a pas d’iati-identifier.");

    // a file that funds no Coopera project is refused too, saying so
    String none =
        body(
            importFile(
                    file(activity("XM-DAC-7-" + suffix(), "XM-DAC-7", "Elsewhere", "", "")),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(none, "$.problems[0].detail"))
        .isEqualTo("The activity in the file names no Coopera project.");
  }

  @Test
  void theOfficialIatiExampleIsReadAndALegacyFileRefused() throws Exception {
    Project p = project(true);
    String example = resource("/iati/activity-standard-example-annotated.xml");
    String identifier = "AA-AAA-123456789-" + suffix();
    String pointed =
        example
            .replace("AA-AAA-123456789-ABC123", identifier)
            .replace("AA-AAA-123456789-1234\"", p.identifier() + "\"");
    String body =
        body(importFile(pointed, DemoLogins.AGENCY_OFFICER).andExpect(status().isCreated()));
    assertThat(JsonPath.<String>read(body, "$.imported[0].identifier")).isEqualTo(identifier);
    assertThat(JsonPath.<String>read(body, "$.imported[0].title")).isEqualTo("Activity title");
    assertThat(JsonPath.<String>read(body, "$.imported[0].publisher"))
        .isEqualTo("Organisation name");
    assertThat(JsonPath.<List<String>>read(body, "$.imported[0].projects"))
        .containsExactly(p.identifier());
    assertThat(JsonPath.<Integer>read(body, "$.imported[0].transactions"))
        .as("its only transaction is incoming funds, not money to the project")
        .isZero();

    assertThat(detail(resource("/iati/dfid_out.xml")))
        .isEqualTo("Only IATI version 2 files are read; this one says version 1.0.");
    assertThat(detail("<iati-activities><iati-activity/></iati-activities>"))
        .isEqualTo(
            "The file does not say which IATI version it follows (the version attribute of"
                + " iati-activities).");
  }

  static String resource(String path) throws Exception {
    try (var in = IatiImportIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void documentTypesExternalEntitiesAndOtherFilesAreRefused() throws Exception {
    String secret = "/etc/hostname";
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE iati-activities [<!ENTITY x SYSTEM \"file://"
            + secret
            + "\">]><iati-activities version=\"2.03\"><iati-activity><iati-identifier>&x;"
            + "</iati-identifier></iati-activity></iati-activities>";
    assertThat(detail(xxe))
        .startsWith("The file is not well-formed XML, or it declares a document");
    assertThat(detail("<iati-organisations version=\"2.03\"/>"))
        .isEqualTo(
            "The file is not an IATI activity file: its root element is iati-organisations, not"
                + " iati-activities.");
    assertThat(detail("<iati-activities version=\"1.05\"/>"))
        .isEqualTo("Only IATI version 2 files are read; this one says version 1.05.");
    assertThat(detail("<iati-activities version=\"2.03\"/>"))
        .isEqualTo("The file holds no iati-activity.");
    assertThat(detail("this is not xml")).contains("not well-formed XML");
  }

  @Test
  void onlyAgencyOfficersFundManagersAndAdministratorsImport() throws Exception {
    Project p = project(true);
    String file =
        file(
            activity(
                "XM-DAC-1-" + suffix(),
                "XM-DAC-1",
                "Forbidden",
                "<related-activity ref=\"" + p.identifier() + "\" type=\"5\"/>",
                ""));
    long before = count("select count(*) from iati_import");
    for (String who :
        List.of(
            DemoLogins.COORDINATOR_SVN,
            DemoLogins.FOCAL_POINT_SVN,
            DemoLogins.DONOR,
            DemoLogins.TRAINER,
            DemoLogins.CIVIL_SOCIETY)) {
      importFile(file, who).andExpect(status().isForbidden());
      mvc.perform(get("/assistance/iati-imports").with(logins.as(who)))
          .andExpect(status().isForbidden());
      mvc.perform(
              multipart("/assistance/iati-imports")
                  .file(new MockMultipartFile("file", "a.xml", "application/xml", file.getBytes()))
                  .with(logins.as(who))
                  .with(csrf()))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            post("/api/v1/assistance/iati-imports")
                .contentType("application/xml")
                .content(file.getBytes(StandardCharsets.UTF_8)))
        .andExpect(status().is4xxClientError());
    assertThat(count("select count(*) from iati_import")).isEqualTo(before);

    // an unpublished project's external funding is not for the public
    Project hidden = project(false);
    mvc.perform(get("/api/v1/projects/" + hidden.id() + "/external-funding"))
        .andExpect(status().isNotFound());
  }

  @Test
  void theImportPageTakesAFileAndListsEveryProblemOfARefusedOne() throws Exception {
    Project p = project(true);
    String donor = "SE-0-SE-6-" + suffix();
    String good =
        file(
            activity(
                donor,
                "SE-0-SE-6",
                "Sida support",
                "<related-activity ref=\"" + p.identifier() + "\" type=\"5\"/>",
                transaction("3", "2026-03-01", "1000", null, null, null)));
    mvc.perform(
            multipart("/assistance/iati-imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "sida.xml",
                        "application/xml",
                        good.getBytes(StandardCharsets.UTF_8)))
                .with(logins.as(DemoLogins.FUND_MANAGER))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("skipped", List.of()));
    String list =
        body(
            mvc.perform(
                    get("/assistance/iati-imports?lang=en")
                        .with(logins.as(DemoLogins.FUND_MANAGER)))
                .andExpect(status().isOk()));
    assertThat(list).contains("sida.xml", "Past imports");
    assertThat(
            messages.getMessage(
                "projects.iati-import.applied", new Object[] {1, 2}, java.util.Locale.ENGLISH))
        .isEqualTo(
            "The file is imported: 1 activity kept; 2 skipped because they fund no Coopera"
                + " project.");
    assertThat(
            messages.getMessage(
                "projects.iati-import.applied", new Object[] {3, 0}, java.util.Locale.ENGLISH))
        .isEqualTo("The file is imported: 3 activities kept; none skipped.");
    assertThat(body(mvc.perform(get("/projects?lang=en").with(logins.as(DemoLogins.FUND_MANAGER)))))
        .contains("href=\"/assistance/iati-imports\"");
    assertThat(body(mvc.perform(get("/projects?lang=en"))))
        .doesNotContain("href=\"/assistance/iati-imports\"");
    assertThat(
            jdbc.sql(
                    "select t.currency from external_transaction t join external_activity a"
                        + " on a.id = t.activity_id where a.iati_identifier = ?")
                .param(donor)
                .query(String.class)
                .single())
        .as("the activity's default currency")
        .isEqualTo("SEK");

    String refused =
        body(
            mvc.perform(
                    multipart("/assistance/iati-imports?lang=en")
                        .file(
                            new MockMultipartFile(
                                "file",
                                "broken.xml",
                                "application/xml",
                                "<iati-activities version=\"2.03\"><iati-activity/><iati-activity/>"
                                    .concat("</iati-activities>")
                                    .getBytes(StandardCharsets.UTF_8)))
                        .with(logins.as(DemoLogins.FUND_MANAGER))
                        .with(csrf()))
                .andExpect(status().isBadRequest()));
    assertThat(refused)
        .contains(
            "The file broken.xml was not imported: 6 problems. Nothing was changed.",
            "Activity 1 (no identifier):",
            "Activity 2 (no identifier):",
            "The activity has no reporting-org with a ref.");

    String empty =
        body(
            mvc.perform(
                    multipart("/assistance/iati-imports?lang=en")
                        .file(new MockMultipartFile("file", "", "application/xml", new byte[0]))
                        .with(logins.as(DemoLogins.FUND_MANAGER))
                        .with(csrf()))
                .andExpect(status().isBadRequest()));
    assertThat(empty).contains("Choose a file: the one sent is empty.");
  }

  record Project(UUID id, String identifier) {}

  Project project(boolean published) {
    ProjectFixture fixture = new ProjectFixture(jdbc);
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    fixture.waive(request);
    UUID id = UUID.randomUUID();
    String identifier = "COOPERA-SVN-T" + suffix();
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, status,
              start_date, end_date, budget_amount, budget_currency, published, created_by,
              created_at, updated_at)
            values (?, ?, 'SVN', ?, 'Courts', 'ACTIVE', date '2026-01-01', date '2027-12-31',
              100000, 'USD', ?, ?, now(), now())
            """)
        .params(id, request, identifier, published, fixture.account(DemoLogins.ADMIN))
        .update();
    return new Project(id, identifier);
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String file(String... activities) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">"
        + String.join("\n", activities)
        + "</iati-activities>";
  }

  static String activity(
      String identifier, String publisher, String title, String links, String transactions) {
    return """
        <iati-activity last-updated-datetime="2026-03-01T10:00:00Z" default-currency="%s">
          <iati-identifier>%s</iati-identifier>
          <reporting-org ref="%s" type="10"><narrative>Donor of %s</narrative></reporting-org>
          <title><narrative xml:lang="en">%s</narrative></title>
          <activity-status code="2"/>
          %s
          %s
        </iati-activity>
        """
        .formatted(
            publisher.startsWith("SE-") ? "SEK" : "NOK",
            identifier,
            publisher,
            identifier,
            title.replace("'", "&apos;"),
            links,
            transactions);
  }

  static String transaction(
      String type, String date, String value, String currency, String receiver, String text) {
    return "<transaction><transaction-type code=\""
        + type
        + "\"/><transaction-date iso-date=\""
        + date
        + "\"/><value"
        + (currency == null ? "" : " currency=\"" + currency + "\"")
        + " value-date=\""
        + date
        + "\">"
        + value
        + "</value>"
        + (text == null ? "" : "<description><narrative>" + text + "</narrative></description>")
        + (receiver == null
            ? ""
            : "<receiver-org receiver-activity-id=\""
                + receiver
                + "\"><narrative>Coopera"
                + "</narrative></receiver-org>")
        + "</transaction>";
  }

  ResultActions importFile(String file, String who) throws Exception {
    return mvc.perform(
        post("/api/v1/assistance/iati-imports")
            .contentType("application/xml")
            .header("Accept-Language", "en")
            .content(file.getBytes(StandardCharsets.UTF_8))
            .with(logins.as(who)));
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithTheLimitAndChangesNothing() throws Exception {
    long before = count("select count(*) from iati_import");
    String file =
        "<iati-activities version=\"2.03\"><!--"
            + " ".repeat(20 * 1024 * 1024)
            + "--></iati-activities>";

    assertThat(detail(file)).isEqualTo("The file is larger than 20 MB.");
    assertThat(count("select count(*) from iati_import")).isEqualTo(before);
  }

  String detail(String file) throws Exception {
    String body =
        body(importFile(file, DemoLogins.AGENCY_OFFICER).andExpect(status().isBadRequest()));
    return JsonPath.read(body, "$.problems[0].detail");
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
