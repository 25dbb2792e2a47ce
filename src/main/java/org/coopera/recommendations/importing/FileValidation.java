package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coopera.recommendations.internal.RecommendationDraft;
import org.coopera.recommendations.internal.StateNames;

/**
 * The whole file checked: every row's problems and notes, the recommendations it would create, and
 * how many of its rows are already in the registry or repeat another row. UPR Info gives one row
 * per recommending State: rows with the same recommendation (same State, session and text) are
 * merged into one recommendation with all their recommending States.
 */
record FileValidation(
    ImportFormat format,
    int rowsRead,
    List<RecommendationDraft> toCreate,
    int duplicates,
    int merged,
    List<FileProblem> problems,
    List<FileProblem> notes,
    Map<String, List<StateNames.Candidate>> unknownStates) {

  boolean valid() {
    return problems.isEmpty();
  }

  static FileValidation of(
      ParsedFile parsed,
      RowValidator validator,
      java.util.function.Function<Set<String>, Set<String>> existing) {
    return rows(parsed, validator).against(existing);
  }

  /**
   * What the file's rows hold on their own: every row checked, repeated rows merged, before the
   * registry is asked which recommendations it holds already. It depends only on the file and on
   * what the rows were checked against (the vocabulary, the names of States, the scope), so an
   * import applied soon after it was checked can reuse it ({@link CheckedFiles}).
   */
  record Rows(
      ImportFormat format,
      int rowsRead,
      List<RecommendationDraft> drafts,
      int duplicates,
      int merged,
      List<FileProblem> problems,
      List<FileProblem> notes,
      Map<String, List<StateNames.Candidate>> unknownStates) {

    boolean valid() {
      return problems.isEmpty();
    }

    /** The findings, the recommendations the registry holds already counted as duplicates. */
    FileValidation against(java.util.function.Function<Set<String>, Set<String>> existing) {
      Map<String, RecommendationDraft> byKey = new LinkedHashMap<>();
      drafts.forEach(d -> byKey.put(d.contentKey(), d));
      Set<String> present = existing.apply(byKey.keySet());
      List<RecommendationDraft> fresh = new ArrayList<>();
      int already = 0;
      for (RecommendationDraft draft : drafts) {
        if (present.contains(draft.contentKey())) {
          already++;
        } else {
          fresh.add(draft);
        }
      }
      return new FileValidation(
          format, rowsRead, fresh, duplicates + already, merged, problems, notes, unknownStates);
    }
  }

  static Rows rows(ParsedFile parsed, RowValidator validator) {
    List<FileProblem> problems = new ArrayList<>(parsed.problems());
    List<FileProblem> notes = new ArrayList<>();
    Map<String, List<StateNames.Candidate>> unknown = new LinkedHashMap<>();
    Map<String, RecommendationDraft> byKey = new LinkedHashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    Map<String, Set<Set<String>>> seenStates = new HashMap<>();
    int duplicates = 0;
    int merged = 0;
    for (SourceRow row : parsed.rows()) {
      RowValidator.Checked checked = validator.check(row);
      problems.addAll(checked.problems());
      notes.addAll(checked.notes());
      checked.unknownStates().forEach(unknown::putIfAbsent);
      RecommendationDraft draft = checked.draft();
      if (draft == null) {
        continue;
      }
      RecommendationDraft earlier = byKey.get(draft.contentKey());
      if (earlier == null) {
        byKey.put(draft.contentKey(), draft);
        firstRow.put(draft.contentKey(), row.row());
        seenStates
            .computeIfAbsent(draft.contentKey(), k -> new LinkedHashSet<>())
            .add(Set.copyOf(draft.recommendingStates()));
        continue;
      }
      if (earlier.response() != draft.response()) {
        notes.add(
            FileProblem.ofRow(
                row.row(), "import.note.conflicting-response", firstRow.get(draft.contentKey())));
      }
      Set<Set<String>> seen = seenStates.get(draft.contentKey());
      if (!seen.add(Set.copyOf(draft.recommendingStates()))
          || earlier.recommendingStates().containsAll(draft.recommendingStates())) {
        duplicates++;
        notes.add(
            FileProblem.ofRow(
                row.row(), "import.note.repeated-row", firstRow.get(draft.contentKey())));
        continue;
      }
      merged++;
      byKey.put(draft.contentKey(), withMoreStates(earlier, draft.recommendingStates()));
    }
    problems.sort(java.util.Comparator.comparingInt(FileProblem::row));
    return new Rows(
        parsed.format(),
        parsed.rowsRead(),
        List.copyOf(byKey.values()),
        duplicates,
        merged,
        problems,
        notes,
        unknown);
  }

  private static RecommendationDraft withMoreStates(RecommendationDraft d, List<String> more) {
    Set<String> states = new LinkedHashSet<>(d.recommendingStates());
    states.addAll(more);
    return new RecommendationDraft(
        d.contentKey(),
        d.mechanismCode(),
        d.uprSession(),
        d.uprCycle(),
        d.documentSymbol(),
        d.paragraph(),
        d.issuedOn(),
        d.year(),
        d.stateIso3(),
        d.language(),
        d.text(),
        List.copyOf(states),
        d.response(),
        d.responseComment(),
        d.responseSource(),
        d.actionCategory(),
        d.tags(),
        d.importId(),
        d.demo());
  }
}
