package org.coopera.recommendations.importing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.coopera.platform.Csv;

/**
 * Coopera's own import template, as CSV (UTF-8 with or without a byte-order mark, RFC 4180) or XLSX
 * with the same columns, documented for people in {@code docs/import-template.md}. Columns are
 * found by heading, in any order; only {@code state_under_review} and {@code text} are required.
 * List columns are separated by {@code ;}. A blank {@code language} means {@code en}. Values are
 * read as written, not checked: a date such as {@code 2013-13-45} or an unknown response is the
 * validator's to reject. The {@code id} column (the registry's stable identifier, for updates) is
 * not read when creating.
 *
 * <p>Rows whose {@code id} starts with {@code example} are the template's examples: they are
 * skipped, so a downloaded template imports nothing until a person adds rows.
 */
public final class CooperaTemplate {

  /** The template's columns, in the order the blank template writes them. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "state_under_review",
          "mechanism",
          "cycle",
          "session",
          "document_symbol",
          "paragraph",
          "date",
          "language",
          "text",
          "recommending_states",
          "response",
          "response_comment",
          "response_source",
          "action_category",
          "themes",
          "sdg_targets",
          "affected_groups");

  static final List<String> REQUIRED = List.of("state_under_review", "text");

  static final String LIST_SEPARATOR = ";";

  static final String DEFAULT_LANGUAGE = "en";

  /** The two example rows of the blank template, in {@link #COLUMNS} order. */
  static final List<List<String>> EXAMPLES =
      List.of(
          List.of(
              "example-1",
              "SVN",
              "UPR",
              "3",
              "34",
              "A/HRC/43/15",
              "121.1",
              "2019",
              "en",
              "Ratify the International Convention for the Protection of All Persons from Enforced"
                  + " Disappearance",
              "France;Lithuania",
              "supported",
              "",
              "A/HRC/43/15",
              "",
              "A12;D32",
              "16",
              "disappeared_persons"),
          List.of(
              "example-2",
              "PRY",
              "CEDAW",
              "",
              "",
              "CEDAW/C/PRY/CO/7",
              "21(a)",
              "2017-03-03",
              "en",
              "Adopt a comprehensive law that prevents, punishes and eradicates all forms of"
                  + " gender-based violence against women and girls, and ensure that it is"
                  + " applied throughout the territory.",
              "",
              "pending",
              "",
              "",
              "",
              "F13;D29",
              "5.2;16.3",
              "women;girls"));

  private CooperaTemplate() {}

  /** The blank template as CSV: UTF-8 with a byte-order mark, the heading row and two examples. */
  public static byte[] blankCsv() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Csv csv = Csv.start(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), COLUMNS)) {
      EXAMPLES.forEach(csv::row);
    }
    return bytes.toByteArray();
  }

  /**
   * The blank template as XLSX: the heading row in bold and two examples on the first sheet, every
   * cell formatted as text (so that {@code 16.10} stays {@code 16.10}), and a second sheet,
   * "Instructions", explaining each column in the language of {@code locale} (English or French).
   */
  public static byte[] blankXlsx(Locale locale) {
    return CooperaTemplateWorkbook.write(locale);
  }

  static boolean recognises(Headings headings) {
    return missing(headings).isEmpty();
  }

  static List<String> missing(Headings headings) {
    return REQUIRED.stream().filter(column -> !headings.has(column)).toList();
  }

  /**
   * The rows of a template table.
   *
   * @param sameWidth whether a row must have as many cells as the heading row (CSV)
   */
  static ParsedFile parse(String fileName, Table table, boolean sameWidth) {
    if (table.isEmpty()) {
      return Problem.NO_ROWS.unreadable(ImportFormat.COOPERA, fileName);
    }
    Headings headings = Headings.of(table.heading());
    List<String> missing = missing(headings);
    if (!missing.isEmpty()) {
      return Problem.MISSING_COLUMNS.unreadable(
          ImportFormat.COOPERA, fileName, String.join(", ", missing));
    }
    TemplateColumns columns = new TemplateColumns(headings);
    int width = table.heading().cells().size();
    int rowsRead = 0;
    List<SourceRow> rows = new ArrayList<>();
    List<FileProblem> problems = new ArrayList<>(table.problems());
    for (Table.Row row : table.dataRows()) {
      if (columns.isExample(row)) {
        continue;
      }
      rowsRead++;
      if (sameWidth && row.cells().size() != width) {
        problems.add(Problem.CELL_COUNT.ofRow(row.number(), row.cells().size(), width));
      } else {
        rows.add(columns.row(row));
      }
    }
    if (rowsRead == 0 && problems.isEmpty()) {
      return Problem.NO_DATA_ROWS.unreadable(ImportFormat.COOPERA, fileName);
    }
    problems.sort(Comparator.comparingInt(FileProblem::row));
    return new ParsedFile(ImportFormat.COOPERA, rowsRead, rows, problems);
  }

  /**
   * Where each column of the template is in one file, found once from its heading row (-1 when the
   * file lacks the column): looking a heading up for every cell cost more than reading the cells.
   */
  private record TemplateColumns(
      int id,
      int state,
      int mechanism,
      int session,
      int cycle,
      int symbol,
      int paragraph,
      int date,
      int language,
      int text,
      int recommending,
      int response,
      int responseComment,
      int responseSource,
      int action,
      int themes,
      int sdgs,
      int groups) {

    TemplateColumns(Headings h) {
      this(
          h.find("id"),
          h.find("state_under_review"),
          h.find("mechanism"),
          h.find("session"),
          h.find("cycle"),
          h.find("document_symbol"),
          h.find("paragraph"),
          h.find("date"),
          h.find("language"),
          h.find("text"),
          h.find("recommending_states"),
          h.find("response"),
          h.find("response_comment"),
          h.find("response_source"),
          h.find("action_category"),
          h.find("themes"),
          h.find("sdg_targets"),
          h.find("affected_groups"));
    }

    boolean isExample(Table.Row row) {
      String value = value(row, id);
      return value != null && value.toLowerCase(Locale.ROOT).startsWith("example");
    }

    SourceRow row(Table.Row row) {
      String lang = value(row, language);
      return new SourceRow(
          row.number(),
          value(row, state),
          value(row, mechanism),
          value(row, session),
          value(row, cycle),
          value(row, symbol),
          value(row, paragraph),
          value(row, date),
          value(row, text),
          lang == null ? DEFAULT_LANGUAGE : lang,
          list(row, recommending),
          value(row, response),
          value(row, responseComment),
          value(row, responseSource),
          value(row, action),
          list(row, themes),
          list(row, sdgs),
          list(row, groups));
    }

    private static String value(Table.Row row, int column) {
      return Cells.clean(row.cell(column));
    }

    private static List<String> list(Table.Row row, int column) {
      return Cells.list(row.cell(column), LIST_SEPARATOR, false);
    }
  }
}
