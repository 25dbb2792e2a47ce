package org.coopera.assistance.web.projects;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.assistance.projects.ProjectNotFound;
import org.coopera.assistance.projects.ProjectRefused;
import org.coopera.assistance.projects.StaleEdit;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The projects API's refusals as Problem Details, in the caller's language. */
@RestControllerAdvice(assignableTypes = ProjectsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectsApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  ProjectsApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(ProjectNotFound.class)
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("projects.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(ProjectRefused.class)
  ProblemDetail refused(ProjectRefused e, HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.CONFLICT,
        e.code(),
        messages.getMessage(e.messageKey(), null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(StaleEdit.class)
  ProblemDetail stale(StaleEdit e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("projects.error.stale", null, locale),
            request.getRequestURI(),
            locale);
    if (e.current() != null) {
      problem.setProperty("current", e.current());
    }
    return problem;
  }
}
