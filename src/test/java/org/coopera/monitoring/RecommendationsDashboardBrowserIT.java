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

/**
 * A visitor reads the recommendations dashboard in a browser: the tables and their charts, then the
 * figures of Europe after choosing the region in the form, with the CSV links for the same filter.
 */
@CooperaIntegrationTest
class RecommendationsDashboardBrowserIT {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

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
  void aVisitorSeesTheTablesAndChartsAndNarrowsThemToARegion() {
    long world = jdbc.sql("select count(*) from recommendation").query(Long.class).single();
    long europe =
        jdbc.sql(
                """
                select count(*) from recommendation r join state s on s.iso3 = r.state_iso3
                where '150' in (s.region_code, s.sub_region_code,
                                coalesce(s.intermediate_region_code, ''))
                """)
            .query(Long.class)
            .single();
    assertThat(europe).isPositive().isLessThan(world);

    browser.open("/dashboards/recommendations?lang=en");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Recommendations");
    browser.untilText(By.id("headline-recommendations"), String.valueOf(world));
    for (String table :
        new String[] {"by-mechanism", "by-cycle", "by-theme", "by-sdg", "by-status", "by-year"}) {
      assertThat(browser.find(By.id(table)).findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    }
    assertThat(browser.text(By.cssSelector("#by-mechanism tr[data-key=UPR] th")))
        .isEqualTo("Universal Periodic Review");
    WebElement canvas = browser.find(By.cssSelector("[data-chart-for=by-mechanism] canvas"));
    assertThat(canvas.getSize().getWidth()).isPositive();
    assertThat(canvas.getSize().getHeight()).isPositive();
    assertThat(browser.all(By.cssSelector("[data-chart-for=by-year] canvas"))).isNotEmpty();

    new Select(browser.find(By.id("region"))).selectByValue("150");
    browser.click(By.cssSelector("#filters button[type=submit]"));
    browser.until(d -> d.getCurrentUrl().contains("region=150") ? Boolean.TRUE : null);
    browser.untilText(By.id("headline-recommendations"), String.valueOf(europe));
    assertThat(browser.find(By.cssSelector("[data-chart-for=by-mechanism] canvas"))).isNotNull();
    String csv =
        browser
            .find(By.cssSelector("a[href*='/dashboards/recommendations/by-mechanism.csv']"))
            .getAttribute("href");
    assertThat(csv).endsWith("/dashboards/recommendations/by-mechanism.csv?region=150");
  }
}
