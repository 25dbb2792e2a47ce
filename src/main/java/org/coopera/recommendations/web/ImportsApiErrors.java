package org.coopera.recommendations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.platform.ApiProblems;
import org.coopera.recommendations.importing.ImportService;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The import API's own refusals as Problem Details: unknown import, import not applicable. */
@RestControllerAdvice(assignableTypes = ImportsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportsApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  ImportsApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(ImportService.ImportNotFound.class)
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("import.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(ImportService.ImportNotApplicable.class)
  ProblemDetail notApplicable(
      ImportService.ImportNotApplicable e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "import-invalid",
            messages.getMessage("import.error.invalid", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("import", ImportJson.of(e.report(), messages, locale));
    return problem;
  }
}
