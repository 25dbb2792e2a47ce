package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.implementation.internal.Institutions;
import org.coopera.implementation.internal.Review;
import org.coopera.implementation.internal.StaleItem;
import org.coopera.implementation.internal.WorkspaceItemNotFound;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of the workspace's assignments and updates API as Problem Details, in the caller's
 * language: 404 for what is not in the State's workspace, 409 {@code stale} with the item as it now
 * is, 409 {@code step-not-open} with where the update's review stands. Bad input (400 with the
 * {@code field}) and refusals by role (403) are the platform's.
 */
@RestControllerAdvice(
    assignableTypes = {AssignmentsApiController.class, ProgressUpdatesApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  WorkspaceApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler({Institutions.WorkspaceNotFound.class, WorkspaceItemNotFound.class})
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("workspace.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(StaleItem.class)
  ProblemDetail stale(StaleItem e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("workspace.error.stale", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("current", WorkspaceJson.current(e.current()));
    return problem;
  }

  @ExceptionHandler(Review.StepNotOpen.class)
  ProblemDetail stepNotOpen(Review.StepNotOpen e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "step-not-open",
            messages.getMessage("workspace.error.step-not-open", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("review", e.review().apiName());
    problem.setProperty("step", e.step().name().toLowerCase(Locale.ROOT));
    return problem;
  }
}
