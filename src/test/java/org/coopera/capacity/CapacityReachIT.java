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
 * The figures per region and per year and the people behind them, worked out by hand; a period or
 * region that does not exist refused; and a trainer keeping their own roster entry without seeing
 * anyone else's.
 */
@CooperaIntegrationTest
class CapacityReachIT {

  static final String API = "/api/v1/capacity";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void theFiguresPerRegionAndYearAndThePeopleBehindThemAreThoseWorkedOutByHand() throws Exception {
    // event X (train-the-trainers, pass mark 70), ends 20 November 2034:
    //   Ana (Senegal) 50 -> 80, Ben (Ghana) 60 -> 65, Cai (Thailand) no score before -> 75,
    //   Dia (Senegal) did not attend. Certified: Ana and Cai.
    // event Y (workshop), ends 10 February 2035: Ana again, Eva (France).
    // 2034-2035: 4 officials (Ana, Ben, Cai, Eva) from 4 States, 2 certified;
    //   Africa 2 officials, 2 States, 1 certified; Asia 1, 1, 1; Europe 1, 1, 0;
    //   2034: 3 officials, 3 States, 2 certified; 2035: 2 officials (Ana, Eva), 2 States, 0.
    String s = suffix();
    UUID x = event("Reach X " + s, "TRAIN_THE_TRAINERS", "2034-11-18", "2034-11-20");
    participant(x, "Ana " + s, "SEN", true, 50, 80);
    participant(x, "Ben " + s, "GHA", true, 60, 65);
    participant(x, "Cai " + s, "THA", true, null, 75);
    participant(x, "Dia " + s, "SEN", false, null, null);
    call(
            json(
                post(API + "/events/" + x + "/complete"),
                "{\"version\": "
                    + count("select version from training_event where id = ?", x)
                    + "}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isOk());
    UUID y = event("Reach Y " + s, "WORKSHOP", "2035-02-09", "2035-02-10");
    participant(y, "Ana " + s, "SEN", true, null, null);
    participant(y, "Eva " + s, "FRA", true, null, null);

    String period = "?from=2034-01-01&to=2035-12-31";
    String all = body(mvc.perform(get(API + "/figures" + period)).andExpect(status().isOk()));
    assertThat(JsonPath.<Integer>read(all, "$.officialsTrained")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(all, "$.statesReached")).isEqualTo(4);
    assertThat(JsonPath.<Integer>read(all, "$.trainersCertified")).isEqualTo(2);
    assertThat(JsonPath.<List<String>>read(all, "$.byRegion[*].key"))
        .containsExactly("002", "142", "150");
    assertThat(row(all, "byRegion", "002")).containsExactly(2, 2, 1);
    assertThat(row(all, "byRegion", "142")).containsExactly(1, 1, 1);
    assertThat(row(all, "byRegion", "150")).containsExactly(1, 1, 0);
    assertThat(JsonPath.<List<String>>read(all, "$.byYear[*].key")).containsExactly("2034", "2035");
    assertThat(row(all, "byYear", "2034")).containsExactly(3, 3, 2);
    assertThat(row(all, "byYear", "2035")).containsExactly(2, 2, 0);

    // the people behind the figures: each once, for those who see participants
    String people =
        body(
            call(get(API + "/figures/officials" + period), DemoLogins.ADMIN)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<List<String>>read(people, "$[*].fullName"))
        .containsExactlyInAnyOrder("Ana " + s, "Ben " + s, "Cai " + s, "Eva " + s);
    assertThat(
            JsonPath.<List<Boolean>>read(people, "$[?(@.fullName == 'Ana " + s + "')].certified"))
        .containsExactly(true);
    assertThat(
            JsonPath.<List<Boolean>>read(people, "$[?(@.fullName == 'Ben " + s + "')].certified"))
        .containsExactly(false);
    assertThat(JsonPath.<List<String>>read(people, "$[?(@.fullName == 'Ana " + s + "')].events"))
        .containsExactly("Reach X " + s + "; Reach Y " + s);
    call(get(API + "/figures/officials" + period), DemoLogins.TRAINER).andExpect(status().isOk());
    for (String who :
        List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.DONOR, DemoLogins.CIVIL_SOCIETY)) {
      call(get(API + "/figures/officials" + period), who).andExpect(status().isForbidden());
      Document page = Jsoup.parse(body(call(get("/capacity/figures" + period + "&lang=en"), who)));
      assertThat(page.select("#officials")).isEmpty();
      assertThat(page.text()).doesNotContain("Ana " + s);
    }
    mvc.perform(get(API + "/figures/officials" + period)).andExpect(status().is4xxClientError());

    // the page: the tables per region and year for everyone, the names for an officer only
    Document anonymous =
        Jsoup.parse(body(mvc.perform(get("/capacity/figures" + period + "&lang=en"))));
    assertThat(anonymous.select("#by-year tbody tr").eachText())
        .containsExactly("2034 3 3 2", "2035 2 2 0");
    assertThat(anonymous.select("#officials")).isEmpty();
    assertThat(anonymous.text()).doesNotContain("Ana " + s).doesNotContain("Ben " + s);
    Document officer =
        Jsoup.parse(
            body(call(get("/capacity/figures" + period + "&lang=en"), DemoLogins.AGENCY_OFFICER)));
    assertThat(officer.select("#officials tbody tr")).hasSize(4);
    assertThat(officer.select("#officials tbody tr:contains(Ana " + s + ")").text())
        .contains("Senegal")
        .contains("Yes");

    // the roster search carries each entry's certifications
    String certified =
        body(
            call(get(API + "/trainers?state=SEN&everyone=true"), DemoLogins.ADMIN)
                .andExpect(status().isOk()));
    assertThat(
            JsonPath.<List<String>>read(
                certified, "$[?(@.fullName == 'Ana " + s + "')].certifications[*].eventTitle"))
        .containsExactly("Reach X " + s);
  }

  @Test
  void aPeriodRegionOrFilterThatDoesNotExistIsRefusedWithTheReason() throws Exception {
    String unknown =
        body(
            mvc.perform(get(API + "/figures?region=999&lang=en"))
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(unknown, "$.field")).isEqualTo("region");
    assertThat(JsonPath.<String>read(unknown, "$.detail")).contains("Unknown region 999");
    String backwards =
        body(
            mvc.perform(get(API + "/figures?from=2031-05-01&to=2031-01-01&lang=en"))
                .andExpect(status().isBadRequest()));
    assertThat(JsonPath.<String>read(backwards, "$.field")).isEqualTo("to");
    mvc.perform(get(API + "/figures.csv?region=999")).andExpect(status().isBadRequest());
    Document page =
        Jsoup.parse(
            body(
                mvc.perform(get("/capacity/figures?region=999&lang=fr"))
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#form-error").text()).isEqualTo("Région inconnue : 999.");
    assertThat(page.select("#sentence").text()).isNotBlank();

    // the roster's filters: an unknown code is named, not an empty list
    for (String[] bad :
        List.of(
            new String[] {"treaty=nowhere", "treaty", "Unknown treaty nowhere."},
            new String[] {"region=999", "region", "Unknown region 999."},
            new String[] {"state=XXX", "state", "Unknown State XXX."},
            new String[] {"language=kl", "language", "Unknown language kl"})) {
      String problem =
          body(
              call(get(API + "/trainers?lang=en&" + bad[0]), DemoLogins.ADMIN)
                  .andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.field")).isEqualTo(bad[1]);
      assertThat(JsonPath.<String>read(problem, "$.detail")).contains(bad[2]);
    }
    call(get(API + "/trainers?state=sen&language=FR"), DemoLogins.ADMIN).andExpect(status().isOk());
    Document refused =
        Jsoup.parse(
            body(
                call(get("/capacity/trainers?lang=en&treaty=nowhere"), DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isBadRequest())));
    assertThat(refused.select("#filter-error").text()).isEqualTo("Unknown treaty nowhere.");
    Document byState =
        Jsoup.parse(
            body(
                call(get("/capacity/trainers?lang=en&state=sen"), DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isOk())));
    assertThat(byState.select("#f-state option[selected]").val()).isEqualTo("SEN");
    assertThat(byState.select("#trainers tbody tr").eachText())
        .allMatch(row -> row.contains("Senegal"));
  }

  @Test
  void aTrainerKeepsTheirOwnEntryAndSeesNoOneElses() throws Exception {
    UUID own =
        jdbc.sql(
                "select t.id from trainer t join account a on a.id = t.account_id"
                    + " where a.email = ?")
            .param(DemoLogins.TRAINER)
            .query(UUID.class)
            .single();
    String mine = body(call(get(API + "/trainers/" + own), DemoLogins.TRAINER));
    long version = ((Number) JsonPath.read(mine, "$.version")).longValue();
    String name = JsonPath.read(mine, "$.fullName");

    // they change their availability and withdraw, then give again, their consent
    String changed =
        body(
            call(
                    json(
                        put(API + "/trainers/" + own),
                        """
                        {"fullName": "%s", "email": %s, "institution": %s, "state": "%s",
                         "treaties": ["crpd"], "languages": ["en", "fr"],
                         "availability": "LIMITED", "version": %d}
                        """
                            .formatted(
                                name,
                                quoted(JsonPath.read(mine, "$.email")),
                                quoted(JsonPath.read(mine, "$.institution")),
                                JsonPath.read(mine, "$.stateIso3"),
                                version)),
                    DemoLogins.TRAINER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(changed, "$.availability")).isEqualTo("LIMITED");
    String withdrawn =
        body(
            call(
                    json(
                        post(API + "/trainers/" + own + "/consent"),
                        "{\"consents\": false, \"version\": " + (version + 1) + "}"),
                    DemoLogins.TRAINER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<Boolean>read(withdrawn, "$.listed")).isFalse();
    assertThat(names(DemoLogins.ADMIN)).doesNotContain(name);
    call(
            json(
                post(API + "/trainers/" + own + "/consent"),
                "{\"consents\": true, \"version\": " + (version + 1) + "}"),
            DemoLogins.TRAINER)
        .andExpect(status().isConflict());
    call(
            json(
                post(API + "/trainers/" + own + "/consent"),
                "{\"consents\": true, \"version\": " + (version + 2) + "}"),
            DemoLogins.TRAINER)
        .andExpect(status().isOk());
    assertThat(names(DemoLogins.ADMIN)).contains(name);

    // another trainer's entry, listed: not theirs to see or change, nor the roster's names
    String other = "Other Trainer " + suffix();
    String added =
        body(
            call(
                    json(
                        post(API + "/trainers"),
                        """
                        {"fullName": "%s", "email": "other.%s@example.org", "state": "KEN",
                         "treaties": ["crpd"], "languages": ["en"]}
                        """
                            .formatted(other, suffix().toLowerCase())),
                    DemoLogins.ADMIN)
                .andExpect(status().isCreated()));
    UUID otherId = UUID.fromString(JsonPath.read(added, "$.id"));
    call(
            json(
                post(API + "/trainers/" + otherId + "/consent"),
                "{\"consents\": true, \"version\": 0}"),
            DemoLogins.ADMIN)
        .andExpect(status().isOk());
    call(get(API + "/trainers/" + otherId), DemoLogins.TRAINER).andExpect(status().isNotFound());
    call(
            json(
                put(API + "/trainers/" + otherId),
                "{\"fullName\": \"Changed\", \"state\": \"KEN\", \"version\": 1}"),
            DemoLogins.TRAINER)
        .andExpect(status().isNotFound());
    call(
            json(
                post(API + "/trainers/" + otherId + "/consent"),
                "{\"consents\": false, \"version\": 1}"),
            DemoLogins.TRAINER)
        .andExpect(status().isNotFound());
    call(get(API + "/trainers"), DemoLogins.TRAINER).andExpect(status().isForbidden());
    assertThat(count("select count(*) from trainer where id = ? and full_name = ?", otherId, other))
        .isEqualTo(1);
    Document roster =
        Jsoup.parse(body(call(get("/capacity/trainers?lang=en"), DemoLogins.TRAINER)));
    assertThat(roster.text()).doesNotContain(other);
    assertThat(roster.select("a").eachAttr("href")).anyMatch(href -> href.endsWith(own.toString()));
  }

  @Test
  void anEventChangesFromTheVersionReadUntilItIsCompleted() throws Exception {
    String s = suffix();
    UUID id = event("Editable " + s, "WORKSHOP", "2033-04-01", "2033-04-02");
    String change =
        """
        {"title": "%s", "kind": "WORKSHOP", "treaty": "%s", "startsOn": "2033-04-01",
         "endsOn": "%s", "place": "Accra", "passMark": 60, "version": %d}
        """;
    for (String[] bad :
        List.of(
            new String[] {"2033-03-30", "crpd", "endsOn", "on or after"},
            new String[] {"2033-04-03", "nowhere", "treaty", "Unknown treaty nowhere"})) {
      String problem =
          body(
              call(
                      json(
                          put(API + "/events/" + id + "?lang=en"),
                          change.formatted("Bad " + s, bad[1], bad[0], 0)),
                      DemoLogins.TRAINER)
                  .andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.field")).isEqualTo(bad[2]);
      assertThat(JsonPath.<String>read(problem, "$.detail")).contains(bad[3]);
    }
    assertThat(title(id)).isEqualTo("Editable " + s);
    String changed =
        body(
            call(
                    json(
                        put(API + "/events/" + id),
                        change.formatted("Renamed " + s, "crpd", "2033-04-03", 0)),
                    DemoLogins.TRAINER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(changed, "$.place")).isEqualTo("Accra");
    assertThat(JsonPath.<Integer>read(changed, "$.passMark")).isEqualTo(60);
    assertThat(JsonPath.<String>read(changed, "$.endsOn")).isEqualTo("2033-04-03");
    // the version read is stale: after a change, and after a participant is added
    call(
            json(
                put(API + "/events/" + id), change.formatted("Lost " + s, "crpd", "2033-04-03", 0)),
            DemoLogins.ADMIN)
        .andExpect(status().isConflict());
    participant(id, "Someone " + s, "GHA", true, 40, 70);
    call(
            json(
                put(API + "/events/" + id), change.formatted("Lost " + s, "crpd", "2033-04-03", 1)),
            DemoLogins.ADMIN)
        .andExpect(status().isConflict());
    assertThat(title(id)).isEqualTo("Renamed " + s);
    for (String who : List.of(DemoLogins.COORDINATOR_SVN, DemoLogins.DONOR)) {
      call(
              json(
                  put(API + "/events/" + id),
                  change.formatted("Theirs " + s, "crpd", "2033-04-03", 2)),
              who)
          .andExpect(status().isForbidden());
    }

    // on the page: the reason, or the event as it is now, with what was typed kept
    Document bad =
        Jsoup.parse(
            body(
                call(
                        editForm(id, "Typed " + s, "2033-03-01", 2).param("lang", "en"),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isBadRequest())));
    assertThat(bad.select("#edit-error").text())
        .isEqualTo("The last day must be on or after the first day.");
    assertThat(bad.select("#title").val()).isEqualTo("Typed " + s);
    Document stale =
        Jsoup.parse(
            body(
                call(
                        editForm(id, "Typed " + s, "2033-04-05", 1).param("lang", "en"),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isConflict())));
    assertThat(stale.select("#stale").text()).startsWith("Someone changed this event meanwhile");
    assertThat(stale.select("h1").text()).isEqualTo("Renamed " + s);
    assertThat(stale.select("#title").val()).isEqualTo("Typed " + s);
    call(editForm(id, "Saved " + s, "2033-04-05", 2), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    assertThat(title(id)).isEqualTo("Saved " + s);
    assertThat(title(id)).isNotEqualTo("Typed " + s);

    // completed: no more changes
    call(json(post(API + "/events/" + id + "/complete"), "{\"version\": 3}"), DemoLogins.ADMIN)
        .andExpect(status().isOk());
    call(
            json(
                put(API + "/events/" + id), change.formatted("Late " + s, "crpd", "2033-04-05", 4)),
            DemoLogins.ADMIN)
        .andExpect(status().isConflict());
    assertThat(title(id)).isEqualTo("Saved " + s);
    Document done =
        Jsoup.parse(body(call(get("/capacity/events/" + id + "?lang=en"), DemoLogins.ADMIN)));
    assertThat(done.select("#edit-heading")).isEmpty();
  }

  MockHttpServletRequestBuilder editForm(UUID id, String title, String endsOn, long version) {
    return post("/capacity/events/" + id)
        .param("version", String.valueOf(version))
        .param("title", title)
        .param("kind", "WORKSHOP")
        .param("treaty", "crpd")
        .param("startsOn", "2033-04-01")
        .param("endsOn", endsOn)
        .param("place", "Accra")
        .with(csrf());
  }

  String title(UUID event) {
    return jdbc.sql("select title from training_event where id = ?")
        .param(event)
        .query(String.class)
        .single();
  }

  // helpers

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static String quoted(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  static List<Integer> row(String json, String breakdown, String key) {
    return List.of(
        JsonPath.<List<Integer>>read(
                json, "$." + breakdown + "[?(@.key == '" + key + "')].officialsTrained")
            .get(0),
        JsonPath.<List<Integer>>read(
                json, "$." + breakdown + "[?(@.key == '" + key + "')].statesReached")
            .get(0),
        JsonPath.<List<Integer>>read(
                json, "$." + breakdown + "[?(@.key == '" + key + "')].trainersCertified")
            .get(0));
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

  void participant(
      UUID event, String name, String state, boolean attended, Integer pre, Integer post)
      throws Exception {
    call(
            json(
                post(API + "/events/" + event + "/participants"),
                """
                {"fullName": "%s", "state": "%s", "institution": "Ministry", "role": "Official",
                 "attended": %s, "preScore": %s, "postScore": %s}
                """
                    .formatted(name, state, attended, pre, post)),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isCreated());
  }

  List<String> names(String who) throws Exception {
    return JsonPath.read(
        body(call(get(API + "/trainers"), who).andExpect(status().isOk())), "$[*].fullName");
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
