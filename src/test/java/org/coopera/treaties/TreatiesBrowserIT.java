package org.coopera.treaties;

import static org.assertj.core.api.Assertions.assertThat;

import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The treaty system dashboard and a State's profile in a real browser: a visitor finds the
 * dashboard, sees its charts drawn from their tables, narrows it to 2015 and to Africa through the
 * form and reads the counts made independently from the shipped files; then reads Namibia's row of
 * the matrix and Senegal's profile, whose figures lead to the dashboard for Senegal.
 */
@CooperaIntegrationTest
class TreatiesBrowserIT {

  @LocalServerPort int port;

  private Browser browser;

  @BeforeEach
  void start() {
    browser = Browser.start(port);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aVisitorNarrowsTheTreatySystemDashboardAndFollowsAStatesFigures() throws Exception {
    browser.open("/dashboards?lang=en");
    browser.click(By.linkText("Treaty system"));
    browser.untilText(By.tagName("h1"), "Treaty system");
    assertThat(browser.all(By.cssSelector("table#ratifications-by-year tbody tr"))).isNotEmpty();
    // each chart is drawn (a canvas) from its table, which stays for assistive technology
    browser.find(By.cssSelector("[data-chart-for=ratifications-by-year] canvas"));
    browser.find(By.cssSelector("[data-chart-for=ratifications-by-instrument] canvas"));
    assertThat(
            browser
                .find(By.cssSelector("[data-chart-for=ratifications-by-year]"))
                .getAttribute("aria-hidden"))
        .isEqualTo("true");

    browser.find(By.id("to")).sendKeys("2015");
    browser.click(By.cssSelector("#filters button[type=submit]"));
    browser.untilText(
        By.id("headline-ratifications"), String.valueOf(TreatiesIT.partiesInFiles(2015, null)));
    new Select(browser.find(By.id("region"))).selectByValue("002");
    browser.click(By.cssSelector("#filters button[type=submit]"));
    browser.untilText(
        By.id("headline-ratifications"), String.valueOf(TreatiesIT.partiesInFiles(2015, "002")));
    assertThat(browser.find(By.id("to")).getAttribute("value")).isEqualTo("2015");
    assertThat(
            browser
                .find(By.cssSelector("a[href*='ratifications-by-year.csv']"))
                .getAttribute("href"))
        .contains("to=2015")
        .contains("region=002");

    // the matrix: Namibia, whose code NA the import kept, is a party to the ICCPR since 1994
    browser.open("/treaties?lang=en");
    assertThat(browser.text(By.cssSelector("#matrix tr[data-state=NAM]"))).contains("1994");

    // a State's profile brings its figures together and leads to the dashboard for it
    browser.open("/states/SEN?lang=en");
    browser.find(By.cssSelector("#figures-treaties dd[data-key=ratifications]"));
    browser.click(By.cssSelector("#state-figures a[href*='/dashboards/treaties']"));
    browser.find(By.id("scope-state"));
    assertThat(browser.text(By.id("scope-state"))).contains("Senegal");
    assertThat(browser.url()).contains("state=SEN");
  }
}
