package org.coopera.implementation.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.report.ReportDocument.Block;
import org.coopera.implementation.report.ReportDocument.Emphasis;
import org.coopera.implementation.report.ReportDocument.Heading;
import org.coopera.implementation.report.ReportDocument.PageBreak;
import org.coopera.implementation.report.ReportDocument.Paragraph;
import org.coopera.implementation.report.ReportDocument.Picture;
import org.coopera.implementation.report.ReportDocument.Table;
import org.coopera.platform.pdf.PdfFonts;

/**
 * Lays a report out: its title page, its summary (tables and chart) and one section per entry
 * ({@link EntrySection}). The same layout goes to both file formats.
 */
final class ReportComposer {

  private final ReportLabels labels;

  ReportComposer(ReportLabels labels) {
    this.labels = labels;
  }

  ReportDocument compose(ReportContent content) {
    List<ReportContent.Entry> entries = content.entries() == null ? List.of() : content.entries();
    String title = title(content.kind());
    List<Block> blocks = new ArrayList<>();
    titlePage(content, title, blocks);
    summary(ReportSummary.of(entries), blocks);
    blocks.add(new PageBreak());
    blocks.add(new Heading(1, labels.text("report.entries")));
    EntrySection section = new EntrySection(labels);
    for (ReportContent.Entry entry : entries) {
      section.add(entry, blocks);
    }
    if (entries.isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.summary.empty")));
    }
    return new ReportDocument(title, labels.language(), blocks);
  }

  private String title(ReportContent.Kind kind) {
    ReportContent.Kind known = kind == null ? ReportContent.Kind.UPR_MID_TERM : kind;
    return labels.text("report.title." + known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  private void titlePage(ReportContent content, String title, List<Block> blocks) {
    blocks.add(new Paragraph(labels.orNotSet(content.stateName()), Emphasis.SUBTITLE));
    blocks.add(new Paragraph(title, Emphasis.TITLE));
    if (content.reviewTitle() != null && !content.reviewTitle().isBlank()) {
      blocks.add(new Paragraph(content.reviewTitle(), Emphasis.SUBTITLE));
    }
    blocks.add(
        new Paragraph(
            labels.text("report.prepared-on", labels.date(content.preparedOn())),
            Emphasis.SUBTITLE));
    blocks.add(new Paragraph(labels.text("report.draft-notice"), Emphasis.NOTE));
    blocks.add(new PageBreak());
  }

  private void summary(ReportSummary summary, List<Block> blocks) {
    blocks.add(new Heading(1, labels.text("report.summary")));
    blocks.add(Paragraph.normal(labels.text("report.summary.lead", summary.entries())));

    blocks.add(new Heading(2, labels.text("report.summary.by-status")));
    List<List<String>> rows = new ArrayList<>();
    List<StatusChart.Bar> bars = new ArrayList<>();
    summary
        .byStatus()
        .forEach(
            (status, count) -> {
              rows.add(List.of(labels.status(status), labels.count(count)));
              bars.add(new StatusChart.Bar(status, labels.status(status), count));
            });
    rows.add(List.of(labels.text("report.column.total"), labels.count(summary.entries())));
    blocks.add(
        new Table(
            List.of(labels.text("report.column.status"), labels.text("report.column.count")),
            rows,
            List.of(3, 1)));
    String caption = labels.text("report.chart.caption");
    byte[] chart = StatusChart.png(bars, PdfFonts.rightToLeft(labels.language()), labels::count);
    blocks.add(new Picture(chart, StatusChart.WIDTH, StatusChart.HEIGHT, caption));
    blocks.add(new Paragraph(caption, Emphasis.NOTE));

    blocks.add(new Heading(2, labels.text("report.summary.by-response")));
    if (summary.byResponse().isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.summary.empty")));
    } else {
      List<List<String>> responses = new ArrayList<>();
      summary
          .byResponse()
          .forEach(
              (key, count) -> responses.add(List.of(labels.response(key), labels.count(count))));
      blocks.add(
          new Table(
              List.of(labels.text("report.column.response"), labels.text("report.column.count")),
              responses,
              List.of(3, 1)));
    }

    blocks.add(new Heading(2, labels.text("report.summary.by-theme")));
    if (summary.byThemeAndStatus().isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.summary.no-theme")));
    } else {
      blocks.add(
          Paragraph.normal(
              labels.text("report.summary.by-theme-lead", summary.byThemeAndStatus().size())));
      blocks.add(themeTable(summary.byThemeAndStatus()));
    }
  }

  private Table themeTable(Map<String, Map<ImplementationStatus, Long>> byTheme) {
    List<String> header = new ArrayList<>();
    header.add(labels.text("report.column.theme"));
    for (ImplementationStatus status : ImplementationStatus.values()) {
      header.add(labels.status(status));
    }
    header.add(labels.text("report.column.total"));
    List<List<String>> rows = new ArrayList<>();
    byTheme.forEach(
        (theme, counts) -> {
          List<String> row = new ArrayList<>();
          row.add(theme);
          counts.values().forEach(count -> row.add(labels.count(count)));
          row.add(labels.count(ReportSummary.total(counts)));
          rows.add(row);
        });
    List<Integer> weights = new ArrayList<>();
    weights.add(3);
    weights.addAll(Collections.nCopies(ImplementationStatus.values().length, 3));
    weights.add(2);
    return new Table(header, rows, weights);
  }
}
