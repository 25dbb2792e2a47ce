package org.coopera.recommendations.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.platform.CsvRows;
import org.coopera.reference.ReferenceData;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the State a file means by the name it gives: the State's official name, its ISO codes, an
 * alias shipped with the application ({@code classpath:recommendations/state_aliases.csv}: {@code
 * DPR Korea}, {@code Bosnia & Herzegovina}, {@code Czech Republic}…) or a name a person mapped
 * during an earlier import. Names are compared after {@link #normalise}. For a name it does not
 * know, it offers the closest known names.
 */
@Component
public class StateNames {

  static final String SHIPPED_ALIASES = "recommendations/state_aliases.csv";

  private final ReferenceData reference;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, String> fixed;

  StateNames(ReferenceData reference, JdbcClient jdbc, Clock clock) {
    this.reference = reference;
    this.jdbc = jdbc;
    this.clock = clock;
    this.fixed = new HashMap<>();
  }

  /** A State a name may mean, for a person to choose. */
  public record Candidate(String iso3, String name) {}

  /**
   * Lower case; accents dropped; {@code &} read as "and"; quotes dropped; other punctuation read as
   * a space; spaces collapsed; a leading "the" dropped. The same rule as the checker in {@code
   * tools/recommendations/check_vocab.py}.
   */
  public static String normalise(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK || "'’‘\"“”".indexOf(c) >= 0) {
        continue;
      }
      if (c == '&') {
        out.append(" and ");
      } else if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
      } else {
        out.append(' ');
      }
    }
    String collapsed = out.toString().replaceAll("\\s+", " ").strip();
    return collapsed.startsWith("the ") ? collapsed.substring(4) : collapsed;
  }

  /** The State {@code name} means, if it is known. */
  public Optional<String> resolve(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String key = normalise(name);
    String iso3 = known().get(key);
    if (iso3 != null) {
      return Optional.of(iso3);
    }
    return jdbc.sql("select iso3 from state_alias where alias = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  /** The names of all States as one lookup, resolved once per call of {@link #lookup()}. */
  public Lookup lookup() {
    Map<String, String> all = new HashMap<>(known());
    jdbc.sql("select alias, iso3 from state_alias")
        .query(
            rs -> {
              all.put(rs.getString(1), rs.getString(2));
            });
    return new Lookup(all);
  }

  /** A snapshot of the names known at one moment, for validating a whole file. */
  public final class Lookup {
    private final Map<String, String> names;

    private Lookup(Map<String, String> names) {
      this.names = names;
    }

    public Optional<String> resolve(String name) {
      if (name == null || name.isBlank()) {
        return Optional.empty();
      }
      return Optional.ofNullable(names.get(normalise(name)));
    }

    /** Whether {@code other} knows the same names for the same States. */
    public boolean sameNames(Lookup other) {
      return names.equals(other.names);
    }

    /** Up to {@code max} States whose names come closest to {@code name}. */
    public List<Candidate> closest(String name, int max) {
      String key = normalise(name);
      Map<String, Double> best = new LinkedHashMap<>();
      names.forEach(
          (known, iso3) -> {
            double score = similarity(key, known);
            best.merge(iso3, score, Math::max);
          });
      return best.entrySet().stream()
          .filter(e -> e.getValue() >= 0.3)
          .sorted(
              Map.Entry.<String, Double>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(max)
          .map(e -> new Candidate(e.getKey(), stateName(e.getKey())))
          .toList();
    }
  }

  /** Remembers that {@code name} means {@code iso3}, for this and every later import. */
  @Transactional
  public void map(String name, String iso3, UUID by) {
    String key = normalise(name);
    if (key.isEmpty()) {
      throw new IllegalArgumentException("A blank name cannot be mapped");
    }
    jdbc.sql(
            """
            insert into state_alias (alias, iso3, written_as, origin, created_by, created_at)
            values (?, ?, ?, 'MAPPED', ?, ?)
            on conflict (alias) do update set iso3 = excluded.iso3, written_as = excluded.written_as,
                created_by = excluded.created_by, created_at = excluded.created_at
            """)
        .params(key, iso3, name.strip(), by, java.sql.Timestamp.from(clock.instant()))
        .update();
  }

  String stateName(String iso3) {
    return reference.findState(iso3).map(ReferenceData.State::name).orElse(iso3);
  }

  private synchronized Map<String, String> known() {
    if (fixed.isEmpty()) {
      for (ReferenceData.State state : reference.allStates()) {
        fixed.put(normalise(state.name()), state.iso3());
        fixed.put(normalise(state.iso3()), state.iso3());
        fixed.put(normalise(state.iso2()), state.iso3());
      }
      fixed.putAll(shippedAliases());
    }
    return fixed;
  }

  private static Map<String, String> shippedAliases() {
    Map<String, String> aliases = new HashMap<>();
    ClassPathResource resource = new ClassPathResource(SHIPPED_ALIASES);
    if (!resource.exists()) {
      return aliases;
    }
    try (InputStream in = resource.getInputStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> lines = reader.lines().skip(1).toList();
      for (String line : lines) {
        List<String> cells = CsvRows.line(line);
        if (cells.size() >= 2 && !cells.get(0).isBlank()) {
          aliases.put(normalise(cells.get(0)), cells.get(1).strip().toUpperCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return aliases;
  }

  /** Similarity of two normalised names: the Dice coefficient of their letter bigrams. */
  static double similarity(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    if (a.length() < 2 || b.length() < 2) {
      return 0;
    }
    Map<String, Integer> bigrams = new HashMap<>();
    for (int i = 0; i < a.length() - 1; i++) {
      bigrams.merge(a.substring(i, i + 2), 1, Integer::sum);
    }
    int shared = 0;
    for (int i = 0; i < b.length() - 1; i++) {
      String bigram = b.substring(i, i + 2);
      Integer left = bigrams.get(bigram);
      if (left != null && left > 0) {
        shared++;
        bigrams.put(bigram, left - 1);
      }
    }
    double dice = 2.0 * shared / (a.length() - 1 + b.length() - 1);
    boolean prefix = a.startsWith(b) || b.startsWith(a);
    return prefix ? Math.max(dice, 0.6) : dice;
  }
}
