package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
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

  private final MessageSource messages;

  ApiFallbackHandler(MessageSource messages) {
    this.messages = messages;
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
    Locale locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(messages.getMessage("problem." + code + ".title", null, locale));
    problem.setType(URI.create(ApiExceptionHandler.PROBLEM_BASE + code));
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("code", code);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
