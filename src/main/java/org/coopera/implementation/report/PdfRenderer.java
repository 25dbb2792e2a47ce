package org.coopera.implementation.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.coopera.implementation.report.ReportDocument.Block;
import org.coopera.implementation.report.ReportDocument.Emphasis;
import org.coopera.implementation.report.ReportDocument.Field;
import org.coopera.implementation.report.ReportDocument.Heading;
import org.coopera.implementation.report.ReportDocument.PageBreak;
import org.coopera.implementation.report.ReportDocument.Paragraph;
import org.coopera.implementation.report.ReportDocument.Picture;
import org.coopera.implementation.report.ReportDocument.Table;
import org.coopera.platform.pdf.PdfFace;
import org.coopera.platform.pdf.PdfFace.Align;
import org.coopera.platform.pdf.PdfFlow;
import org.coopera.platform.pdf.PdfFonts;

/**
 * Writes a laid-out report as a PDF on A4 pages with PDFBox, in the fonts of the platform's PDF
 * text (subsets only; Arabic shaped, right-to-left text in visual order, a font per script): long
 * texts wrap and flow onto new pages, tables repeat their header on each page they run onto, and
 * every page is numbered. In a right-to-left language the layout is mirrored: lines start at the
 * right, labels stand right of their values and table columns run from right to left.
 */
final class PdfRenderer {

  private static final Color TEXT = Color.BLACK;
  private static final Color NOTE = new Color(0x55, 0x55, 0x55);

  private final ReportLabels labels;

  PdfRenderer(ReportLabels labels) {
    this.labels = labels;
  }

  byte[] render(ReportDocument report) {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.of(document, report.language());
      PdfFace regular = fonts.regular();
      PdfFace bold = fonts.bold();
      try (PdfFlow flow = new PdfFlow(document, fonts)) {
        flow.newPage();
        flow.down(120);
        PdfTables tables = new PdfTables(flow, regular, bold);
        for (Block block : report.blocks()) {
          draw(block, document, flow, regular, bold, tables);
        }
        flow.close();
        flow.numberPages((number, count) -> labels.text("report.page", number, count));
      }
      document.getDocumentInformation().setTitle(report.title());
      document.getDocumentInformation().setCreator("Coopera");
      document
          .getDocumentCatalog()
          .setLanguage(report.language().stripExtensions().toLanguageTag());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void draw(
      Block block,
      PDDocument document,
      PdfFlow flow,
      PdfFace regular,
      PdfFace bold,
      PdfTables tables)
      throws IOException {
    if (block instanceof Heading heading) {
      float size = heading.level() == 1 ? 16 : heading.level() == 2 ? 13 : 11;
      List<String> lines = bold.wrap(heading.text(), size, flow.width());
      // A heading keeps its own lines and a few of what follows on the same page.
      flow.ensure(size + lines.size() * size * 1.3f + 40);
      if (!flow.atTopOfPage()) {
        flow.down(size * 0.8f);
      }
      flow.lines(bold, size, size * 1.3f, flow.left(), flow.width(), lines, Align.START, TEXT);
      flow.down(size * 0.4f);
    } else if (block instanceof Paragraph paragraph) {
      paragraph(paragraph, flow, regular, bold);
    } else if (block instanceof Field field) {
      field(field, flow, regular, bold);
    } else if (block instanceof Table table) {
      tables.draw(table);
    } else if (block instanceof Picture picture) {
      PDImageXObject image = PDImageXObject.createFromByteArray(document, picture.png(), "chart");
      float width = Math.min(flow.width(), 440);
      float height = width * picture.heightPixels() / picture.widthPixels();
      flow.ensure(height + 8);
      flow.image(image, flow.left() + (flow.width() - width) / 2, flow.y(), width, height);
      flow.down(height + 4);
    } else if (block instanceof PageBreak && !flow.atTopOfPage()) {
      flow.newPage();
    }
  }

  private static void paragraph(Paragraph paragraph, PdfFlow flow, PdfFace regular, PdfFace bold) {
    Emphasis emphasis = paragraph.emphasis();
    PdfFace face = emphasis == Emphasis.TITLE || emphasis == Emphasis.STRONG ? bold : regular;
    float size =
        switch (emphasis) {
          case TITLE -> 20;
          case SUBTITLE -> 14;
          case NOTE -> 9;
          default -> 10;
        };
    float leading = size * 1.35f;
    Color colour = emphasis == Emphasis.NOTE ? NOTE : TEXT;
    boolean centred = emphasis != Emphasis.NORMAL && emphasis != Emphasis.STRONG;
    flow.lines(
        face,
        size,
        leading,
        flow.left(),
        flow.width(),
        face.wrap(paragraph.text(), size, flow.width()),
        centred ? Align.CENTRE : Align.START,
        colour);
    flow.down(emphasis == Emphasis.TITLE || emphasis == Emphasis.SUBTITLE ? size : 5);
  }

  /**
   * The label in bold at the start of the line, the value after it (wrapped under itself), or below
   * a long label.
   */
  private static void field(Field field, PdfFlow flow, PdfFace regular, PdfFace bold) {
    float size = 10;
    float leading = size * 1.35f;
    float labelWidth = bold.width(field.label(), size) + 4;
    float indent = labelWidth <= flow.width() * 0.4f ? labelWidth : 0;
    List<String> value = regular.wrap(field.value(), size, flow.width() - indent);
    flow.ensure(leading * Math.min(2, value.size() + (indent == 0 ? 1 : 0)));
    List<String> label =
        indent == 0 ? bold.wrap(field.label(), size, flow.width()) : List.of(field.label());
    for (int i = 0; i < label.size(); i++) {
      flow.text(bold, size, flow.left(), flow.width(), flow.y(), label.get(i), Align.START, TEXT);
      if (indent == 0) {
        flow.down(leading);
      }
    }
    float valueWidth = flow.width() - indent;
    flow.lines(
        regular, size, leading, flow.at(indent, valueWidth), valueWidth, value, Align.START, TEXT);
    flow.down(3);
  }
}
