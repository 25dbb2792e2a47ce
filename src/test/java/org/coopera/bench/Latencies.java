package org.coopera.bench;

import java.util.ArrayList;
import java.util.List;

/** Measured durations of one query on one side, and their percentiles. */
final class Latencies {

  private final List<Long> nanos = new ArrayList<>();

  void add(long duration) {
    nanos.add(duration);
  }

  void addAll(Latencies other) {
    nanos.addAll(other.nanos);
  }

  int count() {
    return nanos.size();
  }

  /**
   * The {@code p}-th percentile in milliseconds, by nearest rank: with few samples the 95th and
   * 99th are the slowest one or two.
   */
  double millis(double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
