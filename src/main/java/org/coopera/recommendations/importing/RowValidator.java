package org.coopera.recommendations.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.TagKind;
import org.coopera.recommendations.internal.ContentKeys;
import org.coopera.recommendations.internal.RecommendationDraft;
import org.coopera.recommendations.internal.RecommendationDraft.DraftTag;
import org.coopera.recommendations.internal.StateNames;

/**
 * Checks one row of a file and resolves its names to codes. A row becomes a draft only when it has
 * no problem; what cannot be resolved is a problem (it stops the import) when the recommendation
 * would be wrong without it — the State under review, the mechanism, the session or date, the text,
 * the response — and a note (the row is imported without it) for a tag the registry does not know
 * or an unnamed recommending State.
 */
final class RowValidator {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,3}");
  private static final Set<String> UNKNOWN_STATE = Set.of("unknown", "n a", "na", "none", "");

  /**
   * The longest name offered for mapping to a State: no State's name comes near it, and a longer
   * one (a whole cell of text) is reported as unknown but not remembered as a name to map, so that
   * the import's record stays readable.
   */
  static final int MAX_STATE_NAME = 200;

  private static final Map<String, Response> RESPONSES =
      Map.ofEntries(
          Map.entry("accepted", Response.SUPPORTED),
          Map.entry("supported", Response.SUPPORTED),
          Map.entry("support", Response.SUPPORTED),
          Map.entry("enjoys the support", Response.SUPPORTED),
          Map.entry("supported in part", Response.SUPPORTED_IN_PART),
          Map.entry("supported-in-part", Response.SUPPORTED_IN_PART),
          Map.entry("partially supported", Response.SUPPORTED_IN_PART),
          Map.entry("partially accepted", Response.SUPPORTED_IN_PART),
          Map.entry("noted", Response.NOTED),
          Map.entry("rejected", Response.NOTED),
          Map.entry("not supported", Response.NOTED),
          Map.entry("pending", Response.PENDING),
          Map.entry("", Response.PENDING));

  private final ImportVocabulary vocabulary;
  private final StateNames.Lookup states;
  private final String onlyState;

  /**
   * @param onlyState the one State whose recommendations this import may hold (a State
   *     coordinator's), or null for any
   */
  RowValidator(ImportVocabulary vocabulary, StateNames.Lookup states, String onlyState) {
    this.vocabulary = vocabulary;
    this.states = states;
    this.onlyState = onlyState;
  }

  /** The outcome for one row: a draft, or the problems that keep it out; and notes either way. */
  record Checked(
      int row,
      RecommendationDraft draft,
      List<FileProblem> problems,
      List<FileProblem> notes,
      Map<String, List<StateNames.Candidate>> unknownStates) {}

  Checked check(SourceRow row) {
    List<FileProblem> problems = new ArrayList<>();
    List<FileProblem> notes = new ArrayList<>();
    Map<String, List<StateNames.Candidate>> unknown = new java.util.LinkedHashMap<>();
    int n = row.row();

    String state = null;
    if (blank(row.stateUnderReview())) {
      problems.add(FileProblem.ofRow(n, "import.row.no-state"));
    } else {
      state = states.resolve(row.stateUnderReview()).orElse(null);
      if (state == null) {
        offer(unknown, row.stateUnderReview());
        problems.add(unknownState(n, "import.row.unknown-state", row.stateUnderReview()));
      } else if (onlyState != null && !onlyState.equals(state)) {
        problems.add(
            FileProblem.ofRow(n, "import.row.other-state", row.stateUnderReview(), onlyState));
      }
    }

    String mechanism =
        blank(row.mechanism()) ? "UPR" : vocabulary.mechanism(row.mechanism()).orElse(null);
    if (mechanism == null) {
      problems.add(FileProblem.ofRow(n, "import.row.unknown-mechanism", row.mechanism()));
    }

    Integer session = null;
    Integer cycle = null;
    Integer year = null;
    if ("UPR".equals(mechanism)) {
      if (blank(row.session())) {
        problems.add(FileProblem.ofRow(n, "import.row.no-session"));
      } else if (!NUMBER.matcher(row.session().strip()).matches()
          || vocabulary.session(Integer.parseInt(row.session().strip())).isEmpty()) {
        problems.add(FileProblem.ofRow(n, "import.row.unknown-session", row.session()));
      } else {
        var known = vocabulary.session(Integer.parseInt(row.session().strip())).orElseThrow();
        session = known.session();
        cycle = known.cycle();
        year = known.year();
        if (!blank(row.cycle()) && !row.cycle().strip().equals(String.valueOf(cycle))) {
          problems.add(
              FileProblem.ofRow(n, "import.row.cycle-mismatch", row.cycle(), session, cycle));
        }
      }
    }

    LocalDate date = null;
    if (!blank(row.date())) {
      String d = row.date().strip();
      if (YEAR.matcher(d).matches()) {
        year = Integer.valueOf(d);
      } else {
        try {
          date = LocalDate.parse(d);
          year = date.getYear();
        } catch (DateTimeException e) {
          problems.add(FileProblem.ofRow(n, "import.row.bad-date", d));
        }
      }
    }
    if (year == null && mechanism != null && !"UPR".equals(mechanism) && blank(row.date())) {
      problems.add(FileProblem.ofRow(n, "import.row.no-date"));
    }

    String text = row.text() == null ? "" : row.text().strip();
    if (text.isEmpty()) {
      problems.add(FileProblem.ofRow(n, "import.row.no-text"));
    }

    String language =
        blank(row.language()) ? "en" : row.language().strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(language).matches()) {
      problems.add(FileProblem.ofRow(n, "import.row.bad-language", row.language()));
    }

    String writtenResponse = row.response() == null ? "" : row.response().strip();
    Response response =
        RESPONSES.get(writtenResponse.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    if (response == null) {
      String key =
          writtenResponse.toLowerCase(Locale.ROOT).contains("pledge")
              ? "import.row.pledge"
              : "import.row.unknown-response";
      problems.add(FileProblem.ofRow(n, key, writtenResponse));
    }

    Integer action = null;
    if (!blank(row.actionCategory())) {
      String a = row.actionCategory().strip();
      if (a.matches("[1-5]")) {
        action = Integer.valueOf(a);
      } else {
        problems.add(FileProblem.ofRow(n, "import.row.bad-action", a));
      }
    }

    Set<String> recommending = new LinkedHashSet<>();
    for (String name : row.recommendingStates()) {
      String normalised = StateNames.normalise(name);
      if (UNKNOWN_STATE.contains(normalised)) {
        notes.add(FileProblem.ofRow(n, "import.note.unnamed-recommending-state", name));
        continue;
      }
      Optional<String> iso3 = states.resolve(name);
      if (iso3.isPresent()) {
        recommending.add(iso3.get());
      } else {
        offer(unknown, name);
        problems.add(unknownState(n, "import.row.unknown-recommending-state", name));
      }
    }

    Set<DraftTag> tags = new LinkedHashSet<>();
    for (String theme : row.themes()) {
      List<DraftTag> found = vocabulary.theme(theme);
      if (found.isEmpty() && !vocabulary.isIssue(theme)) {
        notes.add(FileProblem.ofRow(n, "import.note.unknown-theme", theme));
      }
      tags.addAll(found);
    }
    for (String sdg : row.sdgTargets()) {
      vocabulary
          .sdg(sdg)
          .ifPresentOrElse(
              code -> tags.add(new DraftTag(TagKind.SDG, code)),
              () -> notes.add(FileProblem.ofRow(n, "import.note.unknown-sdg", sdg)));
    }
    for (String group : row.affectedGroups()) {
      vocabulary
          .group(group)
          .ifPresentOrElse(
              code -> tags.add(new DraftTag(TagKind.AFFECTED_GROUP, code)),
              () -> notes.add(FileProblem.ofRow(n, "import.note.unknown-group", group)));
    }

    if (!problems.isEmpty()) {
      return new Checked(n, null, problems, notes, unknown);
    }
    String symbol = blank(row.documentSymbol()) ? null : row.documentSymbol().strip();
    String key = ContentKeys.of(state, mechanism, session, symbol, text);
    RecommendationDraft draft =
        new RecommendationDraft(
            key,
            mechanism,
            session,
            cycle,
            symbol,
            blank(row.paragraph()) ? null : row.paragraph().strip(),
            date,
            year,
            state,
            language,
            text,
            List.copyOf(recommending),
            response,
            blankToNull(row.responseComment()),
            blankToNull(row.responseSource()),
            action,
            List.copyOf(tags),
            null,
            false);
    return new Checked(n, draft, problems, notes, unknown);
  }

  /** An unknown name, with the States it is closest to, offered for mapping unless too long. */
  private void offer(Map<String, List<StateNames.Candidate>> unknown, String name) {
    String stripped = name.strip();
    if (stripped.length() <= MAX_STATE_NAME) {
      unknown.put(stripped, states.closest(stripped, 3));
    }
  }

  private FileProblem unknownState(int row, String key, String name) {
    List<StateNames.Candidate> closest = states.closest(name, 3);
    String offered = String.join(", ", closest.stream().map(StateNames.Candidate::name).toList());
    return closest.isEmpty()
        ? FileProblem.ofRow(row, key, name.strip())
        : FileProblem.ofRow(row, key + "-closest", name.strip(), offered);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return blank(value) ? null : value.strip();
  }
}
