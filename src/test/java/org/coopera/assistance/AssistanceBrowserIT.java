package org.coopera.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

/**
 * Technical assistance in a real browser, in English and in Arabic, from the State's request to a
 * funded project: Slovenia's focal point drafts a request, its coordinator submits it and sees the
 * offers suggested; OHCHR accepts it, assesses the needs with the State's agreement and starts a
 * published project with an activity and a result; the fund manager allocates and disburses money
 * to it; a visitor reads the project and the request; the coordinator withdraws consent and the
 * project is suspended. Each language's run has its own request and project; each person keeps
 * their browser from one run to the next.
 */
@CooperaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceBrowserIT {

  static final By STATUS = By.cssSelector("div.alert[role=status]");
  static final By OHCHR_ROW = By.cssSelector("#providers tr[data-organisation=OHCHR]");

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

  /** One run of the journey in one language, with its own titles. */
  private final class Run {
    final String language;
    final Wording words;
    final String marker;
    final String project;
    final String findings;
    final String training;

    Run(String language) {
      this.language = language;
      this.words = new Wording(messages, language);
      this.marker = "Browser journey (" + language + "): Roma children in school";
      this.project =
          "Browser journey project (" + language + "): teachers trained on Roma inclusion";
      this.findings = "Browser journey findings (" + language + "): few Roma teaching assistants";
      this.training = "Browser journey training (" + language + ") of Ljubljana teachers";
    }

    /** Opens the first page of this run in this person's browser, choosing the language. */
    Browser open(Browser browser, String path) {
      browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
      browser.assertLanguage(language);
      return browser;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aRequestBecomesAFundedProjectAndConsentWithdrawnSuspendsIt(String language) {
    if (browsers == null) {
      browsers = new Browsers(port);
    }
    Run run = new Run(language);
    String request = focalPointDrafts(run);
    coordinatorSubmits(run, request);
    officerAcceptsAndAssesses(run, request);
    coordinatorAgrees(run, request);
    String project = officerCreatesThePublishedProject(run, request);
    officerAddsWork(run, project);
    fundManagerAllocatesAndDisburses(run, project);
    visitorReadsProjectAndRequest(run, project);
    consentWithdrawnSuspendsTheProject(run, request, project);
  }

  /** The focal point drafts the request; only the coordinator may submit it. */
  private String focalPointDrafts(Run run) {
    Browser browser =
        run.open(browsers.of(DemoLogins.FOCAL_POINT_SVN), "/assistance/states/SVN/requests/new");
    String slovenia = run.words.get("name.state.SVN");
    assertThat(browser.text(By.tagName("h1")))
        .isEqualTo(run.words.get("assistance.editor.new", slovenia));
    browser.find(By.id("title")).sendKeys(run.marker);
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
    browser.click(By.cssSelector("#request-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("assistance.request.created"));
    assertThat(browser.text(By.tagName("h1"))).isEqualTo(run.marker);
    assertThat(browser.text(By.id("status"))).isEqualTo(run.words.get("assistance.status.DRAFT"));
    assertThat(browser.text(By.id("priority-list")))
        .isEqualTo("Train teachers on inclusive education\nHire Roma teaching assistants");
    assertThat(browser.text(By.tagName("main"))).contains("UPR-SVN-S34-122.44");
    assertThat(browser.all(OHCHR_ROW)).hasSize(1);
    assertThat(browser.all(By.cssSelector("a[href$='/edit']"))).isNotEmpty();
    assertThat(browser.all(By.cssSelector("form[action$='/submit']"))).isEmpty();
    String url = browser.url();
    return url.substring(url.indexOf("/assistance/requests/"));
  }

  /** The coordinator submits it and sees the matching offers, with why they match. */
  private void coordinatorSubmits(Run run, String request) {
    Browser coordinator = run.open(browsers.of(DemoLogins.COORDINATOR_SVN), request);
    coordinator.click(By.cssSelector("form[action$='/submit'] button[type=submit]"));
    coordinator.untilText(STATUS, run.words.get("assistance.request.submitted"));
    assertThat(coordinator.text(By.id("status")))
        .isEqualTo(run.words.get("assistance.status.SUBMITTED"));
    assertThat(coordinator.text(By.id("suggestions")))
        .isEqualTo(run.words.get("assistance.suggestions.title"));
    String offer =
        coordinator.text(
            By.xpath(
                "//section[h2[@id='suggestions']]//tr[contains(., 'non-discrimination and"
                    + " minority rights')]"));
    assertThat(offer)
        .contains(
            reason(run, "area", run.words.get("assistance.area.LEGISLATION")),
            reason(run, "area", run.words.get("assistance.area.EDUCATION")),
            reason(run, "form", run.words.get("assistance.form.TRAINING")),
            reason(run, "form", run.words.get("assistance.form.EXPERT_ADVICE")),
            reason(
                run,
                "language",
                Locale.forLanguageTag("en").getDisplayLanguage(run.words.locale())),
            run.words.get("assistance.suggestions.addressed"));
  }

  /** Why an offer matches, as the request page words it. */
  private static String reason(Run run, String kind, String value) {
    return run.words.get("assistance.reason." + kind) + ": " + value;
  }

  /** OHCHR finds it in its inbox, accepts it and records a needs assessment. */
  private void officerAcceptsAndAssesses(Run run, String request) {
    Browser browser = run.open(browsers.of(DemoLogins.AGENCY_OFFICER), "/assistance/inbox");
    browser.click(By.cssSelector("a[href='" + request + "']"));
    browser.until(d -> d.getCurrentUrl().contains(request) ? Boolean.TRUE : null);
    browser.find(By.id("note")).sendKeys("OHCHR's regional office will take it on.");
    browser.click(By.cssSelector("button[name=answer][value=ACCEPTED]"));
    browser.untilText(STATUS, run.words.get("assistance.request.answered"));
    assertThat(browser.text(OHCHR_ROW))
        .contains(
            run.words.get("assistance.answer.ACCEPTED"),
            "OHCHR's regional office will take it on.");

    browser.find(By.id("a-findings")).sendKeys(run.findings);
    browser.find(By.id("a-gaps")).sendKeys("No training module on antigypsyism");
    browser.find(By.id("a-baseline")).sendKeys("12 teaching assistants in 2026");
    browser.date(By.id("a-from"), LocalDate.of(2026, 11, 2));
    browser.date(By.id("a-to"), LocalDate.of(2026, 11, 20));
    browser.click(By.cssSelector("#assessment-form input[name=recommendations]"));
    browser.click(By.cssSelector("#assessment-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.assessment.recorded"));
    assertThat(browser.text(By.cssSelector(".assessment")))
        .contains(
            run.findings,
            "No training module on antigypsyism",
            run.words.get("projects.assessment.not-agreed"));
    assertThat(browser.all(By.id("project-form"))).hasSize(1);
  }

  /** The coordinator agrees the assessment on the request's page. */
  private void coordinatorAgrees(Run run, String request) {
    Browser coordinator = browsers.of(DemoLogins.COORDINATOR_SVN);
    coordinator.open(request);
    coordinator.assertLanguage(run.language);
    coordinator.click(
        By.xpath(
            "//div[contains(@class, 'assessment') and contains(., '"
                + run.findings
                + "')]//form[contains(@action, '/agreement')]//button[@type='submit']"));
    coordinator.untilText(STATUS, run.words.get("projects.assessment.agreed"));
    assertThat(coordinator.text(By.cssSelector(".assessment")))
        .contains(run.words.get("projects.assessment.is-agreed"));
  }

  /** The officer creates the project from the request, then publishes it. */
  private String officerCreatesThePublishedProject(Run run, String request) {
    Browser browser = browsers.of(DemoLogins.AGENCY_OFFICER);
    browser.open(request);
    browser.untilText(
        By.cssSelector(".assessment .badge"), run.words.get("projects.assessment.is-agreed"));
    browser.find(By.id("new-project-title")).sendKeys(run.project);
    browser.find(By.id("new-project-description")).sendKeys("Training and a module for schools.");
    browser.date(By.id("new-project-start"), LocalDate.of(2027, 1, 1));
    browser.date(By.id("new-project-end"), LocalDate.of(2027, 12, 31));
    browser.find(By.id("new-project-budget")).sendKeys("48000");
    browser.find(By.id("new-project-currency")).sendKeys("USD");
    new Select(browser.find(By.id("new-project-org-0"))).selectByValue("OHCHR");
    new Select(browser.find(By.id("new-project-role-0"))).selectByValue("4");
    new Select(browser.find(By.id("new-project-state-1"))).selectByValue("SVN");
    new Select(browser.find(By.id("new-project-role-1"))).selectByValue("2");
    browser.click(By.cssSelector("#project-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.created"));
    browser.assertLanguage(run.language);
    assertThat(browser.text(By.tagName("h1"))).isEqualTo(run.project);
    assertThat(browser.text(By.id("status"))).isEqualTo(run.words.get("projects.status.PLANNED"));
    String id = browser.url().substring(browser.url().indexOf("/projects/") + 10);
    BigDecimal budget =
        jdbc.sql("select budget_amount from project where id = cast(? as uuid)")
            .param(id)
            .query(BigDecimal.class)
            .single();
    assertThat(budget).isEqualByComparingTo("48000");
    assertThat(browser.text(By.id("budget")))
        .isEqualTo(run.words.get("projects.budget", budget, "USD"));
    assertThat(browser.text(By.id("partners")))
        .contains(run.words.get("projects.role.4"), run.words.get("projects.role.2"));
    assertThat(browser.all(By.cssSelector("#partners li"))).hasSize(2);
    assertThat(browser.text(By.id("unpublished")))
        .isEqualTo(run.words.get("projects.unpublished.notice"));

    new Select(browser.find(By.id("edit-published"))).selectByValue("true");
    browser.click(By.cssSelector("#edit-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.saved"));
    assertThat(browser.all(By.id("unpublished"))).isEmpty();
    String url = browser.url();
    return url.substring(url.indexOf("/projects/"));
  }

  /** The officer adds a training, and a result with an indicator. */
  private void officerAddsWork(Run run, String project) {
    Browser browser = browsers.of(DemoLogins.AGENCY_OFFICER);
    new Select(browser.find(By.id("act-kind"))).selectByValue("TRAINING");
    browser.find(By.id("act-title")).sendKeys(run.training);
    browser.date(By.id("act-start"), LocalDate.of(2027, 3, 8));
    browser.date(By.id("act-end"), LocalDate.of(2027, 3, 10));
    browser.find(By.id("act-place")).sendKeys("Ljubljana");
    browser.find(By.id("act-participants")).sendKeys("25");
    browser.click(By.cssSelector("#activity-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.activity.added"));
    assertThat(browser.text(By.id("activities")))
        .contains(
            run.training,
            run.words.get("projects.kind.TRAINING"),
            "Ljubljana",
            run.words.get("projects.participants", 25));

    new Select(browser.find(By.id("res-level"))).selectByValue("OUTCOME");
    browser.find(By.id("res-title")).sendKeys("Roma children complete primary school");
    browser.click(By.cssSelector("#result-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.result.added"));

    browser.find(By.cssSelector(".indicator-form input[name=title]")).sendKeys("Teachers trained");
    browser.find(By.cssSelector(".indicator-form input[name=unit]")).sendKeys("teachers");
    browser.find(By.cssSelector(".indicator-form input[name=baseline]")).sendKeys("0");
    browser.date(
        By.cssSelector(".indicator-form input[name=baselineDate]"), LocalDate.of(2027, 1, 1));
    browser.find(By.cssSelector(".indicator-form input[name=target]")).sendKeys("120");
    browser.date(
        By.cssSelector(".indicator-form input[name=targetDate]"), LocalDate.of(2027, 12, 31));
    browser.click(By.cssSelector(".indicator-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("projects.indicator.added"));
    assertThat(browser.text(By.xpath("//section[@aria-labelledby='results-heading']")))
        .contains(
            run.words.get("projects.level.OUTCOME") + " Roma children complete primary school",
            run.words.get("projects.indicator.caption", "Teachers trained", "teachers"));
    assertThat(browser.url()).endsWith(project);
  }

  /** The fund manager allocates money from the trust fund and disburses part of it. */
  private void fundManagerAllocatesAndDisburses(Run run, String project) {
    Browser browser = run.open(browsers.of(DemoLogins.FUND_MANAGER), "/funds/VFTC");
    String projectId = project.substring("/projects/".length());
    new Select(browser.find(By.id("allocation-project"))).selectByValue(projectId);
    browser.find(By.id("allocation-amount")).sendKeys("40000");
    browser.date(By.id("allocation-date"), LocalDate.of(2027, 1, 15));
    browser.find(By.id("allocation-purpose")).sendKeys("Training of teachers");
    browser.click(By.cssSelector("#allocation-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("funds.notice.allocated"));
    By allocation = By.xpath("//table[@id='allocations']//tr[contains(., '" + run.project + "')]");
    assertThat(browser.text(allocation))
        .contains("SVN · " + run.project, "2027-01-15", amount(run, 40000));

    String allocationId =
        browser.find(allocation).getAttribute("id").substring("allocation-".length());
    new Select(browser.find(By.id("disbursement-allocation"))).selectByValue(allocationId);
    browser.find(By.id("disbursement-amount")).sendKeys("15000");
    browser.date(By.id("disbursement-date"), LocalDate.of(2027, 2, 1));
    browser.click(By.cssSelector("#disbursement-form button[type=submit]"));
    browser.untilText(STATUS, run.words.get("funds.notice.disbursed"));
    assertThat(
            browser.text(
                By.xpath("//table[@id='disbursements']//tr[contains(., '" + run.project + "')]")))
        .contains("2027-02-01", amount(run, 15000));
    assertThat(browser.text(allocation)).contains(amount(run, 40000), amount(run, 25000));
  }

  /** An amount as the fund's page writes it: the language's separators, two decimals. */
  private static String amount(Run run, long dollars) {
    return NumberUtils.format(
        BigDecimal.valueOf(dollars),
        1,
        NumberPointType.DEFAULT,
        2,
        NumberPointType.DEFAULT,
        run.words.locale());
  }

  /** Anyone finds the published project and the submitted request. */
  private void visitorReadsProjectAndRequest(Run run, String project) {
    Browser browser = run.open(browsers.visitor(), "/projects");
    browser.click(By.cssSelector("a[href='" + project + "']"));
    browser.untilText(By.tagName("h1"), run.project);
    browser.assertLanguage(run.language);
    assertThat(browser.text(By.tagName("main")))
        .contains(
            run.training,
            "Roma children complete primary school",
            run.words.get("projects.status.PLANNED"));
    assertThat(browser.all(By.id("activity-form"))).isEmpty();

    browser.open("/assistance/requests");
    browser.assertLanguage(run.language);
    assertThat(
            browser.text(
                By.xpath(
                    "//tr[contains(@class, 'public-request')][contains(., '" + run.marker + "')]")))
        .contains(
            run.words.get("assistance.area.EDUCATION"),
            run.words.get("assistance.area.LEGISLATION"));
  }

  /**
   * While the officer has the project open, the coordinator withdraws consent: the project is
   * suspended, takes no new activity, and the officer's activity is refused with the reason.
   */
  private void consentWithdrawnSuspendsTheProject(Run run, String request, String project) {
    Browser browser = browsers.of(DemoLogins.AGENCY_OFFICER);
    browser.open(project);
    browser.assertLanguage(run.language);
    new Select(browser.find(By.id("act-kind"))).selectByValue("WORKSHOP");
    browser.find(By.id("act-title")).sendKeys("A workshop too late");
    browser.date(By.id("act-start"), LocalDate.of(2027, 5, 3));
    browser.date(By.id("act-end"), LocalDate.of(2027, 5, 3));
    browser.click(By.id("act-online"));

    Browser coordinator = browsers.of(DemoLogins.COORDINATOR_SVN);
    coordinator.open(request);
    coordinator.find(By.id("reason")).sendKeys("The government changed its priorities");
    coordinator.click(By.cssSelector("form[action$='/withdraw'] button[type=submit]"));
    coordinator.untilText(STATUS, run.words.get("assistance.request.withdrawn"));
    assertThat(coordinator.text(By.id("status")))
        .isEqualTo(run.words.get("assistance.status.WITHDRAWN"));
    assertThat(coordinator.text(By.tagName("main")))
        .contains(
            run.words.get(
                "assistance.request.withdrawn-because", "The government changed its priorities"));
    coordinator.open(project);
    coordinator.untilText(By.id("status"), run.words.get("projects.status.SUSPENDED"));
    assertThat(coordinator.all(By.id("activity-form"))).isEmpty();

    browser.click(By.cssSelector("#activity-form button[type=submit]"));
    browser.untilText(
        By.cssSelector("div.alert.refusal"), run.words.get("projects.error.project-not-open"));
    assertThat(browser.text(By.id("status"))).isEqualTo(run.words.get("projects.status.SUSPENDED"));
    assertThat(browser.all(By.id("activity-form"))).isEmpty();
    assertThat(browser.text(By.id("activities"))).doesNotContain("A workshop too late");
  }
}
