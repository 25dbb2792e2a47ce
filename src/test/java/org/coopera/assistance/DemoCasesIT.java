package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.assistance.internal.DemoCases;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.support.CooperaIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report's cases in the demo (paras 80-88): each a request submitted by the State's coordinator
 * and a published project with its results, public on the projects page and in the IATI file, added
 * once; and, over every project in the database, the principles of request and assessment.
 */
@CooperaIntegrationTest
class DemoCasesIT {

  /** The cases of the report whose years lie in the past: their projects are completed. */
  static final List<String> COMPLETED = List.of("MEX", "MMR", "TGO", "TUN", "KHM", "GTM");

  @Autowired DemoCases demo;
  @Autowired ProjectWork work;
  @Autowired Evaluations evaluations;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  record CaseProject(UUID id, String state, String title, String status, boolean published) {}

  List<CaseProject> caseProjects() {
    return jdbc.sql(
            "select id, state_iso3 as state, title, status, published from project"
                + " where title in (:titles)"
                + " order by state_iso3")
        .param("titles", DemoCases.projectTitles())
        .query(CaseProject.class)
        .list();
  }

  @Test
  void everyCaseHasAPublishedProjectWithItsResults() throws Exception {
    List<CaseProject> projects = caseProjects();
    assertThat(projects)
        .extracting(CaseProject::title)
        .hasSameElementsAs(DemoCases.projectTitles());
    assertThat(projects)
        .extracting(CaseProject::state)
        .as("one per State: the report names no member State of the EU for its trafficking case")
        .containsExactlyInAnyOrder(
            "COL", "GTM", "HTI", "KHM", "LAO", "LBN", "MAR", "MEX", "MMR", "PHL", "PRY", "RUS",
            "SEN", "SLV", "TGO", "THA", "TUN");
    String list = Jsoup.parse(page("/projects?lang=en")).text();
    String iati = Jsoup.parse(page("/api/v1/projects/iati.xml"), Parser.xmlParser()).text();
    for (CaseProject p : projects) {
      assertThat(p.published()).as(p.title()).isTrue();
      assertThat(p.status())
          .as(p.title())
          .isEqualTo(COMPLETED.contains(p.state()) ? "COMPLETED" : "ACTIVE");
      assertThat(list).as("the public list").contains(p.title());
      assertThat(iati).as("the IATI file").contains(p.title());
      assertThat(work.activities(p.id(), null))
          .as(p.title())
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(
              a -> {
                assertThat(a.place()).isNotBlank();
                assertThat(a.participants()).isPositive();
              });
      List<ProjectWork.Result> results = work.results(p.id(), null);
      assertThat(results)
          .extracting(ProjectWork.Result::level)
          .containsExactly("OUTCOME", "OUTPUT");
      assertThat(results)
          .allSatisfy(
              r ->
                  assertThat(r.indicators())
                      .singleElement()
                      .satisfies(i -> assertThat(i.values()).isNotEmpty()));
      List<Evaluations.Evaluation> evaluated = evaluations.evaluations(p.id(), null);
      if (p.status().equals("COMPLETED")) {
        assertThat(evaluated)
            .as(p.title())
            .singleElement()
            .satisfies(e -> assertThat(e.lagDays()).isPositive());
      }
    }
    Document mexico = Jsoup.parse(page("/projects/" + byState(projects, "MEX").id() + "?lang=en"));
    assertThat(mexico.text())
        .contains(
            "Treaty obligations with constitutional rank in Mexico (demo)",
            "Demo data based on the report, not official.",
            "Applying treaty standards in court: training of judges",
            "Mexico City");
  }

  @Test
  void everyProjectAnswersARequestTheStatesCoordinatorSubmittedAfterAnAssessmentOrAWaiver() {
    List<String> offending =
        jdbc.sql(
                """
                select p.iati_identifier from project p
                left join assistance_request r on r.id = p.request_id
                where r.id is null
                   or r.state_iso3 <> p.state_iso3
                   or r.submitted_at is null
                   or not exists (select 1 from role_assignment g
                                  where g.account_id = r.submitted_by
                                    and g.role = 'STATE_COORDINATOR'
                                    and g.state_iso3 = p.state_iso3)
                   or not (
                        (r.assessment_waived_at is not null
                         and r.assessment_waiver is not null
                         and exists (select 1 from role_assignment g
                                     where g.account_id = r.assessment_waived_by
                                       and g.role = 'STATE_COORDINATOR'
                                       and g.state_iso3 = p.state_iso3))
                     or exists (select 1 from needs_assessment a
                                join role_assignment g on g.account_id = a.agreed_by
                                where a.request_id = r.id and a.agreed_at is not null
                                  and g.role = 'STATE_COORDINATOR'
                                  and g.state_iso3 = p.state_iso3))
                """)
            .query(String.class)
            .list();
    assertThat(jdbc.sql("select count(*) from project").query(Long.class).single())
        .isGreaterThanOrEqualTo(DemoCases.projectTitles().size());
    assertThat(offending).as("projects breaking principles 1 and 3").isEmpty();
  }

  @Test
  void seedingAgainAddsNothing() {
    long requests = count("assistance_request");
    long projects = count("project");
    long activities = count("project_activity");
    long assessments = count("needs_assessment");
    assertThat(demo.add()).as("every case was added at start-up").isZero();
    assertThat(count("assistance_request")).isEqualTo(requests);
    assertThat(count("project")).isEqualTo(projects);
    assertThat(count("project_activity")).isEqualTo(activities);
    assertThat(count("needs_assessment")).isEqualTo(assessments);
  }

  @Test
  void thePublicSeesTheCasesRequestsByRegion() throws Exception {
    Document page = Jsoup.parse(page("/assistance/requests?lang=en"));
    Map<String, Long> byRegion = new HashMap<>();
    for (Element row : page.select("section[aria-labelledby=by-region] tr")) {
      byRegion.put(row.child(0).text(), Long.parseLong(row.child(1).text()));
    }
    // Colombia, El Salvador, Guatemala, Haiti, Mexico, Paraguay; Cambodia, Lao PDR, Lebanon,
    // Myanmar, the Philippines, Thailand; Morocco, Senegal, Togo, Tunisia; the Russian Federation
    assertThat(byRegion.get("Americas")).isGreaterThanOrEqualTo(6);
    assertThat(byRegion.get("Asia")).isGreaterThanOrEqualTo(6);
    assertThat(byRegion.get("Africa")).isGreaterThanOrEqualTo(4);
    assertThat(byRegion.get("Europe")).isGreaterThanOrEqualTo(1);
    String listed = page.select("tr.public-request").text();
    assertThat(listed)
        .contains(
            "A truth, justice and reconciliation commission (demo) Togo",
            "A protocol for investigating femicide (demo) El Salvador",
            "A master's degree in human rights (demo) Russian Federation");
  }

  private static CaseProject byState(List<CaseProject> projects, String state) {
    return projects.stream().filter(p -> p.state().equals(state)).findFirst().orElseThrow();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
