package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coopera.support.Browser;
import org.coopera.support.Browsers;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.Wording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry in a real browser, in English and in Arabic: the public search page updating as the
 * visitor types and filters, with the address keeping the query; a State coordinator's import from
 * upload to the applied import, and its recommendations found by the search. Elements are found by
 * id, name or address, texts compared with the language's message bundle.
 */
@CooperaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryBrowserIT {

  static final By COUNT = By.cssSelector("#results p[role=status]");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired MessageSource messages;

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
  void aVisitorSearchesFiltersAndSharesTheAddress(String language) throws Exception {
    Wording words = new Wording(messages, language);
    Browser browser = browsers().visitor();
    browser.open("/recommendations?lang=" + language);
    browser.assertLanguage(language);
    browser.untilText(By.tagName("h1"), words.get("recommendations.search.heading"));
    var query = browser.find(By.id("q"));
    query.clear();
    query.sendKeys("torture");
    query.sendKeys(Keys.ENTER);

    browser.until(d -> d.getCurrentUrl().contains("q=torture") ? Boolean.TRUE : null);
    browser.untilText(COUNT, count(words, total("q=torture")));

    browser.click(By.cssSelector("input.facet-input[name=state][value=CHN]"));
    browser.until(d -> d.getCurrentUrl().contains("state=CHN") ? Boolean.TRUE : null);
    String filtered = count(words, total("q=torture&state=CHN"));
    browser.untilText(COUNT, filtered);
    assertThat(browser.url())
        .as("the address holds the query and the filter")
        .contains("q=torture");

    String shared = browser.url();
    browser.open("/");
    browser.open(shared.substring(shared.indexOf("/recommendations")));
    browser.untilText(COUNT, filtered);
    browser.assertLanguage(language);
    Boolean ticked =
        browser.until(
            d ->
                d.findElement(By.cssSelector("input.facet-input[name=state][value=CHN]"))
                    .isSelected());
    assertThat(ticked).as("the reopened address ticks the facet").isTrue();
    assertThat(browser.text(By.cssSelector("#results p.card-text[lang=en] mark")))
        .as("the matched word is highlighted")
        .containsIgnoringCase("tortur");

    By first = By.cssSelector("#results ol.results h2 a[href^='/recommendations/']");
    String code = browser.text(first);
    browser.click(first);
    browser.until(
        d -> d.getCurrentUrl().endsWith("/recommendations/" + code) ? Boolean.TRUE : null);
    browser.assertLanguage(language);
    assertThat(browser.text(By.tagName("h1"))).isEqualTo(words.get("recommendation.heading", code));
  }

  /**
   * A facet's values beyond its first eight are not in the page: opening "more" loads them into the
   * form, and ticking one filters the search at once, as a value shown from the start does.
   */
  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aVisitorOpensAFacetsOtherValuesAndFiltersByOne(String language) throws Exception {
    Wording words = new Wording(messages, language);
    Browser browser = browsers().visitor();
    browser.open("/recommendations?q=rights&lang=" + language);
    browser.assertLanguage(language);
    browser.untilText(COUNT, count(words, total("q=rights")));
    assertThat(browser.all(By.cssSelector("input.facet-input[name=recommendingState]")))
        .as("a facet not counted from the start")
        .isEmpty();
    browser.click(By.id("open-recommendingState"));
    browser.until(
        d -> d.getCurrentUrl().contains("facets=recommendingState") ? Boolean.TRUE : null);
    browser.until(
        d ->
            d.findElements(By.cssSelector("input.facet-input[name=recommendingState]")).size() == 8
                ? Boolean.TRUE
                : null);
    browser.untilText(COUNT, count(words, total("q=rights")));

    browser.click(
        By.cssSelector("details.facet-more:has(a[href*='/facets/recommendingState']) > summary"));
    By loaded = By.cssSelector("#facet-more-values input.facet-input[name=recommendingState]");
    browser.until(d -> d.findElements(loaded).size() > 1 ? Boolean.TRUE : null);
    List<WebElement> values = browser.all(loaded);
    String value = values.get(values.size() - 1).getAttribute("value");
    browser.click(
        By.cssSelector(
            "#facet-more-values input.facet-input[name=recommendingState][value=" + value + "]"));

    browser.until(
        d -> d.getCurrentUrl().contains("recommendingState=" + value) ? Boolean.TRUE : null);
    browser.untilText(COUNT, count(words, total("q=rights&recommendingState=" + value)));
    assertThat(browser.url()).contains("q=rights");
    Boolean ticked =
        browser.until(
            d ->
                d.findElement(
                        By.cssSelector(
                            "input.facet-input[name=recommendingState][value=" + value + "]"))
                    .isSelected());
    assertThat(ticked).as("the chosen value is now among the shown, ticked").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aCoordinatorUploadsAFileReadsThePreviewAndAppliesIt(String language, @TempDir Path folder)
      throws Exception {
    Wording words = new Wording(messages, language);
    String marker = "RegistryBrowserIT" + language;
    String name = "paraguay-browser-" + language + ".csv";
    File file = folder.resolve(name).toFile();
    Files.writeString(
        file.toPath(),
        "state_under_review,mechanism,session,text,recommending_states,response\r\n"
            + "PRY,UPR,24,Give the national preventive mechanism a budget of its own ("
            + marker
            + "),Uruguay,supported\r\n"
            + "PRY,UPR,24,Publish the registry of detention places ("
            + marker
            + "),,noted\r\n",
        StandardCharsets.UTF_8);

    Browser browser = browsers().of(DemoLogins.COORDINATOR_PRY);
    browser.open("/registry/imports?lang=" + language);
    browser.assertLanguage(language);
    browser.chooseFile(By.id("file"), file);
    browser.click(By.cssSelector("form[action$='/registry/imports'] button[type=submit]"));

    browser.until(
        d -> d.getCurrentUrl().matches(".*/registry/imports/[0-9a-f-]{36}$") ? Boolean.TRUE : null);
    browser.assertLanguage(language);
    assertThat(browser.text(By.tagName("h1"))).contains(name);
    By apply = By.cssSelector("form[action$='/apply'] button");
    assertThat(browser.text(apply)).isEqualTo(words.get("import.apply", 2));
    browser.click(apply);

    browser.untilText(
        By.cssSelector("div.alert[role=status]"), words.get("import.status.APPLIED", 2));
    assertThat(total("q=" + marker + "&state=PRY")).isEqualTo(2);

    browser.open("/recommendations?q=" + marker);
    browser.assertLanguage(language);
    browser.untilText(COUNT, count(words, 2));
  }

  /** The number of recommendations the API finds for this query string. */
  private long total(String queryString) throws Exception {
    String body =
        mvc.perform(get("/api/v1/recommendations?" + queryString))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(body).get("total").asLong();
  }

  private static String count(Wording words, long total) {
    return words.get("recommendations.results.count", total);
  }
}
