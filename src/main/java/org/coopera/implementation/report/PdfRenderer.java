package org.coopera.implementation.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.coopera.implementation.report.ReportDocument.Block;
import org.coopera.implementation.report.ReportDocument.Emphasis;
import org.coopera.implementation.report.ReportDocument.Field;
import org.coopera.implementation.report.ReportDocument.Heading;
import org.coopera.implementation.report.ReportDocument.PageBreak;
import org.coopera.implementation.report.ReportDocument.Paragraph;
import org.coopera.implementation.report.ReportDocument.Picture;
import org.coopera.implementation.report.ReportDocument.Table;

/**
 * Writes a laid-out report as a PDF on A4 pages with PDFBox, in the DejaVu Sans that it embeds
 * (subsets only): long texts wrap and flow onto new pages, tables repeat their header on each page
 * they run onto, and every page is numbered.
 */
final class PdfRenderer {

  private static final byte[] REGULAR = read(ReportFonts.REGULAR);
  private static final byte[] BOLD = read(ReportFonts.BOLD);
  private static final Color TEXT = Color.BLACK;
  private static final Color NOTE = new Color(0x55, 0x55, 0x55);

  private final ReportLabels labels;

  PdfRenderer(ReportLabels labels) {
    this.labels = labels;
  }

  byte[] render(ReportDocument report) {
    try (PDDocument document = new PDDocument()) {
      PdfFont regular = new PdfFont(PDType0Font.load(document, new ByteArrayInputStream(REGULAR)));
      PdfFont bold = new PdfFont(PDType0Font.load(document, new ByteArrayInputStream(BOLD)));
      try (PdfFlow flow = new PdfFlow(document)) {
        flow.newPage();
        flow.down(120);
        PdfTables tables = new PdfTables(flow, regular, bold);
        for (Block block : report.blocks()) {
          draw(block, document, flow, regular, bold, tables);
        }
      }
      numberPages(document, regular);
      document.getDocumentInformation().setTitle(report.title());
      document.getDocumentInformation().setCreator("Coopera");
      document.getDocumentCatalog().setLanguage(report.language().toLanguageTag());
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
      PdfFont regular,
      PdfFont bold,
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
      flow.lines(bold, size, size * 1.3f, flow.left(), lines, TEXT);
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

  private static void paragraph(Paragraph paragraph, PdfFlow flow, PdfFont regular, PdfFont bold) {
    Emphasis emphasis = paragraph.emphasis();
    PdfFont font = emphasis == Emphasis.TITLE || emphasis == Emphasis.STRONG ? bold : regular;
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
    for (String line : font.wrap(paragraph.text(), size, flow.width())) {
      flow.ensure(leading);
      float x = centred ? flow.left() + (flow.width() - font.width(line, size)) / 2 : flow.left();
      flow.text(font, size, x, flow.y(), line, colour);
      flow.down(leading);
    }
    flow.down(emphasis == Emphasis.TITLE || emphasis == Emphasis.SUBTITLE ? size : 5);
  }

  /** The label in bold, the value beside it (wrapped under itself), or below a long label. */
  private static void field(Field field, PdfFlow flow, PdfFont regular, PdfFont bold) {
    float size = 10;
    float leading = size * 1.35f;
    String label = bold.showable(field.label());
    float labelWidth = bold.width(label, size) + 4;
    float indent = labelWidth <= flow.width() * 0.4f ? labelWidth : 0;
    List<String> value = regular.wrap(field.value(), size, flow.width() - indent);
    flow.ensure(leading * Math.min(2, value.size() + (indent == 0 ? 1 : 0)));
    flow.text(bold, size, flow.left(), flow.y(), label, TEXT);
    if (indent == 0) {
      flow.down(leading);
    }
    flow.lines(regular, size, leading, flow.left() + indent, value, TEXT);
    flow.down(3);
  }

  private void numberPages(PDDocument document, PdfFont font) throws IOException {
    int count = document.getNumberOfPages();
    int number = 0;
    for (PDPage page : document.getPages()) {
      number++;
      String text = font.showable(labels.text("report.page", number, count));
      float size = 8;
      try (PDPageContentStream content =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        content.beginText();
        content.setNonStrokingColor(NOTE);
        content.setFont(font.font(), size);
        content.newLineAtOffset(
            PdfFlow.PAGE.getWidth() - PdfFlow.MARGIN - font.width(text, size), PdfFlow.MARGIN / 2);
        content.showText(text);
        content.endText();
      }
    }
  }

  private static byte[] read(String path) {
    try (InputStream in = ReportFonts.open(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
