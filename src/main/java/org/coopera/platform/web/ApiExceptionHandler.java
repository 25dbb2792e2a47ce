package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.platform.ApiProblems;
import org.coopera.platform.ContentVersions;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.VersionsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Errors of the REST API as RFC 9457 Problem Details with a stable {@code code} and, for a bad
 * parameter, its name in {@code parameter}. Texts are in the caller's language.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;
  private final ApiProblems problems;

  ApiExceptionHandler(MessageSource messages, ApiProblems problems) {
    this.messages = messages;
    this.problems = problems;
  }

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalidParameter(InvalidParameterException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return badParameter(
        e.parameter(),
        messages.getMessage(e.messageKey(), e.arguments(), locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return badParameter(
        e.getName(),
        messages.getMessage(
            "parameter.error.type",
            new Object[] {e.getName(), String.valueOf(e.getValue())},
            locale),
        request.getRequestURI(),
        locale);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail problem =
        badParameter(
            e.getParameterName(),
            messages.getMessage(
                "parameter.error.missing", new Object[] {e.getParameterName()}, locale),
            null,
            locale);
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * Input the caller sent that cannot be accepted: 400 with the reason in the caller's language
   * and, when it concerns one, the {@code field}.
   */
  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e, HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem =
        problems.of(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            messages.getMessage(e, locale),
            request.getRequestURI(),
            locale);
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return problem;
  }

  /** A version in another language changed since the caller read it: 409, write it again. */
  @ExceptionHandler(ContentVersions.StaleVersion.class)
  ProblemDetail staleVersion(HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return problems.of(
        HttpStatus.CONFLICT,
        "stale",
        messages.getMessage(VersionsView.STALE, null, locale),
        request.getRequestURI(),
        locale);
  }

  /** A controller's own refusal: the caller is signed in but may not do this. */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail forbidden(HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return problems.of(
        HttpStatus.FORBIDDEN,
        "forbidden",
        messages.getMessage("problem.forbidden.detail", null, null, locale),
        request.getRequestURI(),
        locale);
  }

  /** Anything unforeseen: a 500 that says nothing of the internals, logged for the operators. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    Locale locale = RequestContextUtils.getLocale(request);
    return problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        messages.getMessage("problem.internal-error.detail", null, locale),
        request.getRequestURI(),
        locale);
  }

  /**
   * Every Problem Details answer, including those Spring MVC builds itself (404, 405, 415, an
   * unreadable body...), carries a stable {@code code} and a title in the caller's language.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      withCode(problem, LocaleContextHolder.getLocale());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private ProblemDetail withCode(ProblemDetail problem, Locale locale) {
    if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
      problems.withCode(problem, ApiProblems.codeOf(problem.getStatus()), locale);
    }
    return problem;
  }

  private ProblemDetail badParameter(
      String parameter, String detail, String instance, Locale locale) {
    ProblemDetail problem =
        problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", detail, instance, locale);
    problem.setProperty("parameter", parameter);
    return problem;
  }
}
