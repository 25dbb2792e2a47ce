package org.coopera.platform;

/**
 * A configuration problem that stops start-up. Its message is one sentence that says what is wrong;
 * its action says what to fix. Printed without a stack trace by {@code
 * StartupProblemFailureAnalyzer}.
 */
public class StartupProblem extends RuntimeException {

  private final String action;

  public StartupProblem(String description, String action) {
    super(description);
    this.action = action;
  }

  public StartupProblem(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
