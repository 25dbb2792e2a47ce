package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.coopera.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An API path that matches no endpoint, or a method an endpoint does not take, answers a Problem
 * Details like every other API error. Other paths are left to the error page (the exception is
 * rethrown, so the next resolver handles it).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackHandler {

  private final ApiProblems problems;

  ApiFallbackHandler(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchEndpoint(
      NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    if (!isApi(request)) {
      throw e;
    }
    return problem(HttpStatus.NOT_FOUND, "not-found", request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotSupported(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", request);
    return e.getSupportedHttpMethods() == null
        ? response
        : ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
            .allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(response.getBody());
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String code, HttpServletRequest request) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(
            problems.of(
                status,
                code,
                null,
                request.getRequestURI(),
                RequestContextUtils.getLocale(request)));
  }
}
