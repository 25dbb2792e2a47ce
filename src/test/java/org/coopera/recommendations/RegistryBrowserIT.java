package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry in a real browser: the public search page updating as the visitor types and filters,
 * with the address keeping the query; a State coordinator's import from upload to the applied
 * import, and its recommendations found by the search.
 */
@CooperaIntegrationTest
class RegistryBrowserIT {

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;

  private Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aVisitorSearchesFiltersAndSharesTheAddress() throws Exception {
    browser.open("/recommendations?lang=en");
    var query = browser.find(By.id("q"));
    query.sendKeys("torture");
    query.sendKeys(Keys.ENTER);

    browser.until(d -> d.getCurrentUrl().contains("q=torture") ? Boolean.TRUE : null);
    browser.untilText(By.cssSelector("#results p[role=status]"), count(total("q=torture")));

    browser.click(By.cssSelector("input.facet-input[name=state][value=CHN]"));
    browser.until(d -> d.getCurrentUrl().contains("state=CHN") ? Boolean.TRUE : null);
    String filtered = count(total("q=torture&state=CHN"));
    browser.untilText(By.cssSelector("#results p[role=status]"), filtered);
    assertThat(browser.url())
        .as("the address holds the query and the filter")
        .contains("q=torture");

    String shared = browser.url();
    browser.open("/");
    browser.open(shared.substring(shared.indexOf("/recommendations")));
    browser.untilText(By.cssSelector("#results p[role=status]"), filtered);
    Boolean ticked =
        browser.until(
            d ->
                d.findElement(By.cssSelector("input.facet-input[name=state][value=CHN]"))
                    .isSelected());
    assertThat(ticked).as("the reopened address ticks the facet").isTrue();
    assertThat(browser.text(By.cssSelector("#results mark")))
        .as("the matched word is highlighted")
        .containsIgnoringCase("tortur");

    String code = browser.text(By.cssSelector("#results ol.results h2 a"));
    browser.click(By.cssSelector("#results ol.results h2 a"));
    browser.until(
        d -> d.getCurrentUrl().endsWith("/recommendations/" + code) ? Boolean.TRUE : null);
    assertThat(browser.text(By.tagName("h1"))).contains(code);
  }

  @Test
  void aCoordinatorUploadsAFileReadsThePreviewAndAppliesIt(@TempDir Path folder) throws Exception {
    File file = folder.resolve("paraguay-browser.csv").toFile();
    Files.writeString(
        file.toPath(),
        "state_under_review,mechanism,session,text,recommending_states,response\r\n"
            + "PRY,UPR,24,Give the national preventive mechanism a budget of its own"
            + " (RegistryBrowserIT),Uruguay,supported\r\n"
            + "PRY,UPR,24,Publish the registry of detention places (RegistryBrowserIT),,noted\r\n",
        StandardCharsets.UTF_8);

    browser.signIn(DemoLogins.COORDINATOR_PRY, DemoLogins.PASSWORD);
    browser.open("/registry/imports?lang=en");
    browser.chooseFile(By.id("file"), file);
    browser.click(By.cssSelector("form[action$='/registry/imports'] button[type=submit]"));

    browser.until(
        d -> d.getCurrentUrl().matches(".*/registry/imports/[0-9a-f-]{36}$") ? Boolean.TRUE : null);
    assertThat(browser.text(By.tagName("h1"))).contains("paraguay-browser.csv");
    By apply = By.cssSelector("form[action$='/apply'] button");
    assertThat(browser.text(apply)).isEqualTo("Apply: create 2 recommendations");
    browser.click(apply);

    browser.untilText(
        By.cssSelector("div.alert[role=status]"), "2 recommendations were created by this import.");
    assertThat(total("q=RegistryBrowserIT&state=PRY")).isEqualTo(2);

    browser.open("/recommendations?lang=en&q=RegistryBrowserIT");
    browser.untilText(By.cssSelector("#results p[role=status]"), "2 recommendations");
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

  private static String count(long total) {
    return total == 0
        ? "No recommendation found"
        : total == 1 ? "1 recommendation" : String.format("%,d recommendations", total);
  }
}
