package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's assignments, actions and progress updates over the API with personal tokens, as
 * each role: the State's officials read the plan, its coordinator assigns, the focal point of the
 * institution concerned plans and reports, the coordinator reviews; stale edits and steps no longer
 * open answer 409, bad dates 400 with the field, and nothing is written when refused.
 */
@CooperaIntegrationTest
class WorkspaceApiIT {

  static final String BASE = "/api/v1/workspaces/SVN";
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private static final Map<String, String> TOKENS = new HashMap<>();

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  /** The tokens go, so that the demo accounts' profiles show none to other tests. */
  @AfterEach
  void revokeTokens() {
    jdbc.sql("delete from api_token where name = 'workspace API test'").update();
    TOKENS.clear();
  }

  @Test
  void theStatesOfficialsReadThePlanAndNobodyElse() throws Exception {
    for (String who : List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.FOCAL_POINT_SVN)) {
      JsonNode list = read(call(get(BASE + "/assignments"), who).andExpect(status().isOk()));
      assertThat(list.findValuesAsString("subject")).as(who).hasSizeGreaterThanOrEqualTo(4);
      JsonNode rape = byRecommendation(list, demoCode("121.33"));
      assertThat(rape.get("lead").get("name").asString()).isEqualTo("Ministry of Justice");
      assertThat(rape.get("supporting").get(0).get("name").asString())
          .isEqualTo("Ministry of Labour, Family, Social Affairs and Equal Opportunities");
      assertThat(rape.get("priority").asString()).isEqualTo("high");
      assertThat(rape.get("targetDate").asString()).isEqualTo("2021-12-31");
      assertThat(rape.get("status").asString()).isEqualTo("fully-implemented");
      assertThat(rape.get("version").isNumber()).isTrue();
    }

    UUID roma = demoAssignment("122.142");
    JsonNode one =
        read(call(get(BASE + "/assignments/" + roma), DemoLogins.FOCAL_POINT_SVN).andExpect(ok()));
    assertThat(one.get("lead").get("name").asString())
        .isEqualTo("Government Office for National Minorities");
    assertThat(one.get("actions").findValuesAsString("title"))
        .contains("Fund Roma teaching assistants in kindergartens and primary schools");
    JsonNode assistants = null;
    for (JsonNode a : one.get("actions")) {
      if (a.get("title").asString().startsWith("Fund Roma teaching assistants")) {
        assistants = a;
      }
    }
    assertThat(assistants).isNotNull();
    assertThat(assistants.get("currency").asString()).isEqualTo("EUR");
    assertThat(assistants.get("status").asString()).isEqualTo("in-progress");
    JsonNode enrolment = one.get("indicators").get(0);
    assertThat(enrolment.get("kind").asString()).isEqualTo("quantitative");
    assertThat(enrolment.get("unit").asString()).isEqualTo("%");
    assertThat(enrolment.get("direction").asString()).isEqualTo("increase");
    assertThat(enrolment.get("baseline").get("value").asInt()).isEqualTo(45);
    assertThat(enrolment.get("target").get("value").asInt()).isEqualTo(70);
    assertThat(enrolment.get("schedule").get("months").asInt()).isEqualTo(6);
    assertThat(enrolment.get("dueDates").size()).isGreaterThanOrEqualTo(6);
    assertThat(enrolment.get("values").get(0).get("value").asInt()).isEqualTo(49);
    assertThat(enrolment.get("values").get(1).get("value").asInt()).isEqualTo(53);
    assertThat(enrolment.get("values").get(1).get("period").asString())
        .isEqualTo(enrolment.get("dueDates").get(1).asString());
    assertThat(one.get("updates").findValuesAsString("review"))
        .contains("published", "submitted", "approved");
    assertThat(one.get("updates").get(0).get("author").get("name").asString()).isNotBlank();
    assertThat(one.get("status").asString()).isEqualTo("in-progress");

    for (String who :
        List.of(DemoLogins.COORDINATOR_PRY, DemoLogins.CIVIL_SOCIETY, DemoLogins.FOCAL_POINT_PRY)) {
      for (String path : List.of(BASE + "/assignments", BASE + "/assignments/" + roma)) {
        call(get(path), who)
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(code("forbidden"));
      }
    }
    mvc.perform(get(BASE + "/assignments")).andExpect(status().isUnauthorized());
    mvc.perform(get(BASE + "/assignments/" + roma)).andExpect(status().isUnauthorized());

    call(get(BASE + "/assignments/" + UUID.randomUUID()), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isNotFound())
        .andExpect(code("not-found"));
    call(get("/api/v1/workspaces/PRY/assignments/" + roma), DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isNotFound());
    call(get("/api/v1/workspaces/XYZ/assignments"), DemoLogins.ADMIN)
        .andExpect(status().isNotFound())
        .andExpect(code("not-found"));
  }

  @Test
  void anUpdateGoesFromDraftToPublicationThroughTheApi() throws Exception {
    String subject = freeRecommendation();
    String body =
        """
        {"subject": "%s", "lead": "%s", "supporting": ["%s"], "targetDate": "2028-12-31",
         "priority": "high"}
        """
            .formatted(
                subject, institution("Ministry of Justice"), institution("Human Rights Ombudsman"));

    // only the State's coordinator assigns
    for (String who :
        List.of(DemoLogins.FOCAL_POINT_SVN, DemoLogins.COORDINATOR_PRY, DemoLogins.CIVIL_SOCIETY)) {
      call(post(BASE + "/assignments").contentType(MediaType.APPLICATION_JSON).content(body), who)
          .andExpect(status().isForbidden())
          .andExpect(code("forbidden"));
    }
    mvc.perform(post(BASE + "/assignments").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    assertThat(assignmentsOf(subject)).isZero();

    ResultActions assigned =
        call(
                post(BASE + "/assignments").contentType(MediaType.APPLICATION_JSON).content(body),
                DemoLogins.COORDINATOR_SVN)
            .andExpect(status().isCreated());
    JsonNode assignment = read(assigned);
    String id = assignment.get("id").asString();
    assigned.andExpect(header().string("Location", BASE + "/assignments/" + id));
    assertThat(assignment.get("subject").asString()).isEqualTo(subject);
    assertThat(assignment.get("recommendations").get(0).asString()).isEqualTo(subject);
    assertThat(assignment.get("supporting").get(0).get("name").asString())
        .isEqualTo("Human Rights Ombudsman");
    assertThat(assignment.get("status").asString()).isEqualTo("not-started");
    assertThat(assignmentsOf(subject)).isOne();

    // the focal point of the Ministry of Justice plans an action and reports on it
    JsonNode action = addAction(id, "Draft the bill", DemoLogins.FOCAL_POINT_SVN);
    String actionId = action.get("id").asString();
    assertThat(action.get("institution").get("name").asString()).isEqualTo("Ministry of Justice");
    assertThat(action.get("estimatedCost").decimalValue()).isEqualByComparingTo("12000");
    assertThat(action.get("status").asString()).isEqualTo("not-started");
    call(
            post(BASE + "/assignments/" + id + "/actions")
                .contentType(MediaType.APPLICATION_JSON)
                .content(actionBody(null, "Anything", "2027-03-31")),
            DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isForbidden());

    ResultActions drafted =
        call(
                post(BASE + "/assignments/" + id + "/updates")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"subject": "action:%s", "status": "fully-implemented",
                         "narrative": "The bill went to parliament on 1 March.", "submit": false}
                        """
                            .formatted(actionId)),
                DemoLogins.FOCAL_POINT_SVN)
            .andExpect(status().isCreated());
    JsonNode draft = read(drafted);
    UUID update = UUID.fromString(draft.get("id").asString());
    drafted.andExpect(header().string("Location", BASE + "/updates/" + update));
    assertThat(draft.get("review").asString()).isEqualTo("draft");
    assertThat(draft.get("subject").asString()).isEqualTo("action:" + actionId);
    assertThat(draft.get("author").get("name").asString()).isNotBlank();
    assertThat(review(update)).isEqualTo("DRAFT");

    // submitted; only the coordinator decides, and a return needs a comment
    assertThat(
            step(update, "submit", null, DemoLogins.FOCAL_POINT_SVN, ok()).get("review").asString())
        .isEqualTo("submitted");
    assertThat(review(update)).isEqualTo("SUBMITTED");
    step(update, "approve", null, DemoLogins.FOCAL_POINT_SVN, status().isForbidden());
    step(update, "approve", null, DemoLogins.COORDINATOR_PRY, status().isForbidden());
    step(update, "approve", null, DemoLogins.CIVIL_SOCIETY, status().isForbidden());
    JsonNode noComment =
        step(update, "return", " ", DemoLogins.COORDINATOR_SVN, status().isBadRequest());
    assertThat(noComment.get("field").asString()).isEqualTo("comment");
    assertThat(noComment.get("code").asString()).isEqualTo("invalid-input");
    assertThat(review(update)).isEqualTo("SUBMITTED");
    JsonNode returned =
        step(update, "return", "Attach the bill itself.", DemoLogins.COORDINATOR_SVN, ok());
    assertThat(returned.get("review").asString()).isEqualTo("returned");
    assertThat(returned.get("reviewComment").asString()).isEqualTo("Attach the bill itself.");
    assertThat(review(update)).isEqualTo("RETURNED");

    // submitted again (with the bill attached on the pages), approved: the status rolls up
    UUID file = attach(update, actionId, DemoLogins.FOCAL_POINT_SVN);
    step(update, "submit", null, DemoLogins.FOCAL_POINT_SVN, ok());
    assertThat(review(update)).isEqualTo("SUBMITTED");
    long submittedAt = version(update);
    assertThat(
            step(update, "approve", null, DemoLogins.COORDINATOR_SVN, ok())
                .get("review")
                .asString())
        .isEqualTo("approved");
    assertThat(review(update)).isEqualTo("APPROVED");
    assertThat(actionStatus(actionId)).isEqualTo("FULLY_IMPLEMENTED");
    JsonNode listed =
        byId(
            read(call(get(BASE + "/assignments"), DemoLogins.COORDINATOR_SVN).andExpect(ok())), id);
    assertThat(listed.get("status").asString()).isEqualTo("fully-implemented");

    // approving twice, or deciding on a version since changed, does nothing
    JsonNode notOpen =
        step(update, "approve", null, DemoLogins.COORDINATOR_SVN, status().isConflict());
    assertThat(notOpen.get("code").asString()).isEqualTo("step-not-open");
    assertThat(notOpen.get("type").asString()).endsWith("/step-not-open");
    assertThat(notOpen.get("review").asString()).isEqualTo("approved");
    JsonNode stale =
        stepAt(
            update,
            "publish",
            submittedAt,
            null,
            DemoLogins.COORDINATOR_SVN,
            status().isConflict());
    assertThat(stale.get("code").asString()).isEqualTo("stale");
    assertThat(stale.get("current").get("review").asString()).isEqualTo("approved");
    assertThat(review(update)).isEqualTo("APPROVED");

    // publication is the coordinator's
    step(update, "publish", null, DemoLogins.FOCAL_POINT_SVN, status().isForbidden());
    assertThat(
            step(update, "publish", null, DemoLogins.COORDINATOR_SVN, ok())
                .get("review")
                .asString())
        .isEqualTo("published");
    assertThat(review(update)).isEqualTo("PUBLISHED");
    mvc.perform(
            post(BASE + "/updates/" + update + "/publish")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + version(update) + "}"))
        .andExpect(status().isUnauthorized());

    // the assignment shows it all, with the evidence to download from the page route
    JsonNode shown =
        read(call(get(BASE + "/assignments/" + id), DemoLogins.FOCAL_POINT_SVN).andExpect(ok()));
    JsonNode published = shown.get("updates").get(0);
    assertThat(published.get("review").asString()).isEqualTo("published");
    JsonNode evidence = published.get("evidence").get(0);
    assertThat(evidence.get("name").asString()).isEqualTo("bill.pdf");
    assertThat(evidence.get("type").asString()).isEqualTo("application/pdf");
    assertThat(evidence.get("size").asLong()).isEqualTo(PDF.length);
    String href = evidence.get("href").asString();
    assertThat(href).isEqualTo("/workspace/SVN/updates/" + update + "/evidence/" + file);
    assertThat(
            mvc.perform(get(href).with(logins.as(DemoLogins.COORDINATOR_SVN)))
                .andExpect(ok())
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .isEqualTo(PDF);
    assertThat(shown.get("actions").get(0).get("status").asString()).isEqualTo("fully-implemented");
    assertThat(shown.get("status").asString()).isEqualTo("fully-implemented");
  }

  @Test
  void theSecondOfTwoEditsOfAnActionIsRefusedWithTheCurrentOne() throws Exception {
    String id = assign();
    JsonNode action = addAction(id, "Consult the bar association", DemoLogins.COORDINATOR_SVN);
    String path = BASE + "/actions/" + action.get("id").asString();
    long seen = action.get("version").asLong();

    JsonNode saved =
        read(
            call(
                    put(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            actionBody(
                                seen, "Consult the bar association and the judges", "2027-05-31")),
                    DemoLogins.COORDINATOR_SVN)
                .andExpect(ok()));
    assertThat(saved.get("version").asLong()).isGreaterThan(seen);

    JsonNode conflict =
        read(
            call(
                    put(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            actionBody(seen, "Consult the bar association by June", "2027-05-31")),
                    DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isConflict())
                .andExpect(
                    content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    assertThat(conflict.get("code").asString()).isEqualTo("stale");
    assertThat(conflict.get("current").get("title").asString())
        .isEqualTo("Consult the bar association and the judges");
    assertThat(conflict.get("current").get("version").asLong())
        .isEqualTo(saved.get("version").asLong());
    assertThat(
            jdbc.sql("select title from implementation_action where id = ?::uuid")
                .param(action.get("id").asString())
                .query(String.class)
                .single())
        .isEqualTo("Consult the bar association and the judges");

    JsonNode noVersion =
        read(
            call(
                    put(path)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(actionBody(null, "Without a version", "2027-05-31")),
                    DemoLogins.COORDINATOR_SVN)
                .andExpect(status().isBadRequest()));
    assertThat(noVersion.get("field").asString()).isEqualTo("version");
    call(get(path), DemoLogins.FOCAL_POINT_SVN).andExpect(ok());
    call(get(path), DemoLogins.COORDINATOR_PRY).andExpect(status().isForbidden());
  }

  @Test
  void badDatesAreRefusedWithTheFieldAndNothingIsWritten() throws Exception {
    String subject = freeRecommendation();
    JsonNode badTarget =
        read(
            call(
                    post(BASE + "/assignments?lang=en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"subject": "%s", "lead": "%s", "targetDate": "31/12/2028",
                             "priority": "high"}
                            """
                                .formatted(subject, institution("Ministry of Justice"))),
                    DemoLogins.COORDINATOR_SVN)
                .andExpect(status().isBadRequest())
                .andExpect(
                    content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    assertThat(badTarget.get("field").asString()).isEqualTo("targetDate");
    assertThat(badTarget.get("detail").asString())
        .isEqualTo("“31/12/2028” is not a date: write it as 2027-06-30.");
    assertThat(assignmentsOf(subject)).isZero();

    String id = assign();
    long before = actionsOf(id);
    record Case(String start, String due, String field) {}
    for (Case c :
        List.of(
            new Case("2027-06-01", "2027-03-31", "dueDate"),
            new Case(null, "soon", "dueDate"),
            new Case("2027-13-01", "2027-12-31", "startDate"),
            new Case(null, null, "dueDate"))) {
      String body =
          """
          {"title": "Publish the statistics", "institution": "%s", "startDate": %s, "dueDate": %s}
          """
              .formatted(institution("Ministry of Justice"), quoted(c.start()), quoted(c.due()));
      JsonNode refused =
          read(
              call(
                      post(BASE + "/assignments/" + id + "/actions")
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(body),
                      DemoLogins.FOCAL_POINT_SVN)
                  .andExpect(status().isBadRequest()));
      assertThat(refused.get("field").asString()).as(c.toString()).isEqualTo(c.field());
      assertThat(refused.get("code").asString()).isEqualTo("invalid-input");
    }
    assertThat(actionsOf(id)).isEqualTo(before);

    String actionId =
        addAction(id, "Publish the statistics", DemoLogins.FOCAL_POINT_SVN).get("id").asString();
    JsonNode french =
        read(
            call(
                    post(BASE + "/assignments/" + id + "/updates?lang=fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            """
                            {"subject": "action:%s", "status": "sometime", "narrative": "Soon."}
                            """
                                .formatted(actionId)),
                    DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isBadRequest()));
    assertThat(french.get("field").asString()).isEqualTo("status");
    assertThat(
            jdbc.sql("select count(*) from progress_update where assignment_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  // --- helpers ---

  private ResultActions call(MockHttpServletRequestBuilder request, String who) throws Exception {
    return mvc.perform(request.header("Authorization", "Bearer " + token(who)));
  }

  private String token(String email) throws Exception {
    String known = TOKENS.get(email);
    if (known != null) {
      return known;
    }
    String body =
        mvc.perform(
                post("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"email\": \""
                            + email
                            + "\", \"password\": \""
                            + DemoLogins.PASSWORD
                            + "\", \"code\": \""
                            + logins.unusedCode(email)
                            + "\", \"scope\": \"read-write\", \"name\": \"workspace API test\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String token = json.readTree(body).get("token").asString();
    TOKENS.put(email, token);
    return token;
  }

  private JsonNode read(ResultActions result) throws Exception {
    return json.readTree(
        result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
  }

  private static ResultMatcher ok() {
    return status().isOk();
  }

  private static ResultMatcher code(String code) {
    return jsonPath("$.code").value(code);
  }

  private JsonNode step(UUID update, String step, String comment, String who, ResultMatcher expect)
      throws Exception {
    return stepAt(update, step, version(update), comment, who, expect);
  }

  private JsonNode stepAt(
      UUID update, String step, long version, String comment, String who, ResultMatcher expect)
      throws Exception {
    return read(
        call(
                post(BASE + "/updates/" + update + "/" + step)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"version\": " + version + ", \"comment\": " + quoted(comment) + "}"),
                who)
            .andExpect(expect));
  }

  private String assign() throws Exception {
    return read(call(
                post(BASE + "/assignments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                            {"subject": "%s", "lead": "%s", "priority": "medium"}
                            """
                            .formatted(freeRecommendation(), institution("Ministry of Justice"))),
                DemoLogins.COORDINATOR_SVN)
            .andExpect(status().isCreated()))
        .get("id")
        .asString();
  }

  private JsonNode addAction(String assignment, String title, String who) throws Exception {
    return read(
        call(
                post(BASE + "/assignments/" + assignment + "/actions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(actionBody(null, title, "2027-03-31")),
                who)
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location")));
  }

  private String actionBody(Long version, String title, String due) {
    return """
        {"version": %s, "title": "%s", "institution": "%s", "dueDate": "%s",
         "estimatedCost": 12000, "currency": "eur"}
        """
        .formatted(version, title, institution("Ministry of Justice"), due);
  }

  /** Attaches the bill to a returned update on its page (the API takes no files). */
  private UUID attach(UUID update, String action, String who) throws Exception {
    mvc.perform(
            multipart("/workspace/SVN/updates/" + update)
                .file(new MockMultipartFile("evidence", "bill.pdf", "application/pdf", PDF))
                .param("version", String.valueOf(version(update)))
                .param("subject", "action:" + action)
                .param("status", "fully-implemented")
                .param("narrative", "The bill went to parliament on 1 March; it is attached.")
                .param("then", "draft")
                .with(logins.as(who))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    return jdbc.sql("select file_id from progress_evidence where update_id = ?")
        .param(update)
        .query(UUID.class)
        .single();
  }

  private static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  private static JsonNode byId(JsonNode list, String id) {
    for (JsonNode a : list) {
      if (a.get("id").asString().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no assignment " + id);
  }

  private static JsonNode byRecommendation(JsonNode list, String code) {
    for (JsonNode a : list) {
      if (a.get("recommendations").size() == 1
          && a.get("recommendations").get(0).asString().equals(code)) {
        return a;
      }
    }
    throw new AssertionError("no assignment of " + code);
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

  private String demoCode(String paragraph) {
    return jdbc.sql(
            "select r.code from assignment a join recommendation r on r.id = a.recommendation_id"
                + " where r.paragraph = ? and r.upr_session = 34")
        .param(paragraph)
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

  private long assignmentsOf(String code) {
    return jdbc.sql(
            "select count(*) from assignment a join recommendation r on r.id = a.recommendation_id"
                + " where r.code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private long actionsOf(String assignment) {
    return jdbc.sql("select count(*) from implementation_action where assignment_id = ?::uuid")
        .param(assignment)
        .query(Long.class)
        .single();
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

  private String actionStatus(String action) {
    return jdbc.sql("select status from implementation_action where id = ?::uuid")
        .param(action)
        .query(String.class)
        .single();
  }
}
