package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.coopera.platform.LanguageChosen;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Switches the language when a request carries {@code ?lang=xx} naming a supported language; any
 * other value is ignored, so it is never remembered. A change is published as {@link
 * LanguageChosen}, so that the person's account can remember it too.
 */
class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

  private final List<Locale> supported;
  private final ApplicationEventPublisher events;

  SupportedLocaleChangeInterceptor(List<Locale> supported, ApplicationEventPublisher events) {
    this.supported = supported;
    this.events = events;
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
    boolean proceed = super.preHandle(request, response, handler);
    events.publishEvent(new LanguageChosen(value.strip().toLowerCase(Locale.ROOT)));
    return proceed;
  }
}
