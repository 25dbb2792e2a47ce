package org.coopera.platform;

import java.util.Locale;

/**
 * How the application writes each interface language in what it generates (reports, e-mail): Arabic
 * with Western Arabic digits (0-9), as the United Nations' Arabic documents write them, so that
 * numbers in a report, a mail and a page read alike.
 */
public final class Languages {

  private Languages() {}

  /** The locale for a language code such as {@code ar} or {@code zh}. */
  public static Locale locale(String tag) {
    return writing(Locale.forLanguageTag(tag));
  }

  /** The locale as the application writes it; a numbering system already chosen is kept. */
  public static Locale writing(Locale locale) {
    if (locale.getLanguage().equals("ar") && locale.getUnicodeLocaleType("nu") == null) {
      return new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("nu", "latn").build();
    }
    return locale;
  }
}
