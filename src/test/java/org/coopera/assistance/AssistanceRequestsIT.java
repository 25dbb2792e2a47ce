package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Assistance requests over HTTP as each role: only the State's officials draft, only its
 * coordinator submits and withdraws consent (which suspends the request's projects and tells the
 * other modules), providers neither create nor change a State's request nor see its confidential
 * ones or the suggestions, stale edits are refused with both versions, offers are ranked with their
 * reasons, and the public sees no draft and no confidential request.
 */
@CooperaIntegrationTest
@RecordApplicationEvents
class AssistanceRequestsIT {

  static final String API = "/api/v1/assistance";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired RecommendationLookup recommendationLookup;

  @Test
  void onlyTheCoordinatorSubmitsAndWithdrawsAndAfterwardsNothingNewIsAccepted() throws Exception {
    UUID id =
        draft(DemoLogins.FOCAL_POINT_SVN, "SVN", "Police training " + UUID.randomUUID(), false);
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isForbidden());
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"));
    assertThat(notices(DemoLogins.AGENCY_OFFICER, "assistance.notice.addressed", id)).isOne();

    // the addressed provider accepts; the State is told
    call(
            json(post(API + "/requests/" + id + "/answer"), "{\"answer\":\"ACCEPTED\"}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.providers[0].answer").value("ACCEPTED"));
    assertThat(notices(DemoLogins.FOCAL_POINT_SVN, "assistance.notice.accepted", id)).isOne();

    UUID planned = project(id, "PLANNED");
    UUID active = project(id, "ACTIVE");
    UUID completed = project(id, "COMPLETED");

    String reason = "{\"reason\":\"The government changed its plans\"}";
    call(json(post(API + "/requests/" + id + "/withdraw"), reason), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    call(json(post(API + "/requests/" + id + "/withdraw"), reason), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
    call(json(post(API + "/requests/" + id + "/withdraw"), "{}"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isBadRequest());
    assertThat(projectStatus(planned)).isEqualTo("PLANNED");

    call(json(post(API + "/requests/" + id + "/withdraw"), reason), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("WITHDRAWN"))
        .andExpect(jsonPath("$.withdrawalReason").value("The government changed its plans"));
    assertThat(projectStatus(planned)).isEqualTo("SUSPENDED");
    assertThat(projectStatus(active)).isEqualTo("SUSPENDED");
    assertThat(projectStatus(completed)).as("history is kept").isEqualTo("COMPLETED");
    assertThat(
            jdbc.sql("select suspended_reason from project where id = ?")
                .param(planned)
                .query(String.class)
                .single())
        .isEqualTo("The government changed its plans");
    assertThat(events.stream(ConsentWithdrawn.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.requestId()).isEqualTo(id);
              assertThat(e.stateIso3()).isEqualTo("SVN");
              assertThat(e.suspendedProjects()).containsExactlyInAnyOrder(planned, active);
            });

    // after withdrawal nothing new is accepted
    call(
            json(put(API + "/requests/" + id), body(2L, "SVN", "Changed", false)),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("request-closed"));
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict());
    call(json(post(API + "/requests/" + id + "/withdraw"), reason), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict());
    call(
            json(post(API + "/requests/" + id + "/answer"), "{\"answer\":\"DECLINED\"}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isConflict());
    call(
            json(post(API + "/requests/" + id + "/providers"), "{\"provider\":\"org:UNDP\"}"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict());
  }

  @Test
  void noProviderCreatesARequestForAStateOrAddsAnythingToIt() throws Exception {
    String body = body(null, "SVN", "Pushed by a provider", false);
    for (String who :
        List.of(
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.COORDINATOR_PRY,
            DemoLogins.DONOR,
            DemoLogins.CIVIL_SOCIETY,
            DemoLogins.FUND_MANAGER)) {
      call(json(post(API + "/requests"), body), who).andExpect(status().isForbidden());
    }
    assertThat(
            jdbc.sql("select count(*) from assistance_request where title = 'Pushed by a provider'")
                .query(Long.class)
                .single())
        .isZero();
    UUID id = draft(DemoLogins.COORDINATOR_SVN, "SVN", "Detention " + UUID.randomUUID(), false);
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    // the addressed provider itself can neither change the request nor address others
    call(
            json(put(API + "/requests/" + id), body(1L, "SVN", "Rewritten", false)),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
    call(
            json(post(API + "/requests/" + id + "/providers"), "{\"provider\":\"org:UNDP\"}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
    call(get(API + "/requests/" + id), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.startsWith("Detention")))
        .andExpect(jsonPath("$.providers.length()").value(1));
  }

  @Test
  void aConfidentialRequestAndTheSuggestionsAreTheStatesOwn() throws Exception {
    UUID id = draft(DemoLogins.COORDINATOR_SVN, "SVN", "Confidential " + UUID.randomUUID(), true);
    // addressed to UNDP only, then submitted
    call(
            json(post(API + "/requests/" + id + "/providers"), "{\"provider\":\"org:UNDP\"}"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    jdbc.sql(
            "delete from assistance_request_provider where request_id = ? and organisation_code"
                + " = 'OHCHR'")
        .param(id)
        .update();
    call(post(API + "/requests/" + id + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    for (String who :
        List.of(
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.COORDINATOR_PRY,
            DemoLogins.FOCAL_POINT_PRY,
            DemoLogins.DONOR,
            DemoLogins.CIVIL_SOCIETY,
            DemoLogins.TRAINER,
            DemoLogins.FUND_MANAGER)) {
      call(get(API + "/requests/" + id), who).andExpect(status().isForbidden());
      call(get(API + "/requests/" + id + "/suggestions"), who).andExpect(status().isForbidden());
      mvc.perform(get("/assistance/requests/" + id).with(logins.as(who)))
          .andExpect(status().isForbidden());
    }
    call(get(API + "/requests/" + id), "officer.undp@demo.coopera.org").andExpect(status().isOk());
    call(get(API + "/requests/" + id + "/suggestions"), "officer.undp@demo.coopera.org")
        .andExpect(status().isForbidden());
    for (String who : List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.FOCAL_POINT_SVN)) {
      call(get(API + "/requests/" + id), who).andExpect(status().isOk());
      call(get(API + "/requests/" + id + "/suggestions"), who).andExpect(status().isOk());
      mvc.perform(get("/assistance/requests/" + id).with(logins.as(who)))
          .andExpect(status().isOk());
    }
    // a provider's inbox lists only what is addressed to it
    String inbox =
        call(get(API + "/requests"), DemoLogins.AGENCY_OFFICER)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(inbox).doesNotContain(id.toString());
    call(get(API + "/requests/" + UUID.randomUUID()), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isNotFound());
  }

  @Test
  void aStaleEditIsRefusedWithBothVersions() throws Exception {
    UUID id = draft(DemoLogins.FOCAL_POINT_SVN, "SVN", "Media " + UUID.randomUUID(), false);
    call(
            json(put(API + "/requests/" + id), body(0L, "SVN", "Media, first edit", false)),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(1));
    call(
            json(put(API + "/requests/" + id), body(0L, "SVN", "Media, stale edit", false)),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("stale"))
        .andExpect(jsonPath("$.current.title").value("Media, first edit"))
        .andExpect(jsonPath("$.current.version").value(1));
    // the form shows the saved version and what was typed
    String page =
        mvc.perform(
                post("/assistance/requests/" + id + "?lang=en")
                    .param("version", "0")
                    .param("title", "Typed on the page")
                    .with(logins.as(DemoLogins.COORDINATOR_SVN))
                    .with(csrf()))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Typed on the page").contains("Media, first edit");
  }

  @Test
  void suggestionsAreRankedWithTheirReasons() throws Exception {
    UUID recommendation =
        jdbc.sql(
                "select id from recommendation where state_iso3 = 'SVN' and upr_session = 34"
                    + " and paragraph = '122.142' order by code limit 1")
            .query(UUID.class)
            .single();
    List<String> themes =
        recommendationLookup.recommendations(List.of(recommendation)).get(recommendation).themes();
    String code =
        jdbc.sql("select code from recommendation where id = ?")
            .param(recommendation)
            .query(String.class)
            .single();
    String marker = UUID.randomUUID().toString();
    String request =
        """
        {"state":"SVN","title":"Matching %s","areas":["POLICE","DETENTION"],"forms":["TRAINING"],
         "languages":["fr"],"recommendations":["%s"],"priorities":["Train the police"]}
        """
            .formatted(marker, code);
    UUID id = created(call(json(post(API + "/requests"), request), DemoLogins.FOCAL_POINT_SVN));
    String theme = themes.isEmpty() ? null : themes.get(0);
    String best =
        """
        {"title":"Best %s","areas":["POLICE","DETENTION","MEDIA"],"forms":["TRAINING"],
         "languages":["fr","en"],"regions":["150"],"themes":[%s],"budgetAmount":1000.50,
         "budgetCurrency":"EUR"}
        """
            .formatted(marker, theme == null ? "" : "\"" + theme + "\"");
    UUID bestOffer = created(call(json(post(API + "/offers"), best), DemoLogins.AGENCY_OFFICER));
    String weak =
        """
        {"title":"Weak %s","areas":["POLICE"],"forms":["FELLOWSHIP"],"languages":["en"]}
        """
            .formatted(marker);
    UUID weakOffer = created(call(json(post(API + "/offers"), weak), DemoLogins.COORDINATOR_PRY));
    call(json(post(API + "/offers"), weak), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    call(
            json(
                post(API + "/offers"),
                weak.replace("EUR", "")
                    .replace("\"languages\"", "\"budgetAmount\":-1,\"languages\"")),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isBadRequest());

    String json =
        call(get(API + "/requests/" + id + "/suggestions?lang=en"), DemoLogins.FOCAL_POINT_SVN)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> offers = JsonPath.read(json, "$[*].offer");
    assertThat(offers).containsSubsequence(bestOffer.toString(), weakOffer.toString());
    int bestAt = offers.indexOf(bestOffer.toString());
    int weakAt = offers.indexOf(weakOffer.toString());
    List<String> bestReasons = new ArrayList<>();
    bestReasons.addAll(List.of("area: police", "area: places of detention", "form: training"));
    bestReasons.add("language: French");
    bestReasons.add("region: Europe");
    int bestScore = 3 + 3 + 2 + 1 + 2;
    if (theme != null) {
      bestReasons.add("theme: " + theme);
      bestScore += 1;
    }
    assertThat((Integer) JsonPath.read(json, "$[" + bestAt + "].score")).isEqualTo(bestScore);
    assertThat(reasons(json, bestAt)).containsExactlyElementsOf(bestReasons);
    assertThat((Integer) JsonPath.read(json, "$[" + weakAt + "].score")).isEqualTo(3);
    assertThat(reasons(json, weakAt)).containsExactly("area: police");
    assertThat((Boolean) JsonPath.read(json, "$[" + weakAt + "].addressed")).isFalse();

    // the State chooses to address the suggested State provider
    call(
            json(post(API + "/requests/" + id + "/providers"), "{\"provider\":\"state:PRY\"}"),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.providers[?(@.provider == 'state:PRY')]").exists());
    call(get(API + "/requests/" + id + "/suggestions"), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(jsonPath("$[?(@.offer == '" + weakOffer + "')].addressed").value(true));
    // the page shows them too
    String page =
        mvc.perform(
                get("/assistance/requests/" + id + "?lang=en")
                    .with(logins.as(DemoLogins.FOCAL_POINT_SVN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Best " + marker).contains("area: police; area: places of detention");
  }

  @Test
  void thePublicSeesNoDraftAndNoConfidentialRequest() throws Exception {
    String marker = UUID.randomUUID().toString();
    UUID open = draft(DemoLogins.COORDINATOR_SVN, "SVN", "Open " + marker, false);
    call(post(API + "/requests/" + open + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    UUID secret = draft(DemoLogins.COORDINATOR_SVN, "SVN", "Secret " + marker, true);
    call(post(API + "/requests/" + secret + "/submit"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    draft(DemoLogins.FOCAL_POINT_PRY, "PRY", "Drafted " + marker, false);

    String page =
        mvc.perform(get("/assistance/requests?lang=en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Open " + marker)
        .contains("Roma inclusion: housing, education and employment (demo)")
        .doesNotContain("Secret " + marker)
        .doesNotContain("Drafted " + marker)
        .doesNotContain("A public portal to follow up the recommendations (demo)")
        .contains("Europe")
        .contains("police");
  }

  @Test
  void theDemoRequestIsSubmittedAndAcceptedAndThePagesRender() throws Exception {
    UUID demo =
        jdbc.sql("select id from assistance_request where title = ?")
            .param("Roma inclusion: housing, education and employment (demo)")
            .query(UUID.class)
            .single();
    call(get(API + "/requests/" + demo), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUBMITTED"))
        .andExpect(jsonPath("$.recommendations.length()").value(2))
        .andExpect(jsonPath("$.providers[0].provider").value("org:OHCHR"))
        .andExpect(jsonPath("$.providers[0].answer").value("ACCEPTED"));
    call(get(API + "/offers"), DemoLogins.DONOR)
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                    "$[?(@.title == 'Advice and training on non-discrimination and minority rights (demo)')]")
                .exists());
    for (String page :
        List.of(
            "/assistance",
            "/assistance/states/SVN/requests",
            "/assistance/states/SVN/requests/new",
            "/assistance/requests/" + demo,
            "/assistance/requests/" + demo + "/edit",
            "/assistance/offers")) {
      for (String lang : List.of("en", "fr")) {
        mvc.perform(get(page + "?lang=" + lang).with(logins.as(DemoLogins.COORDINATOR_SVN)))
            .andExpect(status().isOk());
      }
    }
    mvc.perform(get("/assistance/inbox").with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isOk());
    mvc.perform(get("/assistance/states/SVN/requests").with(logins.as(DemoLogins.AGENCY_OFFICER)))
        .andExpect(status().isForbidden());
    // a focal point drafts on the page
    mvc.perform(
            post("/assistance/states/PRY/requests")
                .param("title", "Drafted on the page")
                .param("areas", "ELECTIONS")
                .param("organisations", "OHCHR")
                .with(logins.as(DemoLogins.FOCAL_POINT_PRY))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private static List<String> reasons(String json, int at) {
    List<String> reasons = JsonPath.read(json, "$[" + at + "].reasons");
    return reasons;
  }

  private UUID draft(String who, String state, String title, boolean confidential)
      throws Exception {
    return created(
        call(json(post(API + "/requests"), body(null, state, title, confidential)), who));
  }

  private static String body(Long version, String state, String title, boolean confidential) {
    return """
        {%s"state":"%s","title":"%s","summary":"Why","areas":["POLICE"],"forms":["TRAINING"],
         "languages":["en"],"priorities":["First","Second"],"providers":["org:OHCHR"],
         "confidential":%s}
        """
        .formatted(
            version == null ? "" : "\"version\":" + version + ",", state, title, confidential);
  }

  private UUID created(ResultActions result) throws Exception {
    String json =
        result
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return UUID.fromString(JsonPath.read(json, "$.id"));
  }

  private ResultActions call(MockHttpServletRequestBuilder request, String who) throws Exception {
    return mvc.perform(request.with(logins.as(who)));
  }

  private static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private UUID project(UUID request, String status) {
    UUID id = UUID.randomUUID();
    new ProjectFixture(jdbc).waive(request);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, status,
                start_date, end_date, budget_amount, budget_currency, created_by, created_at, updated_at)
            select ?, ?, 'SVN', ?, 'Test project', ?, ?, ?, 1000, 'USD', id, ?, ? from account
            where email = ?
            """)
        .params(
            id,
            request,
            "XM-TEST-" + id,
            status,
            Date.valueOf(LocalDate.of(2027, 1, 1)),
            Date.valueOf(LocalDate.of(2027, 12, 31)),
            now,
            now,
            DemoLogins.ADMIN)
        .update();
    return id;
  }

  private String projectStatus(UUID id) {
    return jdbc.sql("select status from project where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private long notices(String email, String key, UUID request) {
    return jdbc.sql(
            "select count(*) from notification n join account a on a.id = n.account_id"
                + " where a.email = ? and n.message_key = ? and n.link = ?")
        .params(email, key, "/assistance/requests/" + request)
        .query(Long.class)
        .single();
  }
}
