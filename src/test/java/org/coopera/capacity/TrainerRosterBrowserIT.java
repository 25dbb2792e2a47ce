package org.coopera.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.support.Browser;
import org.coopera.support.Browsers;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.Wording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The roster of trainers in a real browser, in English and in Arabic: a visitor reaches it from the
 * capacity-building hub and sees only how many are listed, by language; an agency officer, who may
 * see the people, narrows the listed trainers by region, treaty and language, and opens one. What
 * the pages show is compared with what the demo data in the database says, queried here in SQL.
 */
@CooperaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainerRosterBrowserIT {

  static final String LISTED = "t.consented_at is not null and t.consent_withdrawn_at is null";
  static final By ROWS = By.cssSelector("#trainers tbody tr");
  static final By ROSTER_LINK = By.cssSelector("main a[href='/capacity/trainers']");

  @LocalServerPort int port;
  @Autowired MessageSource messages;
  @Autowired JdbcClient jdbc;

  private Browsers browsers;

  @AfterAll
  void closeBrowsers() {
    if (browsers != null) {
      browsers.close();
    }
  }

  private Browsers browsers() {
    if (browsers == null) {
      browsers = new Browsers(port);
    }
    return browsers;
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aVisitorSeesHowManyTrainersAreListedAndNoOne(String language) {
    Wording words = new Wording(messages, language);
    Browser visitor = browsers().visitor();
    visitor.open("/capacity?lang=" + language);
    visitor.assertLanguage(language);
    assertThat(visitor.text(By.tagName("h1"))).isEqualTo(words.get("capacity.hub.title"));
    visitor.click(ROSTER_LINK);
    visitor.until(d -> d.getCurrentUrl().endsWith("/capacity/trainers") ? Boolean.TRUE : null);
    visitor.assertLanguage(language);
    assertThat(visitor.text(By.tagName("h1"))).isEqualTo(words.get("capacity.trainers.title"));

    long listed =
        jdbc.sql("select count(*) from trainer t where " + LISTED).query(Long.class).single();
    assertThat(listed).as("the demo data lists trainers").isPositive();
    assertThat(visitor.text(By.id("counts-heading")))
        .isEqualTo(words.get("capacity.trainers.counts", listed));

    Map<String, String> byLanguage = new LinkedHashMap<>();
    for (WebElement row : visitor.all(By.cssSelector("#by-language tbody tr"))) {
      byLanguage.put(
          row.getAttribute("data-code"),
          row.findElement(By.tagName("th")).getText().strip()
              + " "
              + row.findElement(By.tagName("td")).getText().strip());
    }
    Map<String, String> expected = new LinkedHashMap<>();
    jdbc.sql(
            "select u, count(*) from trainer t, unnest(t.languages) u where "
                + LISTED
                + " group by u order by 2 desc, 1")
        .query(
            rs -> {
              expected.put(
                  rs.getString(1),
                  words.get("library.language." + rs.getString(1)) + " " + rs.getLong(2));
            });
    assertThat(byLanguage).as("listed trainers by language").isEqualTo(expected);

    assertThat(visitor.all(By.id("roster-filter"))).as("no search for a visitor").isEmpty();
    assertThat(visitor.all(By.id("trainers"))).as("no name for a visitor").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void anOfficerNarrowsTheRosterAndOpensATrainer(String language) {
    Wording words = new Wording(messages, language);
    Browser officer = browsers().of(DemoLogins.AGENCY_OFFICER);
    officer.open("/capacity?lang=" + language);
    officer.assertLanguage(language);
    officer.click(ROSTER_LINK);
    officer.until(d -> d.getCurrentUrl().endsWith("/capacity/trainers") ? Boolean.TRUE : null);
    officer.assertLanguage(language);
    assertThat(officer.text(By.id("search-heading")))
        .isEqualTo(words.get("capacity.trainers.search"));
    untilShown(officer, expected(null, null, null));

    // the trainers of Africa, then those of them who know the ICCPR, then who speak English
    List<Trainer> africa = filter(officer, "region", "002", expected("002", null, null));
    assertThat(africa).as("the demo data lists trainers in Africa").hasSizeGreaterThan(1);
    // other tests change who is listed, so the treaty and language are those that narrow now
    String treaty = narrowing("treaties", "002", null, africa.size());
    List<Trainer> known = filter(officer, "treaty", treaty, expected("002", treaty, null));
    assertThat(known).as("a narrower list").isNotEmpty().hasSizeLessThan(africa.size());
    String spoken = narrowing("languages", "002", treaty, Integer.MAX_VALUE);
    List<Trainer> speaking = filter(officer, "language", spoken, expected("002", treaty, spoken));
    assertThat(speaking).isNotEmpty();
    assertThat(officer.url()).contains("region=002", "treaty=" + treaty, "language=" + spoken);

    Trainer first = speaking.get(0);
    officer.click(By.cssSelector("#trainers tr[data-trainer='" + first.id() + "'] a"));
    officer.until(
        d -> d.getCurrentUrl().endsWith("/capacity/trainers/" + first.id()) ? Boolean.TRUE : null);
    officer.assertLanguage(language);
    assertThat(officer.text(By.tagName("h1"))).isEqualTo(first.name());
    Timestamp consented =
        jdbc.sql("select consented_at from trainer where id = cast(? as uuid)")
            .param(first.id())
            .query(Timestamp.class)
            .single();
    String since =
        DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.systemDefault())
            .format(consented.toInstant());
    assertThat(officer.text(By.id("listing")))
        .isEqualTo(words.get("capacity.trainer.listed-since", since));
    List<String> certified =
        jdbc.sql(
                "select e.title from trainer_certification c join training_event e"
                    + " on e.id = c.event_id where c.trainer_id = cast(? as uuid)"
                    + " order by c.certified_on, e.title")
            .param(first.id())
            .query(String.class)
            .list();
    assertThat(
            officer.all(By.cssSelector("#certifications li a")).stream()
                .map(WebElement::getText)
                .toList())
        .isEqualTo(certified);
  }

  /** A listed trainer as the roster shows them: id and name. */
  record Trainer(String id, String name) {}

  /**
   * Chooses a value in a filter, submits, and waits for the address to hold it and the roster to
   * show what is expected.
   */
  private List<Trainer> filter(Browser browser, String name, String value, List<Trainer> want) {
    new Select(browser.find(By.id("f-" + name))).selectByValue(value);
    browser.click(By.cssSelector("#roster-filter button[type=submit]"));
    browser.until(d -> d.getCurrentUrl().contains(name + "=" + value) ? Boolean.TRUE : null);
    return untilShown(browser, want);
  }

  private List<Trainer> untilShown(Browser browser, List<Trainer> want) {
    browser.until(d -> shown(browser).equals(want) ? Boolean.TRUE : null);
    return want;
  }

  private static List<Trainer> shown(Browser browser) {
    List<Trainer> rows = new ArrayList<>();
    for (WebElement row : browser.all(ROWS)) {
      rows.add(
          new Trainer(
              row.getAttribute("data-trainer"),
              row.findElement(By.cssSelector("td a")).getText().strip()));
    }
    return rows;
  }

  /**
   * The value of a listed trainer's column (treaties or languages) held by most of the region's
   * listed trainers (within the treaty, if given) while fewer than {@code fewerThan} hold it.
   */
  private String narrowing(String column, String region, String treaty, int fewerThan) {
    return jdbc.sql(
            "select v from trainer t join state s on s.iso3 = t.state_iso3,"
                + " unnest(t."
                + column
                + ") v where "
                + LISTED
                + " and :region in (s.region_code, s.sub_region_code, s.intermediate_region_code)"
                + " and (cast(:treaty as text) is null or cast(:treaty as text) = any(t.treaties))"
                + " group by v having count(*) < :fewer order by count(*) desc, v limit 1")
        .param("region", region)
        .param("treaty", treaty)
        .param("fewer", fewerThan)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new AssertionError("the demo data has no " + column + " to narrow by"));
  }

  /** The listed trainers of the region (M49, at any level), treaty and language, by name. */
  private List<Trainer> expected(String region, String treaty, String language) {
    return jdbc.sql(
            "select t.id, t.full_name from trainer t join state s on s.iso3 = t.state_iso3 where "
                + LISTED
                + " and (cast(:region as text) is null or cast(:region as text) in"
                + " (s.region_code, s.sub_region_code, s.intermediate_region_code))"
                + " and (cast(:treaty as text) is null or cast(:treaty as text) = any(t.treaties))"
                + " and (cast(:language as text) is null"
                + " or cast(:language as text) = any(t.languages))"
                + " order by t.full_name, t.id")
        .param("region", region)
        .param("treaty", treaty)
        .param("language", language)
        .query((rs, n) -> new Trainer(rs.getString(1), rs.getString(2)))
        .list();
  }
}
