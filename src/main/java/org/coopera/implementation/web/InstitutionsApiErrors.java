package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.implementation.internal.Institutions;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The workspace API's refusals as Problem Details, in the caller's language. */
@RestControllerAdvice(assignableTypes = InstitutionsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstitutionsApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  InstitutionsApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler({Institutions.WorkspaceNotFound.class, Institutions.InstitutionNotFound.class})
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("institution.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(Institutions.StaleInstitution.class)
  ProblemDetail stale(Institutions.StaleInstitution e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("institution.error.stale", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("current", InstitutionsApiController.InstitutionJson.of(e.current()));
    return problem;
  }
}
