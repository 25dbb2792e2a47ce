package org.coopera;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.coopera.identity.Grant;
import org.coopera.identity.internal.AccountService;
import org.coopera.identity.internal.Totp;
import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * WCAG 2.2 AA on every page type, in English and in Arabic (right to left): axe-core runs on one
 * real address of every HTML route of the application, each opened as a demo account that may see
 * it (the public pages as a visitor), and on forms refused after an empty submit, so that their
 * error messages show. A serious or critical violation of a WCAG rule fails the test with the page,
 * the rule, the elements and the help; best-practice findings are printed, not failed. Beside axe,
 * each page is checked for what axe does not see: one main landmark, named navigation, the skip
 * link as the first focusable element, the page's language and direction, the language switcher's
 * entries in their own language, charts hidden from assistive technology beside their data table,
 * and a refused form's message tied to its field with the focus on it.
 *
 * <p>Every GET route of a controller that renders a template must be opened in both languages,
 * unless it is listed in {@link #EXCLUDED} with the reason; a new page type thus fails here until
 * it is visited. Detail pages are reached by following the links of the pages visited (one address
 * per route and language), so their ids are real ones.
 */
@CooperaIntegrationTest
class AccessibilityBrowserIT {

  private static final List<String> LANGUAGES = List.of("en", "ar");

  private static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

  /** HTML routes not opened as pages of their own, each with the reason. */
  private static final Map<String, String> EXCLUDED =
      Map.of(
          // An htmx fragment (the progress of a running import) swapped into the import's page,
          // /registry/imports/{id}, which is checked; alone it has no layout to check.
          "/registry/imports/{id}/progress",
          "an htmx fragment of the import's page",
          // The second step of signing in answers only a session between password and code, which
          // the crawl's browsers never are (Browser.signIn types the demo code): signInSteps opens
          // both pages half signed in, shown and with a code refused, and marks them covered.
          "/sign-in/code",
          "opened by signInSteps, half signed in",
          "/sign-in/enrol",
          "opened by signInSteps, half signed in");

  /** Addresses opened whatever was seen before, and the route whose first link is followed. */
  private record Visit(String path, String follow) {
    static Visit of(String path) {
      return new Visit(path, null);
    }
  }

  /** A form submitted empty (the browser's own checks off), which the server must refuse. */
  private record RefusedForm(String path, String form) {}

  private record Role(String name, String email, List<Visit> visits, List<RefusedForm> forms) {}

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired JdbcTemplate jdbc;
  @Autowired AccountService accounts;

  private Routes routes;
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Set<String>> covered = new LinkedHashMap<>();
  private int pages;

  @Test
  void everyPageTypeMeetsWcag22AaInEnglishAndArabic() {
    routes = Routes.of(mapping);
    LANGUAGES.forEach(language -> covered.put(language, new TreeSet<>()));
    long started = System.nanoTime();
    for (Role role : roles()) {
      try (Browser browser = Browser.start(port)) {
        if (role.email() != null) {
          browser.signIn(role.email(), DemoLogins.PASSWORD);
        }
        for (String language : LANGUAGES) {
          crawl(browser, role, language);
          for (RefusedForm form : role.forms()) {
            refuse(browser, role, language, form);
          }
        }
      }
    }
    signInSteps();
    for (String language : LANGUAGES) {
      Set<String> missing = new TreeSet<>(routes.htmlPatterns());
      missing.removeAll(covered.get(language));
      missing.removeAll(EXCLUDED.keySet());
      missing.forEach(
          pattern ->
              failures.add(
                  "["
                      + language
                      + "] "
                      + pattern
                      + ": this page type was not opened (add a visit or a reasoned exclusion)"));
    }
    Set<String> stale = new TreeSet<>(EXCLUDED.keySet());
    stale.removeAll(routes.htmlPatterns());
    stale.forEach(pattern -> failures.add(pattern + ": excluded but no longer a route"));

    System.out.printf(
        "Accessibility: %d pages checked in %d s; %d best-practice notes%n",
        pages, (System.nanoTime() - started) / 1_000_000_000L, notes.size());
    notes.forEach(note -> System.out.println("  note: " + note));
    assertThat(failures)
        .as(
            "accessibility failures (%d):%n%s",
            failures.size(), failures.stream().collect(Collectors.joining("\n")))
        .isEmpty();
  }

  private List<Role> roles() {
    String fund = jdbc.queryForObject("select code from fund order by code limit 1", String.class);
    // detail pages that no page visited links to for these accounts, with ids from the database
    String assignment = first("select id from assignment where state_iso3 = 'SVN' order by id");
    String action =
        first(
            "select x.id from implementation_action x join assignment a on a.id = x.assignment_id"
                + " where a.state_iso3 = 'SVN' order by x.id");
    String indicator =
        first(
            "select x.id from indicator x join assignment a on a.id = x.assignment_id"
                + " where a.state_iso3 = 'SVN' order by x.id");
    String update = first("select id from progress_update where state_iso3 = 'SVN' order by id");
    String practice = first("select id from practice where state_iso3 = 'PRY' order by id");
    String resource = first("select id from library_resource order by id");
    String registryImport = first("select id from recommendation_import order by id");
    return List.of(
        new Role(
            "visitor",
            null,
            paths(
                "/",
                "/recommendations",
                "/recommendations/clusters",
                "/implementation",
                "/states",
                "/assistance/requests",
                "/projects",
                "/funds",
                "/capacity",
                "/capacity/trainers",
                "/capacity/events",
                "/capacity/figures",
                "/capacity/library",
                "/practices",
                "/treaties",
                "/dashboards",
                "/reference",
                "/reference/instruments",
                "/reference/mechanisms",
                "/reference/sdgs",
                "/reference/themes",
                "/login"),
            List.of(new RefusedForm("/login", "form[action$='/login']"))),
        new Role(
            "State coordinator",
            DemoLogins.COORDINATOR_PRY,
            List.of(
                Visit.of("/workspace"),
                Visit.of("/workspace/PRY/assignments"),
                Visit.of("/workspace/PRY/review"),
                Visit.of("/workspace/PRY/institutions"),
                Visit.of("/workspace/PRY/reports"),
                Visit.of("/workspace/PRY/input"),
                Visit.of("/workspace/PRY/calendar"),
                Visit.of("/assistance"),
                Visit.of("/assistance/states/PRY/requests"),
                Visit.of("/assistance/states/PRY/requests/new"),
                Visit.of("/registry/imports"),
                Visit.of("/registry/imports/template"),
                Visit.of("/registry/suggestions"),
                Visit.of("/practices/work"),
                Visit.of("/practices/new?state=PRY"),
                Visit.of("/practices/" + practice + "/edit"),
                Visit.of("/notifications"),
                Visit.of("/profile"),
                Visit.of("/treaties/states/PRY")),
            List.of(
                new RefusedForm(
                    "/assistance/states/PRY/requests/new",
                    "form[action$='/assistance/states/PRY/requests']"),
                new RefusedForm(
                    "/workspace/PRY/institutions", "form[action$='/workspace/PRY/institutions']"),
                new RefusedForm("/registry/imports", "form[action$='/registry/imports']"),
                new RefusedForm("/profile", "form[action$='/profile/password']"))),
        new Role(
            "State coordinator of Slovenia",
            DemoLogins.COORDINATOR_SVN,
            paths(
                "/workspace/SVN/assignments/" + assignment,
                "/workspace/SVN/actions/" + action,
                "/workspace/SVN/indicators/" + indicator),
            List.of()),
        new Role(
            "State focal point of Slovenia",
            DemoLogins.FOCAL_POINT_SVN,
            paths("/workspace/SVN", "/workspace/SVN/updates/" + update),
            List.of()),
        new Role(
            "agency officer",
            DemoLogins.AGENCY_OFFICER,
            paths("/assistance/inbox", "/assistance/offers", "/assistance/iati-imports"),
            List.of(new RefusedForm("/assistance/offers", "form[action$='/assistance/offers']"))),
        new Role(
            "fund manager",
            DemoLogins.FUND_MANAGER,
            paths("/funds", "/funds/" + fund),
            List.of(new RefusedForm("/funds/" + fund, "#pledge-form"))),
        new Role("donor", DemoLogins.DONOR, paths("/funds/donor"), List.of()),
        new Role(
            "trainer",
            DemoLogins.TRAINER,
            paths("/capacity/trainers", "/capacity/library/new"),
            List.of(new RefusedForm("/capacity/library/new", "form[action$='/capacity/library']"))),
        new Role(
            "civil society",
            DemoLogins.CIVIL_SOCIETY,
            List.of(new Visit("/implementation/SVN", "/implementation/{iso3}/assignments/{id}")),
            List.of()),
        new Role(
            "administrator",
            DemoLogins.ADMIN,
            paths(
                "/admin/accounts",
                "/admin/accounts/new",
                "/admin/organisations",
                "/admin/organisations/new",
                "/admin/audit",
                "/treaties/sources",
                "/treaties/communications",
                "/capacity/library/" + resource + "/edit",
                "/registry/imports/" + registryImport),
            List.of(
                new RefusedForm("/admin/accounts/new", "main form[action$='/admin/accounts']"),
                new RefusedForm(
                    "/admin/organisations/new", "main form[action$='/admin/organisations']"))));
  }

  private String first(String sql) {
    return jdbc.queryForList(sql + " limit 1", Object.class).stream()
        .findFirst()
        .map(String::valueOf)
        .orElseThrow(() -> new AssertionError("the demo data have no row for " + sql));
  }

  private static List<Visit> paths(String... paths) {
    return java.util.Arrays.stream(paths).map(Visit::of).toList();
  }

  /**
   * Opens the role's addresses, then, following the links of each page, one address of every HTML
   * route not yet checked in this language.
   */
  private void crawl(Browser browser, Role role, String language) {
    Deque<Visit> queue = new ArrayDeque<>(role.visits());
    Set<String> forced = role.visits().stream().map(Visit::path).collect(Collectors.toSet());
    Set<String> queued = new HashSet<>();
    Set<String> opened = new HashSet<>();
    if (role.email() == null) {
      // the error page, as a missing recommendation shows it
      check(browser, role, language, "/recommendations/NO-SUCH-RECOMMENDATION", true);
    }
    while (!queue.isEmpty()) {
      Visit visit = queue.poll();
      String pattern = routes.htmlPattern(visit.path()).orElse(null);
      boolean mustOpen = forced.contains(visit.path());
      if (!opened.add(visit.path())
          || !mustOpen && (pattern == null || covered.get(language).contains(pattern))) {
        continue;
      }
      List<String> links = check(browser, role, language, visit.path(), false);
      if (links == null) {
        continue;
      }
      if (visit.follow() != null) {
        links.stream()
            .filter(link -> routes.htmlPattern(link).filter(visit.follow()::equals).isPresent())
            .findFirst()
            .ifPresentOrElse(
                link -> {
                  forced.add(link);
                  queue.addFirst(Visit.of(link));
                },
                () ->
                    failures.add(
                        describe(role, language, visit.path())
                            + ": no link to "
                            + visit.follow()
                            + " to follow"));
      }
      for (String link : links) {
        Optional<String> linked = routes.htmlPattern(link);
        if (linked.isPresent()
            && !covered.get(language).contains(linked.get())
            && queued.add(language + linked.get())) {
          queue.add(Visit.of(link));
        }
      }
    }
  }

  /**
   * Opens the address and checks the page; answers the links of the page (paths of this
   * application, without the language), or null when the page could not be opened.
   */
  private List<String> check(
      Browser browser, Role role, String language, String path, boolean errorPage) {
    WebDriver driver = browser.driver();
    browser.open(withLanguage(path, language));
    String where = describe(role, language, path);
    String landed = pathOf(driver.getCurrentUrl());
    boolean showsError = !driver.findElements(By.cssSelector("main .error-page")).isEmpty();
    if (errorPage != showsError) {
      failures.add(
          where + (showsError ? ": shows an error page" : ": does not show the error page"));
      return null;
    }
    if (landed.equals("/login") && !path.startsWith("/login")) {
      failures.add(where + ": sent to the sign-in page");
      return null;
    }
    if (!errorPage) {
      routes.htmlPattern(path).ifPresent(covered.get(language)::add);
      routes.htmlPattern(landed).ifPresent(covered.get(language)::add);
    }
    audit(driver, where, language);
    @SuppressWarnings("unchecked")
    List<String> links =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('a[href]'))"
                        + ".map(a => a.getAttribute('href'))"
                        + ".filter(h => h.startsWith('/') && !h.startsWith('//'));");
    return links.stream().map(AccessibilityBrowserIT::withoutLanguage).distinct().toList();
  }

  /**
   * The two pages of the second step of signing in, as a person sees them between their password
   * and their code: giving the code of an authenticator already set up, and setting one up (a fund
   * manager's first sign-in), each shown and then with a wrong code refused. Two accounts of this
   * test's own, so that the refused codes count against no one else.
   */
  private void signInSteps() {
    String enrolled = account(org.coopera.identity.Role.FUND_MANAGER);
    try {
      HttpBrowser http = new HttpBrowser(port);
      http.signIn(enrolled, DemoLogins.PASSWORD);
      Matcher secret = SECRET.matcher(http.get("/sign-in/enrol").body());
      assertThat(secret.find()).as("the enrolment page shows the secret").isTrue();
      http.post("/sign-in/enrol", "code", Totp.code(secret.group(1), Totp.step(Instant.now())));
    } catch (Exception e) {
      throw new IllegalStateException("could not set up the second factor of " + enrolled, e);
    }
    for (String language : LANGUAGES) {
      secondStep(enrolled, "/sign-in/code", language);
      secondStep(account(org.coopera.identity.Role.FUND_MANAGER), "/sign-in/enrol", language);
    }
  }

  private static final Pattern SECRET = Pattern.compile("id=\"two-factor-secret\">([A-Z2-7]+)<");

  private String account(org.coopera.identity.Role role) {
    String email = "accessibility-" + UUID.randomUUID() + "@example.org";
    accounts.create(
        email, "Accessibility Check", DemoLogins.PASSWORD, List.of(Grant.of(role)), false);
    return email;
  }

  private void secondStep(String email, String step, String language) {
    try (Browser browser = Browser.start(port)) {
      browser.open(withLanguage("/login", language));
      browser.find(By.id("email")).sendKeys(email);
      browser.find(By.id("password")).sendKeys(DemoLogins.PASSWORD);
      browser.click(By.cssSelector("form button[type=submit]"));
      browser.until(d -> d.getCurrentUrl().contains("/login") ? null : Boolean.TRUE);
      String where = "[" + language + "] half signed in " + step;
      if (!pathOf(browser.url()).equals(step)) {
        failures.add(where + ": the password led to " + browser.url());
        return;
      }
      covered.get(language).add(step);
      audit(browser.driver(), where, language);
      browser.find(By.id("code")).sendKeys("000000");
      browser.click(By.cssSelector("main form button[type=submit]"));
      browser.until(
          d -> d.findElements(By.cssSelector("main [role=alert]")).isEmpty() ? null : Boolean.TRUE);
      if (!"true".equals(browser.find(By.id("code")).getAttribute("aria-invalid"))
          || browser.find(By.id("code")).getAttribute("aria-describedby") == null) {
        failures.add(where + " refused: the code field is not marked invalid with its error");
      }
      audit(browser.driver(), where + " refused", language);
    }
  }

  /** Submits the form empty and checks the page that refuses it. */
  private void refuse(Browser browser, Role role, String language, RefusedForm form) {
    WebDriver driver = browser.driver();
    String where = describe(role, language, form.path()) + " refused";
    browser.open(withLanguage(form.path(), language));
    List<WebElement> found = driver.findElements(By.cssSelector(form.form()));
    if (found.isEmpty()) {
      failures.add(where + ": no form " + form.form());
      return;
    }
    WebElement page = driver.findElement(By.tagName("html"));
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].noValidate = true;"
                + " arguments[0].requestSubmit(arguments[0].querySelector('[type=submit]'));",
            found.get(0));
    browser.until(ExpectedConditions.stalenessOf(page));
    browser.until(
        d ->
            "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                ? Boolean.TRUE
                : null);
    pages++;
    if (driver.findElements(By.cssSelector("main .alert-danger[role=alert]")).isEmpty()) {
      failures.add(where + ": the empty form was not refused with an error message");
      return;
    }
    @SuppressWarnings("unchecked")
    List<String> problems =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "var p = [];"
                        + " var a = document.activeElement;"
                        + " if (!a || !(a.matches('.alert-danger[role=alert]')"
                        + "   || a.getAttribute('aria-invalid') === 'true'))"
                        + "   p.push('the focus is not on the error message nor on its field');"
                        + " document.querySelectorAll('[aria-invalid=true]').forEach(function (f) {"
                        + "   var ids = (f.getAttribute('aria-describedby') || '').split(/\\s+/)"
                        + "     .filter(Boolean);"
                        + "   if (!ids.some(function (id) { var e = document.getElementById(id);"
                        + "       return e && e.matches('.alert-danger, .invalid-feedback'); }))"
                        + "     p.push('the invalid field ' + f.name"
                        + "       + ' is not described by its error message');"
                        + " });"
                        + " return p;");
    problems.forEach(problem -> failures.add(where + ": " + problem));
    audit(driver, where, language);
  }

  /** Runs axe and the checks axe does not make on the page open now. */
  @SuppressWarnings("deprecation") // legacy mode: see below
  private void audit(WebDriver driver, String where, String language) {
    pages++;
    AxeRunOptions options = new AxeRunOptions();
    AxeRunOnlyOptions only = new AxeRunOnlyOptions();
    only.setType("tag");
    List<String> tags = new ArrayList<>(WCAG_TAGS);
    tags.add("best-practice");
    only.setValues(tags);
    options.setRunOnly(only);
    options.setResultTypes(List.of("violations"));
    Results results =
        new AxeBuilder()
            .withOptions(options)
            .disableIframeTesting()
            // axe.run in the page itself: the default (runPartial, then finishRun in a blank
            // window opened for it) costs a window per page, and the pages have no frames
            .setLegacyMode(true)
            .analyze(driver);
    if (results.isErrored()) {
      failures.add(where + ": axe did not run: " + results.getErrorMessage());
    }
    for (Rule rule : results.getViolations()) {
      boolean wcag = rule.getTags().stream().anyMatch(WCAG_TAGS::contains);
      String line =
          where
              + ": "
              + rule.getId()
              + " ("
              + rule.getImpact()
              + ") "
              + rule.getHelp()
              + " — "
              + targets(rule.getNodes())
              + " — "
              + rule.getHelpUrl();
      if (wcag && FAILING_IMPACTS.contains(rule.getImpact())) {
        failures.add(line);
      } else {
        notes.add(line);
      }
    }
    @SuppressWarnings("unchecked")
    List<String> problems =
        (List<String>)
            ((JavascriptExecutor) driver).executeScript(STRUCTURE, language, LANGUAGES.size());
    problems.forEach(problem -> failures.add(where + ": " + problem));
  }

  /** What axe does not check, or checks only as best practice, in one script. */
  private static final String STRUCTURE =
      """
      var language = arguments[0], languages = arguments[1], p = [];
      var html = document.documentElement;
      if (html.lang !== language) p.push('html lang is ' + html.lang + ', not ' + language);
      var dir = language === 'ar' ? 'rtl' : 'ltr';
      if (html.dir !== dir) p.push('html dir is ' + html.dir + ', not ' + dir);
      var mains = document.querySelectorAll('main');
      if (mains.length !== 1) p.push(mains.length + ' main landmarks instead of one');
      if (!document.querySelector('main h1')) p.push('no h1 in main');
      document.querySelectorAll('nav').forEach(function (n) {
        if (!n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby'))
          p.push('a nav landmark without a name: ' + n.outerHTML.slice(0, 80));
      });
      var focusable = Array.from(document.querySelectorAll(
          'a[href], button, input, select, textarea, summary, [tabindex]')).filter(function (e) {
        return !e.disabled && e.tabIndex >= 0 && e.type !== 'hidden';
      });
      var skip = focusable[0];
      if (!skip || !skip.matches('a.skip-link[href="#main"]') || !document.getElementById('main'))
        p.push('the first focusable element is not the skip link to main: '
          + (skip ? skip.outerHTML.slice(0, 80) : 'none'));
      var entries = document.querySelectorAll('header .dropdown-menu a[lang]');
      if (entries.length < languages)
        p.push('the language switcher has ' + entries.length + ' entries marked with their language');
      document.querySelectorAll('[data-chart-for]').forEach(function (chart) {
        var table = document.getElementById(chart.getAttribute('data-chart-for'));
        if (chart.getAttribute('aria-hidden') !== 'true')
          p.push('the chart of ' + chart.getAttribute('data-chart-for') + ' is not hidden from assistive technology');
        if (!table || table.closest('[aria-hidden=true]') || getComputedStyle(table).display === 'none'
            || !table.querySelector('th'))
          p.push('the chart of ' + chart.getAttribute('data-chart-for') + ' has no data table available');
      });
      document.querySelectorAll('main table').forEach(function (t) {
        if (t.rows.length > 1 && !t.querySelector('th'))
          p.push('a table without header cells: ' + (t.id || t.className));
      });
      return p;
      """;

  private static String targets(List<CheckedNode> nodes) {
    String shown =
        nodes.stream()
            .limit(5)
            .map(node -> String.valueOf(node.getTarget()))
            .collect(Collectors.joining(", "));
    return nodes.size() > 5 ? shown + " and " + (nodes.size() - 5) + " more" : shown;
  }

  private static String describe(Role role, String language, String path) {
    return "[" + language + "] " + role.name() + " " + path;
  }

  private static String withLanguage(String path, String language) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
  }

  private static String withoutLanguage(String href) {
    String path = href.replaceAll("#.*$", "").replaceAll("([?&])lang=[a-z]+&?", "$1");
    return path.replaceAll("[?&]$", "");
  }

  private static String pathOf(String url) {
    String rest = url.replaceFirst("^https?://[^/]+", "");
    return rest.replaceAll("[?#].*$", "");
  }

  /** The GET routes of the application, and which of them render a page. */
  private record Routes(List<Route> all) {

    private record Route(PathPattern pattern, boolean html) {}

    static Routes of(RequestMappingHandlerMapping mapping) {
      List<Route> routes = new ArrayList<>();
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
          mapping.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        HandlerMethod handler = entry.getValue();
        if (!handler.getBeanType().getPackageName().startsWith("org.coopera")) {
          continue;
        }
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
          continue;
        }
        Class<?> returned = handler.getReturnType().getParameterType();
        boolean html =
            AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), Controller.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                && !handler.hasMethodAnnotation(ResponseBody.class)
                && (returned == String.class || ModelAndView.class.isAssignableFrom(returned));
        for (String pattern : info.getPatternValues()) {
          routes.add(new Route(PathPatternParser.defaultInstance.parse(pattern), html));
        }
      }
      return new Routes(routes);
    }

    Collection<String> htmlPatterns() {
      return all.stream()
          .filter(Route::html)
          .map(route -> route.pattern().getPatternString())
          .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The route that serves this path, when it renders a page. */
    Optional<String> htmlPattern(String path) {
      PathContainer container = PathContainer.parsePath(path.replaceAll("[?#].*$", ""));
      return all.stream()
          .filter(route -> route.pattern().matches(container))
          .min(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR))
          .filter(Route::html)
          .map(route -> route.pattern().getPatternString());
    }
  }
}
