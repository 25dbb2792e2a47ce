package org.coopera.recommendations.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.coopera.platform.OoxmlLimits;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

/**
 * An OHCHR UPR matrix or thematic list of recommendations, as a Word (DOCX) document. Every table
 * with a "Recommendation" heading in one of its first rows is read; its columns are found by
 * heading ({@link MatrixColumn}), by their place in the table grid, so merged cells do not shift
 * them. A row of one cell is a theme heading and is skipped; each other row is one {@link
 * SourceRow} (a paragraph that bundles several recommendations stays one row, with all their
 * States): the recommendation cell read by {@link MatrixText}, the themes, SDG and affected-persons
 * cells by {@link MatrixThemes}, the position as written ({@code Supported}, {@code Noted}). The
 * State under review, cycle and session come from the document or its name ({@link MatrixTitle});
 * mechanism is {@code UPR}, language {@code en} (the headings read are English).
 *
 * <p>Row numbers count the rows of the recommendation tables as Word shows them, from 1 for the
 * first table's first row (the heading row), continuing across tables.
 */
final class OhchrMatrixParser {

  private static final int HEADING_SEARCH_ROWS = 5;
  private static final int TITLE_PARAGRAPHS = 20;
  private static final Pattern THEME_HEADING = Pattern.compile("(?is)^themes?\\s*:.*");

  private final String fileName;
  private final MatrixTitle title;
  private final List<SourceRow> rows = new ArrayList<>();
  private final List<FileProblem> problems = new ArrayList<>();
  private int rowsRead;
  private int rowNumber;

  private OhchrMatrixParser(String fileName, MatrixTitle title) {
    this.fileName = fileName;
    this.title = title;
  }

  /**
   * @throws IOException when the bytes are not a readable DOCX ({@link ImportFiles} turns this and
   *     POI's runtime exceptions into a {@link FileProblem})
   */
  static ParsedFile parse(String fileName, byte[] content) throws IOException {
    OoxmlLimits.apply();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
      return parse(fileName, document);
    }
  }

  static ParsedFile parse(String fileName, XWPFDocument document) {
    OhchrMatrixParser parser =
        new OhchrMatrixParser(fileName, MatrixTitle.find(titleTexts(document), fileName));
    boolean found = false;
    for (XWPFTable table : document.getTables()) {
      found |= parser.table(table.getRows());
    }
    if (!found) {
      return Problem.NO_RECOMMENDATION_COLUMN.unreadable(ImportFormat.OHCHR_MATRIX, fileName);
    }
    if (parser.rowsRead == 0) {
      return Problem.NO_DATA_ROWS.unreadable(ImportFormat.OHCHR_MATRIX, fileName);
    }
    if (parser.rows.stream().anyMatch(r -> r.stateUnderReview() == null)) {
      return Problem.MATRIX_NO_STATE.unreadable(ImportFormat.OHCHR_MATRIX, fileName);
    }
    if (parser.title.session() == null) {
      return Problem.MATRIX_NO_SESSION.unreadable(ImportFormat.OHCHR_MATRIX, fileName);
    }
    return new ParsedFile(ImportFormat.OHCHR_MATRIX, parser.rowsRead, parser.rows, parser.problems);
  }

  /** Reads one table; answers false, counting none of its rows, when it has no matrix heading. */
  private boolean table(List<XWPFTableRow> tableRows) {
    Layout layout = null;
    int heading = 0;
    for (; heading < Math.min(HEADING_SEARCH_ROWS, tableRows.size()); heading++) {
      layout = Layout.of(tableRows.get(heading));
      if (layout != null) {
        break;
      }
    }
    if (layout == null) {
      return false;
    }
    for (int i = 0; i < tableRows.size(); i++) {
      rowNumber++;
      if (i > heading) {
        row(tableRows.get(i), layout);
      }
    }
    return true;
  }

  /**
   * The columns of a matrix table, by the grid column each heading cell starts at.
   *
   * @param textHeading the recommendation column's heading, to know the heading row repeated
   */
  private record Layout(Map<Integer, MatrixColumn> columns, int cells, String textHeading) {

    /** The layout a heading row gives, or null when the row has no recommendation column. */
    static Layout of(XWPFTableRow heading) {
      Map<Integer, MatrixColumn> columns = new HashMap<>();
      String textHeading = null;
      int start = 0;
      for (XWPFTableCell cell : heading.getTableCells()) {
        String text = Cells.clean(String.join(" ", lines(cell)));
        MatrixColumn column = MatrixColumn.of(text);
        if (column == MatrixColumn.IGNORED || !columns.containsValue(column)) {
          columns.put(start, column);
          textHeading = column == MatrixColumn.TEXT ? text : textHeading;
        }
        start += span(cell);
      }
      return textHeading == null
          ? null
          : new Layout(columns, heading.getTableCells().size(), textHeading);
    }
  }

  private void row(XWPFTableRow tableRow, Layout layout) {
    List<XWPFTableCell> cells = tableRow.getTableCells();
    Map<MatrixColumn, List<String>> values = new EnumMap<>(MatrixColumn.class);
    List<String> filled = new ArrayList<>();
    int start = 0;
    for (XWPFTableCell cell : cells) {
      List<String> lines = lines(cell);
      String text = Cells.clean(String.join("\n", lines));
      if (text != null) {
        filled.add(text);
      }
      values.putIfAbsent(layout.columns().getOrDefault(start, MatrixColumn.IGNORED), lines);
      start += span(cell);
    }
    if (filled.isEmpty() || cells.size() == 1 || isThemeHeading(filled)) {
      return; // empty, or a theme heading ("Theme: A12 Acceptance of international norms")
    }
    String text = Cells.clean(joined(values, MatrixColumn.TEXT));
    if (layout.textHeading().equalsIgnoreCase(text)) {
      return; // the heading row repeated
    }
    rowsRead++;
    if (!values.containsKey(MatrixColumn.TEXT)) {
      problems.add(Problem.CELLS_NOT_ALIGNED.ofRow(rowNumber, cells.size(), layout.cells()));
      return;
    }
    rows.add(sourceRow(values));
  }

  private SourceRow sourceRow(Map<MatrixColumn, List<String>> values) {
    MatrixText text = MatrixText.of(joined(values, MatrixColumn.TEXT));
    String source = Cells.clean(joined(values, MatrixColumn.SOURCE_OF_POSITION));
    List<String> response = new ArrayList<>();
    for (String line : values.getOrDefault(MatrixColumn.POSITION, List.of())) {
      MatrixText.Sourced position = MatrixText.Sourced.of(line);
      source = source != null ? source : position.source();
      if (position.before() != null) {
        response.add(position.before());
      }
    }
    source = source != null ? source : text.responseSource();
    String states = joined(values, MatrixColumn.RECOMMENDING_STATES);
    String paragraph = Cells.clean(joined(values, MatrixColumn.PARAGRAPH));
    String stateUnderReview = Cells.clean(joined(values, MatrixColumn.STATE_UNDER_REVIEW));
    MatrixThemes themes =
        new MatrixThemes()
            .read(values.getOrDefault(MatrixColumn.THEMES, List.of()), MatrixThemes.Block.THEMES)
            .read(values.getOrDefault(MatrixColumn.SDGS, List.of()), MatrixThemes.Block.SDGS)
            .read(
                values.getOrDefault(MatrixColumn.AFFECTED_PERSONS, List.of()),
                MatrixThemes.Block.AFFECTED_PERSONS);
    return new SourceRow(
        rowNumber,
        stateUnderReview != null ? stateUnderReview : title.stateUnderReview(),
        "UPR",
        title.session(),
        title.cycle(),
        MatrixText.symbol(source),
        paragraph != null ? paragraph.replaceFirst("\\.$", "") : text.paragraph(),
        null,
        text.text(),
        "en",
        states == null ? text.recommendingStates() : Cells.list(states, "[;,\\n]", false),
        Cells.clean(String.join(" ", response)),
        null,
        source,
        null,
        themes.themes(),
        themes.sdgTargets(),
        themes.affectedGroups());
  }

  /** A theme heading typed into the first cell of a row whose other cells are left empty. */
  private static boolean isThemeHeading(List<String> filled) {
    return filled.size() == 1 && THEME_HEADING.matcher(filled.get(0)).matches();
  }

  private static int span(XWPFTableCell cell) {
    CTTcPr properties = cell.getCTTc().getTcPr();
    if (properties == null || !properties.isSetGridSpan()) {
      return 1;
    }
    BigInteger value = properties.getGridSpan().getVal();
    return value != null && value.signum() > 0 && value.bitLength() < 7 ? value.intValue() : 1;
  }

  private static List<String> lines(XWPFTableCell cell) {
    return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  private static String joined(Map<MatrixColumn, List<String>> values, MatrixColumn column) {
    List<String> lines = values.get(column);
    return lines == null ? null : String.join("\n", lines);
  }

  /** Where a matrix names its review: core title, page headers, the paragraphs before a table. */
  private static List<String> titleTexts(XWPFDocument document) {
    List<String> texts = new ArrayList<>();
    texts.add(document.getProperties().getCoreProperties().getTitle());
    for (XWPFHeader header : document.getHeaderList()) {
      texts.add(header.getText());
    }
    for (IBodyElement element : document.getBodyElements()) {
      if (!(element instanceof XWPFParagraph paragraph) || texts.size() > TITLE_PARAGRAPHS) {
        break;
      }
      texts.add(paragraph.getText());
    }
    return texts;
  }
}
