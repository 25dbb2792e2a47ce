package org.coopera.treaties.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a State of the reference data by its ISO 3166 alpha-2 code or by its name as a source
 * writes it (any case, any apostrophe, with the few other names sources use).
 *
 * @param byIso2 alpha-2 code to alpha-3 code
 * @param byName normalised name to alpha-3 code
 */
public record StateNames(Map<String, String> byIso2, Map<String, String> byName) {

  public Optional<String> iso2(String code) {
    return Optional.ofNullable(byIso2.get(code.strip().toUpperCase(Locale.ROOT)));
  }

  public Optional<String> name(String name) {
    return Optional.ofNullable(byName.get(normalise(name)));
  }

  /** Lower case, without accents, straight apostrophes, single spaces. */
  public static String normalise(String name) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('\u2019', '\'')
            .replace('\u2018', '\'');
    return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
