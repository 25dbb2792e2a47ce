package org.coopera.funds.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coopera.identity.CooperaUser;
import org.springframework.stereotype.Component;

/**
 * The fund-level report a board of trustees reads: income by donor, allocations by project and
 * State, disbursements, and the balance, as XLSX and as PDF, with the same lines in both.
 */
@Component
public class FundReport {

  /** One line of a section: a label and an amount in US dollars. */
  record Line(String label, BigDecimal usd) {}

  /** A titled list of lines with their total. */
  record Section(String title, List<Line> lines) {
    BigDecimal total() {
      return lines.stream().map(Line::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private final FundViews views;

  FundReport(FundViews views) {
    this.views = views;
  }

  List<Section> sections(FundViews.FundLedger ledger) {
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
            "Income by donor",
            byDonor.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList()),
        new Section("Allocations by project and State", allocations),
        new Section("Disbursements", disbursements),
        new Section(
            "Balance",
            List.of(
                new Line("Pledged", f.pledged()),
                new Line("Contributions received", f.received()),
                new Line("Allocated", f.allocated()),
                new Line("Available (received - allocated)", f.available()),
                new Line("Disbursed", f.disbursed()),
                new Line("Spent", f.spent()))));
  }

  public byte[] xlsx(String code, CooperaUser user) {
    FundViews.FundLedger ledger = views.ledger(code, user);
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(code);
      int r = 0;
      sheet.createRow(r++).createCell(0).setCellValue(ledger.fund().name() + " (USD)");
      for (Section section : sections(ledger)) {
        r++;
        sheet.createRow(r++).createCell(0).setCellValue(section.title());
        for (Line line : section.lines()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(line.label());
          row.createCell(1).setCellValue(line.usd().doubleValue());
        }
        if (!section.title().equals("Balance")) {
          Row total = sheet.createRow(r++);
          total.createCell(0).setCellValue("Total");
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

  public byte[] pdf(String code, CooperaUser user) {
    FundViews.FundLedger ledger = views.ledger(code, user);
    List<String> text = new ArrayList<>();
    text.add(ledger.fund().name());
    for (Section section : sections(ledger)) {
      text.add("");
      text.add(section.title());
      section.lines().forEach(l -> text.add("  " + l.label() + ": " + Money.format(l.usd())));
      if (!section.title().equals("Balance")) {
        text.add("  Total: " + Money.format(section.total()));
      }
    }
    try (PDDocument document = new PDDocument();
        InputStream fontFile = getClass().getResourceAsStream("/fonts/DejaVuSans.ttf");
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font = PDType0Font.load(document, fontFile);
      int perPage = 50;
      for (int start = 0; start < text.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(14);
          content.newLineAtOffset(50, 790);
          for (String line : text.subList(start, Math.min(text.size(), start + perPage))) {
            content.showText(line.length() > 95 ? line.substring(0, 95) + "…" : line);
            content.newLine();
          }
          content.endText();
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
