package org.coopera.assistance.projects;

/** No such request, assessment, project or indicator, or none the caller may see. */
public class ProjectNotFound extends RuntimeException {

  public ProjectNotFound(Object id) {
    super("Not found: " + id);
  }
}
