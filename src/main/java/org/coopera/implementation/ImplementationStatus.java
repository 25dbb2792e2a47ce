package org.coopera.implementation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a measure, an indicator or a recommendation has come. A recommendation's status is not
 * typed by anyone: it rolls up from the statuses of its actions ({@link #rollUp}).
 */
public enum ImplementationStatus {
  NOT_STARTED,
  IN_PROGRESS,
  PARTIALLY_IMPLEMENTED,
  FULLY_IMPLEMENTED,
  NOT_IMPLEMENTABLE;

  /** The value used in forms and the API: {@code not-started}, {@code fully-implemented}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The key of its label in the message bundles. */
  public String messageKey() {
    return "implementation.status." + apiName();
  }

  public static Optional<ImplementationStatus> fromApiName(String value) {
    return Arrays.stream(values())
        .filter(s -> value != null && s.apiName().equalsIgnoreCase(value.strip()))
        .findFirst();
  }

  /**
   * The status of a recommendation (or cluster) from those of its actions. No action, or none
   * begun: not started. Every action that can be implemented is fully implemented: fully
   * implemented. Every action found not implementable: not implementable. Some action fully or
   * partly implemented: partially implemented. Otherwise, when some action is under way: in
   * progress.
   */
  public static ImplementationStatus rollUp(Collection<ImplementationStatus> actions) {
    if (actions.isEmpty()) {
      return NOT_STARTED;
    }
    long implementable = actions.stream().filter(s -> s != NOT_IMPLEMENTABLE).count();
    if (implementable == 0) {
      return NOT_IMPLEMENTABLE;
    }
    long fully = actions.stream().filter(s -> s == FULLY_IMPLEMENTED).count();
    if (fully == implementable) {
      return FULLY_IMPLEMENTED;
    }
    if (fully > 0 || actions.contains(PARTIALLY_IMPLEMENTED)) {
      return PARTIALLY_IMPLEMENTED;
    }
    if (actions.contains(IN_PROGRESS)) {
      return IN_PROGRESS;
    }
    return NOT_STARTED;
  }
}
