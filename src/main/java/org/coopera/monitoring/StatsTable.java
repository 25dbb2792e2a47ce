package org.coopera.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table of figures: rows (categories) by numeric columns (series). It is the accessible form of
 * its chart, the CSV download, and the JSON of the API.
 *
 * @param id stable name, unique in its dashboard, e.g. {@code ratifications-by-year}
 * @param caption what the table shows
 * @param chart how the page draws it
 * @param columns the numeric columns, after the first column of row labels
 * @param rows the rows, in the order shown
 */
public record StatsTable(
    String id, Label caption, Chart chart, Label rowHeader, List<Column> columns, List<Row> rows) {

  public StatsTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  public enum Chart {
    NONE,
    BAR,
    STACKED_BAR,
    LINE;

    /** The value of the {@code data-chart} attribute that {@code charts.js} draws. */
    public String attribute() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * @param key stable name in the API and the CSV
   * @param label header shown
   */
  public record Column(String key, Label label) {}

  /**
   * @param key stable name in the API, e.g. a year, a region code, a State's code
   * @param label what the row is
   * @param values one per column; null where nothing can be computed
   */
  public record Row(String key, Label label, List<Number> values) {
    public Row {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  public Optional<Row> row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /** The value in a row and column, by their keys. */
  public Optional<Number> value(String rowKey, String columnKey) {
    int column = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).key().equals(columnKey)) {
        column = i;
      }
    }
    int index = column;
    return index < 0 ? Optional.empty() : row(rowKey).map(r -> r.values().get(index));
  }
}
