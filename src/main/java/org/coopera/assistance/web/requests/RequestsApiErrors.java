package org.coopera.assistance.web.requests;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.assistance.requests.Offers;
import org.coopera.assistance.requests.RequestConflict;
import org.coopera.assistance.requests.RequestNotFound;
import org.coopera.assistance.requests.StaleRequest;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The assistance API's refusals as Problem Details, in the caller's language. */
@RestControllerAdvice(assignableTypes = RequestsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestsApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  RequestsApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler(Offers.OfferNotFound.class)
  ProblemDetail offerNotFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("assistance.error.offer-not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(Offers.StaleOffer.class)
  ProblemDetail staleOffer(Offers.StaleOffer e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("assistance.error.offer-stale", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("current", RequestsApiController.OfferJson.of(e.current()));
    return problem;
  }

  @ExceptionHandler(RequestNotFound.class)
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("assistance.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(StaleRequest.class)
  ProblemDetail stale(StaleRequest e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("assistance.error.stale", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("current", RequestJson.of(e.current()));
    return problem;
  }

  @ExceptionHandler(RequestConflict.class)
  ProblemDetail conflict(RequestConflict e, HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.CONFLICT,
        "request-closed",
        messages.getMessage(e, locale),
        request.getRequestURI(),
        locale);
  }
}
