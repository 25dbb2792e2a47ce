package org.coopera.generator;

import java.util.Map;

/**
 * What a generation run wrote and how fast.
 *
 * @param settings the counts asked, resolved
 * @param rows rows written per table, in the order written
 * @param copyMillis generating and writing every row, until the commit
 * @param analyzeMillis {@code ANALYZE} of the tables written
 * @param indexMillis the search index's rebuild
 * @param peakHeapBytes the largest heap in use during the run (sum of the pools' peaks)
 * @param realLengths percentiles of the real texts' lengths, in characters
 * @param generatedLengths the same of the generated texts (the first 20,000 at most)
 */
public record GenerationReport(
    GeneratorSettings settings,
    Map<String, Long> rows,
    long copyMillis,
    long analyzeMillis,
    long indexMillis,
    long peakHeapBytes,
    String realLengths,
    String generatedLengths) {

  public long totalRows() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Rows a second while writing (generation and COPY, up to the commit). */
  public double rowsPerSecond() {
    return totalRows() / Math.max(0.001, copyMillis / 1000.0);
  }
}
