package org.coopera.funds.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.Languages;
import org.coopera.platform.SpreadsheetCells;
import org.coopera.platform.pdf.PdfFace;
import org.coopera.platform.pdf.PdfFlow;
import org.coopera.platform.pdf.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The fund-level report a board of trustees reads: income by donor, allocations by project and
 * State, disbursements, and the balance, as XLSX and as PDF, with the same lines in both, in the
 * reader's language. The PDF draws its text with the platform's PDF text (a font per script, Arabic
 * joined, right-to-left languages laid out from the right).
 */
@Component
public class FundReport {

  /** One line of a section: a label and an amount in US dollars. */
  record Line(String label, BigDecimal usd) {}

  /**
   * A titled list of lines.
   *
   * @param totalled whether the section ends with the total of its lines
   */
  record Section(String title, List<Line> lines, boolean totalled) {
    BigDecimal total() {
      return lines.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private final FundViews views;
  private final MessageSource messages;

  FundReport(FundViews views, MessageSource messages) {
    this.views = views;
    this.messages = messages;
  }

  List<Section> sections(FundViews.FundLedger ledger, Locale language) {
    Map<String, BigDecimal> byDonor = new TreeMap<>();
    ledger.contributions().forEach(c -> byDonor.merge(c.donor(), c.amountUsd(), BigDecimal::add));
    List<Line> allocations = new ArrayList<>();
    ledger
        .allocations()
        .forEach(
            a -> allocations.add(new Line(a.state() + " · " + a.projectTitle(), a.amountUsd())));
    List<Line> disbursements =
        ledger.disbursements().stream()
            .map(d -> new Line(d.date() + " · " + d.projectTitle(), d.amountUsd()))
            .toList();
    FundQueries.FundSummary f = ledger.fund();
    return List.of(
        new Section(
            text(language, "funds.report.income"),
            byDonor.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList(),
            true),
        new Section(text(language, "funds.report.allocations"), allocations, true),
        new Section(text(language, "funds.report.disbursements"), disbursements, true),
        new Section(
            text(language, "funds.report.balance"),
            List.of(
                new Line(text(language, "funds.report.pledged"), f.pledged()),
                new Line(text(language, "funds.report.received"), f.received()),
                new Line(text(language, "funds.report.allocated"), f.allocated()),
                new Line(text(language, "funds.report.available"), f.available()),
                new Line(text(language, "funds.report.disbursed"), f.disbursed()),
                new Line(text(language, "funds.report.spent"), f.spent())),
            false));
  }

  public byte[] xlsx(String code, CooperaUser user, Locale language) {
    FundViews.FundLedger ledger = views.ledger(code, user);
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(code);
      if (PdfFonts.rightToLeft(language)) {
        sheet.setRightToLeft(true);
      }
      int r = 0;
      SpreadsheetCells.text(
          sheet.createRow(r++).createCell(0),
          text(language, "funds.report.title", ledger.fund().name()));
      for (Section section : sections(ledger, language)) {
        r++;
        SpreadsheetCells.text(sheet.createRow(r++).createCell(0), section.title());
        for (Line line : section.lines()) {
          Row row = sheet.createRow(r++);
          SpreadsheetCells.text(row.createCell(0), line.label());
          row.createCell(1).setCellValue(line.usd().doubleValue());
        }
        if (section.totalled()) {
          Row total = sheet.createRow(r++);
          SpreadsheetCells.text(total.createCell(0), text(language, "funds.report.total"));
          total.createCell(1).setCellValue(section.total().doubleValue());
        }
      }
      sheet.autoSizeColumn(0);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] pdf(String code, CooperaUser user, Locale language) {
    FundViews.FundLedger ledger = views.ledger(code, user);
    return pdf(ledger.fund().name(), sections(ledger, language), language);
  }

  /** The report of the fund named as a PDF: its sections one line each, flowing over pages. */
  byte[] pdf(String fundName, List<Section> sections, Locale language) {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.of(document, language);
      PdfFace regular = fonts.regular();
      PdfFace bold = fonts.bold();
      try (PdfFlow flow = new PdfFlow(document, fonts)) {
        flow.newPage();
        String title = text(language, "funds.report.title", fundName);
        flow.lines(
            bold,
            16,
            21,
            flow.left(),
            flow.width(),
            bold.wrap(title, 16, flow.width()),
            PdfFace.Align.START,
            Color.BLACK);
        float indent = 14;
        float inner = flow.width() - indent;
        for (Section section : sections) {
          flow.down(10);
          flow.ensure(14 + 3 * 14);
          flow.lines(
              bold,
              12,
              16,
              flow.left(),
              flow.width(),
              bold.wrap(section.title(), 12, flow.width()),
              PdfFace.Align.START,
              Color.BLACK);
          List<String> lines = new ArrayList<>();
          for (Line line : section.lines()) {
            lines.addAll(regular.wrap(line(language, line.label(), line.usd()), 10, inner));
          }
          if (section.totalled()) {
            lines.addAll(
                regular.wrap(
                    line(language, text(language, "funds.report.total"), section.total()),
                    10,
                    inner));
          }
          flow.lines(
              regular,
              10,
              14,
              flow.at(indent, inner),
              inner,
              lines,
              PdfFace.Align.START,
              Color.BLACK);
        }
        flow.close();
        flow.numberPages((page, pages) -> text(language, "funds.report.page", page, pages));
      }
      document.getDocumentInformation().setTitle(text(language, "funds.report.title", fundName));
      document.getDocumentInformation().setCreator("Coopera");
      document.getDocumentCatalog().setLanguage(language.stripExtensions().toLanguageTag());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String line(Locale language, String label, BigDecimal usd) {
    return text(
        language, "funds.report.line", label, Money.format(usd, Languages.writing(language)));
  }

  private String text(Locale language, String key, Object... arguments) {
    return messages.getMessage(
        key, arguments.length == 0 ? null : arguments, Languages.writing(language));
  }
}
