package org.coopera.assistance.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rules on the services themselves, without HTTP: nothing for a request the State has not
 * submitted, no project before an assessment or a waiver, no activity on a suspended, completed or
 * cancelled project, the lag of an evaluation; and the demo project, added once, shown in public.
 */
@CooperaIntegrationTest
class ProjectServiceIT {

  @Autowired Assessments assessments;
  @Autowired Projects projects;
  @Autowired ProjectWork work;
  @Autowired Evaluations evaluations;
  @Autowired DemoProjects demo;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  CooperaUser user(String email) {
    return (CooperaUser) users.loadUserByUsername(email);
  }

  UUID request(String status, String title) {
    UUID id = UUID.randomUUID();
    UUID coordinator = user(DemoLogins.COORDINATOR_SVN).accountId();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, status, created_by, submitted_by,
                submitted_at, created_at, updated_at)
            values (?, 'SVN', ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            title,
            status,
            coordinator,
            status.equals("DRAFT") ? null : coordinator,
            status.equals("DRAFT") ? null : now,
            now,
            now)
        .update();
    jdbc.sql(
            "insert into assistance_request_provider (id, request_id, organisation_code, answer)"
                + " values (?, ?, 'OHCHR', 'ACCEPTED')")
        .params(UUID.randomUUID(), id)
        .update();
    return id;
  }

  Projects.Draft draft() {
    return new Projects.Draft(
        "Service project",
        null,
        "ACTIVE",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        new BigDecimal("5000.00"),
        "EUR",
        false,
        List.of(new Projects.PartnerDraft("OHCHR", null, 4)),
        List.of());
  }

  @Test
  void theRulesHoldOnTheServices() {
    CooperaUser officer = user(DemoLogins.AGENCY_OFFICER);
    CooperaUser coordinator = user(DemoLogins.COORDINATOR_SVN);
    UUID draft = request("DRAFT", "Draft request");
    assertThatThrownBy(
            () ->
                assessments.record(
                    draft, new Assessments.Draft("f", null, null, null, null, null), officer))
        .isInstanceOfSatisfying(
            ProjectRefused.class, e -> assertThat(e.code()).isEqualTo("request-not-submitted"));

    UUID request = request("SUBMITTED", "Submitted request");
    assertThatThrownBy(() -> projects.create(request, draft(), officer))
        .isInstanceOfSatisfying(
            ProjectRefused.class, e -> assertThat(e.code()).isEqualTo("assessment-missing"));
    assertThatThrownBy(() -> assessments.waive(request, "known", officer))
        .isInstanceOf(AccessDeniedException.class);
    assessments.waive(request, "The needs are known", coordinator);
    Project project = projects.create(request, draft(), officer);
    assertThat(project.iatiIdentifier()).startsWith("COOPERA-SVN-");
    assertThat(project.partners()).extracting(Project.Partner::role).containsExactly(4);

    Evaluations.Evaluation evaluation =
        evaluations.addEvaluation(
            project.id(),
            new Evaluations.EvaluationDraft(
                "Judges apply the standards",
                null,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 6, 9)),
            null,
            officer);
    assertThat(evaluation.lagDays()).isEqualTo(100);

    for (String closed : List.of("SUSPENDED", "COMPLETED", "CANCELLED")) {
      jdbc.sql("update project set status = ? where id = ?").params(closed, project.id()).update();
      assertThatThrownBy(
              () ->
                  work.addActivity(
                      project.id(),
                      new ProjectWork.ActivityDraft(
                          "SEMINAR",
                          "Seminar",
                          LocalDate.of(2026, 4, 1),
                          LocalDate.of(2026, 4, 1),
                          "Ljubljana",
                          false,
                          20,
                          null),
                      officer))
          .isInstanceOfSatisfying(
              ProjectRefused.class, e -> assertThat(e.code()).isEqualTo("project-not-open"));
    }
    assertThat(work.activities(project.id(), officer)).isEmpty();
  }

  @Test
  void theDemoProjectIsAddedOnceAndShownInPublic() throws Exception {
    // the requests' demo submits Slovenia's request, OHCHR accepts it; the projects' demo, which
    // runs after it at start-up, answers it with a project, once
    UUID request =
        jdbc.sql("select id from assistance_request where title = ?")
            .param("Roma inclusion: housing, education and employment (demo)")
            .query(UUID.class)
            .single();
    assertThat(demo.add()).as("already added at start-up").isFalse();
    UUID project =
        jdbc.sql("select id from project where request_id = ?")
            .param(request)
            .query(UUID.class)
            .single();
    assertThat(work.activities(project, null)).hasSize(2);
    assertThat(work.results(project, null))
        .extracting(ProjectWork.Result::level)
        .containsExactly("OUTCOME", "OUTPUT");
    assertThat(evaluations.evaluations(project, null))
        .singleElement()
        .satisfies(e -> assertThat(e.lagDays()).isEqualTo(138));
    mvc.perform(get("/projects/" + project))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("Legal aid clinics in Roma settlements")))
        .andExpect(content().string(Matchers.containsString("35.0000")))
        .andExpect(
            content()
                .string(Matchers.containsString("Office of the United Nations High Commissioner")));
    mvc.perform(get("/projects?state=SVN&status=ACTIVE"))
        .andExpect(content().string(Matchers.containsString("Roma inclusion: legal aid")));
  }
}
