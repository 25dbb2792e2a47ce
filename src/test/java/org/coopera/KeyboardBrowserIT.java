package org.coopera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.coopera.support.Browser;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The keyboard alone, in English and in Arabic (right to left): the browser receives only keys
 * (Tab, Shift+Tab, Enter, Space, arrows, and the letters typed), never a click. The first Tab
 * reaches the skip link and Enter takes the focus to the main content; a visitor searches the
 * recommendations and ticks a facet; a person signs in; the language switcher opens and a language
 * is chosen. Every element that takes the focus on the way shows it (an outline or a box shadow),
 * and the main navigation takes the focus in the order it is seen.
 */
@CooperaIntegrationTest
class KeyboardBrowserIT {

  /** At most this many Tab presses to reach an element: past it the page is a trap or too long. */
  private static final int PATIENCE = 120;

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

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void theFirstTabReachesTheSkipLinkWhichLeadsToTheMainContent(String language) {
    browser.open("/recommendations?lang=" + language);
    assertThat(script("return document.documentElement.dir"))
        .isEqualTo(language.equals("ar") ? "rtl" : "ltr");

    press(Keys.TAB);
    assertThat(focused("return a.matches('a.skip-link')"))
        .as("the first Tab reaches the skip link")
        .isEqualTo(true);
    assertFocusVisible();
    assertThat(focused("var r = a.getBoundingClientRect(); return r.top >= 0 && r.bottom > 0"))
        .as("the skip link shows when it has the focus")
        .isEqualTo(true);

    press(Keys.ENTER);
    browser.until(d -> focused("return a.id === 'main'").equals(true) ? Boolean.TRUE : null);
    press(Keys.TAB);
    assertThat(focused("return document.getElementById('main').contains(a)"))
        .as("the next Tab goes on inside the main content")
        .isEqualTo(true);
    assertFocusVisible();

    press(Keys.SHIFT, Keys.TAB);
    press(Keys.SHIFT, Keys.TAB);
    assertThat(focused("return !document.getElementById('main').contains(a)"))
        .as("Shift+Tab goes back out of the main content")
        .isEqualTo(true);
    assertFocusVisible();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aVisitorSearchesTheRecommendationsAndTicksAFacet(String language) {
    browser.open("/recommendations?lang=" + language);
    skipToMain();
    tabUntil("return a.id === 'q'");
    type("torture");
    press(Keys.ENTER);
    browser.until(d -> d.getCurrentUrl().contains("q=torture") ? Boolean.TRUE : null);
    String before = browser.text(By.cssSelector("#results p[role=status]"));

    tabUntil("return a.matches('input.facet-input[name=state]')");
    String facet = (String) focused("return a.id");
    press(Keys.SPACE);
    browser.until(d -> d.getCurrentUrl().contains("state=") ? Boolean.TRUE : null);
    browser.until(
        d ->
            !browser.text(By.cssSelector("#results p[role=status]")).equals(before)
                ? Boolean.TRUE
                : null);
    assertThat(focused("return a.id"))
        .as("the ticked facet keeps the focus after the results change")
        .isEqualTo(facet);
    assertThat(focused("return a.checked")).isEqualTo(true);
    assertFocusVisible();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void aPersonSignsInWithTheKeyboardOnly(String language) {
    browser.open("/login?lang=" + language);
    skipToMain();
    tabUntil("return a.id === 'email'");
    type(DemoLogins.COORDINATOR_PRY);
    press(Keys.TAB);
    assertThat(focused("return a.id")).isEqualTo("password");
    assertFocusVisible();
    type(DemoLogins.PASSWORD);
    press(Keys.ENTER);
    browser.until(d -> d.getCurrentUrl().contains("/login") ? null : Boolean.TRUE);
    assertThat(browser.all(By.cssSelector("form[action$='/logout']"))).as("signed in").isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void theMainNavigationTakesTheFocusInTheOrderItIsSeen(String language) {
    browser.open("/?lang=" + language);
    List<Map<String, Object>> order = new ArrayList<>();
    press(Keys.TAB);
    for (int i = 0; i < PATIENCE; i++) {
      press(Keys.TAB);
      assertFocusVisible();
      @SuppressWarnings("unchecked")
      Map<String, Object> link =
          (Map<String, Object>)
              focused(
                  "if (!a.closest('#main-nav .navbar-nav.me-auto')) return null;"
                      + " var r = a.getBoundingClientRect();"
                      + " return {href: a.getAttribute('href'), top: Math.round(r.top),"
                      + " left: r.left, right: r.right};");
      if (link == null) {
        if (!order.isEmpty()) {
          break;
        }
        continue;
      }
      order.add(link);
    }
    assertThat(order).as("the main navigation's links take the focus").hasSizeGreaterThan(5);
    boolean rtl = language.equals("ar");
    Comparator<Map<String, Object>> seen =
        Comparator.comparing((Map<String, Object> l) -> number(l.get("top")))
            .thenComparing(l -> rtl ? -number(l.get("right")) : number(l.get("left")));
    List<Map<String, Object>> visual = order.stream().sorted(seen).toList();
    assertThat(order.stream().map(l -> l.get("href")).toList())
        .as("the focus order of the main navigation follows what is seen")
        .isEqualTo(visual.stream().map(l -> l.get("href")).toList());
    if (rtl) {
      assertThat(number(order.get(1).get("left")))
          .as("right to left, the next link is to the left")
          .isLessThan(number(order.get(0).get("left")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "ar"})
  void theLanguageSwitcherOpensAndALanguageIsChosenByKeyboard(String language) {
    String wanted = language.equals("ar") ? "en" : "ar";
    browser.open("/practices?lang=" + language);
    tabUntil("return a.matches('.dropdown-toggle')");
    press(Keys.ENTER);
    browser.until(
        d ->
            Boolean.TRUE.equals(
                    script("return document.querySelector('.dropdown-menu.show') !== null"))
                ? Boolean.TRUE
                : null);
    for (int i = 0; i < 10 && !wanted.equals(focused("return a.lang")); i++) {
      press(Keys.ARROW_DOWN);
      assertFocusVisible();
    }
    assertThat(focused("return a.lang")).as("the arrows reach the language").isEqualTo(wanted);
    press(Keys.ENTER);
    browser.until(
        d -> wanted.equals(script("return document.documentElement.lang")) ? Boolean.TRUE : null);
    assertThat(browser.url()).contains("/practices");
    assertThat(script("return document.documentElement.dir"))
        .isEqualTo(wanted.equals("ar") ? "rtl" : "ltr");
  }

  // keys, focus and what it shows

  private void press(CharSequence... keys) {
    Actions actions = new Actions(browser.driver());
    if (keys.length == 2 && keys[0] == Keys.SHIFT) {
      actions.keyDown(Keys.SHIFT).sendKeys(keys[1]).keyUp(Keys.SHIFT).perform();
    } else {
      actions.sendKeys(keys).perform();
    }
  }

  private void type(String text) {
    new Actions(browser.driver()).sendKeys(text).perform();
  }

  /** Tab, Enter on the skip link: the focus is then at the start of the main content. */
  private void skipToMain() {
    awaitFocus();
    press(Keys.TAB);
    assertThat(focused("return a.matches('a.skip-link')"))
        .as("the first Tab reaches the skip link, not %s", focused("return a.outerHTML"))
        .isEqualTo(true);
    press(Keys.ENTER);
    browser.until(d -> focused("return a.id === 'main'").equals(true) ? Boolean.TRUE : null);
  }

  /**
   * Waits until the page is loaded and has the focus: keys reach the page only then, and on a busy
   * machine a key sent earlier goes nowhere (the focus stays on the body).
   */
  private void awaitFocus() {
    browser.until(
        d ->
            script("return document.readyState === 'complete' && document.hasFocus()").equals(true)
                ? Boolean.TRUE
                : null);
  }

  /**
   * Presses Tab until the focused element answers true, checking that each one shows the focus;
   * from a page just opened, once the page has the focus.
   */
  private void tabUntil(String test) {
    if (Boolean.TRUE.equals(focused("return a === document.body"))) {
      awaitFocus();
    }
    for (int i = 0; i < PATIENCE; i++) {
      press(Keys.TAB);
      assertFocusVisible();
      if (Boolean.TRUE.equals(focused(test))) {
        return;
      }
    }
    throw new AssertionError("Tab never reached the element for which " + test);
  }

  /** Runs the script with {@code a} the focused element. */
  private Object focused(String body) {
    return script("var a = document.activeElement; " + body);
  }

  private Object script(String body) {
    return ((JavascriptExecutor) browser.driver()).executeScript(body);
  }

  private void assertFocusVisible() {
    Object shown =
        focused(
            "var s = getComputedStyle(a);"
                + " var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + " var shadow = s.boxShadow !== 'none' && !/^rgba\\(0, 0, 0, 0\\)/.test(s.boxShadow);"
                + " return (outline || shadow) ? true"
                + " : a.tagName + '.' + a.className + ' ' + (a.textContent || a.name || '').trim().slice(0, 40);");
    assertThat(shown).as("the focused element shows the focus").isEqualTo(true);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
