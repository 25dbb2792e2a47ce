package org.coopera.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the API as RFC 9457 Problem Details, in the caller's language. */
class ApiProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final MessageSource messages;
  private final ApiProblems problems;
  private final JsonMapper json;

  ApiProblemResponses(MessageSource messages, ApiProblems problems, JsonMapper json) {
    this.messages = messages;
    this.problems = problems;
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"coopera\"");
    write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "forbidden");
  }

  /** A read-only token used for a request that would change something. */
  void readOnlyToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "read-only-token");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
      throws IOException {
    var locale = RequestContextUtils.getLocale(request);
    ProblemDetail problem =
        problems.of(
            status,
            code,
            messages.getMessage("problem." + code + ".detail", null, locale),
            request.getRequestURI(),
            locale);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
