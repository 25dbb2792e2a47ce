package org.coopera.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names of languages in the reader's language ({@code ${@languages.name('ar')}} in a template:
 * Arabe for a French reader), and which codes are languages at all (ISO 639-1).
 */
@Component("languages")
public class LanguageNames {

  private static final Set<String> ISO_639_1 =
      Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

  /** True for a two-letter ISO 639-1 code such as {@code ar} or {@code zh}. */
  public static boolean isLanguage(String code) {
    return code != null && ISO_639_1.contains(code);
  }

  /**
   * The language of the page being made (or of the request being answered); English outside a
   * request when the machine's locale names no language.
   */
  public static String current() {
    String language = LocaleContextHolder.getLocale().getLanguage();
    return isLanguage(language) ? language : "en";
  }

  /** The name of the language in the reader's language, capitalised as a label. */
  public String name(String code) {
    Locale reader = LocaleContextHolder.getLocale();
    String name = word(code);
    return name.substring(0, 1).toUpperCase(reader) + name.substring(1);
  }

  /** The name of the language as written inside a sentence (arabe in French, not Arabe). */
  public String word(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(LocaleContextHolder.getLocale());
    return name.isEmpty() ? code : name;
  }
}
