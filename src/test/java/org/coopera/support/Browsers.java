package org.coopera.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browsers of one test class, one per person: started and signed in on first use, then kept for
 * the class's other tests (a journey run in several languages reuses them), and closed together.
 */
public final class Browsers implements AutoCloseable {

  private static final String VISITOR = "";

  private final int port;
  private final Map<String, Browser> open = new LinkedHashMap<>();

  public Browsers(int port) {
    this.port = port;
  }

  /** The browser of this demo account, signed in. */
  public Browser of(String email) {
    return open.computeIfAbsent(
        email,
        e -> {
          Browser browser = Browser.start(port);
          browser.signIn(e, DemoLogins.PASSWORD);
          return browser;
        });
  }

  /** The browser of a visitor, never signed in. */
  public Browser visitor() {
    return open.computeIfAbsent(VISITOR, e -> Browser.start(port));
  }

  @Override
  public void close() {
    open.values().forEach(Browser::close);
    open.clear();
  }
}
