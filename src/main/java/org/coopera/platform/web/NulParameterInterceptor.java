package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.coopera.platform.InvalidParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose parameter holds a NUL character (U+0000) with the 400 of any bad
 * parameter, before its handler runs. PostgreSQL cannot store or compare a NUL in text, so such a
 * value, bound as a parameter like any other, would otherwise fail the query with a server error.
 */
class NulParameterInterceptor implements HandlerInterceptor {

  private static final int SHOWN = 80;

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod)) {
      return true; // static files read no parameter
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      if (name.indexOf('\0') >= 0) {
        throw new InvalidParameterException(
            shown(name), "parameter.error.type", shown(name), shown(name));
      }
      for (String value : parameter.getValue()) {
        if (value != null && value.indexOf('\0') >= 0) {
          throw new InvalidParameterException(name, "parameter.error.type", name, shown(value));
        }
      }
    }
    return true;
  }

  /** The value as the message shows it: the NUL as the replacement character, and not too long. */
  private static String shown(String value) {
    String visible = value.replace('\0', '\uFFFD');
    return visible.length() > SHOWN ? visible.substring(0, SHOWN) + "…" : visible;
  }
}
