package org.coopera.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The roster, the training events and the figures: who sees a trainer's personal details, the
 * certification a completed train-the-trainers event gives, the learning gain and the reach figures
 * against numbers worked out by hand, bad input refused, and no personal data on any public page or
 * export.
 */
@CooperaIntegrationTest
class CapacityIT {

  static final String API = "/api/v1/capacity";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void aTrainersDetailsAreForThemselvesAdministratorsAndAgencyOfficersOnly() throws Exception {
    String name = "Awa Marker" + suffix();
    String email = "awa." + suffix().toLowerCase() + "@example.org";
    String body =
        body(
            call(
                    json(
                        post(API + "/trainers"),
                        trainer(name, email, "SEN", "[\"crpd\", \"cedaw\"]", "[\"fr\", \"en\"]")),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isCreated()));
    UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
    assertThat(JsonPath.<Boolean>read(body, "$.listed")).isFalse();
    long listed = listedCount();

    // not listed until consent: only with everyone=true
    assertThat(names("?treaty=crpd&language=fr&region=011", DemoLogins.AGENCY_OFFICER))
        .doesNotContain(name);
    assertThat(names("?treaty=crpd&everyone=true", DemoLogins.ADMIN)).contains(name);
    call(
            json(
                post(API + "/trainers/" + id + "/consent"), "{\"consents\": true, \"version\": 0}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isOk());
    assertThat(listedCount()).isEqualTo(listed + 1);

    // CRPD trainers who speak French in West Africa
    assertThat(names("?treaty=crpd&language=fr&region=011", DemoLogins.AGENCY_OFFICER))
        .contains(name);
    assertThat(names("?treaty=crpd&language=fr&region=150", DemoLogins.ADMIN)).doesNotContain(name);
    assertThat(names("?treaty=icmw&language=fr&region=011", DemoLogins.ADMIN)).doesNotContain(name);

    // everyone else: no list, no entry, and the page shows counts only
    for (String who :
        List.of(
            DemoLogins.COORDINATOR_SVN,
            DemoLogins.FOCAL_POINT_PRY,
            DemoLogins.DONOR,
            DemoLogins.FUND_MANAGER,
            DemoLogins.CIVIL_SOCIETY,
            DemoLogins.TRAINER)) {
      call(get(API + "/trainers"), who).andExpect(status().isForbidden());
      call(get(API + "/trainers/" + id), who).andExpect(status().isNotFound());
      call(get("/capacity/trainers/" + id), who).andExpect(status().isNotFound());
      String page = body(call(get("/capacity/trainers?lang=en"), who).andExpect(status().isOk()));
      assertThat(page).doesNotContain(name).doesNotContain(email);
    }
    mvc.perform(get(API + "/trainers")).andExpect(status().is4xxClientError());
    mvc.perform(get(API + "/trainers/" + id)).andExpect(status().is4xxClientError());
    mvc.perform(get("/capacity/trainers/" + id)).andExpect(status().is3xxRedirection());
    String anonymous =
        body(mvc.perform(get("/capacity/trainers?lang=en")).andExpect(status().isOk()));
    assertThat(anonymous).doesNotContain(name).contains("trainers listed");

    // the trainer themself: their own entry, not another's
    UUID own = trainerOfAccount(DemoLogins.TRAINER);
    Document mine =
        Jsoup.parse(body(call(get("/capacity/trainers/" + own + "?lang=en"), DemoLogins.TRAINER)));
    assertThat(mine.select("#fullName").val()).isNotBlank();
    call(get(API + "/trainers/" + own), DemoLogins.TRAINER).andExpect(status().isOk());

    // withdrawal takes them off every listing and keeps the entry
    call(
            json(
                post(API + "/trainers/" + id + "/consent"),
                "{\"consents\": false, \"version\": 1}"),
            DemoLogins.ADMIN)
        .andExpect(status().isOk());
    assertThat(names("?treaty=crpd", DemoLogins.ADMIN)).doesNotContain(name);
    assertThat(listedCount()).isEqualTo(listed);
    assertThat(count("select count(*) from trainer where id = ?", id)).isEqualTo(1);

    // a stale change is refused with the entry as it is
    String stale =
        body(
            call(
                    json(
                        put(API + "/trainers/" + id),
                        trainer("Other", email, "SEN", "[]", "[]")
                            .replace("}", ", \"version\": 0}")),
                    DemoLogins.ADMIN)
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<String>read(stale, "$.current.fullName")).isEqualTo(name);
  }

  @Test
  void completingATrainTheTrainersEventCertifiesThoseWhoAttendedAndPassed() throws Exception {
    UUID event =
        event(
            "Regional train-the-trainers " + suffix(),
            "TRAIN_THE_TRAINERS",
            "2030-05-02",
            "2030-05-06");
    String passed = "Passed " + suffix();
    String failed = "Failed " + suffix();
    String absent = "Absent " + suffix();
    participant(event, passed, "TGO", true, 55, 75);
    participant(event, failed, "BEN", true, 50, 69);
    participant(event, absent, "NER", false, null, 95);
    long version = count("select version from training_event where id = ?", event);
    String done =
        body(
            call(
                    json(
                        post(API + "/events/" + event + "/complete"),
                        "{\"version\": " + version + "}"),
                    DemoLogins.TRAINER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(done, "$.status")).isEqualTo("COMPLETED");
    assertThat(
            jdbc.sql(
                    "select t.full_name from trainer_certification c join trainer t on t.id ="
                        + " c.trainer_id where c.event_id = ?")
                .param(event)
                .query(String.class)
                .list())
        .containsExactly(passed);
    assertThat(
            count(
                "select count(*) from trainer where full_name = ? and consented_at is null"
                    + " and state_iso3 = 'TGO'",
                passed))
        .as("certified onto the roster, listed only once they consent")
        .isEqualTo(1);
    // completed: nothing changes any more
    call(
            json(
                post(API + "/events/" + event + "/complete"),
                "{\"version\": " + (version + 1) + "}"),
            DemoLogins.TRAINER)
        .andExpect(status().isConflict());
    call(
            json(
                post(API + "/events/" + event + "/participants"),
                participantJson("Late", "TGO", true, 1, 2)),
            DemoLogins.TRAINER)
        .andExpect(status().isConflict());
    // the page shows the certification to those who run events
    Document page =
        Jsoup.parse(
            body(call(get("/capacity/events/" + event + "?lang=en"), DemoLogins.AGENCY_OFFICER)));
    assertThat(page.select("#participants tr:contains(" + passed + ")").text())
        .contains("Certified");
    assertThat(page.select("#participants tr:contains(" + failed + ")").text())
        .doesNotContain("Certified");
  }

  @Test
  void theLearningGainAndTheReachFiguresAreThoseWorkedOutByHand() throws Exception {
    // event A (train-the-trainers, pass mark 70), in 2031:
    //   Senegal 40 -> 70, Senegal 50 -> 45, Mali 60 -> 90, Côte d'Ivoire (no score before) -> 80,
    //   Ghana did not attend.
    // assessed 3; mean before (40+50+60)/3 = 50.00; after (70+45+90)/3 = 68.33; gain 18.33;
    // improved 2 of 3 = 0.6667. Certified: 70, 90 and 80 reach 70: three.
    String s = suffix();
    UUID a = event("Fixture A " + s, "TRAIN_THE_TRAINERS", "2031-03-09", "2031-03-13");
    participant(a, "Fatou " + s, "SEN", true, 40, 70);
    participant(a, "Mamadou " + s, "SEN", true, 50, 45);
    participant(a, "Oumar " + s, "MLI", true, 60, 90);
    participant(a, "Aya " + s, "CIV", true, null, 80);
    participant(a, "Kofi " + s, "GHA", false, null, null);
    String gain = body(call(get(API + "/events/" + a), DemoLogins.ADMIN));
    assertThat(JsonPath.<Integer>read(gain, "$.gain.assessed")).isEqualTo(3);
    assertThat(JsonPath.<Double>read(gain, "$.gain.meanPre")).isEqualTo(50.00);
    assertThat(JsonPath.<Double>read(gain, "$.gain.meanPost")).isEqualTo(68.33);
    assertThat(JsonPath.<Double>read(gain, "$.gain.gain")).isEqualTo(18.33);
    assertThat(JsonPath.<Double>read(gain, "$.gain.shareImproved")).isEqualTo(0.6667);
    call(
            json(
                post(API + "/events/" + a + "/complete"),
                "{\"version\": "
                    + count("select version from training_event where id = ?", a)
                    + "}"),
            DemoLogins.ADMIN)
        .andExpect(status().isOk());
    // event B (national course), in June 2031: Fatou again (one person, counted once), Nigeria,
    // France.
    UUID b = event("Fixture B " + s, "NATIONAL_COURSE", "2031-06-01", "2031-06-02");
    participant(b, "Fatou " + s, "SEN", true, null, null);
    participant(b, "Chidi " + s, "NGA", true, null, null);
    participant(b, "Claire " + s, "FRA", true, null, null);

    // the year: 6 officials (Fatou, Mamadou, Oumar, Aya, Chidi, Claire) from 5 States, 3 certified
    String year = figures("?from=2031-01-01&to=2031-12-31");
    assertThat(JsonPath.<Integer>read(year, "$.officialsTrained")).isEqualTo(6);
    assertThat(JsonPath.<Integer>read(year, "$.statesReached")).isEqualTo(5);
    assertThat(JsonPath.<Integer>read(year, "$.trainersCertified")).isEqualTo(3);
    assertThat(JsonPath.<List<String>>read(year, "$.states[*].iso3"))
        .containsExactlyInAnyOrder("SEN", "MLI", "CIV", "NGA", "FRA");
    assertThat(JsonPath.<List<Integer>>read(year, "$.states[?(@.iso3 == 'SEN')].officialsTrained"))
        .containsExactly(2);
    // Western Africa only: France out
    String west = figures("?from=2031-01-01&to=2031-12-31&region=011");
    assertThat(JsonPath.<Integer>read(west, "$.officialsTrained")).isEqualTo(5);
    assertThat(JsonPath.<Integer>read(west, "$.statesReached")).isEqualTo(4);
    // the first quarter: event A only
    String quarter = figures("?from=2031-01-01&to=2031-03-31");
    assertThat(JsonPath.<Integer>read(quarter, "$.officialsTrained")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(quarter, "$.statesReached")).isEqualTo(3);
    assertThat(JsonPath.<Integer>read(quarter, "$.trainersCertified")).isEqualTo(3);
    // the sentence the report would quote, on the public page
    Document page =
        Jsoup.parse(
            body(mvc.perform(get("/capacity/figures?lang=en&from=2031-01-01&to=2031-12-31"))));
    assertThat(page.select("#sentence").text())
        .isEqualTo("6 State officials trained from 5 States; 3 trainers certified.");
    assertThat(page.text()).doesNotContain("Fatou " + s);
  }

  @Test
  void badInputIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
    long events = count("select count(*) from training_event");
    String base =
        """
        {"title": "Bad %s", "kind": "WORKSHOP", "treaty": "%s", "startsOn": "%s", "endsOn": "%s",
         "place": "Dakar"}
        """;
    record Bad(String json, String field, String says) {}
    for (Bad bad :
        List.of(
            new Bad(
                base.formatted(suffix(), "crpd", "2030-05-06", "2030-05-02"),
                "endsOn",
                "on or after"),
            new Bad(
                base.formatted(suffix(), "nowhere", "2030-05-02", "2030-05-06"),
                "treaty",
                "Unknown treaty nowhere"),
            new Bad(
                base.formatted(suffix(), "crpd", "2030-05-02", "2030-05-06")
                    .replace("\"Dakar\"", "null"),
                "place",
                "Give the place"))) {
      String problem =
          body(
              call(json(post(API + "/events?lang=en"), bad.json()), DemoLogins.TRAINER)
                  .andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.field")).isEqualTo(bad.field());
      assertThat(JsonPath.<String>read(problem, "$.detail")).contains(bad.says());
    }
    assertThat(count("select count(*) from training_event")).isEqualTo(events);
    UUID event = event("Scores " + suffix(), "WORKSHOP", "2030-01-01", "2030-01-01");
    String problem =
        body(
            call(
                    json(
                        post(API + "/events/" + event + "/participants"),
                        participantJson("Too high", "SEN", true, 10, 101)),
                    DemoLogins.TRAINER)
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(problem, "$.field")).isEqualTo("postScore");
    assertThat(count("select count(*) from event_participant where event_id = ?", event)).isZero();
    // on the page: the reason and what was typed
    Document page =
        Jsoup.parse(
            body(
                call(
                        post("/capacity/events/" + event + "/participants?lang=en")
                            .param("fullName", "Typed name")
                            .param("state", "SEN")
                            .param("preScore", "-3")
                            .with(csrf()),
                        DemoLogins.TRAINER)
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#form-error").text()).isEqualTo("A score is from 0 to 100.");
    assertThat(page.select("#p-name").val()).isEqualTo("Typed name");
    // those who do not run events cannot
    call(
            json(post(API + "/events"), base.formatted("x", "crpd", "2030-05-02", "2030-05-06")),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isForbidden());
  }

  @Test
  void noPublicPageOrExportShowsAPersonsName() throws Exception {
    String s = suffix();
    String name = "Private Person " + s;
    String email = "private." + s.toLowerCase() + "@example.org";
    UUID event = event("Public event " + s, "TRAIN_THE_TRAINERS", "2030-09-01", "2030-09-03");
    call(
            json(
                post(API + "/events/" + event + "/participants"),
                participantJson(name, "KEN", true, 50, 90)
                    .replace("}", ", \"email\": \"" + email + "\"}")),
            DemoLogins.TRAINER)
        .andExpect(status().isCreated());
    call(
            json(
                post(API + "/events/" + event + "/complete"),
                "{\"version\": "
                    + count("select version from training_event where id = ?", event)
                    + "}"),
            DemoLogins.TRAINER)
        .andExpect(status().isOk());
    UUID trainer =
        jdbc.sql("select trainer_id from event_participant where event_id = ?")
            .param(event)
            .query(UUID.class)
            .single();
    call(
            json(
                post(API + "/trainers/" + trainer + "/consent"),
                "{\"consents\": true, \"version\": 0}"),
            DemoLogins.ADMIN)
        .andExpect(status().isOk());
    for (String path :
        List.of(
            "/capacity",
            "/capacity/trainers",
            "/capacity/events",
            "/capacity/events/" + event,
            "/capacity/figures",
            "/capacity/figures?from=2030-01-01&to=2030-12-31",
            API + "/trainers/aggregates",
            API + "/events",
            API + "/events/" + event,
            API + "/figures",
            API + "/figures.csv")) {
      String text = body(mvc.perform(get(path)).andExpect(status().isOk()));
      assertThat(text)
          .as(path)
          .doesNotContain(name)
          .doesNotContain(email)
          .doesNotContain("Private Person");
    }
    assertThat(body(mvc.perform(get(API + "/figures.csv?from=2030-09-01&to=2030-09-30"))))
        .contains("KEN");
  }

  @Test
  void thePagesTakeAnOfficerThroughTheRosterAndAnEvent() throws Exception {
    String s = suffix();
    Document roster =
        Jsoup.parse(
            body(
                call(get("/capacity/trainers?lang=en&treaty=crpd&region=011"), DemoLogins.ADMIN)
                    .andExpect(status().isOk())));
    assertThat(roster.select("#f-treaty option[selected]").val()).isEqualTo("crpd");
    Document refused =
        Jsoup.parse(
            body(
                call(
                        post("/capacity/trainers?lang=en")
                            .param("fullName", "Typed " + s)
                            .param("email", "not an address")
                            .param("state", "SEN")
                            .param("languages", "fr")
                            .with(csrf()),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isBadRequest())));
    assertThat(refused.select("#form-error").text()).isEqualTo("The e-mail address is not valid.");
    assertThat(refused.select("#fullName").val()).isEqualTo("Typed " + s);
    assertThat(refused.select("#lang-fr").hasAttr("checked")).isTrue();
    String location =
        call(
                post("/capacity/trainers")
                    .param("fullName", "Page " + s)
                    .param("state", "SEN")
                    .param("treaties", "crpd")
                    .with(csrf()),
                DemoLogins.AGENCY_OFFICER)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Document entry = Jsoup.parse(body(call(get(location + "?lang=en"), DemoLogins.AGENCY_OFFICER)));
    assertThat(entry.select("#listing").text()).startsWith("Not listed");
    call(
            post(location + "/consent")
                .param("version", "0")
                .param("consents", "true")
                .with(csrf()),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    assertThat(
            Jsoup.parse(body(call(get(location + "?lang=en"), DemoLogins.AGENCY_OFFICER)))
                .select("#listing")
                .text())
        .startsWith("Listed on the roster since");
    Document stale =
        Jsoup.parse(
            body(
                call(
                        post(location + "?lang=en")
                            .param("version", "0")
                            .param("fullName", "Late " + s)
                            .param("state", "SEN")
                            .with(csrf()),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isConflict())));
    assertThat(stale.select("#stale").text()).contains("Late " + s);

    // an event through the pages
    Document events = Jsoup.parse(body(call(get("/capacity/events?lang=en"), DemoLogins.TRAINER)));
    assertThat(events.select("#new-heading")).hasSize(1);
    Document badEvent =
        Jsoup.parse(
            body(
                call(
                        post("/capacity/events?lang=en")
                            .param("title", "Page event " + s)
                            .param("kind", "WORKSHOP")
                            .param("startsOn", "2030-02-10")
                            .param("endsOn", "2030-02-01")
                            .param("place", "Nairobi")
                            .with(csrf()),
                        DemoLogins.TRAINER)
                    .andExpect(status().isBadRequest())));
    assertThat(badEvent.select("#form-error").text())
        .isEqualTo("The last day must be on or after the first day.");
    assertThat(badEvent.select("#title").val()).isEqualTo("Page event " + s);
    String eventPage =
        call(
                post("/capacity/events")
                    .param("title", "Page event " + s)
                    .param("kind", "TRAIN_THE_TRAINERS")
                    .param("startsOn", "2030-02-01")
                    .param("endsOn", "2030-02-03")
                    .param("online", "true")
                    .param("passMark", "60")
                    .with(csrf()),
                DemoLogins.TRAINER)
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    call(
            post(eventPage + "/participants")
                .param("fullName", "Page participant " + s)
                .param("state", "KEN")
                .param("attended", "true")
                .param("preScore", "40")
                .param("postScore", "65")
                .with(csrf()),
            DemoLogins.TRAINER)
        .andExpect(status().is3xxRedirection());
    Document open = Jsoup.parse(body(call(get(eventPage + "?lang=en"), DemoLogins.TRAINER)));
    assertThat(open.select("#gain").text()).contains("a gain of 25.0 points");
    call(
            post(eventPage + "/complete")
                .param("version", open.select("input[name=version]").last().val())
                .with(csrf()),
            DemoLogins.TRAINER)
        .andExpect(status().is3xxRedirection());
    Document done = Jsoup.parse(body(call(get(eventPage + "?lang=en"), DemoLogins.TRAINER)));
    assertThat(done.select("#participants").text()).contains("Certified");
    assertThat(done.select("#add-participant")).isEmpty();
  }

  // helpers

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String trainer(
      String name, String email, String state, String treaties, String languages) {
    return """
        {"fullName": "%s", "email": "%s", "state": "%s", "institution": "Ministry of Justice",
         "treaties": %s, "languages": %s, "availability": "AVAILABLE"}
        """
        .formatted(name, email, state, treaties, languages);
  }

  UUID event(String title, String kind, String starts, String ends) throws Exception {
    String json =
        """
        {"title": "%s", "kind": "%s", "treaty": "crpd", "startsOn": "%s", "endsOn": "%s",
         "place": "Dakar", "organisers": "OHCHR", "passMark": 70}
        """
            .formatted(title, kind, starts, ends);
    return UUID.fromString(
        JsonPath.read(
            body(
                call(json(post(API + "/events"), json), DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isCreated())),
            "$.id"));
  }

  static String participantJson(
      String name, String state, boolean attended, Integer pre, Integer post) {
    return """
        {"fullName": "%s", "state": "%s", "institution": "Ministry", "role": "Official",
         "attended": %s, "preScore": %s, "postScore": %s}
        """
        .formatted(name, state, attended, pre, post);
  }

  void participant(
      UUID event, String name, String state, boolean attended, Integer pre, Integer post)
      throws Exception {
    call(
            json(
                post(API + "/events/" + event + "/participants"),
                participantJson(name, state, attended, pre, post)),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isCreated());
  }

  String figures(String query) throws Exception {
    return body(mvc.perform(get(API + "/figures" + query)).andExpect(status().isOk()));
  }

  List<String> names(String query, String who) throws Exception {
    return JsonPath.read(
        body(call(get(API + "/trainers" + query), who).andExpect(status().isOk())),
        "$[*].fullName");
  }

  long listedCount() throws Exception {
    return ((Number)
            JsonPath.read(body(mvc.perform(get(API + "/trainers/aggregates"))), "$.listed"))
        .longValue();
  }

  UUID trainerOfAccount(String email) {
    return jdbc.sql(
            "select t.id from trainer t join account a on a.id = t.account_id where a.email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  ResultActions call(MockHttpServletRequestBuilder request, String who) throws Exception {
    return mvc.perform(request.with(logins.as(who)));
  }

  static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
