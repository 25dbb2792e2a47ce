package org.coopera.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo registry (the OHCHR matrices of {@code demo/recommendations}, imported at start in demo
 * mode) cut into pieces a generator can recombine. Each text is split into its recommendations (at
 * semicolons), the recommending States in brackets at the end are dropped, and each recommendation
 * is split at its commas: the first clause is a head (“Take further measures to combat
 * discrimination against women”), which keeps the response and tags of its recommendation; the
 * other clauses are tails (“including by adopting a national action plan”). Recombined, the pieces
 * keep the words of real recommendations in about their real proportions.
 */
record DemoFragments(int recommendations, List<Head> heads, List<String> tails) {

  /** A first clause, with the response and confirmed tags of the recommendation it comes from. */
  record Head(String text, String response, List<GeneratedRecommendation.TagCode> tags) {}

  private static final Pattern SEMICOLONS = Pattern.compile("\\s*;\\s*");
  private static final Pattern TRAILING_BRACKETS = Pattern.compile("(\\s*\\([^()]*\\))+[\\s.;]*$");
  private static final Pattern COMMAS = Pattern.compile(",\\s+");
  private static final int SHORTEST_CLAUSE = 12;

  static DemoFragments read(JdbcClient jdbc) {
    Map<UUID, List<GeneratedRecommendation.TagCode>> tags = new LinkedHashMap<>();
    jdbc.sql(
            "select recommendation_id, kind, code from recommendation_tag"
                + " where status = 'CONFIRMED' order by recommendation_id, kind, code")
        .query(
            rs -> {
              tags.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                  .add(new GeneratedRecommendation.TagCode(rs.getString(2), rs.getString(3)));
            });
    List<Head> heads = new ArrayList<>();
    List<String> tails = new ArrayList<>();
    List<Source> sources =
        jdbc.sql(
                "select r.id, r.response, t.text from recommendation r join recommendation_text t"
                    + " on t.recommendation_id = r.id and t.language = r.original_language"
                    + " order by r.code")
            .query(
                (rs, n) ->
                    new Source(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
            .list();
    for (Source source : sources) {
      for (String sentence : SEMICOLONS.split(source.text())) {
        String body = TRAILING_BRACKETS.matcher(sentence).replaceAll("").strip();
        String[] clauses = COMMAS.split(body);
        if (clauses[0].length() < SHORTEST_CLAUSE) {
          continue;
        }
        heads.add(
            new Head(clauses[0], source.response(), tags.getOrDefault(source.id(), List.of())));
        for (int i = 1; i < clauses.length; i++) {
          if (clauses[i].length() >= SHORTEST_CLAUSE) {
            tails.add(clauses[i]);
          }
        }
      }
    }
    return new DemoFragments(sources.size(), List.copyOf(heads), List.copyOf(tails));
  }

  private record Source(UUID id, String response, String text) {}
}
