package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Switches the language when a request carries {@code ?lang=xx} naming a supported language; any
 * other value is ignored, so it is never remembered.
 */
class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

  private final List<Locale> supported;

  SupportedLocaleChangeInterceptor(List<Locale> supported) {
    this.supported = supported;
    setParamName(WebConfiguration.LANGUAGE_PARAMETER);
    setIgnoreInvalidLocale(true);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws jakarta.servlet.ServletException {
    String value = request.getParameter(getParamName());
    if (value == null
        || supported.stream().noneMatch(l -> l.getLanguage().equalsIgnoreCase(value.strip()))) {
      return true;
    }
    return super.preHandle(request, response, handler);
  }
}
