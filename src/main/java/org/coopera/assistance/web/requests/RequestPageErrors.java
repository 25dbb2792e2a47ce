package org.coopera.assistance.web.requests;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.requests.Offers;
import org.coopera.assistance.requests.RequestNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * For the module's request pages: no such request, State or assessment is the one error page, 404.
 */
@ControllerAdvice(
    assignableTypes = {
      RequestPagesController.class,
      AssistancePagesController.class,
      AssessmentPagesController.class
    })
class RequestPageErrors {

  @ExceptionHandler({RequestNotFound.class, ProjectNotFound.class, Offers.OfferNotFound.class})
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value());
  }
}
