package org.coopera.implementation.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.coopera.implementation.report.ReportContent.Action;
import org.coopera.implementation.report.ReportContent.Entry;
import org.coopera.implementation.report.ReportContent.Indicator;
import org.coopera.implementation.report.ReportContent.Milestone;
import org.coopera.implementation.report.ReportContent.Recommendation;
import org.coopera.implementation.report.ReportContent.Value;
import org.coopera.implementation.report.ReportDocument.Block;
import org.coopera.implementation.report.ReportDocument.Emphasis;
import org.coopera.implementation.report.ReportDocument.Field;
import org.coopera.implementation.report.ReportDocument.Heading;
import org.coopera.implementation.report.ReportDocument.Paragraph;
import org.coopera.implementation.report.ReportDocument.Table;

/**
 * The section of one entry: its recommendations, response, themes, institutions, dates and status,
 * then its actions and its indicators. An empty list is said in a sentence, never shown as an empty
 * table.
 */
final class EntrySection {

  private final ReportLabels labels;

  EntrySection(ReportLabels labels) {
    this.labels = labels;
  }

  void add(Entry entry, List<Block> blocks) {
    blocks.add(new Heading(2, labels.orNotSet(entry.reference())));
    for (Recommendation recommendation : present(entry.recommendations())) {
      blocks.add(new Paragraph(labels.orNotSet(recommendation.code()), Emphasis.STRONG));
      blocks.add(Paragraph.normal(labels.orNotSet(recommendation.text())));
    }
    blocks.add(field("report.field.response", labels.response(entry.responseKey())));
    blocks.add(field("report.field.themes", joined(entry.themes())));
    blocks.add(field("report.field.lead", labels.orNotSet(entry.leadInstitution())));
    blocks.add(field("report.field.supporting", joined(entry.supportingInstitutions())));
    blocks.add(field("report.field.target-date", labels.date(entry.targetDate())));
    blocks.add(field("report.field.status", labels.status(ReportSummary.statusOf(entry))));

    blocks.add(new Heading(3, labels.text("report.actions")));
    List<Action> actions = present(entry.actions());
    if (actions.isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.actions.empty")));
    } else {
      blocks.add(actionTable(actions));
    }

    blocks.add(new Heading(3, labels.text("report.indicators")));
    List<Indicator> indicators = present(entry.indicators());
    if (indicators.isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.indicators.empty")));
    }
    for (Indicator indicator : indicators) {
      addIndicator(indicator, blocks);
    }
  }

  private Table actionTable(List<Action> actions) {
    List<List<String>> rows = new ArrayList<>();
    for (Action action : actions) {
      List<String> progress = present(action.progress());
      rows.add(
          List.of(
              labels.orNotSet(action.title()),
              labels.orNotSet(action.institution()),
              labels.date(action.dueDate()),
              labels.money(action.estimatedCost(), action.currency()),
              labels.status(action.status()),
              progress.isEmpty()
                  ? labels.text("report.action.no-progress")
                  : progress.get(progress.size() - 1)));
    }
    return new Table(
        List.of(
            labels.text("report.action.title"),
            labels.text("report.action.institution"),
            labels.text("report.action.due-date"),
            labels.text("report.action.cost"),
            labels.text("report.action.status"),
            labels.text("report.action.progress")),
        rows,
        List.of(4, 3, 3, 4, 3, 5));
  }

  private void addIndicator(Indicator indicator, List<Block> blocks) {
    blocks.add(new Paragraph(labels.orNotSet(indicator.name()), Emphasis.STRONG));
    if (!indicator.quantitative()) {
      blocks.add(Paragraph.normal(labels.text("report.indicator.qualitative")));
      List<Milestone> milestones = present(indicator.milestones());
      if (milestones.isEmpty()) {
        blocks.add(Paragraph.normal(labels.text("report.indicator.no-milestones")));
        return;
      }
      List<List<String>> rows = new ArrayList<>();
      for (Milestone milestone : milestones) {
        rows.add(
            List.of(
                labels.orNotSet(milestone.title()),
                labels.date(milestone.dueDate()),
                milestone.achievedOn() == null
                    ? labels.text("report.indicator.not-yet")
                    : labels.date(milestone.achievedOn())));
      }
      blocks.add(
          new Table(
              List.of(
                  labels.text("report.indicator.milestone"),
                  labels.text("report.indicator.milestone-due"),
                  labels.text("report.indicator.milestone-achieved")),
              rows,
              List.of(5, 2, 2)));
      return;
    }
    blocks.add(field("report.indicator.unit", labels.orNotSet(indicator.unit())));
    blocks.add(
        field(
            "report.indicator.direction",
            labels.text(
                indicator.increase() ? "report.indicator.increase" : "report.indicator.decrease")));
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            labels.text("report.indicator.baseline"),
            labels.date(indicator.baselineDate()),
            labels.number(indicator.baseline())));
    rows.add(
        List.of(
            labels.text("report.indicator.target"),
            labels.date(indicator.targetDate()),
            labels.number(indicator.target())));
    List<Value> values =
        present(indicator.values()).stream()
            .sorted(
                Comparator.comparing(
                    Value::period, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    for (Value value : values) {
      rows.add(
          List.of(
              labels.text("report.indicator.reported"),
              labels.date(value.period()),
              labels.number(value.value())));
    }
    blocks.add(
        new Table(
            List.of(
                labels.text("report.indicator.measurement"),
                labels.text("report.indicator.date"),
                labels.text("report.indicator.value")),
            rows,
            List.of(3, 3, 2)));
    if (values.isEmpty()) {
      blocks.add(Paragraph.normal(labels.text("report.indicator.no-values")));
    }
  }

  private Field field(String key, String value) {
    return new Field(labels.label(key), value);
  }

  private String joined(List<String> values) {
    List<String> present =
        present(values).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    return present.isEmpty() ? labels.text("report.none") : String.join(", ", present);
  }

  /** The list without its null elements; an empty list for null. */
  private static <T> List<T> present(List<T> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }
}
