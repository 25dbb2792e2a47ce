package org.coopera.capacity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.coopera.platform.InvalidInputException;

/** Cleaning of what people type into the capacity module's forms. */
public final class Texts {

  /** The six UN languages, by ISO 639-1 code. */
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  private Texts() {}

  /** The text stripped, or null when blank. */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    return v.isEmpty() ? null : v;
  }

  /**
   * The distinct codes of a list, each known; an unknown one is refused naming it.
   *
   * @param key the message of the refusal, given the code
   */
  public static List<String> codes(
      Collection<String> values, Predicate<String> known, String key, String field) {
    Set<String> found = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      String v = clean(value);
      if (v == null) {
        continue;
      }
      if (!known.test(v)) {
        throw new InvalidInputException(key, field, v);
      }
      found.add(v);
    }
    return new ArrayList<>(found);
  }

  /** The languages of a list, lower-cased, each one of the six. */
  public static List<String> languages(Collection<String> values, String field) {
    List<String> lower = new ArrayList<>();
    for (String value : values == null ? List.<String>of() : values) {
      if (value != null) {
        lower.add(value.toLowerCase(Locale.ROOT));
      }
    }
    return codes(lower, LANGUAGES::contains, "capacity.error.language", field);
  }
}
