package org.coopera.implementation.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.coopera.implementation.report.ReportDocument.Block;
import org.coopera.implementation.report.ReportDocument.Emphasis;
import org.coopera.implementation.report.ReportDocument.Field;
import org.coopera.implementation.report.ReportDocument.Heading;
import org.coopera.implementation.report.ReportDocument.PageBreak;
import org.coopera.implementation.report.ReportDocument.Paragraph;
import org.coopera.implementation.report.ReportDocument.Picture;
import org.coopera.implementation.report.ReportDocument.Table;
import org.coopera.platform.pdf.PdfFonts;

/**
 * Writes a laid-out report as a Word document with Apache POI: headings in the Title and Heading
 * styles (so that Word's navigation pane and table of contents see them), tables with a repeated
 * header row, and the chart as an inline picture. The State edits this file before submitting it.
 * The document's language is declared for Word (spelling, fonts); in a right-to-left language its
 * paragraphs and tables run right to left, and runs of right-to-left text are marked as such.
 */
final class DocxRenderer {

  private static final double PICTURE_WIDTH_POINTS = 440;

  private boolean rightToLeft;

  byte[] render(ReportDocument report) {
    rightToLeft = PdfFonts.rightToLeft(report.language());
    try (XWPFDocument document = new XWPFDocument()) {
      DocxStyles.addTo(document, report.language());
      document.getProperties().getCoreProperties().setTitle(report.title());
      document.getProperties().getCoreProperties().setCreator("Coopera");
      boolean pageBreakPending = false;
      for (Block block : report.blocks()) {
        if (block instanceof PageBreak) {
          pageBreakPending = true;
          continue;
        }
        XWPFParagraph paragraph = add(document, block);
        if (pageBreakPending && paragraph != null) {
          paragraph.setPageBreak(true);
        }
        pageBreakPending = false;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the block; returns its paragraph, or null for a table (which starts no paragraph). */
  private XWPFParagraph add(XWPFDocument document, Block block) throws IOException {
    XWPFParagraph added = addBlock(document, block);
    if (added != null) {
      DocxStyles.direction(added, rightToLeft);
    }
    return added;
  }

  private XWPFParagraph addBlock(XWPFDocument document, Block block) throws IOException {
    if (block instanceof Heading heading) {
      XWPFParagraph paragraph = document.createParagraph();
      paragraph.setStyle(DocxStyles.heading(heading.level()));
      text(paragraph.createRun(), heading.text());
      return paragraph;
    }
    if (block instanceof Paragraph p) {
      return paragraph(document, p);
    }
    if (block instanceof Field field) {
      XWPFParagraph paragraph = document.createParagraph();
      XWPFRun label = paragraph.createRun();
      label.setBold(true);
      text(label, field.label() + " ");
      text(paragraph.createRun(), field.value());
      return paragraph;
    }
    if (block instanceof Table table) {
      table(document, table);
      return null;
    }
    if (block instanceof Picture picture) {
      XWPFParagraph paragraph = document.createParagraph();
      paragraph.setAlignment(ParagraphAlignment.CENTER);
      double height = PICTURE_WIDTH_POINTS * picture.heightPixels() / picture.widthPixels();
      XWPFRun run = paragraph.createRun();
      try {
        run.addPicture(
            new ByteArrayInputStream(picture.png()),
            PictureType.PNG,
            "status-chart.png",
            Units.toEMU(PICTURE_WIDTH_POINTS),
            Units.toEMU(height));
        // The text alternative that screen readers and Word's Alt Text pane show.
        run.getCTR()
            .getDrawingArray(0)
            .getInlineArray(0)
            .getDocPr()
            .setDescr(DocxStyles.xmlSafe(picture.description()));
      } catch (InvalidFormatException e) {
        throw new IllegalStateException("The chart is not a PNG", e);
      }
      return paragraph;
    }
    throw new IllegalArgumentException("Unknown block " + block);
  }

  private XWPFParagraph paragraph(XWPFDocument document, Paragraph p) {
    XWPFParagraph paragraph = document.createParagraph();
    XWPFRun run = paragraph.createRun();
    switch (p.emphasis()) {
      case TITLE -> paragraph.setStyle(DocxStyles.TITLE);
      case SUBTITLE -> paragraph.setStyle(DocxStyles.SUBTITLE);
      case STRONG -> run.setBold(true);
      case NOTE -> {
        run.setItalic(true);
        run.setFontSize(9);
      }
      case NORMAL -> {}
    }
    if (p.emphasis() != Emphasis.NORMAL && p.emphasis() != Emphasis.STRONG) {
      paragraph.setAlignment(ParagraphAlignment.CENTER);
    }
    text(run, p.text());
    return paragraph;
  }

  private void table(XWPFDocument document, Table table) {
    XWPFTable grid = document.createTable(table.rows().size() + 1, table.header().size());
    grid.setWidth("100%");
    if (rightToLeft) {
      // the first column on the right
      grid.getCTTbl().getTblPr().addNewBidiVisual();
    }
    int total = table.weights().stream().mapToInt(Integer::intValue).sum();
    XWPFTableRow header = grid.getRow(0);
    header.setRepeatHeader(true);
    header.setCantSplitRow(true);
    fill(header, table.header(), table.weights(), total, true);
    for (int i = 0; i < table.rows().size(); i++) {
      fill(grid.getRow(i + 1), table.rows().get(i), table.weights(), total, false);
    }
    // An empty paragraph after the table keeps two tables that follow each other apart.
    document.createParagraph();
  }

  private void fill(
      XWPFTableRow row, List<String> cells, List<Integer> weights, int total, boolean header) {
    for (int column = 0; column < cells.size(); column++) {
      XWPFTableCell cell = row.getCell(column);
      cell.setWidth(String.format(Locale.ROOT, "%.1f%%", 100.0 * weights.get(column) / total));
      if (header) {
        cell.setColor("E6E6E6");
      }
      DocxStyles.direction(cell.getParagraphs().get(0), rightToLeft);
      XWPFRun run = cell.getParagraphs().get(0).createRun();
      run.setFontSize(9);
      run.setBold(header);
      text(run, cells.get(column));
    }
  }

  /** Sets a run's text, its line breaks as breaks, without characters XML cannot hold. */
  private static void text(XWPFRun run, String text) {
    DocxStyles.script(run, text);
    String[] lines = DocxStyles.xmlSafe(text).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        run.addBreak(BreakType.TEXT_WRAPPING);
      }
      run.setText(lines[i], i);
    }
  }
}
