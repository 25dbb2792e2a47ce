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

  /**
   * The codes and names sources write that the reference data write otherwise: the withdrawn ISO
   * code of Timor-Leste, and names in use before a State asked for another.
   */
  private static final Map<String, String> OLD_CODES = Map.of("TP", "TLS");

  private static final Map<String, String> OTHER_NAMES =
      Map.of(
          "czech republic", "CZE",
          "netherlands", "NLD",
          "bolivia", "BOL",
          "venezuela", "VEN",
          "moldova", "MDA",
          "cape verde", "CPV",
          "swaziland", "SWZ",
          "east timor", "TLS",
          "turkey", "TUR");

  public StateNames {
    Map<String, String> codes = new java.util.HashMap<>(OLD_CODES);
    codes.putAll(byIso2);
    Map<String, String> names = new java.util.HashMap<>(OTHER_NAMES);
    names.putAll(byName);
    byIso2 = Map.copyOf(codes);
    byName = Map.copyOf(names);
  }

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
