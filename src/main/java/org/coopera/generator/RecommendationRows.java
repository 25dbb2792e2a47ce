package org.coopera.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Recommendations: the State under review any of the 193 Member States; 85 % UPR recommendations of
 * a session of cycles 1–4 with one (80 %), two or three recommending States and the response of the
 * real recommendation their first clause comes from; 15 % treaty-body recommendations of 2008–2024,
 * response pending. Texts from the {@link TextModel}; tags drawn once for each first clause, so
 * that the same words carry the same themes across the registry.
 */
final class RecommendationRows {

  /** One generated recommendation, with the rows it has in the tables of migration V9. */
  record Recommendation(
      int index,
      UUID id,
      String code,
      String mechanism,
      Integer session,
      Integer cycle,
      String documentSymbol,
      String paragraph,
      LocalDate issuedOn,
      int year,
      Reference.State state,
      String response,
      Integer actionCategory,
      String text,
      List<String> recommendingStates,
      List<String[]> tags) {}

  static final String CREATED_AT = "2026-11-28 00:00:00+00";
  private static final double UPR_SHARE = 0.85;
  private static final int FIRST_TREATY_YEAR = 2008;
  private static final int TREATY_YEARS = 17;
  private static final int PARAGRAPH_GROUPS = 97;
  private static final int HEAD_TAGS = 1_000_000;

  private final TextModel text;
  private final Reference reference;
  private final Ids ids;
  private final long seed;

  RecommendationRows(TextModel text, Reference reference, Ids ids, long seed) {
    this.text = text;
    this.reference = reference;
    this.ids = ids;
    this.seed = seed;
  }

  Recommendation recommendation(int i) {
    SplittableRandom random = ids.random(Ids.RECOMMENDATION, i);
    Reference.State state = pick(reference.states(), random);
    int headIndex = random.nextInt(text.heads().size());
    TextModel.Head head = text.heads().get(headIndex);
    boolean upr = random.nextDouble() < UPR_SHARE;
    Reference.Session session = upr ? pick(reference.sessions(), random) : null;
    String mechanism = upr ? "UPR" : pick(reference.treatyBodies(), random);
    int year = upr ? session.year() : FIRST_TREATY_YEAR + random.nextInt(TREATY_YEARS);
    LocalDate issuedOn = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    List<Reference.State> recommending = upr ? recommendingStates(state, random) : List.of();
    // Paragraphs from 900 on, which no real document reaches, unique for each i: codes are unique.
    String paragraph = (900 + i % PARAGRAPH_GROUPS) + "." + (i / PARAGRAPH_GROUPS + 1);
    String where = upr ? "S" + session.number() : String.valueOf(year);
    return new Recommendation(
        i,
        ids.id(Ids.RECOMMENDATION, i),
        (mechanism + "-" + state.iso3() + "-" + where + "-" + paragraph).toUpperCase(Locale.ROOT),
        mechanism,
        upr ? session.number() : null,
        upr ? session.cycle() : null,
        upr
            ? "A/HRC/WG.6/" + session.number() + "/" + state.iso3()
            : mechanism + "/C/" + state.iso3() + "/CO/" + (1 + random.nextInt(8)),
        paragraph,
        issuedOn,
        year,
        state,
        upr ? head.response().name() : "PENDING",
        random.nextInt(10) < 6 ? 1 + random.nextInt(5) : null,
        text.text(head, recommending.stream().map(Reference.State::name).toList(), random),
        recommending.stream().map(Reference.State::iso3).toList(),
        tags(headIndex));
  }

  void write(Copier copier, int size) throws SQLException {
    copier.copy(
        "recommendation",
        "id, code, content_key, mechanism_code, upr_session, upr_cycle, document_symbol,"
            + " paragraph, issued_on, year, state_iso3, region_code, original_language, response,"
            + " action_category, demo, created_at, updated_at, version",
        csv -> {
          for (int i = 0; i < size; i++) {
            Recommendation r = recommendation(i);
            csv.row(
                r.id(),
                r.code(),
                "generated-" + seed + "-" + i,
                r.mechanism(),
                r.session(),
                r.cycle(),
                r.documentSymbol(),
                r.paragraph(),
                r.issuedOn(),
                r.year(),
                r.state().iso3(),
                r.state().regionCode(),
                "en",
                r.response(),
                r.actionCategory(),
                false,
                CREATED_AT,
                CREATED_AT,
                0);
          }
        });
    copier.copy(
        "recommendation_text",
        "recommendation_id, language, text",
        csv -> {
          for (int i = 0; i < size; i++) {
            Recommendation r = recommendation(i);
            csv.row(r.id(), "en", r.text());
          }
        });
    copier.copy(
        "recommendation_recommending_state",
        "recommendation_id, iso3",
        csv -> {
          for (int i = 0; i < size; i++) {
            Recommendation r = recommendation(i);
            r.recommendingStates().forEach(iso3 -> csv.row(r.id(), iso3));
          }
        });
    copier.copy(
        "recommendation_tag",
        "recommendation_id, kind, code, origin, status",
        csv -> {
          for (int i = 0; i < size; i++) {
            Recommendation r = recommendation(i);
            r.tags().forEach(t -> csv.row(r.id(), t[0], t[1], "IMPORT", "CONFIRMED"));
          }
        });
  }

  private List<Reference.State> recommendingStates(
      Reference.State underReview, SplittableRandom random) {
    int draw = random.nextInt(100);
    int count = draw < 80 ? 1 : draw < 95 ? 2 : 3;
    Set<Reference.State> chosen = new LinkedHashSet<>();
    while (chosen.size() < count) {
      Reference.State state = pick(reference.states(), random);
      if (!state.equals(underReview)) {
        chosen.add(state);
      }
    }
    return List.copyOf(chosen);
  }

  /** One or two themes, an SDG target for 40 % and an affected group for 30 % of first clauses. */
  private List<String[]> tags(int headIndex) {
    SplittableRandom random = ids.random(Ids.RECOMMENDATION, HEAD_TAGS + (long) headIndex);
    List<String[]> tags = new ArrayList<>();
    String theme = pick(reference.themes(), random);
    tags.add(new String[] {"THEME", theme});
    String second = pick(reference.themes(), random);
    if (random.nextInt(10) < 3 && !second.equals(theme)) {
      tags.add(new String[] {"THEME", second});
    }
    if (random.nextInt(10) < 4 && !reference.sdgTargets().isEmpty()) {
      tags.add(new String[] {"SDG", pick(reference.sdgTargets(), random)});
    }
    if (random.nextInt(10) < 3 && !reference.affectedGroups().isEmpty()) {
      tags.add(new String[] {"AFFECTED_GROUP", pick(reference.affectedGroups(), random)});
    }
    return tags;
  }

  static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
