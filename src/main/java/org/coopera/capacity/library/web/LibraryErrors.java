package org.coopera.capacity.library.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.coopera.capacity.library.Library;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The library's refusals: 404 for a resource not seen, 409 with the current one when stale. */
final class LibraryErrors {

  private LibraryErrors() {}

  /** On the pages: the one error page. */
  @ControllerAdvice(assignableTypes = LibraryPagesController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Pages {

    @ExceptionHandler(Library.ResourceNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
      response.sendError(HttpStatus.NOT_FOUND.value());
    }
  }

  /** In the API: Problem Details in the caller's language. */
  @RestControllerAdvice(assignableTypes = LibraryApiController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Api {

    private final ApiProblems problems;
    private final MessageSource messages;

    Api(ApiProblems problems, MessageSource messages) {
      this.problems = problems;
      this.messages = messages;
    }

    @ExceptionHandler(Library.ResourceNotFound.class)
    ProblemDetail notFound(HttpServletRequest request, Locale locale) {
      return problems.of(
          HttpStatus.NOT_FOUND,
          "not-found",
          messages.getMessage("library.error.not-found", null, locale),
          request.getRequestURI(),
          locale);
    }

    @ExceptionHandler(Library.StaleResource.class)
    ProblemDetail stale(Library.StaleResource e, HttpServletRequest request, Locale locale) {
      ProblemDetail problem =
          problems.of(
              HttpStatus.CONFLICT,
              "stale",
              messages.getMessage("library.error.stale", null, locale),
              request.getRequestURI(),
              locale);
      problem.setProperty("current", e.current());
      return problem;
    }
  }
}
