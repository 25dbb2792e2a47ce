package org.coopera.recommendations.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How far the imports being applied in the background have got, for the page that polls it. Lives
 * in memory: an import is applied in one transaction, so after a restart it is either applied or
 * not, and its record says which.
 */
@Component
class ImportProgress {

  /** Where one application stands. {@code error} is a message key when it failed. */
  record State(int done, int total, boolean finished, String error) {
    public int percent() {
      return total == 0 ? 100 : (int) Math.min(100, done * 100L / total);
    }
  }

  private final Map<UUID, State> states = new ConcurrentHashMap<>();

  void start(UUID id, int total) {
    states.put(id, new State(0, total, false, null));
  }

  void advance(UUID id, int done) {
    states.computeIfPresent(id, (k, s) -> new State(done, s.total(), false, null));
  }

  void finish(UUID id, String error) {
    states.computeIfPresent(id, (k, s) -> new State(s.done(), s.total(), true, error));
  }

  State of(UUID id) {
    return states.get(id);
  }

  /** Whether an application of this import is running now. */
  boolean running(UUID id) {
    State state = states.get(id);
    return state != null && !state.finished();
  }
}
