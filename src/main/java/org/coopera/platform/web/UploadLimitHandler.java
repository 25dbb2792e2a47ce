package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload over the size limit is refused before any controller sees it: the API answers 413 with
 * a Problem Details body, a page the error page, both saying what the limit is.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitHandler {

  private final MessageSource messages;
  private final ApiProblems problems;
  private final JsonMapper json;
  private final DataSize limit;

  UploadLimitHandler(
      MessageSource messages,
      ApiProblems problems,
      JsonMapper json,
      @org.springframework.beans.factory.annotation.Value(
              "${spring.servlet.multipart.max-file-size:50MB}")
          DataSize limit) {
    this.messages = messages;
    this.problems = problems;
    this.json = json;
    this.limit = limit;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = RequestContextUtils.getLocale(request);
    String detail =
        messages.getMessage("upload.error.too-large", new Object[] {limit.toMegabytes()}, locale);
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      var problem =
          problems.of(
              HttpStatus.CONTENT_TOO_LARGE,
              "file-too-large",
              detail,
              request.getRequestURI(),
              locale);
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), problem);
      return;
    }
    request.setAttribute(ErrorDetail.ATTRIBUTE, detail);
    response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
  }
}
