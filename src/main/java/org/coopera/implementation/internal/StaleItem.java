package org.coopera.implementation.internal;

/**
 * Someone saved the item since the edit began, so nothing was saved; it carries the item as it is
 * now, for the page to show beside what the person typed.
 */
public class StaleItem extends RuntimeException {
  private final transient Object current;

  public StaleItem(Object current) {
    super("Changed meanwhile");
    this.current = current;
  }

  public Object current() {
    return current;
  }
}
