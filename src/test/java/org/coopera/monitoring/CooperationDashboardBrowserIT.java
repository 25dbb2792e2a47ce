package org.coopera.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The technical cooperation dashboard in a real browser: a visitor opens it from the dashboards
 * page, sees its charts drawn from their tables, narrows it to the Americas and reads, as the
 * number of requests, what the world's table said for that region; and narrows Nauru's figures (the
 * test's own, see {@link CooperationFixture}) to one year by typing it in the form.
 */
@CooperaIntegrationTest
// An application context and database of their own: the fixture's requests and projects in
// Nauru, written with SQL, would otherwise reach the other tests' checks of every project.
@TestPropertySource(properties = "coopera.test.world=cooperation-fixture")
class CooperationDashboardBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

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

  @Test
  void aVisitorNarrowsOneStatesFiguresToAPeriod() {
    CooperationFixture.ensure(jdbc, transactions);
    browser.open("/dashboards/cooperation?lang=en&state=NRU");
    browser.untilText(By.id("headline-requests"), "3");
    assertThat(browser.text(By.id("headline-projects"))).isEqualTo("4");

    WebElement from = browser.find(By.id("from"));
    from.clear();
    from.sendKeys("2041");
    WebElement to = browser.find(By.id("to"));
    to.clear();
    to.sendKeys("2041");
    browser.click(By.cssSelector("#filters button[type=submit]"));
    browser.until(d -> d.getCurrentUrl().contains("from=2041") ? Boolean.TRUE : null);
    assertThat(browser.url()).contains("to=2041").contains("state=NRU");
    browser.untilText(By.id("headline-requests"), "2");
    assertThat(browser.text(By.id("headline-projects"))).isEqualTo("1");
    assertThat(browser.text(By.id("headline-medianDaysToStart"))).isEqualTo("90");
    assertThat(browser.all(By.cssSelector("table#requests-and-projects-by-year tbody tr")))
        .hasSize(1);
    assertThat(
            browser.text(
                By.cssSelector("table#requests-and-projects-by-year tr[data-key='2041'] td")))
        .isEqualTo("2");
    WebElement canvas =
        browser.find(By.cssSelector("[data-chart-for=requests-and-projects-by-year] canvas"));
    assertThat(canvas.getSize().getWidth()).isPositive();
    assertThat(canvas.getSize().getHeight()).isPositive();
    assertThat(browser.find(By.cssSelector("[data-chart-for=projects-by-outcome] canvas")))
        .isNotNull();
  }
}
