package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The columns of the UPR Info database export, found by heading: {@code To, To-Rgrp, To-Org, Text,
 * From, From-Rgrp, From-Org, Response, Action, Issue, Session} in the CSV, {@code SuR, Rgrp, Org,
 * Recommendation, RS, Rgrp, Org, Response, Action, Issue, Session} in the legacy XLS. The regional
 * group and organisation columns are not read.
 *
 * <p>Each row becomes one {@link SourceRow}: {@code To} the State under review, {@code From} the
 * one recommending State (UPR Info splits a recommendation made by several States into one row per
 * State, and writes an unknown State as {@code &#40;Unknown&#41;}, which is decoded and kept),
 * {@code Issue} the comma-separated themes, mechanism {@code UPR}, language {@code en}. HTML
 * character references are decoded in every value. Values are not checked here.
 */
final class UprInfoLayout {

  static final String[] STATE_UNDER_REVIEW = {"To", "SuR"};
  static final String[] TEXT = {"Text", "Recommendation"};
  static final String[] RECOMMENDING_STATE = {"From", "RS"};
  static final String[] RESPONSE = {"Response"};
  static final String[] ACTION = {"Action"};
  static final String[] ISSUE = {"Issue"};
  static final String[] SESSION = {"Session"};

  private static final List<String[]> REQUIRED =
      List.of(STATE_UNDER_REVIEW, TEXT, RESPONSE, SESSION);

  private UprInfoLayout() {}

  static boolean recognises(Headings headings) {
    return missing(headings).isEmpty();
  }

  /** The required headings absent, by their CSV names. */
  static List<String> missing(Headings headings) {
    List<String> missing = new ArrayList<>();
    for (String[] names : REQUIRED) {
      if (!headings.has(names)) {
        missing.add(names[0]);
      }
    }
    return missing;
  }

  /**
   * The rows of a UPR Info table.
   *
   * @param sameWidth whether a row must have as many cells as the heading row (CSV), or may be
   *     shorter or longer (a spreadsheet leaves empty trailing cells out)
   */
  static ParsedFile parse(String fileName, Table table, boolean sameWidth) {
    if (table.isEmpty()) {
      return Problem.NO_ROWS.unreadable(ImportFormat.UPR_INFO, fileName);
    }
    Headings headings = Headings.of(table.heading());
    List<String> missing = missing(headings);
    if (!missing.isEmpty()) {
      return Problem.MISSING_COLUMNS.unreadable(
          ImportFormat.UPR_INFO, fileName, String.join(", ", missing));
    }
    if (table.dataRows().isEmpty()) {
      return Problem.NO_DATA_ROWS.unreadable(ImportFormat.UPR_INFO, fileName);
    }
    Columns columns = new Columns(headings);
    int width = table.heading().cells().size();
    List<SourceRow> rows = new ArrayList<>();
    List<FileProblem> problems = new ArrayList<>(table.problems());
    for (Table.Row row : table.dataRows()) {
      if (sameWidth && row.cells().size() != width) {
        problems.add(Problem.CELL_COUNT.ofRow(row.number(), row.cells().size(), width));
      } else {
        rows.add(columns.row(row));
      }
    }
    problems.sort(Comparator.comparingInt(FileProblem::row));
    return new ParsedFile(ImportFormat.UPR_INFO, table.dataRows().size(), rows, problems);
  }

  private record Columns(
      int state, int text, int from, int response, int action, int issue, int session) {

    Columns(Headings h) {
      this(
          h.find(STATE_UNDER_REVIEW),
          h.find(TEXT),
          h.find(RECOMMENDING_STATE),
          h.find(RESPONSE),
          h.find(ACTION),
          h.find(ISSUE),
          h.find(SESSION));
    }

    SourceRow row(Table.Row row) {
      return new SourceRow(
          row.number(),
          Cells.cleanHtml(row.cell(state)),
          "UPR",
          Cells.cleanHtml(row.cell(session)),
          null,
          null,
          null,
          null,
          Cells.cleanHtml(row.cell(text)),
          "en",
          Cells.single(Cells.cleanHtml(row.cell(from))),
          Cells.cleanHtml(row.cell(response)),
          null,
          null,
          Cells.cleanHtml(row.cell(action)),
          Cells.list(row.cell(issue), ",", true),
          List.of(),
          List.of());
    }
  }
}
