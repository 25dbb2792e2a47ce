package org.coopera.capacity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.coopera.capacity.events.TrainingEvents;
import org.coopera.capacity.roster.Roster;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The roster's and events' refusals: 404 for what is not seen, 409 for a stale or closed step. */
final class CapacityErrors {

  private CapacityErrors() {}

  /** On the pages: the one error page for what does not exist or is not seen. */
  @ControllerAdvice(assignableTypes = CapacityPagesController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Pages {

    @ExceptionHandler({Roster.TrainerNotFound.class, TrainingEvents.EventNotFound.class})
    void notFound(HttpServletResponse response) throws IOException {
      response.sendError(HttpStatus.NOT_FOUND.value());
    }
  }

  /** In the API: Problem Details in the caller's language. */
  @RestControllerAdvice(assignableTypes = CapacityApiController.class)
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Api {

    private final ApiProblems problems;
    private final MessageSource messages;

    Api(ApiProblems problems, MessageSource messages) {
      this.problems = problems;
      this.messages = messages;
    }

    @ExceptionHandler({Roster.TrainerNotFound.class, TrainingEvents.EventNotFound.class})
    ProblemDetail notFound(HttpServletRequest request, Locale locale) {
      return problems.of(
          HttpStatus.NOT_FOUND,
          "not-found",
          messages.getMessage("capacity.error.not-found", null, locale),
          request.getRequestURI(),
          locale);
    }

    @ExceptionHandler(Roster.StaleTrainer.class)
    ProblemDetail stale(Roster.StaleTrainer e, HttpServletRequest request, Locale locale) {
      ProblemDetail problem =
          problems.of(
              HttpStatus.CONFLICT,
              "stale",
              messages.getMessage("capacity.error.stale", null, locale),
              request.getRequestURI(),
              locale);
      problem.setProperty("current", e.current());
      return problem;
    }

    @ExceptionHandler(TrainingEvents.EventRefused.class)
    ProblemDetail refused(
        TrainingEvents.EventRefused e, HttpServletRequest request, Locale locale) {
      return problems.of(
          HttpStatus.CONFLICT,
          "event-closed",
          messages.getMessage(e.messageKey(), null, locale),
          request.getRequestURI(),
          locale);
    }
  }
}
