package org.coopera.assistance.projects;

/**
 * Someone saved the record since the caller read it: the edit is refused, nothing is written, and
 * the record as it now is travels with the refusal.
 */
public class StaleEdit extends RuntimeException {

  private final transient Object current;

  public StaleEdit(Object current) {
    super("Stale edit");
    this.current = current;
  }

  public Object current() {
    return current;
  }
}
