package org.coopera.funds.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coopera.funds.internal.FundQueries;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A fund or allocation that does not exist answers the one error page with 404. */
@ControllerAdvice(assignableTypes = {FundPagesController.class, FundFormsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class FundPageErrors {

  @ExceptionHandler({FundQueries.FundNotFound.class, FundQueries.AllocationNotFound.class})
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.NOT_FOUND.value());
  }
}
