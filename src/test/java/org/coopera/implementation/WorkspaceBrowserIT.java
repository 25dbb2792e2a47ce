package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A focal point's round in a real browser: sign in, open a recommendation assigned to their
 * institution, add a progress update with evidence and submit it; the coordinator approves and
 * publishes it; a visitor reads it on the State's public implementation page.
 */
@CooperaIntegrationTest
class WorkspaceBrowserIT {

  static final String MARKER =
      "Browser round: the module was drafted with the Judicial Training Centre";

  @LocalServerPort int port;

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
  void aFocalPointReportsTheCoordinatorApprovesAndThePublicSeesIt(@TempDir Path folder)
      throws Exception {
    File evidence = folder.resolve("training-module.pdf").toFile();
    Files.writeString(
        evidence.toPath(),
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
        StandardCharsets.US_ASCII);

    // the focal point of the Ministry of Justice
    browser.signIn(DemoLogins.FOCAL_POINT_SVN, DemoLogins.PASSWORD);
    browser.open("/workspace?lang=en");
    browser.until(d -> d.getCurrentUrl().endsWith("/workspace/SVN") ? Boolean.TRUE : null);
    browser.click(By.cssSelector("a[href='/workspace/SVN/assignments']"));
    browser.click(By.partialLinkText("UPR-SVN-S34-122.44"));
    browser.until(
        d -> d.getCurrentUrl().contains("/workspace/SVN/assignments/") ? Boolean.TRUE : null);
    assertThat(browser.text(By.tagName("h1"))).contains("UPR-SVN-S34-122.44");

    browser.click(By.xpath("//summary[contains(., 'Add a progress update')]"));
    new Select(browser.find(By.id("upd-subject")))
        .selectByVisibleText("Train judges and prosecutors on hate crime and hate speech");
    new Select(browser.find(By.id("upd-status"))).selectByValue("in-progress");
    browser.find(By.id("upd-narrative")).sendKeys(MARKER);
    browser.chooseFile(By.id("upd-evidence"), evidence);
    browser.click(By.xpath("//button[@value='submit' and contains(., 'Submit for review')]"));
    browser.untilText(
        By.cssSelector("div.alert[role=status]"),
        "The update was submitted to the coordinator for review.");
    assertThat(browser.text(By.id("updates"))).contains(MARKER, "training-module.pdf", "Submitted");
    browser.signOut();

    // the coordinator approves, then publishes
    browser.signIn(DemoLogins.COORDINATOR_SVN, DemoLogins.PASSWORD);
    browser.open("/workspace/SVN/review?lang=en");
    browser.click(
        By.xpath("//article[contains(., '" + MARKER + "')]//button[contains(., 'Approve')]"));
    browser.untilText(By.cssSelector("div.alert[role=status]"), "The update was approved.");
    browser.click(By.xpath("//li[contains(., 'Browser round')]//button[contains(., 'Publish')]"));
    browser.untilText(By.cssSelector("div.alert[role=status]"), "The update was published.");
    browser.signOut();

    // anyone reads it on the State's public implementation page
    browser.open("/implementation/SVN?lang=en");
    browser.until(d -> d.getPageSource().contains("UPR-SVN-S34-122.44") ? Boolean.TRUE : null);
    browser.click(By.partialLinkText("UPR-SVN-S34-122.44"));
    browser.until(d -> d.getPageSource().contains(MARKER) ? Boolean.TRUE : null);
    assertThat(browser.text(By.tagName("main"))).contains(MARKER, "training-module.pdf");
  }
}
