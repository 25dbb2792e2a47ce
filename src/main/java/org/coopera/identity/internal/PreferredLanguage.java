package org.coopera.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.LanguageChosen;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Remembers the language a signed-in person chose, in their account, and brings it back when they
 * sign in, on any device.
 */
@Component
class PreferredLanguage extends SavedRequestAwareAuthenticationSuccessHandler {

  private final AccountService accounts;
  private final LocaleResolver locales;

  PreferredLanguage(AccountService accounts, LocaleResolver locales) {
    this.accounts = accounts;
    this.locales = locales;
    setDefaultTargetUrl("/");
  }

  @EventListener
  void remember(LanguageChosen chosen) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof CooperaUser user) {
      accounts.preferLanguage(user.accountId(), chosen.language());
    }
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws ServletException, IOException {
    if (authentication.getPrincipal() instanceof CooperaUser user) {
      restoreLanguage(user, request, response);
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }

  /** Brings back the language the person chose last, if any. */
  void restoreLanguage(CooperaUser user, HttpServletRequest request, HttpServletResponse response) {
    String language = accounts.find(user.accountId()).preferredLanguage();
    if (language != null) {
      locales.setLocale(request, response, Locale.forLanguageTag(language));
    }
  }
}
