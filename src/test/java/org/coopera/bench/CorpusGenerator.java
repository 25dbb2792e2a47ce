package org.coopera.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Recommendations that read like real ones, recombined from the {@link DemoFragments}: a head, then
 * none, one or two tails, then the recommending States in brackets as OHCHR matrices write them.
 * The State under review is any of the 193 Member States; 85 % are UPR recommendations of sessions
 * 1–45 with the response of the recommendation their head comes from, 15 % are treaty-body
 * recommendations (response pending). Tags are the confirmed tags of the head's recommendation,
 * with one theme drawn at random when it had none.
 *
 * <p>Recommendation {@code i} depends only on the seed and on {@code i}, so the same corpus is
 * produced at every run and each table can be written in a pass of its own without holding the
 * corpus in memory.
 */
final class CorpusGenerator {

  static final long SEED = 20_261_128L;

  private static final double UPR_SHARE = 0.85;
  private static final int FIRST_TREATY_YEAR = 2008;
  private static final int TREATY_YEARS = 17;
  private static final int PARAGRAPH_GROUPS = 97;

  private final DemoFragments fragments;
  private final ReferenceValues reference;
  private final long seed;

  CorpusGenerator(DemoFragments fragments, ReferenceValues reference, long seed) {
    this.fragments = fragments;
    this.reference = reference;
    this.seed = seed;
  }

  GeneratedRecommendation recommendation(int i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    UUID id = new UUID(random.nextLong(), random.nextLong());
    ReferenceValues.State state = pick(reference.states(), random);
    DemoFragments.Head head = pick(fragments.heads(), random);
    boolean upr = random.nextDouble() < UPR_SHARE;
    ReferenceValues.Session session = upr ? pick(reference.sessions(), random) : null;
    String mechanism = upr ? "UPR" : pick(reference.treatyBodies(), random);
    int year = upr ? session.year() : FIRST_TREATY_YEAR + random.nextInt(TREATY_YEARS);
    LocalDate issuedOn = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    List<ReferenceValues.State> recommending = upr ? recommendingStates(state, random) : List.of();
    // Paragraphs from 900 on, which no real document reaches, unique for each i: codes are unique.
    String paragraph = (900 + i % PARAGRAPH_GROUPS) + "." + (i / PARAGRAPH_GROUPS + 1);
    String where = upr ? "S" + session.number() : String.valueOf(year);
    return new GeneratedRecommendation(
        id,
        (mechanism + "-" + state.iso3() + "-" + where + "-" + paragraph).toUpperCase(Locale.ROOT),
        "generated-" + i,
        mechanism,
        upr ? session.number() : null,
        upr ? session.cycle() : null,
        upr
            ? "A/HRC/WG.6/" + session.number() + "/" + state.iso3()
            : mechanism + "/C/" + state.iso3() + "/CO/" + (1 + random.nextInt(8)),
        paragraph,
        issuedOn,
        year,
        state.iso3(),
        state.regionCode(),
        upr ? head.response() : "PENDING",
        random.nextInt(10) < 6 ? 1 + random.nextInt(5) : null,
        "en",
        text(head, recommending, random),
        recommending.stream().map(ReferenceValues.State::iso3).toList(),
        tags(head, random));
  }

  private String text(
      DemoFragments.Head head, List<ReferenceValues.State> recommending, SplittableRandom random) {
    StringBuilder text = new StringBuilder(head.text());
    int draw = random.nextInt(100);
    int tails = draw < 45 ? 0 : draw < 80 ? 1 : 2;
    for (int t = 0; t < tails; t++) {
      text.append(", ").append(pick(fragments.tails(), random));
    }
    for (ReferenceValues.State state : recommending) {
      text.append(" (").append(state.name()).append(')');
    }
    return text.toString();
  }

  private List<ReferenceValues.State> recommendingStates(
      ReferenceValues.State underReview, SplittableRandom random) {
    int draw = random.nextInt(100);
    int count = draw < 80 ? 1 : draw < 95 ? 2 : 3;
    Set<ReferenceValues.State> chosen = new LinkedHashSet<>();
    while (chosen.size() < count) {
      ReferenceValues.State state = pick(reference.states(), random);
      if (!state.equals(underReview)) {
        chosen.add(state);
      }
    }
    return List.copyOf(chosen);
  }

  private List<GeneratedRecommendation.TagCode> tags(
      DemoFragments.Head head, SplittableRandom random) {
    List<GeneratedRecommendation.TagCode> tags = new ArrayList<>(head.tags());
    if (tags.stream().noneMatch(t -> t.kind().equals("THEME"))) {
      tags.add(new GeneratedRecommendation.TagCode("THEME", pick(reference.themes(), random)));
    }
    return tags;
  }

  private static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}
