package org.coopera.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.coopera.platform.CsvRows;
import org.junit.jupiter.api.Test;

/**
 * The English names of the message bundles {@code reference-names} and {@code state-names} are the
 * names of the reference CSVs the database is loaded from: a name changed in one is changed in the
 * other, and every record has a name to translate.
 */
class ReferenceNamesTest {

  private static final Path CSV = Path.of("src/main/resources/reference");
  private static final Path BUNDLES = Path.of("src/main/resources/i18n");

  @Test
  void theEnglishNamesAreThoseOfTheReferenceFiles() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    names(expected, "instruments.csv", "name.instrument.", "code", "name");
    names(expected, "declarations.csv", "name.declaration.", "code", "name");
    names(expected, "mechanisms.csv", "name.mechanism.", "code", "name");
    names(expected, "themes.csv", "name.theme.", "code", "name");
    names(expected, "affected_groups.csv", "name.group.", "code", "name");
    names(expected, "sdg_goals.csv", "name.sdg.", "number", "short_title");
    assertThat(bundle("reference-names.properties")).isEqualTo(expected);

    Map<String, String> states = new TreeMap<>();
    names(states, "states.csv", "name.state.", "iso3", "name");
    assertThat(states).hasSize(195);
    assertThat(bundle("state-names.properties")).isEqualTo(states);
  }

  private static void names(
      Map<String, String> into, String file, String prefix, String key, String name)
      throws IOException {
    List<List<String>> rows =
        CsvRows.parse(Files.readString(CSV.resolve(file), StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int k = header.indexOf(key);
    int n = header.indexOf(name);
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() > 1) {
        into.put(prefix + row.get(k), row.get(n));
      }
    }
  }

  private static Map<String, String> bundle(String file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> map = new TreeMap<>();
    properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
    return map;
  }
}
