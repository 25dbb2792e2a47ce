package org.coopera.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.coopera.platform.AuditedPrincipal;
import org.coopera.platform.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout needs on every page: language, direction, the language switcher, the
 * signed-in person's unread notifications.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

  /** Scripts written right to left among the UN languages and others Coopera may add. */
  static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur");

  private final WebConfiguration configuration;
  private final Notifications notifications;

  LayoutModel(WebConfiguration configuration, Notifications notifications) {
    this.configuration = configuration;
    this.notifications = notifications;
  }

  /** How many notifications the signed-in person has not read; null for a visitor. */
  @ModelAttribute("unreadNotifications")
  Long unreadNotifications() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.getPrincipal() instanceof AuditedPrincipal principal) {
      return notifications.unread(principal.accountId());
    }
    return null;
  }

  /** One entry of the language switcher. */
  record LanguageChoice(String code, String nativeName, String href, boolean current) {}

  @ModelAttribute("pageLanguage")
  String pageLanguage(HttpServletRequest request) {
    return RequestContextUtils.getLocale(request).getLanguage();
  }

  @ModelAttribute("pageDirection")
  String pageDirection(HttpServletRequest request) {
    return RIGHT_TO_LEFT.contains(pageLanguage(request)) ? "rtl" : "ltr";
  }

  @ModelAttribute("languageChoices")
  List<LanguageChoice> languageChoices(HttpServletRequest request) {
    String current = pageLanguage(request);
    return configuration.supportedLocales().stream()
        .map(
            locale ->
                new LanguageChoice(
                    locale.getLanguage(),
                    capitalise(locale.getDisplayLanguage(locale), locale),
                    UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam(
                            WebConfiguration.LANGUAGE_PARAMETER, locale.getLanguage())
                        .build()
                        .toUriString(),
                    locale.getLanguage().equals(current)))
        .toList();
  }

  private static String capitalise(String name, Locale locale) {
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
