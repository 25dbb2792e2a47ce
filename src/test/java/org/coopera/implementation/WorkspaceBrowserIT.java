package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * A focal point's round in a real browser, in English and in Arabic: sign in, open a recommendation
 * assigned to their institution, add a progress update with evidence and submit it; the coordinator
 * approves and publishes it; a visitor reads it on the State's public implementation page. Each
 * language's round writes its own update.
 */
@CooperaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserIT {

  static final String CODE = "UPR-SVN-S34-122.44";
  static final String ACTION = "Train judges and prosecutors on hate crime and hate speech";
  static final By STATUS = By.cssSelector("div.alert[role=status]");

  @LocalServerPort int port;
  @Autowired MessageSource messages;

  private Browsers browsers;

  @AfterAll
  void closeBrowsers() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aFocalPointReportsTheCoordinatorApprovesAndThePublicSeesIt(
      String language, @TempDir Path folder) throws Exception {
    if (browsers == null) {
      browsers = new Browsers(port);
    }
    Wording words = new Wording(messages, language);
    String marker =
        "Browser round ("
            + language
            + "): the module was drafted with the Judicial Training Centre";
    String fileName = "training-module-" + language + ".pdf";
    File evidence = folder.resolve(fileName).toFile();
    Files.writeString(
        evidence.toPath(),
        "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
        StandardCharsets.US_ASCII);

    // the focal point of the Ministry of Justice
    Browser focalPoint = browsers.of(DemoLogins.FOCAL_POINT_SVN);
    focalPoint.open("/workspace?lang=" + language);
    focalPoint.until(d -> d.getCurrentUrl().endsWith("/workspace/SVN") ? Boolean.TRUE : null);
    focalPoint.assertLanguage(language);
    focalPoint.click(By.cssSelector("a[href='/workspace/SVN/assignments']"));
    focalPoint.click(By.partialLinkText(CODE));
    focalPoint.until(
        d -> d.getCurrentUrl().contains("/workspace/SVN/assignments/") ? Boolean.TRUE : null);
    focalPoint.assertLanguage(language);
    assertThat(focalPoint.text(By.tagName("h1"))).contains(CODE);
    assertThat(focalPoint.text(By.id("updates-heading"))).isEqualTo(words.get("updates.title"));

    focalPoint.click(By.id("add-update"));
    new Select(focalPoint.find(By.id("upd-subject"))).selectByVisibleText(ACTION);
    new Select(focalPoint.find(By.id("upd-status"))).selectByValue("in-progress");
    focalPoint.find(By.id("upd-narrative")).sendKeys(marker);
    focalPoint.chooseFile(By.id("upd-evidence"), evidence);
    focalPoint.click(By.cssSelector("button[name=then][value=submit]"));
    focalPoint.untilText(STATUS, words.get("update.submitted"));
    assertThat(
            focalPoint.text(
                By.xpath("//section[@id='updates']/article[contains(., '" + marker + "')]")))
        .contains(marker, fileName, words.get("update.review.submitted"));

    // the coordinator approves, then publishes
    Browser coordinator = browsers.of(DemoLogins.COORDINATOR_SVN);
    coordinator.open("/workspace/SVN/review?lang=" + language);
    coordinator.assertLanguage(language);
    coordinator.click(
        By.xpath(
            "//article[contains(., '"
                + marker
                + "')]//form[contains(@action, '/approve')]//button[@type='submit']"));
    coordinator.untilText(STATUS, words.get("update.step.approve"));
    coordinator.click(
        By.xpath(
            "//li[contains(., '"
                + marker
                + "')]//form[contains(@action, '/publish')]//button[@type='submit']"));
    coordinator.untilText(STATUS, words.get("update.step.publish"));

    // anyone reads it on the State's public implementation page
    Browser visitor = browsers.visitor();
    visitor.open("/implementation/SVN?lang=" + language);
    visitor.assertLanguage(language);
    visitor.click(By.partialLinkText(CODE));
    visitor.until(d -> d.getPageSource().contains(marker) ? Boolean.TRUE : null);
    visitor.assertLanguage(language);
    assertThat(visitor.text(By.tagName("main"))).contains(marker, fileName);
  }
}
