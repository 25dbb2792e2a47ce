package org.coopera.assistance.requests;

/** Someone saved the request since the edit began; it carries the request as it now is. */
public class StaleRequest extends RuntimeException {

  private final transient AssistanceRequest current;

  public StaleRequest(AssistanceRequest current) {
    super("Assistance request " + current.id() + " changed");
    this.current = current;
  }

  public AssistanceRequest current() {
    return current;
  }
}
