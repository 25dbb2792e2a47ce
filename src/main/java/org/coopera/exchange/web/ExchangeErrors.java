package org.coopera.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.coopera.exchange.Practices;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The exchange's refusals: 404 for a practice not seen, 409 for a stale or misplaced step. */
final class ExchangeErrors {

  private ExchangeErrors() {}

  /** On the pages. */
  @ControllerAdvice(assignableTypes = ExchangePagesController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Pages {

    @ExceptionHandler(Practices.PracticeNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
      response.sendError(HttpStatus.NOT_FOUND.value());
    }
  }

  /** In the API. */
  @RestControllerAdvice(assignableTypes = ExchangeApiController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Api {

    private final ApiProblems problems;
    private final MessageSource messages;

    Api(ApiProblems problems, MessageSource messages) {
      this.problems = problems;
      this.messages = messages;
    }

    @ExceptionHandler(Practices.PracticeNotFound.class)
    ProblemDetail notFound(HttpServletRequest request, Locale locale) {
      return problems.of(
          HttpStatus.NOT_FOUND,
          "not-found",
          messages.getMessage("exchange.error.not-found", null, locale),
          request.getRequestURI(),
          locale);
    }

    @ExceptionHandler(Practices.PracticeRefused.class)
    ProblemDetail refused(Practices.PracticeRefused e, HttpServletRequest request, Locale locale) {
      ProblemDetail problem =
          problems.of(
              HttpStatus.CONFLICT,
              e.messageKey().equals("exchange.error.stale") ? "stale" : "practice-refused",
              messages.getMessage(e.messageKey(), null, locale),
              request.getRequestURI(),
              locale);
      problem.setProperty("current", e.current());
      return problem;
    }
  }
}
