package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rules of assessments and projects over HTTP, as each role: nothing without the State's
 * submitted request, no project before an agreed assessment or the State's waiver, only the
 * accepting provider creates it, no activity on a suspended project, dates in order, stale edits
 * refused, and unpublished projects invisible to the public and to other States.
 */
@CooperaIntegrationTest
class ProjectRulesIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  ProjectFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ProjectFixture(jdbc);
  }

  static String project(String title, String start, String end) {
    return """
        {"title": "%s", "description": "Training of judges", "status": "ACTIVE",
         "startDate": "%s", "endDate": "%s", "budgetAmount": 120000.00, "budgetCurrency": "USD",
         "partners": [{"organisation": "OHCHR", "role": 2}, {"organisation": "OHCHR", "role": 4}]}
        """
        .formatted(title, start, end);
  }

  static String create(UUID request, String project) {
    return "{\"requestId\": \"" + request + "\", \"project\": " + project + "}";
  }

  MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  String assessment() {
    return "{\"findings\": \"Courts lack interpreters\", \"assessedFrom\": \"2026-01-10\","
        + " \"assessedTo\": \"2026-02-10\"}";
  }

  /** A submitted request accepted by OHCHR with an agreed assessment, and its project. */
  UUID openProject(String title) throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    String body =
        mvc.perform(
                json(post("/api/v1/assistance/requests/" + request + "/assessments"), assessment())
                    .with(logins.as(DemoLogins.AGENCY_OFFICER)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String assessment = JsonPath.read(body, "$.id");
    mvc.perform(
            json(
                    post(
                        "/api/v1/assistance/requests/"
                            + request
                            + "/assessments/"
                            + assessment
                            + "/agreement"),
                    "{\"version\": 0}")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isOk());
    String created =
        mvc.perform(
                json(
                        post("/api/v1/projects"),
                        create(request, project(title, "2026-03-01", "2027-02-28")))
                    .with(logins.as(DemoLogins.AGENCY_OFFICER)))
            .andExpect(status().isCreated())
            .andExpect(
                jsonPath("$.iatiIdentifier")
                    .value(org.hamcrest.Matchers.startsWith("COOPERA-SVN-")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return UUID.fromString(JsonPath.read(created, "$.id"));
  }

  @Test
  void nothingWithoutTheStatesSubmittedRequest() throws Exception {
    for (String requestStatus : List.of("DRAFT", "WITHDRAWN")) {
      UUID request = fixture.request("SVN", requestStatus, "OHCHR", "ACCEPTED");
      mvc.perform(
              json(post("/api/v1/assistance/requests/" + request + "/assessments"), assessment())
                  .with(logins.as(DemoLogins.AGENCY_OFFICER)))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.code").value("request-not-submitted"));
      mvc.perform(
              json(
                      post("/api/v1/assistance/requests/" + request + "/assessment-waiver"),
                      "{\"reason\": \"Known needs\"}")
                  .with(logins.as(DemoLogins.COORDINATOR_SVN)))
          .andExpect(status().isConflict());
      mvc.perform(
              json(
                      post("/api/v1/projects"),
                      create(request, project("Refused", "2026-03-01", "2026-04-01")))
                  .with(logins.as(DemoLogins.AGENCY_OFFICER)))
          .andExpect(status().isConflict())
          .andExpect(jsonPath("$.code").value("request-not-submitted"));
      assertThat(fixture.count("needs_assessment", "request_id", request)).isZero();
      assertThat(fixture.count("project", "request_id", request)).isZero();
    }
  }

  @Test
  void noProjectBeforeAnAgreedAssessmentOrAWaiver() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    String newProject = create(request, project("Too early", "2026-03-01", "2026-04-01"));
    mvc.perform(
            json(post("/api/v1/projects"), newProject).with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("assessment-missing"));
    String body =
        mvc.perform(
                json(post("/api/v1/assistance/requests/" + request + "/assessments"), assessment())
                    .with(logins.as(DemoLogins.AGENCY_OFFICER)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            json(post("/api/v1/projects"), newProject).with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("assessment-missing"));
    String agreement =
        "/api/v1/assistance/requests/"
            + request
            + "/assessments/"
            + JsonPath.read(body, "$.id")
            + "/agreement";
    for (String who :
        List.of(
            DemoLogins.FOCAL_POINT_SVN, DemoLogins.COORDINATOR_PRY, DemoLogins.AGENCY_OFFICER)) {
      mvc.perform(json(post(agreement), "{\"version\": 0}").with(logins.as(who)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(
            json(post(agreement), "{\"version\": 0}").with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.agreedAt").isNotEmpty());
    for (String who :
        List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.FUND_MANAGER, DemoLogins.ADMIN)) {
      mvc.perform(json(post("/api/v1/projects"), newProject).with(logins.as(who)))
          .andExpect(status().isForbidden());
    }
    assertThat(fixture.count("project", "request_id", request)).isZero();
    mvc.perform(
            json(post("/api/v1/projects"), newProject).with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isCreated());
  }

  @Test
  void theStateWaivesTheAssessmentWithAReasonThatTheAuditTrailKeeps() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    String waiver = "/api/v1/assistance/requests/" + request + "/assessment-waiver";
    mvc.perform(
            json(post(waiver), "{\"reason\": \"x\"}").with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(post(waiver), "{\"reason\": \" \"}").with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isBadRequest());
    mvc.perform(
            json(
                    post(waiver),
                    "{\"reason\": \"The 2025 ombudsman report already assessed the needs\"}")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isNoContent());
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where table_name = 'assistance_request'"
                        + " and record_id = ? and changes::text like '%ombudsman report%'")
                .param(request.toString())
                .query(Long.class)
                .single())
        .isPositive();
    mvc.perform(
            json(
                    post("/api/v1/projects"),
                    create(request, project("Waived", "2026-03-01", "2026-04-01")))
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isCreated());
  }

  @Test
  void onlyAProviderThatAcceptedCreatesAProject() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "PENDING");
    mvc.perform(
            json(
                    post("/api/v1/assistance/requests/" + request + "/assessment-waiver"),
                    "{\"reason\": \"Known\"}")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isNoContent());
    mvc.perform(
            json(
                    post("/api/v1/projects"),
                    create(request, project("Pending", "2026-03-01", "2026-04-01")))
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isNotFound());
    mvc.perform(
            json(
                    post("/api/v1/projects"),
                    create(request, project("Pending", "2026-03-01", "2026-04-01")))
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("no-accepted-provider"));
    assertThat(fixture.count("project", "request_id", request)).isZero();
  }

  @Test
  void datesOutOfOrderAreRefusedAndNothingIsWritten() throws Exception {
    UUID request = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    mvc.perform(
            json(
                    post("/api/v1/assistance/requests/" + request + "/assessments"),
                    "{\"findings\": \"f\", \"assessedFrom\": \"2026-02-10\", \"assessedTo\": \"2026-01-10\"}")
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isBadRequest());
    assertThat(fixture.count("needs_assessment", "request_id", request)).isZero();
    UUID id = openProject("Dates");
    mvc.perform(
            json(
                    post("/api/v1/projects/" + id + "/activities"),
                    "{\"kind\": \"TRAINING\", \"title\": \"Backwards\", \"startDate\": \"2026-05-10\","
                        + " \"endDate\": \"2026-05-01\", \"place\": \"Ljubljana\"}")
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").isNotEmpty());
    mvc.perform(
            json(
                    post("/api/v1/projects/" + id + "/evaluations"),
                    "{\"whatChanged\": \"x\", \"activitiesEnded\": \"2026-06-01\","
                        + " \"changeMeasured\": \"2026-05-01\"}")
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isBadRequest());
    assertThat(fixture.count("project_activity", "project_id", id)).isZero();
    assertThat(fixture.count("project_evaluation", "project_id", id)).isZero();
    UUID other = fixture.request("SVN", "SUBMITTED", "OHCHR", "ACCEPTED");
    jdbc.sql(
            "update assistance_request set assessment_waived_at = now(), assessment_waiver = 'w' where id = ?")
        .param(other)
        .update();
    mvc.perform(
            json(
                    post("/api/v1/projects"),
                    create(other, project("Backwards", "2026-05-01", "2026-04-01")))
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isBadRequest());
    assertThat(fixture.count("project", "request_id", other)).isZero();
  }

  @Test
  void anEvaluationKeepsItsEvidenceFileAndTheLag() throws Exception {
    UUID id = openProject("Evaluated");
    byte[] pdf =
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                    "/api/v1/projects/" + id + "/evaluations")
                .file(
                    new org.springframework.mock.web.MockMultipartFile(
                        "file", "survey.pdf", "application/pdf", pdf))
                .param("whatChanged", "Courts now provide interpreters")
                .param("activitiesEnded", "2026-06-30")
                .param("changeMeasured", "2026-10-08")
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lagDays").value(100))
        .andExpect(jsonPath("$.fileId").isNotEmpty());
    mvc.perform(
            get("/api/v1/projects/" + id + "/evaluations")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].lagDays").value(100));
  }

  @Test
  void aStaleEditIsRefusedWithTheProjectAsItIs() throws Exception {
    UUID id = openProject("Stale");
    mvc.perform(
            json(
                    put("/api/v1/projects/" + id),
                    "{\"version\": 0, \"project\": "
                        + project("Renamed", "2026-03-01", "2027-02-28")
                        + "}")
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            json(
                    put("/api/v1/projects/" + id),
                    "{\"version\": 0, \"project\": "
                        + project("Overwrite", "2026-03-01", "2027-02-28")
                        + "}")
                .with(logins.as(DemoLogins.COORDINATOR_SVN)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("stale"))
        .andExpect(jsonPath("$.current.title").value("Renamed"));
    assertThat(
            jdbc.sql("select title from project where id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Renamed");
  }

  @Test
  void aSuspendedProjectTakesNoNewActivity() throws Exception {
    UUID id = openProject("Suspended");
    String activity =
        "{\"kind\": \"WORKSHOP\", \"title\": \"Workshop\", \"startDate\": \"2026-05-01\","
            + " \"endDate\": \"2026-05-02\", \"online\": true, \"participants\": 30}";
    mvc.perform(
            json(post("/api/v1/projects/" + id + "/activities"), activity)
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN)))
        .andExpect(status().isForbidden());
    mvc.perform(
            json(post("/api/v1/projects/" + id + "/activities"), activity)
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isCreated());
    // what the requests side does when the State withdraws its consent
    jdbc.sql(
            "update project set status = 'SUSPENDED', suspended_reason = 'consent withdrawn' where id = ?")
        .param(id)
        .update();
    mvc.perform(
            json(post("/api/v1/projects/" + id + "/activities"), activity)
                .with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("project-not-open"));
    assertThat(fixture.count("project_activity", "project_id", id)).isEqualTo(1);
  }

  @Test
  void unpublishedProjectsAreInvisibleToThePublicAndToOtherStates() throws Exception {
    UUID id = openProject("Hidden project of Slovenia");
    for (String who :
        List.of(
            DemoLogins.COORDINATOR_SVN,
            DemoLogins.FOCAL_POINT_SVN,
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.ADMIN,
            DemoLogins.FUND_MANAGER)) {
      mvc.perform(get("/api/v1/projects/" + id).with(logins.as(who))).andExpect(status().isOk());
      mvc.perform(get("/projects/" + id).with(logins.as(who))).andExpect(status().isOk());
    }
    for (String who :
        List.of(
            DemoLogins.COORDINATOR_PRY,
            DemoLogins.FOCAL_POINT_PRY,
            DemoLogins.DONOR,
            DemoLogins.TRAINER,
            DemoLogins.CIVIL_SOCIETY)) {
      mvc.perform(get("/api/v1/projects/" + id).with(logins.as(who)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/projects/" + id + "/activities").with(logins.as(who)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/projects/" + id).with(logins.as(who))).andExpect(status().isNotFound());
      mvc.perform(get("/projects").with(logins.as(who)))
          .andExpect(status().isOk())
          .andExpect(
              content()
                  .string(
                      org.hamcrest.Matchers.not(
                          org.hamcrest.Matchers.containsString("Hidden project of Slovenia"))));
    }
    mvc.perform(get("/api/v1/projects/" + id)).andExpect(status().isNotFound());
    mvc.perform(get("/projects/" + id)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/projects/" + id + "/iati.xml")).andExpect(status().isNotFound());
    mvc.perform(get("/projects"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Hidden project of Slovenia"))));
    jdbc.sql("update project set published = true where id = ?").param(id).update();
    mvc.perform(get("/projects/" + id)).andExpect(status().isOk());
    mvc.perform(get("/projects?state=SVN"))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("Hidden project of Slovenia")));
    mvc.perform(get("/api/v1/projects/" + id).with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isOk());
  }
}
