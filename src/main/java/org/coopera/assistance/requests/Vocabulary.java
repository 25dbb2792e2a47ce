package org.coopera.assistance.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.coopera.platform.InvalidInputException;

/** The areas, forms and language codes a request or an offer may name, and their checks. */
public final class Vocabulary {

  public static final List<String> AREAS =
      List.of(
          "LEGISLATION",
          "JUSTICE",
          "ELECTIONS",
          "POLICE",
          "MEDIA",
          "DETENTION",
          "TREATY_REPORTING",
          "NHRI",
          "HEALTH",
          "EDUCATION",
          "OTHER");

  public static final List<String> FORMS =
      List.of(
          "EXPERT_ADVICE",
          "TRAINING",
          "SEMINAR",
          "FELLOWSHIP",
          "NEEDS_ASSESSMENT",
          "LEGAL_DRAFTING",
          "STUDY_VISIT");

  /** The six UN languages, the ones the forms offer. */
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private Vocabulary() {}

  static List<String> codes(List<String> values, List<String> allowed, String field) {
    Set<String> found = new LinkedHashSet<>();
    for (String value : RequestDraft.orEmpty(values)) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String code = value.strip().toUpperCase(Locale.ROOT);
      if (!allowed.contains(code)) {
        throw new InvalidInputException("assistance.error." + field, field, value.strip());
      }
      found.add(code);
    }
    return new ArrayList<>(found);
  }

  static List<String> languages(List<String> values) {
    Set<String> found = new LinkedHashSet<>();
    for (String value : RequestDraft.orEmpty(values)) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String code = value.strip().toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(code).matches()) {
        throw new InvalidInputException("assistance.error.languages", "languages", value.strip());
      }
      found.add(code);
    }
    return new ArrayList<>(found);
  }

  static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
