package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The national mechanism's workspace over HTTP, as each role: who sees a State's plan and who
 * changes it, the review of progress updates from draft to publication with the status rolling up,
 * stale edits refused with both versions shown, bad evidence and dates out of order refused with
 * nothing written, and assignments following the registry's clusters.
 */
@CooperaIntegrationTest
class WorkspaceIT {

  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void onlyTheStatesOfficialsSeeItsWorkspace() throws Exception {
    UUID assignment = demoAssignment("122.142");
    UUID action =
        jdbc.sql("select id from implementation_action where assignment_id = ? limit 1")
            .param(assignment)
            .query(UUID.class)
            .single();
    UUID update =
        jdbc.sql("select id from progress_update where assignment_id = ? limit 1")
            .param(assignment)
            .query(UUID.class)
            .single();
    UUID indicator =
        jdbc.sql("select id from indicator where assignment_id = ? limit 1")
            .param(assignment)
            .query(UUID.class)
            .single();
    List<String> pages =
        List.of(
            "/workspace/SVN",
            "/workspace/SVN/assignments",
            "/workspace/SVN/assignments/" + assignment,
            "/workspace/SVN/actions/" + action,
            "/workspace/SVN/indicators/" + indicator,
            "/workspace/SVN/updates/" + update,
            "/workspace/SVN/review");
    for (String page : pages) {
      for (String who :
          List.of(DemoLogins.ADMIN, DemoLogins.COORDINATOR_SVN, DemoLogins.FOCAL_POINT_SVN)) {
        mvc.perform(get(page).with(logins.as(who))).andExpect(status().isOk());
      }
      for (String who :
          List.of(
              DemoLogins.COORDINATOR_PRY,
              DemoLogins.FOCAL_POINT_PRY,
              DemoLogins.AGENCY_OFFICER,
              DemoLogins.CIVIL_SOCIETY,
              DemoLogins.DONOR,
              DemoLogins.TRAINER,
              DemoLogins.FUND_MANAGER)) {
        mvc.perform(get(page).with(logins.as(who))).andExpect(status().isForbidden()).andReturn();
      }
      mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
    }
    // an item of one State's workspace is not found under another's
    mvc.perform(get("/workspace/PRY/actions/" + action).with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/workspace/XYZ/assignments").with(logins.as(DemoLogins.ADMIN)))
        .andExpect(status().isNotFound());
  }

  @Test
  void aFocalPointDraftsTheCoordinatorReviewsAndTheStatusRollsUp() throws Exception {
    UUID assignment = assign(freeRecommendation(), "Ministry of Justice");
    String base = "/workspace/SVN/assignments/" + assignment;

    // the focal point of the Ministry of Justice plans two actions
    UUID first = addAction(assignment, "Draft the bill", "2027-03-31");
    UUID second = addAction(assignment, "Train the police", "2027-09-30");
    assertThat(page(base + "?lang=en", DemoLogins.FOCAL_POINT_SVN).select("h1").text())
        .contains("Not started");

    // a draft with evidence, then submitted
    MvcResult created =
        mvc.perform(
                multipart(base + "/updates")
                    .file(new MockMultipartFile("evidence", "minutes.pdf", "application/pdf", PDF))
                    .param("subject", "action:" + first)
                    .param("status", "fully-implemented")
                    .param("narrative", "The bill went to parliament on 1 March.")
                    .param("then", "draft")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    UUID update =
        UUID.fromString(created.getResponse().getRedirectedUrl().replaceAll(".*#update-", ""));
    assertThat(review(update)).isEqualTo("DRAFT");
    assertThat(page("/workspace/SVN/review?lang=en", DemoLogins.COORDINATOR_SVN).text())
        .as("a draft is the focal point's own")
        .doesNotContain("The bill went to parliament");
    step(update, "submit", DemoLogins.FOCAL_POINT_SVN).andExpect(status().is3xxRedirection());
    assertThat(review(update)).isEqualTo("SUBMITTED");
    assertThat(page("/workspace/SVN/review?lang=en", DemoLogins.COORDINATOR_SVN).text())
        .contains("The bill went to parliament");
    assertThat(
            jdbc.sql(
                    "select count(*) from notification n join account a on a.id = n.account_id"
                        + " where a.email = ? and n.message_key = 'update.notice.submitted'")
                .param(DemoLogins.COORDINATOR_SVN)
                .query(Long.class)
                .single())
        .isPositive();

    // only the coordinator decides; a return needs a reason
    step(update, "approve", DemoLogins.FOCAL_POINT_SVN).andExpect(status().isForbidden());
    step(update, "return", DemoLogins.COORDINATOR_SVN).andExpect(status().isBadRequest());
    assertThat(review(update)).isEqualTo("SUBMITTED");
    mvc.perform(
            post("/workspace/SVN/updates/" + update + "/return")
                .param("version", String.valueOf(version(update)))
                .param("comment", "Attach the bill itself.")
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(review(update)).isEqualTo("RETURNED");
    assertThat(
            page("/workspace/SVN/updates/" + update + "?lang=en", DemoLogins.FOCAL_POINT_SVN)
                .text())
        .contains("Attach the bill itself.");

    // corrected and submitted again, then approved: the action and the recommendation roll up
    mvc.perform(
            multipart("/workspace/SVN/updates/" + update)
                .file(new MockMultipartFile("evidence", "bill.pdf", "application/pdf", PDF))
                .param("version", String.valueOf(version(update)))
                .param("subject", "action:" + first)
                .param("status", "fully-implemented")
                .param("narrative", "The bill went to parliament on 1 March; it is attached.")
                .param("then", "submit")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(review(update)).isEqualTo("SUBMITTED");
    step(update, "approve", DemoLogins.COORDINATOR_SVN).andExpect(status().is3xxRedirection());
    assertThat(review(update)).isEqualTo("APPROVED");
    assertThat(actionStatus(first)).isEqualTo("FULLY_IMPLEMENTED");
    assertThat(actionStatus(second)).isEqualTo("NOT_STARTED");
    assertThat(page(base + "?lang=en", DemoLogins.COORDINATOR_SVN).select("h1").text())
        .as("one of two actions done")
        .contains("Partially implemented");
    step(update, "approve", DemoLogins.COORDINATOR_SVN).andExpect(status().isConflict());

    // the author hears of it; publication is the coordinator's
    assertThat(
            jdbc.sql(
                    "select count(*) from notification n join account a on a.id = n.account_id"
                        + " where a.email = ? and n.message_key = 'update.notice.approved'")
                .param(DemoLogins.FOCAL_POINT_SVN)
                .query(Long.class)
                .single())
        .isPositive();
    step(update, "publish", DemoLogins.FOCAL_POINT_SVN).andExpect(status().isForbidden());
    step(update, "publish", DemoLogins.COORDINATOR_SVN).andExpect(status().is3xxRedirection());
    assertThat(review(update)).isEqualTo("PUBLISHED");

    // the second action done too: fully implemented
    UUID another =
        addUpdate(assignment, "action:" + second, "fully-implemented", "Done.", "submit");
    step(another, "approve", DemoLogins.COORDINATOR_SVN).andExpect(status().is3xxRedirection());
    assertThat(page(base + "?lang=en", DemoLogins.FOCAL_POINT_SVN).select("h1").text())
        .contains("Fully implemented");

    // the evidence is there for the State's officials, for nobody else
    UUID file =
        jdbc.sql("select file_id from progress_evidence where update_id = ? limit 1")
            .param(update)
            .query(UUID.class)
            .single();
    String evidence = "/workspace/SVN/updates/" + update + "/evidence/" + file;
    MvcResult download =
        mvc.perform(get(evidence).with(logins.as(DemoLogins.COORDINATOR_SVN)))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
    assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
    mvc.perform(get(evidence).with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isForbidden());
  }

  @Test
  void whoWorksOnAnAssignmentIsTheCoordinatorAndItsInstitutionsFocalPoints() throws Exception {
    UUID ombudsman = assign(freeRecommendation(), "Human Rights Ombudsman");
    // focal.svn is no focal point of the Ombudsman's office
    mvc.perform(
            post("/workspace/SVN/assignments/" + ombudsman + "/actions")
                .param("title", "Anything")
                .param("institution", institution("Human Rights Ombudsman").toString())
                .param("dueDate", "2027-01-01")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().isForbidden());
    // nor may a focal point assign, or another State's coordinator add anything
    mvc.perform(
            post("/workspace/SVN/assignments")
                .param("subject", freeRecommendation())
                .param("lead", institution("Ministry of Justice").toString())
                .param("priority", "high")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/workspace/SVN/assignments/" + ombudsman + "/actions")
                .param("title", "Anything")
                .param("institution", institution("Human Rights Ombudsman").toString())
                .param("dueDate", "2027-01-01")
                .with(logins.as(DemoLogins.COORDINATOR_PRY))
                .with(csrf()))
        .andExpect(status().isForbidden());
    // the coordinator may
    mvc.perform(
            post("/workspace/SVN/assignments/" + ombudsman + "/actions")
                .param("title", "Ask for the budget proposal")
                .param("institution", institution("Human Rights Ombudsman").toString())
                .param("dueDate", "2027-01-01")
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(countWhere("implementation_action", "assignment_id", ombudsman)).isEqualTo(1);
  }

  @Test
  void theSecondOfTwoEditsOfAnActionIsRefusedWithTheOthersChangeShown() throws Exception {
    UUID assignment = assign(freeRecommendation(), "Ministry of Justice");
    UUID action = addAction(assignment, "Consult the bar association", "2027-05-31");
    long seen =
        jdbc.sql("select version from implementation_action where id = ?")
            .param(action)
            .query(Long.class)
            .single();
    editAction(
            action, seen, "Consult the bar association and the judges", DemoLogins.COORDINATOR_SVN)
        .andExpect(status().is3xxRedirection());
    MvcResult second =
        editAction(action, seen, "Consult the bar association by June", DemoLogins.FOCAL_POINT_SVN)
            .andExpect(status().isConflict())
            .andReturn();
    Document page = Jsoup.parse(second.getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(page.select(".alert-warning").text())
        .contains("Consult the bar association by June");
    assertThat(page.select("input[name=title]").val())
        .isEqualTo("Consult the bar association and the judges");
    assertThat(
            jdbc.sql("select title from implementation_action where id = ?")
                .param(action)
                .query(String.class)
                .single())
        .isEqualTo("Consult the bar association and the judges");
  }

  @Test
  void badEvidenceAndDatesOutOfOrderAreRefusedWithTheReasonAndNothingIsWritten() throws Exception {
    UUID assignment = assign(freeRecommendation(), "Ministry of Justice");
    UUID action = addAction(assignment, "Publish the statistics", "2027-12-31");
    long updatesBefore = countWhere("progress_update", "assignment_id", assignment);
    long filesBefore = jdbc.sql("select count(*) from stored_file").query(Long.class).single();

    MvcResult script =
        mvc.perform(
                multipart("/workspace/SVN/assignments/" + assignment + "/updates")
                    .file(
                        new MockMultipartFile(
                            "evidence",
                            "report.pdf",
                            "application/pdf",
                            "<html><script>alert(1)</script></html>"
                                .getBytes(StandardCharsets.UTF_8)))
                    .param("subject", "action:" + action)
                    .param("status", "in-progress")
                    .param("narrative", "Statistics compiled.")
                    .param("lang", "en")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn();
    Document refused = Jsoup.parse(script.getResponse().getContentAsString(StandardCharsets.UTF_8));
    assertThat(refused.select(".alert-danger").text()).contains("report.pdf cannot be attached");
    assertThat(refused.select("textarea[name=narrative]").text()).isEqualTo("Statistics compiled.");

    byte[] large = new byte[21 * 1024 * 1024];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    MvcResult tooLarge =
        mvc.perform(
                multipart("/workspace/SVN/assignments/" + assignment + "/updates")
                    .file(new MockMultipartFile("evidence", "scan.pdf", "application/pdf", large))
                    .param("subject", "action:" + action)
                    .param("status", "in-progress")
                    .param("narrative", "Statistics compiled.")
                    .param("lang", "en")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn();
    assertThat(
            Jsoup.parse(tooLarge.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select(".alert-danger")
                .text())
        .contains("scan.pdf is too large", "20 MB");

    MvcResult dates =
        mvc.perform(
                post("/workspace/SVN/assignments/" + assignment + "/indicators")
                    .param("kind", "quantitative")
                    .param("name", "Cases prosecuted")
                    .param("unit", "cases")
                    .param("direction", "increase")
                    .param("baselineValue", "10")
                    .param("baselineDate", "2026-01-01")
                    .param("targetValue", "40")
                    .param("targetDate", "2025-12-31")
                    .param("lang", "en")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                    .with(csrf()))
            .andExpect(status().isBadRequest())
            .andReturn();
    assertThat(
            Jsoup.parse(dates.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#indicators .alert-danger")
                .text())
        .contains("The target date (2025-12-31) must come after the baseline date (2026-01-01)");
    mvc.perform(
            post("/workspace/SVN/assignments/" + assignment + "/actions")
                .param("title", "Backwards")
                .param("institution", institution("Ministry of Justice").toString())
                .param("startDate", "2027-06-01")
                .param("dueDate", "2027-01-01")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().isBadRequest());

    assertThat(countWhere("progress_update", "assignment_id", assignment)).isEqualTo(updatesBefore);
    assertThat(countWhere("indicator", "assignment_id", assignment)).isZero();
    assertThat(countWhere("implementation_action", "assignment_id", assignment)).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from stored_file").query(Long.class).single())
        .isEqualTo(filesBefore);
  }

  @Test
  void anIndicatorsValuesAreThoseApprovedForItsDueDates() throws Exception {
    UUID assignment = assign(freeRecommendation(), "Ministry of Justice");
    mvc.perform(
            post("/workspace/SVN/assignments/" + assignment + "/indicators")
                .param("kind", "quantitative")
                .param("name", "Shelter places for victims")
                .param("unit", "places")
                .param("direction", "increase")
                .param("baselineValue", "120")
                .param("baselineDate", "2026-01-01")
                .param("targetValue", "200")
                .param("targetDate", "2028-01-01")
                .param("scheduleMonths", "6")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    UUID indicator =
        jdbc.sql("select id from indicator where assignment_id = ?")
            .param(assignment)
            .query(UUID.class)
            .single();
    // a period that is not a due date is refused
    mvc.perform(
            multipart("/workspace/SVN/assignments/" + assignment + "/updates")
                .param("subject", "indicator:" + indicator)
                .param("status", "in-progress")
                .param("narrative", "Counted.")
                .param("periodEnd", "2026-05-01")
                .param("measuredValue", "130")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().isBadRequest());
    UUID counted =
        addUpdate(
            assignment,
            "indicator:" + indicator,
            "in-progress",
            "Counted.",
            "submit",
            "2026-07-01",
            "135");
    Document before =
        page("/workspace/SVN/indicators/" + indicator + "?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(before.select("tbody tr").get(1).text())
        .as("submitted, not yet a value")
        .contains("—");
    step(counted, "approve", DemoLogins.COORDINATOR_SVN).andExpect(status().is3xxRedirection());
    Document after =
        page("/workspace/SVN/indicators/" + indicator + "?lang=en", DemoLogins.FOCAL_POINT_SVN);
    assertThat(after.select("tbody tr").get(1).text()).contains("135");
    assertThat(after.select("tbody tr")).as("baseline, four due dates, target").hasSize(6);
  }

  @Test
  void anAssignmentFollowsItsClusterWhenTheRegistryChangesIt() throws Exception {
    List<UUID> clusters =
        jdbc.sql(
                """
                select c.id from recommendation_cluster c
                where c.state_iso3 = 'SVN' and c.status = 'PROPOSED'
                  and (select count(*) from recommendation r where r.cluster_id = c.id) = 2
                order by c.id limit 2
                """)
            .query(UUID.class)
            .list();
    assertThat(clusters).hasSize(2);
    UUID dissolving = clusters.get(0);
    accept(dissolving);
    // a proposed cluster cannot be assigned
    mvc.perform(
            post("/workspace/SVN/assignments")
                .param("subject", "cluster:" + clusters.get(1))
                .param("lead", institution("Ministry of Justice").toString())
                .param("priority", "high")
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().isBadRequest());
    UUID assignment = assign("cluster:" + dissolving, "Ministry of Justice");
    assertThat(
            page(
                    "/workspace/SVN/assignments/" + assignment + "?lang=en",
                    DemoLogins.COORDINATOR_SVN)
                .select("article"))
        .hasSize(2);
    // splitting one member off leaves one: the cluster is dissolved, the assignment kept and
    // flagged
    String member =
        jdbc.sql("select code from recommendation where cluster_id = ? order by code limit 1")
            .param(dissolving)
            .query(String.class)
            .single();
    long version =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(dissolving)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + dissolving + "/split")
                .param("version", String.valueOf(version))
                .param("codes", member)
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select flag from assignment where id = ?")
                .param(assignment)
                .query(String.class)
                .single())
        .isEqualTo("CLUSTER_DISSOLVED");
    assertThat(
            page(
                    "/workspace/SVN/assignments/" + assignment + "?lang=en",
                    DemoLogins.COORDINATOR_SVN)
                .select(".alert-warning")
                .text())
        .contains("has been dissolved");
  }

  // --- helpers ---

  private void accept(UUID cluster) throws Exception {
    long version =
        jdbc.sql("select version from recommendation_cluster where id = ?")
            .param(cluster)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/registry/clusters/" + cluster + "/accept")
                .param("version", String.valueOf(version))
                .with(logins.as(DemoLogins.COORDINATOR_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  /** A recommendation of Slovenia's second cycle, not in a cluster and not yet assigned. */
  private String freeRecommendation() {
    return jdbc.sql(
            """
            select r.code from recommendation r
            where r.state_iso3 = 'SVN' and r.upr_session = 20 and r.cluster_id is null
              and not exists (select 1 from assignment a where a.recommendation_id = r.id)
            order by r.code limit 1
            """)
        .query(String.class)
        .single();
  }

  private UUID demoAssignment(String paragraph) {
    return jdbc.sql(
            "select a.id from assignment a join recommendation r on r.id = a.recommendation_id"
                + " where r.paragraph = ? and r.upr_session = 34")
        .param(paragraph)
        .query(UUID.class)
        .single();
  }

  private UUID institution(String name) {
    return jdbc.sql("select id from institution where state_iso3 = 'SVN' and name = ?")
        .param(name)
        .query(UUID.class)
        .single();
  }

  private UUID assign(String subject, String lead) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/workspace/SVN/assignments")
                    .param("subject", subject)
                    .param("lead", institution(lead).toString())
                    .param("targetDate", "2028-12-31")
                    .param("priority", "high")
                    .with(logins.as(DemoLogins.COORDINATOR_SVN))
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    return UUID.fromString(
        result.getResponse().getRedirectedUrl().replaceAll(".*/assignments/", ""));
  }

  private UUID addAction(UUID assignment, String title, String due) throws Exception {
    mvc.perform(
            post("/workspace/SVN/assignments/" + assignment + "/actions")
                .param("title", title)
                .param("institution", institution("Ministry of Justice").toString())
                .param("dueDate", due)
                .param("estimatedCost", "12000")
                .param("currency", "eur")
                .with(logins.as(DemoLogins.FOCAL_POINT_SVN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    return jdbc.sql("select id from implementation_action where assignment_id = ? and title = ?")
        .params(assignment, title)
        .query(UUID.class)
        .single();
  }

  private UUID addUpdate(
      UUID assignment, String subject, String status, String narrative, String then)
      throws Exception {
    return addUpdate(assignment, subject, status, narrative, then, null, null);
  }

  private UUID addUpdate(
      UUID assignment,
      String subject,
      String status,
      String narrative,
      String then,
      String period,
      String value)
      throws Exception {
    var request =
        multipart("/workspace/SVN/assignments/" + assignment + "/updates")
            .param("subject", subject)
            .param("status", status)
            .param("narrative", narrative)
            .param("then", then);
    if (period != null) {
      request.param("periodEnd", period).param("measuredValue", value);
    }
    MvcResult result =
        mvc.perform(request.with(logins.as(DemoLogins.FOCAL_POINT_SVN)).with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    return UUID.fromString(result.getResponse().getRedirectedUrl().replaceAll(".*#update-", ""));
  }

  private org.springframework.test.web.servlet.ResultActions editAction(
      UUID action, long version, String title, String who) throws Exception {
    return mvc.perform(
        post("/workspace/SVN/actions/" + action)
            .param("version", String.valueOf(version))
            .param("title", title)
            .param("institution", institution("Ministry of Justice").toString())
            .param("dueDate", "2027-05-31")
            .param("lang", "en")
            .with(logins.as(who))
            .with(csrf()));
  }

  private org.springframework.test.web.servlet.ResultActions step(
      UUID update, String step, String who) throws Exception {
    return mvc.perform(
        post("/workspace/SVN/updates/" + update + "/" + step)
            .param("version", String.valueOf(version(update)))
            .with(logins.as(who))
            .with(csrf()));
  }

  private long version(UUID update) {
    return jdbc.sql("select version from progress_update where id = ?")
        .param(update)
        .query(Long.class)
        .single();
  }

  private String review(UUID update) {
    return jdbc.sql("select review from progress_update where id = ?")
        .param(update)
        .query(String.class)
        .single();
  }

  private String actionStatus(UUID action) {
    return jdbc.sql("select status from implementation_action where id = ?")
        .param(action)
        .query(String.class)
        .single();
  }

  private long countWhere(String table, String column, UUID value) {
    return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
        .param(value)
        .query(Long.class)
        .single();
  }

  private Document page(String path, String who) throws Exception {
    MvcResult result =
        mvc.perform(get(path).with(logins.as(who))).andExpect(status().isOk()).andReturn();
    return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
