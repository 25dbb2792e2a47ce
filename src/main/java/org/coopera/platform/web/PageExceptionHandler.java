package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.ModelAndView;

/** A bad parameter on a page answers 400 with the error page, saying which value was wrong. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  private final MessageSource messages;

  PageExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(InvalidParameterException.class)
  ModelAndView invalidParameter(InvalidParameterException e, HttpServletResponse response) {
    return errorPage(
        messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()),
        response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
    return errorPage(
        messages.getMessage(
            "parameter.error.type",
            new Object[] {e.getName(), String.valueOf(e.getValue())},
            LocaleContextHolder.getLocale()),
        response);
  }

  private static ModelAndView errorPage(String detail, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    ModelAndView view = new ModelAndView("error");
    view.setStatus(HttpStatus.BAD_REQUEST);
    view.addObject("status", 400);
    view.addObject("detail", detail);
    return view;
  }
}
