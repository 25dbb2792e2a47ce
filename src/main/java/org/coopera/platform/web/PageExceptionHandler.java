package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coopera.platform.InvalidParameterException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A bad parameter on a page answers 400 with the one error page (rendered by the error controller,
 * like every other error), saying which value was wrong.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  private final MessageSource messages;

  PageExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidParameterException.class)
  void invalidParameter(
      InvalidParameterException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    badRequest(
        messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()),
        request,
        response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void typeMismatch(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    badRequest(
        messages.getMessage(
            "parameter.error.type",
            new Object[] {e.getName(), String.valueOf(e.getValue())},
            LocaleContextHolder.getLocale()),
        request,
        response);
  }

  private static void badRequest(
      String detail, HttpServletRequest request, HttpServletResponse response) throws IOException {
    request.setAttribute(ErrorDetail.ATTRIBUTE, detail);
    response.sendError(HttpStatus.BAD_REQUEST.value());
  }
}
