package org.coopera.implementation.report;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.coopera.implementation.ImplementationStatus;

/**
 * The figures of a report's summary, counted over its entries.
 *
 * @param byStatus every status, in the enum's order, with its number of entries (zero included)
 * @param byResponse each response key found, most frequent first
 * @param byThemeAndStatus the themes with the most entries, most frequent first, each with its
 *     entries by status (every status)
 */
record ReportSummary(
    int entries,
    Map<ImplementationStatus, Long> byStatus,
    Map<String, Long> byResponse,
    Map<String, Map<ImplementationStatus, Long>> byThemeAndStatus) {

  /** How many themes the theme table shows at most. */
  static final int TOP_THEMES = 10;

  static ReportSummary of(List<ReportContent.Entry> entries) {
    Map<ImplementationStatus, Long> byStatus = zeroes();
    Map<String, Long> responses = new TreeMap<>();
    Map<String, Map<ImplementationStatus, Long>> themes = new TreeMap<>();
    for (ReportContent.Entry entry : entries) {
      ImplementationStatus status = statusOf(entry);
      byStatus.merge(status, 1L, Long::sum);
      responses.merge(entry.responseKey() == null ? "" : entry.responseKey(), 1L, Long::sum);
      for (String theme : entry.themes() == null ? List.<String>of() : entry.themes()) {
        if (theme != null && !theme.isBlank()) {
          themes.computeIfAbsent(theme.strip(), t -> zeroes()).merge(status, 1L, Long::sum);
        }
      }
    }
    Map<String, Long> byResponse = new LinkedHashMap<>();
    responses.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> byResponse.put(e.getKey(), e.getValue()));
    Map<String, Map<ImplementationStatus, Long>> byTheme = new LinkedHashMap<>();
    themes.entrySet().stream()
        .sorted(
            Comparator.comparingLong(
                    (Map.Entry<String, Map<ImplementationStatus, Long>> e) -> total(e.getValue()))
                .reversed())
        .limit(TOP_THEMES)
        .forEach(e -> byTheme.put(e.getKey(), e.getValue()));
    return new ReportSummary(entries.size(), byStatus, byResponse, byTheme);
  }

  /** An entry without a status has not been started. */
  static ImplementationStatus statusOf(ReportContent.Entry entry) {
    return entry.status() == null ? ImplementationStatus.NOT_STARTED : entry.status();
  }

  static long total(Map<ImplementationStatus, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<ImplementationStatus, Long> zeroes() {
    Map<ImplementationStatus, Long> counts = new EnumMap<>(ImplementationStatus.class);
    for (ImplementationStatus status : ImplementationStatus.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}
