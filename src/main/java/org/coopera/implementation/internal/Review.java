package org.coopera.implementation.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Where a progress update stands in its review: a focal point drafts it and submits it; the State's
 * coordinator approves it or returns it with a comment; a returned update is corrected and
 * submitted again; an approved one may be published.
 */
public enum Review {
  DRAFT,
  SUBMITTED,
  RETURNED,
  APPROVED,
  PUBLISHED;

  /** What may be done to an update. */
  public enum Step {
    SUBMIT,
    APPROVE,
    RETURN,
    PUBLISH
  }

  /** The review an update reaches by this step, or an exception when the step is not open. */
  public Review after(Step step) {
    Review next =
        switch (step) {
          case SUBMIT -> this == DRAFT || this == RETURNED ? SUBMITTED : null;
          case APPROVE -> this == SUBMITTED ? APPROVED : null;
          case RETURN -> this == SUBMITTED ? RETURNED : null;
          case PUBLISH -> this == APPROVED ? PUBLISHED : null;
        };
    if (next == null) {
      throw new StepNotOpen(this, step);
    }
    return next;
  }

  /** Whether its author may still change it. */
  public boolean editable() {
    return this == DRAFT || this == RETURNED;
  }

  /** Whether it counts for the statuses and values (approved, and so published too). */
  public boolean counts() {
    return this == APPROVED || this == PUBLISHED;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final Set<Review> COUNTED = Set.of(APPROVED, PUBLISHED);

  /** A step asked of an update whose review does not allow it. */
  public static class StepNotOpen extends RuntimeException {
    private final Review review;
    private final Step step;

    public StepNotOpen(Review review, Step step) {
      super("An update " + review + " cannot take the step " + step);
      this.review = review;
      this.step = step;
    }

    public Review review() {
      return review;
    }

    public Step step() {
      return step;
    }
  }
}
