package org.coopera.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The exchange of practices: the moderation workflow, the feedback rules, contacts never public,
 * search and filters, the digest sent once, and bad input refused with nothing written.
 */
@CooperaIntegrationTest
class ExchangeIT {

  static final String API = "/api/v1/practices";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired PracticeDigest digest;

  @Test
  void aPracticeIsSubmittedByTheCoordinatorAndPublishedByAnAdministrator() throws Exception {
    String title = "Workflow " + suffix();
    UUID id = draft("SVN", title, DemoLogins.FOCAL_POINT_SVN);
    // not public yet
    mvc.perform(get(API + "/" + id)).andExpect(status().isNotFound());
    call(get(API + "/" + id), DemoLogins.COORDINATOR_PRY).andExpect(status().isNotFound());
    // a focal point cannot submit; the coordinator can
    call(json(post(API + "/" + id + "/submit"), "{\"version\": 0}"), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    call(json(post(API + "/" + id + "/submit"), "{\"version\": 0}"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    // only administrators moderate; returning needs a comment
    for (String who : List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.AGENCY_OFFICER)) {
      call(json(post(API + "/" + id + "/approve"), "{\"version\": 1}"), who)
          .andExpect(status().isForbidden());
    }
    call(
            json(post(API + "/" + id + "/return"), "{\"version\": 1, \"comment\": \" \"}"),
            DemoLogins.ADMIN)
        .andExpect(status().isBadRequest());
    String returned =
        body(
            call(
                    json(
                        post(API + "/" + id + "/return"),
                        "{\"version\": 1, \"comment\": \"Add the results\"}"),
                    DemoLogins.ADMIN)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(returned, "$.status")).isEqualTo("RETURNED");
    assertThat(JsonPath.<String>read(returned, "$.returnComment")).isEqualTo("Add the results");
    assertThat(
            count(
                "select count(*) from notification n join account a on a.id = n.account_id"
                    + " where a.email = ? and n.message_key = 'exchange.notice.returned'",
                DemoLogins.FOCAL_POINT_SVN))
        .isPositive();
    // the State changes it and submits again; a stale approval is refused
    call(
            json(put(API + "/" + id), practiceJson("SVN", title).replace("}", ", \"version\": 2}")),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isOk());
    call(json(post(API + "/" + id + "/submit"), "{\"version\": 3}"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    String stale =
        body(
            call(json(post(API + "/" + id + "/approve"), "{\"version\": 3}"), DemoLogins.ADMIN)
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<String>read(stale, "$.code")).isEqualTo("stale");
    call(json(post(API + "/" + id + "/approve"), "{\"version\": 4}"), DemoLogins.ADMIN)
        .andExpect(status().isOk());
    String published = body(mvc.perform(get(API + "/" + id)).andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(published, "$.status")).isEqualTo("PUBLISHED");
    // a published practice no longer changes
    call(
            json(
                put(API + "/" + id), practiceJson("SVN", "Late").replace("}", ", \"version\": 5}")),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isConflict());
  }

  @Test
  void otherStatesGiveFeedbackAndTheAuthorStateAnswers() throws Exception {
    UUID id = published("SVN", "Feedback " + suffix());
    // the author State cannot comment on or adopt its own practice
    call(
            json(post(API + "/" + id + "/comments"), "{\"kind\": \"COMMENT\", \"text\": \"Ours\"}"),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isForbidden());
    call(post(API + "/" + id + "/adoption"), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    // another State asks, the author answers; only the author answers
    String question =
        body(
            call(
                    json(
                        post(API + "/" + id + "/comments"),
                        "{\"kind\": \"QUESTION\", \"text\": \"How long did it take?\"}"),
                    DemoLogins.FOCAL_POINT_PRY)
                .andExpect(status().isCreated()));
    String questionId = JsonPath.read(question, "$.id");
    call(
            json(
                post(API + "/" + id + "/comments"),
                "{\"kind\": \"ANSWER\", \"answers\": \"" + questionId + "\", \"text\": \"No\"}"),
            DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isForbidden());
    call(
            json(
                post(API + "/" + id + "/comments"),
                "{\"kind\": \"ANSWER\", \"answers\": \""
                    + questionId
                    + "\", \"text\": \"Two years\"}"),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isCreated());
    // adoption: once per State, withdrawable
    call(post(API + "/" + id + "/adoption"), DemoLogins.COORDINATOR_PRY).andExpect(status().isOk());
    String twice =
        body(
            call(post(API + "/" + id + "/adoption"), DemoLogins.FOCAL_POINT_PRY)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<List<String>>read(twice, "$.adoptedBy")).containsExactly("Paraguay");
    // donors, agencies and the public do not give feedback
    call(post(API + "/" + id + "/adoption"), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
    mvc.perform(post(API + "/" + id + "/adoption")).andExpect(status().is4xxClientError());
    Document page = Jsoup.parse(body(mvc.perform(get("/practices/" + id + "?lang=en"))));
    assertThat(page.select("#adoptions").text()).isEqualTo("Adopted by: Paraguay");
    assertThat(page.select("#comments").text())
        .contains(
            "Question from Paraguay: How long did it take?", "Answer from Slovenia: Two years");
    call(delete(API + "/" + id + "/adoption"), DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isOk());
    assertThat(count("select count(*) from practice_adoption where practice_id = ?", id)).isZero();
  }

  @Test
  void theContactIsNeverPublic() throws Exception {
    String contact = "contact." + suffix().toLowerCase() + "@gov.example";
    UUID id = published("SVN", "Contact " + suffix(), contact);
    for (String path :
        List.of(API + "/" + id, "/practices/" + id, "/practices", API, "/practices?q=Contact")) {
      assertThat(body(mvc.perform(get(path)).andExpect(status().isOk())))
          .as(path)
          .doesNotContain(contact);
    }
    for (String who : List.of(DemoLogins.DONOR, DemoLogins.CIVIL_SOCIETY, DemoLogins.TRAINER)) {
      assertThat(body(call(get(API + "/" + id), who))).as(who).doesNotContain(contact);
    }
    assertThat(body(call(get(API + "/" + id), DemoLogins.COORDINATOR_PRY))).contains(contact);
    assertThat(body(call(get("/practices/" + id), DemoLogins.AGENCY_OFFICER))).contains(contact);
  }

  @Test
  void searchAndFiltersFindPublishedPracticesOnly() throws Exception {
    String word = "zyx" + suffix().toLowerCase();
    UUID slovenia = published("SVN", "Search " + word);
    UUID paraguay = published("PRY", "Search " + word);
    UUID draft = draft("SVN", "Search " + word, DemoLogins.FOCAL_POINT_SVN);
    assertThat(ids("?q=" + word))
        .containsExactlyInAnyOrder(slovenia.toString(), paraguay.toString());
    assertThat(ids("?q=" + word + "&region=150")).containsExactly(slovenia.toString());
    assertThat(ids("?q=" + word + "&region=019")).containsExactly(paraguay.toString());
    assertThat(ids("?q=" + word + "&form=TRAINING")).hasSize(2);
    assertThat(ids("?q=" + word + "&form=FELLOWSHIP")).isEmpty();
    assertThat(ids("?q=" + word + "&theme=A22")).hasSize(2);
    assertThat(ids("?q=" + word)).doesNotContain(draft.toString());
    Document page = Jsoup.parse(body(mvc.perform(get("/practices?lang=en&q=" + word))));
    assertThat(page.select("#result-count").text()).isEqualTo("2 practices found");
  }

  @Test
  void theDigestSendsEachNewPracticeOnceToEachSubscriber() throws Exception {
    UUID account = account(DemoLogins.DONOR);
    call(post("/practices/subscription").param("subscribed", "true").with(csrf()), DemoLogins.DONOR)
        .andExpect(status().is3xxRedirection());
    UUID id = published("SVN", "Digest " + suffix());
    digest.send();
    assertThat(
            count(
                "select count(*) from practice_digest_sent where account_id = ? and practice_id = ?",
                account,
                id))
        .isEqualTo(1);
    long notifications = count("select count(*) from notification where account_id = ?", account);
    digest.send();
    assertThat(count("select count(*) from notification where account_id = ?", account))
        .isEqualTo(notifications);
    call(
            post("/practices/subscription").param("subscribed", "false").with(csrf()),
            DemoLogins.DONOR)
        .andExpect(status().is3xxRedirection());
    published("SVN", "After " + suffix());
    digest.send();
    assertThat(count("select count(*) from notification where account_id = ?", account))
        .isEqualTo(notifications);
  }

  @Test
  void badInputIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
    long before = count("select count(*) from practice");
    String empty =
        body(
            call(json(post(API + "?lang=en"), practiceJson("SVN", " ")), DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(empty, "$.field")).isEqualTo("title");
    call(
            json(post(API), practiceJson("SVN", "x").replace("\"TRAINING\"", "\"DANCING\"")),
            DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isBadRequest());
    // another State's practice cannot be drafted
    call(json(post(API), practiceJson("PRY", "Not mine")), DemoLogins.FOCAL_POINT_SVN)
        .andExpect(status().isForbidden());
    // an evidence file of a type not kept is refused on the page, what was typed kept
    Document page =
        Jsoup.parse(
            body(
                call(
                        multipart("/practices?lang=en&state=SVN")
                            .file(
                                new MockMultipartFile(
                                    "evidence",
                                    "run.exe",
                                    "application/octet-stream",
                                    new byte[] {'M', 'Z', 0, 1}))
                            .param("title", "Typed title")
                            .param("whatDone", "Typed what")
                            .with(csrf()),
                        DemoLogins.FOCAL_POINT_SVN)
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#form-error").text()).isNotBlank();
    assertThat(page.select("#title").val()).isEqualTo("Typed title");
    assertThat(page.select("#whatDone").text()).isEqualTo("Typed what");
    assertThat(count("select count(*) from practice")).isEqualTo(before);
  }

  @Test
  void theDemoPracticesAreThereOnceWithTheirFeedback() throws Exception {
    assertThat(
            count(
                "select count(*) from practice where title like '%(demo)' and status ="
                    + " 'PUBLISHED'"))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            count(
                "select count(*) from practice where state_iso3 = 'LAO' and status = 'SUBMITTED'"
                    + " and title like '%(demo)'"))
        .isEqualTo(1);
    Document page = Jsoup.parse(body(mvc.perform(get("/practices?lang=en&q=portal"))));
    assertThat(page.select("#practices").text()).contains("Paraguay", "adopted by 1 other State");
    Document moderation = Jsoup.parse(body(call(get("/practices/work?lang=en"), DemoLogins.ADMIN)));
    assertThat(moderation.select("#work").text()).contains("Lao");
  }

  // helpers

  @Test
  void aPracticeIsReadInTheReadersLanguageAndFoundThroughItsVersions() throws Exception {
    String mark = suffix();
    UUID id = published("SVN", "Versions " + mark);
    String page = "/practices/" + id;
    // no version yet: an Arabic reader sees the English original, marked as such
    Document arabic = Jsoup.parse(body(mvc.perform(get(page + "?lang=ar"))));
    assertThat(arabic.selectFirst("h1").text()).isEqualTo("Versions " + mark);
    assertThat(arabic.selectFirst("h1").attr("lang")).isEqualTo("en");
    assertThat(arabic.select("#text-language-note span")).hasSize(1);
    // the State's coordinator writes the Arabic version
    call(
            post(page + "/versions")
                .param("language", "ar")
                .param("title", "ممارسة " + mark)
                .param("whatDone", "أنشئت آلية وطنية ترجمان" + mark)
                .with(csrf()),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().is3xxRedirection());
    arabic = Jsoup.parse(body(mvc.perform(get(page + "?lang=ar"))));
    assertThat(arabic.selectFirst("h1").text()).isEqualTo("ممارسة " + mark);
    assertThat(arabic.selectFirst("h1").attr("lang")).isEqualTo("ar");
    assertThat(arabic.select("#read-original")).hasSize(1);
    // a field the version leaves out shows the original's
    assertThat(arabic.text()).contains("After the review");
    // the original on request, and for a Russian reader (no Russian version), marked
    Document original = Jsoup.parse(body(mvc.perform(get(page + "?lang=ar&text=en"))));
    assertThat(original.selectFirst("h1").text()).isEqualTo("Versions " + mark);
    assertThat(original.select("#read-version")).hasSize(1);
    Document russian = Jsoup.parse(body(mvc.perform(get(page + "?lang=ru"))));
    assertThat(russian.selectFirst("h1").text()).isEqualTo("Versions " + mark);
    assertThat(russian.select("#text-language-note span")).hasSize(1);
    // an English reader reads the original with no note
    Document english = Jsoup.parse(body(mvc.perform(get(page + "?lang=en"))));
    assertThat(english.select("#text-language-note").text()).isEmpty();
    assertThat(english.select("#version-list a").eachAttr("lang")).containsExactly("ar");
    // search finds the practice through its Arabic version; the catalogue titles it in Arabic
    assertThat(ids("?q=" + "ترجمان" + mark)).containsExactly(id.toString());
    Document catalogue = Jsoup.parse(body(mvc.perform(get("/practices?lang=ar&q=" + mark))));
    assertThat(catalogue.select("a[lang=ar]").eachText()).contains("ممارسة " + mark);
    // a stale version is refused, what was typed kept and nothing written
    Document stale =
        Jsoup.parse(
            body(
                call(
                        post(page + "/versions?lang=en")
                            .param("language", "ar")
                            .param("expectedVersion", "7")
                            .param("title", "Stale " + mark)
                            .param("whatDone", "Typed and kept " + mark)
                            .with(csrf()),
                        DemoLogins.COORDINATOR_SVN)
                    .andExpect(status().isConflict())));
    assertThat(stale.select("#version-refusal")).hasSize(1);
    assertThat(stale.selectFirst("#version-ar-whatDone").text())
        .isEqualTo("Typed and kept " + mark);
    // a version without its title, or in the original's language, is refused beside the field
    Document untitled =
        Jsoup.parse(
            body(
                call(
                        post(page + "/versions?lang=en")
                            .param("language", "fr")
                            .param("title", " ")
                            .param("whatDone", "Gardé " + mark)
                            .with(csrf()),
                        DemoLogins.COORDINATOR_SVN)
                    .andExpect(status().isBadRequest())));
    assertThat(untitled.selectFirst("#version-new-title").attr("aria-invalid")).isEqualTo("true");
    assertThat(untitled.selectFirst("#version-new-title").attr("aria-describedby"))
        .isEqualTo("version-new-title-error");
    assertThat(untitled.select("#version-new-title-error").text()).isNotEmpty();
    assertThat(untitled.selectFirst("#version-new-whatDone").text()).isEqualTo("Gardé " + mark);
    call(
            post(page + "/versions")
                .param("language", "en")
                .param("title", "Same language")
                .param("whatDone", "x")
                .with(csrf()),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isBadRequest());
    // only the State's officials and administrators write versions
    call(
            post(page + "/versions")
                .param("language", "es")
                .param("title", "No")
                .param("whatDone", "No")
                .with(csrf()),
            DemoLogins.COORDINATOR_PRY)
        .andExpect(status().isForbidden());
    assertThat(count("select count(*) from content_version where subject_id = ?", id)).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from content_version where subject_id = ? and fields->>'title' = ?",
                id,
                "ممارسة " + mark))
        .isEqualTo(1);
    // the version is removed from the version read
    call(
            post(page + "/versions/ar/remove").param("expectedVersion", "0").with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    assertThat(count("select count(*) from content_version where subject_id = ?", id)).isZero();
  }

  @Test
  void versionsAreWrittenAndReadThroughTheApi() throws Exception {
    String mark = suffix();
    UUID id = published("SVN", "Api versions " + mark);
    String versions = API + "/" + id + "/versions/";
    String written =
        body(
            call(
                    json(
                        put(versions + "zh"),
                        "{\"title\": \"实践 " + mark + "\", \"whatDone\": \"设立了国家机制\"}"),
                    DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(written, "$.originalLanguage")).isEqualTo("en");
    assertThat(JsonPath.<String>read(written, "$.versions.zh.fields.title"))
        .isEqualTo("实践 " + mark);
    // a stale change is refused with 409, a missing title with 400 naming the field
    String stale =
        body(
            call(
                    json(
                        put(versions + "zh"),
                        "{\"title\": \"x\", \"whatDone\": \"y\", \"expectedVersion\": 3}"),
                    DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<String>read(stale, "$.code")).isEqualTo("stale");
    String untitled =
        body(
            call(json(put(versions + "ru"), "{\"whatDone\": \"y\"}"), DemoLogins.FOCAL_POINT_SVN)
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(untitled, "$.field")).isEqualTo("title");
    // anyone reads the versions of a published practice; removing needs the version read
    String read = body(mvc.perform(get(API + "/" + id)).andExpect(status().isOk()));
    assertThat(JsonPath.<Integer>read(read, "$.versions.zh.version")).isZero();
    call(delete(versions + "zh").param("expectedVersion", "0"), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isOk());
    assertThat(count("select count(*) from content_version where subject_id = ?", id)).isZero();
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String practiceJson(String state, String title) {
    return practiceJson(state, title, "focal@gov.example");
  }

  static String practiceJson(String state, String title, String contact) {
    return """
        {"state": "%s", "title": "%s", "whatDone": "A national mechanism was set up",
         "context": "After the review", "forms": ["TRAINING", "EXPERT_ADVICE"],
         "results": "Reports on time", "challenges": "Staff turnover", "contact": "%s",
         "themes": ["A22"]}
        """
        .formatted(state, title, contact);
  }

  UUID draft(String state, String title, String who) throws Exception {
    return draft(state, title, who, "focal@gov.example");
  }

  UUID draft(String state, String title, String who, String contact) throws Exception {
    return UUID.fromString(
        JsonPath.read(
            body(
                call(json(post(API), practiceJson(state, title, contact)), who)
                    .andExpect(status().isCreated())),
            "$.id"));
  }

  UUID published(String state, String title) throws Exception {
    return published(state, title, "focal@gov.example");
  }

  UUID published(String state, String title, String contact) throws Exception {
    String coordinator = "coordinator." + state.toLowerCase() + "@demo.coopera.org";
    UUID id = draft(state, title, coordinator, contact);
    call(json(post(API + "/" + id + "/submit"), "{\"version\": 0}"), coordinator)
        .andExpect(status().isOk());
    call(json(post(API + "/" + id + "/approve"), "{\"version\": 1}"), DemoLogins.ADMIN)
        .andExpect(status().isOk());
    return id;
  }

  List<String> ids(String query) throws Exception {
    return JsonPath.read(
        body(mvc.perform(get(API + query)).andExpect(status().isOk())), "$.items[*].id");
  }

  UUID account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  ResultActions call(AbstractMockHttpServletRequestBuilder<?> request, String who)
      throws Exception {
    return mvc.perform(request.with(logins.as(who)));
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
