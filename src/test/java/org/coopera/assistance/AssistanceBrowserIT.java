package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Technical assistance in a real browser, from the State's request to a funded project: Slovenia's
 * focal point drafts a request, its coordinator submits it and sees the offers suggested; OHCHR
 * accepts it, assesses the needs with the State's agreement and starts a published project with an
 * activity and a result; the fund manager allocates and disburses money to it; a visitor reads the
 * project and the request; the coordinator withdraws consent and the project is suspended.
 */
@CooperaIntegrationTest
class AssistanceBrowserIT {

  static final String MARKER = "Browser journey: Roma children in school";
  static final String PROJECT = "Browser journey project: teachers trained on Roma inclusion";
  static final String FINDINGS = "Browser journey findings: few Roma teaching assistants";
  static final String TRAINING = "Browser journey training of Ljubljana teachers";
  static final String OHCHR = "Office of the United Nations High Commissioner for Human Rights";
  static final String STATUS = "div.alert[role=status]";

  @LocalServerPort int port;

  /** The focal point's, the officer's, the fund manager's, then a visitor's browser. */
  private Browser browser;

  /** Slovenia's coordinator, signed in at their own desk throughout. */
  private Browser coordinator;

  @BeforeEach
  void startBrowsers() {
    browser = Browser.start(port);
    coordinator = Browser.start(port);
  }

  @AfterEach
  void closeBrowsers() {
    if (browser != null) {
      browser.close();
    }
    if (coordinator != null) {
      coordinator.close();
    }
  }

  @Test
  void aRequestBecomesAFundedProjectAndConsentWithdrawnSuspendsIt() {
    String request = focalPointDrafts();
    coordinatorSubmits(request);
    officerAcceptsAndAssesses(request);
    coordinatorAgrees(request);
    String project = officerCreatesThePublishedProject(request);
    officerAddsWork(project);
    fundManagerAllocatesAndDisburses();
    visitorReadsProjectAndRequest();
    consentWithdrawnSuspendsTheProject(request, project);
  }

  /** The focal point drafts the request; only the coordinator may submit it. */
  private String focalPointDrafts() {
    browser.signIn(DemoLogins.FOCAL_POINT_SVN, DemoLogins.PASSWORD);
    browser.open("/assistance/states/SVN/requests/new?lang=en");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo("Draft a request of Slovenia");
    browser.find(By.id("title")).sendKeys(MARKER);
    browser.find(By.id("summary")).sendKeys("Advice and training so that Roma children stay.");
    browser.click(By.id("area-EDUCATION"));
    browser.click(By.id("area-LEGISLATION"));
    browser.click(By.id("form-TRAINING"));
    browser.click(By.id("form-EXPERT_ADVICE"));
    browser.click(By.id("lang-en"));
    browser
        .find(By.id("priorities"))
        .sendKeys("Train teachers on inclusive education\nHire Roma teaching assistants");
    browser.find(By.id("recommendations")).sendKeys("UPR-SVN-S34-122.44");
    browser.click(By.id("org-OHCHR"));
    browser.click(By.xpath("//form//button[normalize-space()='Save']"));
    browser.untilText(By.cssSelector(STATUS), "The request is drafted.");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo(MARKER);
    assertThat(browser.text(By.id("status"))).isEqualTo("Draft");
    assertThat(browser.text(By.tagName("ol")))
        .isEqualTo("Train teachers on inclusive education\nHire Roma teaching assistants");
    assertThat(browser.text(By.tagName("main"))).contains("UPR-SVN-S34-122.44", OHCHR);
    assertThat(browser.all(By.linkText("Edit"))).isNotEmpty();
    assertThat(browser.all(By.xpath("//button[contains(., 'Submit the request')]"))).isEmpty();
    String url = browser.url();
    browser.signOut();
    return url.substring(url.indexOf("/assistance/requests/"));
  }

  /** The coordinator submits it and sees the matching offers, with why they match. */
  private void coordinatorSubmits(String request) {
    coordinator.signIn(DemoLogins.COORDINATOR_SVN, DemoLogins.PASSWORD);
    coordinator.open(request + "?lang=en");
    coordinator.click(By.xpath("//button[contains(., 'Submit the request')]"));
    coordinator.untilText(
        By.cssSelector(STATUS), "The request is submitted: the providers addressed are told.");
    assertThat(coordinator.text(By.id("status"))).isEqualTo("Submitted");
    assertThat(coordinator.text(By.id("suggestions"))).isEqualTo("Suggested offers");
    String offer =
        coordinator.text(
            By.xpath(
                "//section[h2[@id='suggestions']]//tr[contains(., 'non-discrimination and"
                    + " minority rights')]"));
    assertThat(offer)
        .contains(
            OHCHR,
            "area: legislation",
            "area: education",
            "form: training",
            "form: expert advice",
            "language: English",
            "Already addressed");
  }

  /** OHCHR finds it in its inbox, accepts it and records a needs assessment. */
  private void officerAcceptsAndAssesses(String request) {
    browser.signIn(DemoLogins.AGENCY_OFFICER, DemoLogins.PASSWORD);
    browser.open("/assistance/inbox?lang=en");
    browser.click(By.linkText(MARKER));
    browser.until(d -> d.getCurrentUrl().contains(request) ? Boolean.TRUE : null);
    browser.find(By.id("note")).sendKeys("OHCHR's regional office will take it on.");
    browser.click(By.xpath("//button[@value='ACCEPTED']"));
    browser.untilText(By.cssSelector(STATUS), "Your answer is recorded; the State is told.");
    assertThat(browser.text(By.xpath("//tr[contains(., '" + OHCHR + "')]")))
        .contains("Accepted", "OHCHR's regional office will take it on.");

    browser.find(By.id("a-findings")).sendKeys(FINDINGS);
    browser.find(By.id("a-gaps")).sendKeys("No training module on antigypsyism");
    browser.find(By.id("a-baseline")).sendKeys("12 teaching assistants in 2026");
    browser.date(By.id("a-from"), LocalDate.of(2026, 11, 2));
    browser.date(By.id("a-to"), LocalDate.of(2026, 11, 20));
    browser.click(By.cssSelector("#assessment-form input[name=recommendations]"));
    browser.click(By.xpath("//button[contains(., 'Record the assessment')]"));
    browser.untilText(By.cssSelector(STATUS), "The needs assessment is recorded.");
    assertThat(browser.text(By.cssSelector(".assessment")))
        .contains(FINDINGS, "No training module on antigypsyism", "Not yet agreed with the State");
    assertThat(browser.all(By.id("project-form"))).hasSize(1);
  }

  /** The coordinator agrees the assessment on the request's page. */
  private void coordinatorAgrees(String request) {
    coordinator.open(request + "?lang=en");
    coordinator.click(
        By.xpath(
            "//div[contains(@class, 'assessment') and contains(., '"
                + FINDINGS
                + "')]//button[contains(., 'Agree this assessment')]"));
    coordinator.untilText(By.cssSelector(STATUS), "The State has agreed the assessment.");
    assertThat(coordinator.text(By.cssSelector(".assessment"))).contains("Agreed with the State");
  }

  /** The officer creates the project from the request, then publishes it. */
  private String officerCreatesThePublishedProject(String request) {
    browser.open(request + "?lang=en");
    browser.untilText(By.cssSelector(".assessment .badge"), "Agreed with the State");
    browser.find(By.id("new-project-title")).sendKeys(PROJECT);
    browser.find(By.id("new-project-description")).sendKeys("Training and a module for schools.");
    browser.date(By.id("new-project-start"), LocalDate.of(2027, 1, 1));
    browser.date(By.id("new-project-end"), LocalDate.of(2027, 12, 31));
    browser.find(By.id("new-project-budget")).sendKeys("48000");
    browser.find(By.id("new-project-currency")).sendKeys("USD");
    new Select(browser.find(By.id("new-project-org-0"))).selectByValue("OHCHR");
    new Select(browser.find(By.id("new-project-role-0"))).selectByVisibleText("Implementing");
    new Select(browser.find(By.id("new-project-state-1"))).selectByVisibleText("Slovenia");
    new Select(browser.find(By.id("new-project-role-1"))).selectByVisibleText("Accountable");
    browser.click(By.xpath("//button[contains(., 'Create the project')]"));
    browser.untilText(By.cssSelector(STATUS), "The project is created.");
    assertThat(browser.text(By.tagName("h1"))).isEqualTo(PROJECT);
    assertThat(browser.text(By.id("status"))).isEqualTo("Planned");
    assertThat(browser.text(By.id("budget"))).contains("48", "USD");
    assertThat(browser.text(By.id("partners")))
        .contains(OHCHR, "Implementing", "Slovenia", "Accountable");
    assertThat(browser.all(By.xpath("//div[contains(., 'This project is not published')]")))
        .isNotEmpty();

    new Select(browser.find(By.id("edit-published"))).selectByValue("true");
    browser.click(By.xpath("//button[contains(., 'Save the project')]"));
    browser.untilText(By.cssSelector(STATUS), "The project is saved.");
    assertThat(browser.text(By.tagName("main"))).doesNotContain("This project is not published");
    String url = browser.url();
    return url.substring(url.indexOf("/projects/"));
  }

  /** The officer adds a training, and a result with an indicator. */
  private void officerAddsWork(String project) {
    new Select(browser.find(By.id("act-kind"))).selectByVisibleText("Training");
    browser.find(By.id("act-title")).sendKeys(TRAINING);
    browser.date(By.id("act-start"), LocalDate.of(2027, 3, 8));
    browser.date(By.id("act-end"), LocalDate.of(2027, 3, 10));
    browser.find(By.id("act-place")).sendKeys("Ljubljana");
    browser.find(By.id("act-participants")).sendKeys("25");
    browser.click(By.xpath("//button[contains(., 'Add the activity')]"));
    browser.untilText(By.cssSelector(STATUS), "The activity is added.");
    assertThat(browser.text(By.id("activities")))
        .contains(TRAINING, "Training", "Ljubljana", "25 participants");

    new Select(browser.find(By.id("res-level"))).selectByVisibleText("Outcome");
    browser.find(By.id("res-title")).sendKeys("Roma children complete primary school");
    browser.click(By.xpath("//button[contains(., 'Add the result')]"));
    browser.untilText(By.cssSelector(STATUS), "The result is added.");

    browser.find(By.cssSelector(".indicator-form input[name=title]")).sendKeys("Teachers trained");
    browser.find(By.cssSelector(".indicator-form input[name=unit]")).sendKeys("teachers");
    browser.find(By.cssSelector(".indicator-form input[name=baseline]")).sendKeys("0");
    browser.date(
        By.cssSelector(".indicator-form input[name=baselineDate]"), LocalDate.of(2027, 1, 1));
    browser.find(By.cssSelector(".indicator-form input[name=target]")).sendKeys("120");
    browser.date(
        By.cssSelector(".indicator-form input[name=targetDate]"), LocalDate.of(2027, 12, 31));
    browser.click(By.xpath("//button[contains(., 'Add the indicator')]"));
    browser.untilText(By.cssSelector(STATUS), "The indicator is added.");
    assertThat(browser.text(By.xpath("//section[@aria-labelledby='results-heading']")))
        .contains(
            "Outcome Roma children complete primary school", "Teachers trained (unit: teachers)");
    assertThat(browser.url()).endsWith(project);
    browser.signOut();
  }

  /** The fund manager allocates money from the trust fund and disburses part of it. */
  private void fundManagerAllocatesAndDisburses() {
    browser.signIn(DemoLogins.FUND_MANAGER, DemoLogins.PASSWORD);
    browser.open("/funds/VFTC?lang=en");
    new Select(browser.find(By.id("allocation-project"))).selectByVisibleText("SVN · " + PROJECT);
    browser.find(By.id("allocation-amount")).sendKeys("40000");
    browser.date(By.id("allocation-date"), LocalDate.of(2027, 1, 15));
    browser.find(By.id("allocation-purpose")).sendKeys("Training of teachers");
    browser.click(By.xpath("//button[normalize-space()='Allocate']"));
    browser.untilText(By.cssSelector(STATUS), "The allocation was recorded.");
    assertThat(
            browser.text(
                By.xpath("//table[@id='allocations']//tr[contains(., '" + PROJECT + "')]")))
        .contains("SVN · " + PROJECT, "2027-01-15", "40,000.00");

    new Select(browser.find(By.id("disbursement-allocation")))
        .selectByVisibleText("SVN · " + PROJECT + " (USD 40,000.00)");
    browser.find(By.id("disbursement-amount")).sendKeys("15000");
    browser.date(By.id("disbursement-date"), LocalDate.of(2027, 2, 1));
    browser.click(By.xpath("//button[contains(., 'Record the disbursement')]"));
    browser.untilText(By.cssSelector(STATUS), "The disbursement was recorded.");
    assertThat(
            browser.text(
                By.xpath("//table[@id='disbursements']//tr[contains(., '" + PROJECT + "')]")))
        .contains("2027-02-01", "15,000.00");
    assertThat(
            browser.text(
                By.xpath("//table[@id='allocations']//tr[contains(., '" + PROJECT + "')]")))
        .contains("40,000.00", "25,000.00");
    browser.signOut();
  }

  /** Anyone finds the published project and the submitted request. */
  private void visitorReadsProjectAndRequest() {
    browser.open("/projects?lang=en");
    browser.click(By.linkText(PROJECT));
    browser.untilText(By.tagName("h1"), PROJECT);
    assertThat(browser.text(By.tagName("main")))
        .contains(TRAINING, "Roma children complete primary school", "Planned");
    assertThat(browser.all(By.id("activity-form"))).isEmpty();

    browser.open("/assistance/requests?lang=en");
    assertThat(
            browser.text(
                By.xpath(
                    "//tr[contains(@class, 'public-request')][contains(., '" + MARKER + "')]")))
        .contains("Slovenia", "education", "legislation");
  }

  /**
   * While the officer has the project open, the coordinator withdraws consent: the project is
   * suspended, takes no new activity, and the officer's activity is refused with the reason.
   */
  private void consentWithdrawnSuspendsTheProject(String request, String project) {
    browser.signIn(DemoLogins.AGENCY_OFFICER, DemoLogins.PASSWORD);
    browser.open(project + "?lang=en");
    new Select(browser.find(By.id("act-kind"))).selectByVisibleText("Workshop");
    browser.find(By.id("act-title")).sendKeys("A workshop too late");
    browser.date(By.id("act-start"), LocalDate.of(2027, 5, 3));
    browser.date(By.id("act-end"), LocalDate.of(2027, 5, 3));
    browser.click(By.id("act-online"));

    coordinator.open(request + "?lang=en");
    coordinator.find(By.id("reason")).sendKeys("The government changed its priorities");
    coordinator.click(By.xpath("//button[contains(., 'Withdraw consent')]"));
    coordinator.untilText(
        By.cssSelector(STATUS),
        "Consent is withdrawn: the request accepts nothing new and its projects are suspended.");
    assertThat(coordinator.text(By.id("status"))).isEqualTo("Consent withdrawn");
    assertThat(coordinator.text(By.tagName("main")))
        .contains("Consent withdrawn: The government changed its priorities");
    coordinator.open(project + "?lang=en");
    coordinator.untilText(By.id("status"), "Suspended");
    assertThat(coordinator.all(By.id("activity-form"))).isEmpty();

    browser.click(By.xpath("//button[contains(., 'Add the activity')]"));
    browser.untilText(
        By.cssSelector("div.alert.refusal"),
        "This project is suspended, completed or cancelled, or its request was withdrawn: it"
            + " takes no new activity.");
    assertThat(browser.text(By.id("status"))).isEqualTo("Suspended");
    assertThat(browser.all(By.id("activity-form"))).isEmpty();
    assertThat(browser.text(By.id("activities"))).doesNotContain("A workshop too late");
  }
}
