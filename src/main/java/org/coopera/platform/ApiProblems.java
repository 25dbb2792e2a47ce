package org.coopera.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds the RFC 9457 Problem Details every API error answers: a stable {@code code}, a {@code
 * type} made from it, and the title {@code problem.<code>.title} in the caller's language.
 */
@Component
public class ApiProblems {

  public static final String TYPE_BASE = "https://coopera.org/problems/";

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * A problem with the given code; {@code detail} and {@code instance} may be null.
   *
   * @param code stable error code, e.g. {@code not-found}; its title comes from the bundles
   */
  public ProblemDetail of(
      HttpStatus status, String code, String detail, String instance, Locale locale) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return withCode(problem, code, locale);
  }

  /** Gives a problem built elsewhere (e.g. by Spring MVC) its code, type and title. */
  public ProblemDetail withCode(ProblemDetail problem, String code, Locale locale) {
    problem.setProperty("code", code);
    problem.setType(URI.create(TYPE_BASE + code));
    String title = messages.getMessage("problem." + code + ".title", null, null, locale);
    if (title != null) {
      problem.setTitle(title);
    }
    return problem;
  }

  /** The code of a status that has no more specific one: {@code not-found}, {@code bad-request}. */
  public static String codeOf(int status) {
    HttpStatus resolved = HttpStatus.resolve(status);
    if (resolved == null) {
      return "error";
    }
    return resolved == HttpStatus.INTERNAL_SERVER_ERROR
        ? "internal-error"
        : resolved.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
