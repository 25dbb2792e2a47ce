package org.coopera.funds.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.coopera.funds.internal.FundQueries;
import org.coopera.funds.internal.Funds;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The funds API's own refusals as Problem Details, in the caller's language. */
@RestControllerAdvice(assignableTypes = FundsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FundsApiErrors {

  private final ApiProblems problems;
  private final MessageSource messages;

  FundsApiErrors(ApiProblems problems, MessageSource messages) {
    this.problems = problems;
    this.messages = messages;
  }

  @ExceptionHandler({FundQueries.FundNotFound.class, FundQueries.AllocationNotFound.class})
  ProblemDetail notFound(HttpServletRequest request, Locale locale) {
    return problems.of(
        HttpStatus.NOT_FOUND,
        "not-found",
        messages.getMessage("funds.error.not-found", null, locale),
        request.getRequestURI(),
        locale);
  }

  @ExceptionHandler(Funds.StaleAllocation.class)
  ProblemDetail stale(Funds.StaleAllocation e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        problems.of(
            HttpStatus.CONFLICT,
            "stale",
            messages.getMessage("funds.error.stale", null, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty("currentVersion", e.current());
    return problem;
  }
}
