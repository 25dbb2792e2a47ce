package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.WorkspaceItemNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * For the module's pages: no such State, or nothing of that id in its workspace (or in what it
 * published), is the one error page, 404 (the API answers with its own problem details).
 */
@ControllerAdvice(
    assignableTypes = {
      AssignmentPagesController.class,
      WorkItemPagesController.class,
      InstitutionPagesController.class,
      CalendarController.class,
      CivilSocietyInputPagesController.class,
      PublicImplementationController.class,
      ReportPagesController.class
    })
class WorkspacePageErrors {

  @ExceptionHandler({
    Institutions.WorkspaceNotFound.class,
    Institutions.InstitutionNotFound.class,
    WorkspaceItemNotFound.class
  })
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value());
  }
}
