package org.coopera.recommendations.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most so many searches of the local index at once; the others wait their turn, first come first
 * served. A search of the local index is work for the processor alone (the index is in memory or
 * the page cache), so more searches at once than there are cores only share the cores, each with
 * its own working set in the caches and its own garbage in flight: at a million recommendations on
 * 2 cores, with Tomcat's 200 threads free to search together, 50 clients got 63 % of what two
 * threads of raw Lucene do on the same queries; with four threads, 76 % (BENCHMARKS.md). The gate
 * holds only the search (a page of results, or a facet's values): the rest of a request (the
 * database, the page's rendering) runs as before.
 */
final class SearchGate {

  private final Semaphore permits;
  private final int size;

  /** A gate of {@code size} searches at once, or of one per processor when {@code size < 1}. */
  SearchGate(int size) {
    this.size = size < 1 ? Runtime.getRuntime().availableProcessors() : size;
    this.permits = new Semaphore(this.size, true);
  }

  int size() {
    return size;
  }

  /** Runs {@code search} once a place is free, and frees it after. */
  <T> T through(Supplier<T> search) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to search", e);
    }
    try {
      return search.get();
    } finally {
      permits.release();
    }
  }
}
