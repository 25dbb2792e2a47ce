package org.coopera.monitoring.web;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.coopera.monitoring.Dashboard;
import org.coopera.monitoring.DashboardFigures;
import org.coopera.monitoring.Label;
import org.coopera.monitoring.StatsTable;
import org.springframework.context.MessageSource;

/**
 * A dashboard's figures with every label translated and every number formatted for the reader, as
 * the page, the CSV and the State profile show them.
 */
record DashboardView(
    String key, String title, String lead, List<HeadlineView> headlines, List<TableView> tables) {

  record HeadlineView(String key, String label, String value) {}

  record TableView(
      String id,
      String caption,
      String chart,
      String rowHeader,
      List<String> columns,
      List<RowView> rows) {}

  record RowView(String key, String label, List<String> values) {}

  static DashboardView of(
      Dashboard dashboard, DashboardFigures figures, MessageSource messages, Locale locale) {
    Texts texts = new Texts(messages, locale);
    return new DashboardView(
        dashboard.key(),
        messages.getMessage(dashboard.titleKey(), null, locale),
        messages.getMessage(dashboard.leadKey(), null, locale),
        figures.headlines().stream()
            .map(h -> new HeadlineView(h.key(), texts.label(h.label()), texts.number(h.value())))
            .toList(),
        figures.tables().stream().map(texts::table).toList());
  }

  /** Only the headlines the dashboard puts on a State's profile, in its order. */
  DashboardView forProfile(Dashboard dashboard) {
    List<String> keys = dashboard.profileHeadlines();
    if (keys.isEmpty()) {
      return this;
    }
    List<HeadlineView> chosen =
        keys.stream().flatMap(k -> headlines.stream().filter(h -> h.key().equals(k))).toList();
    return new DashboardView(key, title, lead, chosen, tables);
  }

  /** Translates labels and formats numbers in one language. */
  record Texts(MessageSource messages, Locale locale) {

    String label(Label label) {
      return label.translated()
          ? messages.getMessage(label.messageKey(), label.arguments().toArray(), locale)
          : label.text();
    }

    TableView table(StatsTable table) {
      return new TableView(
          table.id(),
          label(table.caption()),
          table.chart().attribute(),
          label(table.rowHeader()),
          table.columns().stream().map(c -> label(c.label())).toList(),
          table.rows().stream()
              .map(
                  r ->
                      new RowView(
                          r.key(),
                          label(r.label()),
                          r.values().stream().map(this::number).toList()))
              .toList());
    }

    /** Whole numbers as they are, others with one decimal; nothing computed as an empty cell. */
    String number(Number value) {
      if (value == null) {
        return "";
      }
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setGroupingUsed(false);
      boolean whole =
          value instanceof Integer || value instanceof Long || value.doubleValue() % 1 == 0;
      format.setMaximumFractionDigits(whole ? 0 : 1);
      format.setMinimumFractionDigits(whole ? 0 : 1);
      return format.format(value);
    }
  }
}
