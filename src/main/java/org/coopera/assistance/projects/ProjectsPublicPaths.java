package org.coopera.assistance.projects;

import java.util.List;
import org.coopera.platform.PublicPaths;
import org.springframework.stereotype.Component;

/**
 * Published projects are public: their pages, their API and the IATI export. Every read still
 * checks visibility, so an unpublished project answers 404 to anyone who may not see it.
 */
@Component
class ProjectsPublicPaths implements PublicPaths {

  @Override
  public List<String> pages() {
    return List.of("/projects", "/projects/**");
  }

  @Override
  public List<String> api() {
    return List.of("/api/v1/projects", "/api/v1/projects/**");
  }
}
