package org.coopera.monitoring;

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
 * The technical cooperation dashboard in a real browser: a visitor opens it from the dashboards
 * page, sees its charts drawn from their tables, narrows it to the Americas and reads, as the
 * number of requests, what the world's table said for that region.
 */
@CooperaIntegrationTest
class CooperationDashboardBrowserIT {

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
  void aVisitorNarrowsTheCooperationDashboardToARegion() {
    browser.open("/dashboards?lang=en");
    browser.click(By.linkText("Technical cooperation"));
    browser.untilText(By.tagName("h1"), "Technical cooperation");
    browser.find(By.cssSelector("[data-chart-for=requests-by-region] canvas"));
    browser.find(By.cssSelector("[data-chart-for=requests-and-projects-by-year] canvas"));
    String americas =
        browser.text(By.cssSelector("table#requests-by-region tr[data-key='019'] td"));
    assertThat(Integer.parseInt(americas)).isPositive();

    new Select(browser.find(By.id("region"))).selectByValue("019");
    browser.click(By.cssSelector("#filters button[type=submit]"));
    browser.untilText(By.id("headline-requests"), americas);
    assertThat(browser.url()).contains("region=019");
    assertThat(browser.all(By.cssSelector("table#requests-by-region tbody tr"))).hasSize(1);
  }
}
