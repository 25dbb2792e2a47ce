package org.coopera.monitoring;

import java.util.List;
import java.util.Optional;

/**
 * What a dashboard shows: headline figures, then tables (each drawn as a chart when it says so).
 *
 * @param headlines the few figures read first
 * @param tables the tables, in the order shown
 */
public record DashboardFigures(List<Headline> headlines, List<StatsTable> tables) {

  public DashboardFigures {
    headlines = List.copyOf(headlines);
    tables = List.copyOf(tables);
  }

  public Optional<StatsTable> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<Headline> headline(String key) {
    return headlines.stream().filter(h -> h.key().equals(key)).findFirst();
  }

  /**
   * One figure with its label.
   *
   * @param key stable name in the API, e.g. {@code ratifications}
   * @param label what it is, in the reader's language
   * @param value the figure, or null when it cannot be computed (no data)
   */
  public record Headline(String key, Label label, Number value) {}
}
