package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
 * A provider changes its offers and withdraws them from the matching: only its own, only from the
 * version it read; a withdrawn offer is neither listed nor suggested, and comes back when published
 * again; a refused change keeps what was typed.
 */
@CooperaIntegrationTest
class OffersIT {

  static final String API = "/api/v1/assistance";
  static final String UNDP_OFFICER = "officer.undp@demo.coopera.org";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  @Test
  void theProviderChangesItsOfferFromTheVersionItRead() throws Exception {
    UUID offer = offer("Changing " + UUID.randomUUID());
    long version = version(offer);
    String changed =
        body(
            call(
                    json(put(API + "/offers/" + offer), change("Changed title", version)),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(changed, "$.title")).isEqualTo("Changed title");
    assertThat(JsonPath.<List<String>>read(changed, "$.areas")).containsExactly("MEDIA");
    assertThat(JsonPath.<Integer>read(changed, "$.version")).isEqualTo((int) version + 1);

    // from the version read before: refused, nothing changed
    String stale =
        body(
            call(
                    json(put(API + "/offers/" + offer), change("Lost title", version)),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<String>read(stale, "$.current.title")).isEqualTo("Changed title");
    assertThat(title(offer)).isEqualTo("Changed title");

    // another agency's officer, a State official, a donor: forbidden; nothing changed
    for (String who : List.of(UNDP_OFFICER, DemoLogins.COORDINATOR_SVN, DemoLogins.DONOR)) {
      call(json(put(API + "/offers/" + offer), change("Not theirs", version + 1)), who)
          .andExpect(status().isForbidden());
      call(json(post(API + "/offers/" + offer + "/unpublish"), "{\"version\": 1}"), who)
          .andExpect(status().isForbidden());
      call(get("/assistance/offers/" + offer + "/edit"), who).andExpect(status().isForbidden());
      call(
              post("/assistance/offers/" + offer)
                  .param("version", String.valueOf(version + 1))
                  .param("title", "Not theirs")
                  .with(csrf()),
              who)
          .andExpect(status().isForbidden());
    }
    assertThat(title(offer)).isEqualTo("Changed title");
    call(get(API + "/offers/" + UUID.randomUUID()), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isNotFound());
    call(
            json(put(API + "/offers/" + offer), "{\"title\": \"No version\"}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isBadRequest());
  }

  @Test
  void aWithdrawnOfferIsNeitherListedNorSuggestedUntilPublishedAgain() throws Exception {
    String marker = "Withdrawn " + UUID.randomUUID();
    UUID offer = offer(marker);
    UUID request = request();
    assertThat(suggested(request)).contains(offer.toString());
    assertThat(body(call(get(API + "/offers"), DemoLogins.COORDINATOR_SVN))).contains(marker);

    String withdrawn =
        body(
            call(
                    json(
                        post(API + "/offers/" + offer + "/unpublish"),
                        "{\"version\": " + version(offer) + "}"),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<Boolean>read(withdrawn, "$.published")).isFalse();
    assertThat(suggested(request)).doesNotContain(offer.toString());
    assertThat(body(call(get(API + "/offers"), DemoLogins.COORDINATOR_SVN))).doesNotContain(marker);
    call(get(API + "/offers/" + offer), DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isNotFound());
    // its provider still has it
    assertThat(body(call(get(API + "/offers/mine"), DemoLogins.AGENCY_OFFICER))).contains(marker);
    Document page =
        Jsoup.parse(body(call(get("/assistance/offers?lang=en"), DemoLogins.AGENCY_OFFICER)));
    assertThat(page.select("#my-offers tr:contains(" + marker + ")").text()).contains("Withdrawn");
    assertThat(page.select("table").first().text()).doesNotContain(marker);

    // published again from the page
    call(
            post("/assistance/offers/" + offer + "/publication")
                .param("version", String.valueOf(version(offer)))
                .param("published", "true")
                .with(csrf()),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    assertThat(suggested(request)).contains(offer.toString());
    assertThat(body(call(get(API + "/offers"), DemoLogins.COORDINATOR_SVN))).contains(marker);
    Document listed =
        Jsoup.parse(body(call(get("/assistance/offers?lang=en"), DemoLogins.COORDINATOR_SVN)));
    assertThat(listed.select("table").first().text()).contains(marker);
    call(get(API + "/offers/" + offer), DemoLogins.COORDINATOR_SVN).andExpect(status().isOk());
  }

  @Test
  void aWithdrawalFromAStaleVersionIsRefusedAndChangesNothing() throws Exception {
    UUID offer = offer("Stale withdrawal " + UUID.randomUUID());
    long read = version(offer);
    call(json(put(API + "/offers/" + offer), change("Meanwhile", read)), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isOk());

    String refused =
        body(
            call(
                    json(
                        post(API + "/offers/" + offer + "/unpublish"),
                        "{\"version\": " + read + "}"),
                    DemoLogins.AGENCY_OFFICER)
                .andExpect(status().isConflict()));
    assertThat(JsonPath.<Integer>read(refused, "$.current.version")).isEqualTo((int) read + 1);
    assertThat(JsonPath.<Boolean>read(refused, "$.current.published")).isTrue();

    call(
            post("/assistance/offers/" + offer + "/publication")
                .param("version", String.valueOf(read))
                .param("published", "false")
                .with(csrf()),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("refusal", "assistance.error.offer-stale"));
    assertThat(published(offer)).isTrue();
    assertThat(version(offer)).isEqualTo(read + 1);
  }

  @Test
  void anAdministratorChangesAnyOffer() throws Exception {
    UUID offer = offer("Administered " + UUID.randomUUID());
    String changed =
        body(
            call(
                    json(
                        put(API + "/offers/" + offer),
                        change("Corrected by admin", version(offer))),
                    DemoLogins.ADMIN)
                .andExpect(status().isOk()));
    assertThat(JsonPath.<String>read(changed, "$.title")).isEqualTo("Corrected by admin");
    call(get("/assistance/offers/" + offer + "/edit"), DemoLogins.ADMIN).andExpect(status().isOk());
  }

  @Test
  void invalidChangesAnswer400WithTheFieldAndChangeNothing() throws Exception {
    UUID offer = offer("Invalid changes " + UUID.randomUUID());
    long version = version(offer);
    String[][] cases = {
      {"{\"title\": \" \", \"version\": %d}", "title"},
      {"{\"title\": \"T\", \"areas\": [\"NOPE\"], \"version\": %d}", "areas"},
      {"{\"title\": \"T\", \"regions\": [\"nowhere\"], \"version\": %d}", "regions"},
      {
        "{\"title\": \"T\", \"budgetAmount\": -1, \"budgetCurrency\": \"EUR\", \"version\": %d}",
        "budgetAmount"
      },
      {
        "{\"title\": \"T\", \"budgetAmount\": 10, \"budgetCurrency\": \"euro\", \"version\": %d}",
        "budgetCurrency"
      },
      {"{\"title\": \"T\"}", "version"},
    };
    for (String[] c : cases) {
      String problem =
          body(
              call(
                      json(put(API + "/offers/" + offer), c[0].formatted(version)),
                      DemoLogins.AGENCY_OFFICER)
                  .andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.field")).as(c[0]).isEqualTo(c[1]);
    }
    call(json(post(API + "/offers/" + offer + "/publish"), "{}"), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isBadRequest());
    call(
            json(put(API + "/offers/" + UUID.randomUUID()), change("Nowhere", 0)),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isNotFound());
    call(
            json(post(API + "/offers/" + UUID.randomUUID() + "/unpublish"), "{\"version\": 0}"),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isNotFound());
    assertThat(version(offer)).isEqualTo(version);
    assertThat(title(offer)).startsWith("Invalid changes ");
  }

  @Test
  void anAmountThatIsNotANumberIsRefusedOnThePageWithWhatWasTyped() throws Exception {
    UUID offer = offer("Amount typed " + UUID.randomUUID());
    long version = version(offer);
    Document refused =
        Jsoup.parse(
            body(
                call(
                        post("/assistance/offers/" + offer + "?lang=en")
                            .param("version", String.valueOf(version))
                            .param("title", "Typed with a bad amount")
                            .param("forms", "FELLOWSHIP")
                            .param("budgetAmount", "ten thousand")
                            .param("budgetCurrency", "EUR")
                            .with(csrf()),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isBadRequest())));
    assertThat(refused.select("div.alert-danger").text()).isNotBlank();
    assertThat(refused.select("#title").val()).isEqualTo("Typed with a bad amount");
    assertThat(refused.select("#budgetAmount").val()).isEqualTo("ten thousand");
    assertThat(refused.select("#form-FELLOWSHIP").hasAttr("checked")).isTrue();
    assertThat(version(offer)).isEqualTo(version);
  }

  @Test
  void theEditPageKeepsWhatWasTypedWhenAChangeIsRefused() throws Exception {
    UUID offer = offer("Page edit " + UUID.randomUUID());
    Document form =
        Jsoup.parse(
            body(
                call(
                    get("/assistance/offers/" + offer + "/edit?lang=en"),
                    DemoLogins.AGENCY_OFFICER)));
    assertThat(form.select("#area-POLICE").hasAttr("checked")).isTrue();
    assertThat(form.select("#lang-fr").hasAttr("checked")).isTrue();
    long version = version(offer);
    Document refused =
        Jsoup.parse(
            body(
                call(
                        post("/assistance/offers/" + offer + "?lang=en")
                            .param("version", String.valueOf(version))
                            .param("title", "Typed title")
                            .param("description", "Typed description")
                            .param("areas", "ELECTIONS")
                            .param("budgetAmount", "10.505")
                            .param("budgetCurrency", "EUR")
                            .with(csrf()),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isBadRequest())));
    assertThat(refused.select("div.alert-danger").text()).isNotBlank();
    assertThat(refused.select("#title").val()).isEqualTo("Typed title");
    assertThat(refused.select("#description").text()).isEqualTo("Typed description");
    assertThat(refused.select("#area-ELECTIONS").hasAttr("checked")).isTrue();
    assertThat(refused.select("#area-POLICE").hasAttr("checked")).isFalse();
    assertThat(version(offer)).isEqualTo(version);

    call(
            post("/assistance/offers/" + offer)
                .param("version", String.valueOf(version))
                .param("title", "Saved on the page")
                .param("areas", "ELECTIONS")
                .with(csrf()),
            DemoLogins.AGENCY_OFFICER)
        .andExpect(status().is3xxRedirection());
    assertThat(title(offer)).isEqualTo("Saved on the page");
    Document stale =
        Jsoup.parse(
            body(
                call(
                        post("/assistance/offers/" + offer + "?lang=en")
                            .param("version", String.valueOf(version))
                            .param("title", "Too late")
                            .param("areas", "HEALTH")
                            .param("budgetAmount", "1200")
                            .param("budgetCurrency", "CHF")
                            .with(csrf()),
                        DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isConflict())));
    assertThat(stale.select("#offer-stale").text()).contains("Too late", "health", "1200", "CHF");
    assertThat(stale.select("#title").val()).isEqualTo("Saved on the page");
  }

  UUID offer(String title) throws Exception {
    String json =
        """
        {"title": "%s", "areas": ["POLICE", "DETENTION"], "forms": ["TRAINING"],
         "languages": ["fr", "en"], "regions": ["150"]}
        """
            .formatted(title);
    return UUID.fromString(
        JsonPath.read(
            body(
                call(json(post(API + "/offers"), json), DemoLogins.AGENCY_OFFICER)
                    .andExpect(status().isCreated())),
            "$.id"));
  }

  UUID request() throws Exception {
    String json =
        """
        {"state": "SVN", "title": "Offers %s", "areas": ["POLICE", "DETENTION"],
         "forms": ["TRAINING"], "languages": ["fr"]}
        """
            .formatted(UUID.randomUUID());
    return UUID.fromString(
        JsonPath.read(
            body(
                call(json(post(API + "/requests"), json), DemoLogins.COORDINATOR_SVN)
                    .andExpect(status().isCreated())),
            "$.id"));
  }

  List<String> suggested(UUID request) throws Exception {
    return JsonPath.read(
        body(
            call(get(API + "/requests/" + request + "/suggestions"), DemoLogins.COORDINATOR_SVN)
                .andExpect(status().isOk())),
        "$[*].offer");
  }

  static String change(String title, long version) {
    return """
        {"title": "%s", "areas": ["MEDIA"], "forms": ["SEMINAR"], "languages": ["en"],
         "version": %d}
        """
        .formatted(title, version);
  }

  long version(UUID offer) {
    return jdbc.sql("select version from assistance_offer where id = ?")
        .param(offer)
        .query(Long.class)
        .single();
  }

  boolean published(UUID offer) {
    return jdbc.sql("select published from assistance_offer where id = ?")
        .param(offer)
        .query(Boolean.class)
        .single();
  }

  String title(UUID offer) {
    return jdbc.sql("select title from assistance_offer where id = ?")
        .param(offer)
        .query(String.class)
        .single();
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
