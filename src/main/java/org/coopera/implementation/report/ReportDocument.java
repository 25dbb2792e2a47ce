package org.coopera.implementation.report;

import java.util.List;
import java.util.Locale;

/**
 * A report laid out independently of its file format: the blocks, in reading order, that the DOCX
 * and PDF renderers turn into their own structures. Every text is already in the report's language.
 *
 * @param title the report's title, for the file's properties
 */
record ReportDocument(String title, Locale language, List<Block> blocks) {

  /** One piece of the report. */
  sealed interface Block permits Heading, Paragraph, Field, Table, Picture, PageBreak {}

  /** A heading of level 1 (sections), 2 (entries) or 3 (parts of an entry). */
  record Heading(int level, String text) implements Block {}

  /** How a paragraph stands out. */
  enum Emphasis {
    TITLE,
    SUBTITLE,
    NORMAL,
    STRONG,
    NOTE
  }

  record Paragraph(String text, Emphasis emphasis) implements Block {

    static Paragraph normal(String text) {
      return new Paragraph(text, Emphasis.NORMAL);
    }
  }

  /** A label (with its separator) and its value on one line. */
  record Field(String label, String value) implements Block {}

  /**
   * A table with a header row. Each row has as many cells as the header.
   *
   * @param weights the relative widths of the columns
   */
  record Table(List<String> header, List<List<String>> rows, List<Integer> weights)
      implements Block {

    Table {
      int columns = header.size();
      if (weights.size() != columns || rows.stream().anyMatch(row -> row.size() != columns)) {
        throw new IllegalArgumentException("every row needs one cell and one weight per column");
      }
      header = List.copyOf(header);
      rows = rows.stream().map(List::copyOf).toList();
      weights = List.copyOf(weights);
    }
  }

  /**
   * A PNG image.
   *
   * @param description its text alternative
   */
  record Picture(byte[] png, int widthPixels, int heightPixels, String description)
      implements Block {}

  /** The next block starts a page. */
  record PageBreak() implements Block {}
}
