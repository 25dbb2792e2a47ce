package org.coopera.assistance.projects;

/**
 * A rule of the assistance module refuses what was asked (no submitted request, no accepted
 * provider, no assessment, a suspended project): nothing is written. The code is stable and names
 * the message {@code projects.error.<code>}.
 */
public class ProjectRefused extends RuntimeException {

  private final String code;

  public ProjectRefused(String code) {
    super(code);
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "projects.error." + code;
  }
}
