package org.coopera.implementation.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.PublicImplementation.PublicAssignment;

/**
 * Public assignments counted by a row (a theme, an institution) and public status, for a chart and
 * the data table beside it. An assignment under several themes counts once in each.
 *
 * @param totals the count per status, in the order of {@link ImplementationStatus}
 */
record StatusTable(List<Row> rows, List<Long> totals, long total) {

  /**
   * One row: its key (empty for assignments with none), its label and the count per status.
   *
   * @param label null for the row of assignments without a key
   */
  record Row(String key, String label, List<Long> counts, long total) {}

  public boolean empty() {
    return rows.isEmpty();
  }

  static StatusTable of(
      List<PublicAssignment> assignments,
      Function<PublicAssignment, Collection<String>> keys,
      Function<String, String> label) {
    int size = ImplementationStatus.values().length;
    Map<String, long[]> byKey = new LinkedHashMap<>();
    long[] totals = new long[size];
    for (PublicAssignment a : assignments) {
      Collection<String> of = keys.apply(a);
      for (String key : of.isEmpty() ? List.of("") : of) {
        byKey.computeIfAbsent(key, k -> new long[size])[a.status().ordinal()]++;
      }
      totals[a.status().ordinal()]++;
    }
    List<Row> rows = new ArrayList<>();
    byKey.forEach(
        (key, counts) -> {
          List<Long> list = new ArrayList<>();
          long sum = 0;
          for (long c : counts) {
            list.add(c);
            sum += c;
          }
          rows.add(new Row(key, key.isEmpty() ? null : label.apply(key), list, sum));
        });
    rows.sort(
        Comparator.comparing((Row r) -> r.label() == null)
            .thenComparing(r -> r.label() == null ? "" : r.label(), String.CASE_INSENSITIVE_ORDER));
    List<Long> totalList = new ArrayList<>();
    long total = 0;
    for (long t : totals) {
      totalList.add(t);
      total += t;
    }
    return new StatusTable(rows, totalList, total);
  }
}
