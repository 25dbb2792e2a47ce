package org.coopera.support;

import java.util.Locale;
import org.coopera.platform.Languages;
import org.springframework.context.MessageSource;

/**
 * The texts of one interface language, read from the application's own message bundles as its pages
 * read them: what a browser test expects to see, whatever the language and whether or not its
 * bundle is translated yet.
 *
 * @param language the ISO 639-1 code chosen with {@code ?lang=}
 */
public record Wording(MessageSource messages, String language) {

  /** The locale the pages use: Arabic with Western Arabic digits, as WebConfiguration serves it. */
  public Locale locale() {
    return Languages.locale(language);
  }

  /** The text of this key with these arguments, formatted as a page formats it. */
  public String get(String key, Object... arguments) {
    return messages.getMessage(key, arguments, locale());
  }
}
