package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The assessment and project forms over HTTP, as each role: the accepting provider's officer
 * assesses, the State's coordinator agrees, the officer creates the project and records its work; a
 * stale edit shows both versions; others are refused; bad input is refused with the reason beside
 * the form, what was typed kept, and nothing written.
 */
@CooperaIntegrationTest
class ProjectPagesIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  ProjectFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ProjectFixture(jdbc);
  }

  ResultActions send(AbstractMockHttpServletRequestBuilder<?> request, String who)
      throws Exception {
    return mvc.perform(request.with(logins.as(who)).with(csrf()));
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  String page(String url, String who) throws Exception {
    return body(mvc.perform(get(url).with(logins.as(who))).andExpect(status().isOk()));
  }

  UUID single(String sql, UUID param) {
    return jdbc.sql(sql).param(param).query(UUID.class).single();
  }

  MockHttpServletRequestBuilder assessment(UUID request, String from, String to) {
    return post("/assistance/requests/" + request + "/assessments?lang=en")
        .param("findings", "Courts lack interpreters")
        .param("gaps", "No interpreters in minority languages")
        .param("assessedFrom", from)
        .param("assessedTo", to);
  }

  MockHttpServletRequestBuilder newProject(UUID request, String title) {
    return post("/assistance/requests/" + request + "/projects?lang=en")
        .param("title", title)
        .param("description", "Interpreters for the courts")
        .param("startDate", "2026-03-01")
        .param("endDate", "2027-02-28")
        .param("budgetAmount", "120000.00")
        .param("budgetCurrency", "USD")
        .param("partnerOrganisation", "OHCHR", "")
        .param("partnerState", "", "")
        .param("partnerRole", "4", "");
  }

  /** A submitted request OHCHR accepted, assessed by OHCHR and agreed by Slovenia, on the pages. */
  UUID agreedRequest() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    send(assessment(request, "2026-01-10", "2026-02-10"), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/assistance/requests/" + request));
    UUID assessment = single("select id from needs_assessment where request_id = ?", request);
    assertThat(page("/assistance/requests/" + request + "?lang=en", DemoLogins.COORDINATOR_SVN))
        .contains("Courts lack interpreters")
        .contains("Agree this assessment");
    send(
            post("/assistance/requests/" + request + "/assessments/" + assessment + "/agreement")
                .param("version", "0"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().is3xxRedirection());
    assertThat(fixture.count("needs_assessment", "request_id", request)).isEqualTo(1);
    assertThat(
            jdbc.sql("select agreed_at is not null from needs_assessment where id = ?")
                .param(assessment)
                .query(Boolean.class)
                .single())
        .isTrue();
    return request;
  }

  UUID createdProject(UUID request, String title) throws Exception {
    String location =
        send(newProject(request, title), DemoLogins.AGENCY_OFFICER)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID project = single("select id from project where request_id = ?", request);
    assertThat(location).isEqualTo("/projects/" + project);
    return project;
  }

  @Test
  void theOfficerAssessesTheCoordinatorAgreesAndTheOfficerRunsTheProject() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    String officersPage =
        page("/assistance/requests/" + request + "?lang=en", DemoLogins.AGENCY_OFFICER);
    assertThat(officersPage).contains("id=\"assessment-form\"").contains("id=\"project-form\"");
    // no project before the State agreed an assessment: the reason beside the form, what was typed
    String refused =
        body(
            send(newProject(request, "Interpreters too early"), DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isConflict()));
    assertThat(refused)
        .contains("A project starts only after a needs assessment agreed with the State")
        .contains("Interpreters too early");
    assertThat(fixture.count("project", "request_id", request)).isZero();

    request = agreedRequest();
    UUID project = createdProject(request, "Court interpreters");
    String projectPage = page("/projects/" + project + "?lang=en", DemoLogins.AGENCY_OFFICER);
    assertThat(projectPage).contains("Court interpreters").contains("id=\"activity-form\"");
    assertThat(
            jdbc.sql("select iati_role from project_partner where project_id = ?")
                .param(project)
                .query(Integer.class)
                .single())
        .isEqualTo(4);

    send(
            post("/projects/" + project + "/activities")
                .param("kind", "TRAINING")
                .param("title", "Training of court interpreters")
                .param("startDate", "2026-04-01")
                .param("endDate", "2026-04-03")
                .param("place", "Ljubljana")
                .param("participants", "25"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    send(
            post("/projects/" + project + "/results")
                .param("level", "OUTCOME")
                .param("title", "Hearings interpreted"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    UUID result = single("select id from project_result where project_id = ?", project);
    send(
            post("/projects/" + project + "/results/" + result + "/indicators")
                .param("title", "Share of hearings with an interpreter")
                .param("unit", "percent")
                .param("baseline", "20")
                .param("baselineDate", "2026-01-01")
                .param("target", "90")
                .param("targetDate", "2027-02-28"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    UUID indicator = single("select id from project_indicator where result_id = ?", result);
    send(
            post("/projects/" + project + "/indicators/" + indicator + "/values")
                .param("periodStart", "2026-01-01")
                .param("periodEnd", "2026-06-30")
                .param("actual", "47.5"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    send(
            multipart("/projects/" + project + "/evaluations")
                .file(
                    new MockMultipartFile(
                        "file", "survey.pdf", "application/pdf", "%PDF-1.4 survey".getBytes()))
                .param("whatChanged", "Most hearings now have an interpreter")
                .param("evidence", "Court registry survey")
                .param("activitiesEnded", "2026-04-03")
                .param("changeMeasured", "2026-07-01"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select file_id is not null from project_evaluation where project_id = ?")
                .param(project)
                .query(Boolean.class)
                .single())
        .isTrue();

    String after = page("/projects/" + project + "?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(after)
        .contains("Training of court interpreters")
        .contains("Hearings interpreted")
        .contains("Share of hearings with an interpreter")
        .contains("47.5")
        .contains("Most hearings now have an interpreter")
        .contains("Measured 89 days after the activities ended")
        // the focal point sees the project but works on it through its coordinator
        .doesNotContain("id=\"activity-form\"")
        .doesNotContain("id=\"edit-form\"");
  }

  @Test
  void aStaleEditShowsTheProjectAsItIsAndWhatWasTyped() throws Exception {
    UUID project = createdProject(agreedRequest(), "Interpreters, first title");
    send(
            post("/projects/" + project + "?lang=en")
                .param("version", "0")
                .param("title", "Interpreters, saved edit")
                .param("status", "ACTIVE")
                .param("startDate", "2026-03-01")
                .param("endDate", "2027-02-28")
                .param("budgetAmount", "120000.00")
                .param("budgetCurrency", "USD"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().is3xxRedirection());
    String stale =
        body(
            send(
                    post("/projects/" + project + "?lang=en")
                        .param("version", "0")
                        .param("title", "Interpreters, stale edit")
                        .param("status", "ACTIVE")
                        .param("startDate", "2026-03-01")
                        .param("endDate", "2027-02-28")
                        .param("budgetAmount", "99000")
                        .param("budgetCurrency", "EUR"),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isConflict()));
    assertThat(stale)
        .contains("Someone saved this since you read it")
        .contains("value=\"Interpreters, saved edit\"")
        .contains("Interpreters, stale edit")
        .contains("99000 EUR")
        .contains("name=\"version\" value=\"1\"");
    assertThat(
            jdbc.sql("select title from project where id = ?")
                .param(project)
                .query(String.class)
                .single())
        .isEqualTo("Interpreters, saved edit");
  }

  @Test
  void onlyTheProvidersAndTheStatesCoordinatorMayAct() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    assertThat(page("/assistance/requests/" + request + "?lang=en", DemoLogins.FOCAL_POINT_SVN))
        .doesNotContain("id=\"assessment-form\"")
        .doesNotContain("id=\"waiver-form\"")
        .doesNotContain("id=\"project-form\"");
    for (String who : new String[] {DemoLogins.FOCAL_POINT_SVN, DemoLogins.COORDINATOR_PRY}) {
      send(assessment(request, "2026-01-10", "2026-02-10"), who).andExpect(status().isForbidden());
      send(
              post("/assistance/requests/" + request + "/assessment-waiver")
                  .param("reason", "Needs are known"),
              who)
          .andExpect(status().isForbidden());
    }
    assertThat(fixture.count("needs_assessment", "request_id", request)).isZero();

    request = agreedRequest();
    send(newProject(request, "By the State"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isForbidden());
    UUID project = createdProject(request, "Interpreters for the forbidden");
    send(
            post("/projects/" + project + "/results")
                .param("level", "OUTPUT")
                .param("title", "Interpreters trained"),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    assertThat(fixture.count("project_result", "project_id", project)).isZero();
  }

  @Test
  void badDatesAreRefusedWithTheReasonAndNothingWritten() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    String refused =
        body(
            send(assessment(request, "2026-02-10", "2026-01-10"), DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isBadRequest()));
    assertThat(refused)
        .contains("The end date is before the start date.")
        .contains("Courts lack interpreters");
    assertThat(fixture.count("needs_assessment", "request_id", request)).isZero();

    UUID project = createdProject(agreedRequest(), "Interpreters on time");
    String activity =
        body(
            send(
                    post("/projects/" + project + "/activities?lang=en")
                        .param("kind", "WORKSHOP")
                        .param("title", "Workshop ending before it starts")
                        .param("startDate", "2026-05-10")
                        .param("endDate", "2026-05-01")
                        .param("place", "Maribor"),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isBadRequest()));
    assertThat(activity)
        .contains("The end date is before the start date.")
        .contains("value=\"Workshop ending before it starts\"");
    send(
            post("/projects/" + project + "/activities?lang=en")
                .param("kind", "WORKSHOP")
                .param("title", "Workshop on no date")
                .param("startDate", "10 May")
                .param("endDate", "2026-05-01")
                .param("place", "Maribor"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isBadRequest());
    assertThat(fixture.count("project_activity", "project_id", project)).isZero();
  }

  @Test
  void theCoordinatorWaivesTheAssessmentWithAReason() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    assertThat(page("/assistance/requests/" + request + "?lang=en", DemoLogins.COORDINATOR_SVN))
        .contains("id=\"waiver-form\"")
        .doesNotContain("id=\"project-form\"");
    assertThat(
            body(
                send(
                        post("/assistance/requests/" + request + "/assessment-waiver?lang=en")
                            .param("reason", "  "),
                        DemoLogins.COORDINATOR_SVN)
                    .andExpect(status().isBadRequest())))
        .contains("This field is required.");
    send(
            post("/assistance/requests/" + request + "/assessment-waiver")
                .param("reason", "The needs are those of the review"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select assessment_waiver from assistance_request where id = ?")
                .param(request)
                .query(String.class)
                .single())
        .isEqualTo("The needs are those of the review");
    createdProject(request, "Interpreters without an assessment");
  }
}
