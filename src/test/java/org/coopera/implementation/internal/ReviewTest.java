package org.coopera.implementation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.coopera.implementation.internal.Review.Step;
import org.junit.jupiter.api.Test;

class ReviewTest {

  @Test
  void aDraftIsSubmittedThenApprovedThenPublished() {
    assertThat(Review.DRAFT.after(Step.SUBMIT)).isEqualTo(Review.SUBMITTED);
    assertThat(Review.SUBMITTED.after(Step.APPROVE)).isEqualTo(Review.APPROVED);
    assertThat(Review.APPROVED.after(Step.PUBLISH)).isEqualTo(Review.PUBLISHED);
  }

  @Test
  void aReturnedUpdateIsSubmittedAgain() {
    assertThat(Review.SUBMITTED.after(Step.RETURN)).isEqualTo(Review.RETURNED);
    assertThat(Review.RETURNED.after(Step.SUBMIT)).isEqualTo(Review.SUBMITTED);
  }

  @Test
  void everyOtherStepIsRefused() {
    int refused = 0;
    for (Review review : Review.values()) {
      for (Step step : Step.values()) {
        boolean open =
            switch (step) {
              case SUBMIT -> review == Review.DRAFT || review == Review.RETURNED;
              case APPROVE, RETURN -> review == Review.SUBMITTED;
              case PUBLISH -> review == Review.APPROVED;
            };
        if (!open) {
          assertThatThrownBy(() -> review.after(step))
              .isInstanceOf(Review.StepNotOpen.class)
              .hasMessageContaining(review.name());
          refused++;
        }
      }
    }
    assertThat(refused).isEqualTo(Review.values().length * Step.values().length - 5);
  }

  @Test
  void onlyDraftsAndReturnedUpdatesAreEdited() {
    assertThat(Review.DRAFT.editable()).isTrue();
    assertThat(Review.RETURNED.editable()).isTrue();
    assertThat(Review.SUBMITTED.editable()).isFalse();
    assertThat(Review.APPROVED.editable()).isFalse();
    assertThat(Review.PUBLISHED.editable()).isFalse();
  }

  @Test
  void aScheduleGivesTheEndOfEachPeriodUpToItsEnd() {
    ReportingSchedule every6 =
        new ReportingSchedule(LocalDate.of(2025, 1, 1), 6, LocalDate.of(2027, 1, 1));
    assertThat(every6.dueDates())
        .containsExactly(
            LocalDate.of(2025, 7, 1),
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 7, 1),
            LocalDate.of(2027, 1, 1));
    ReportingSchedule monthEnds =
        new ReportingSchedule(LocalDate.of(2024, 8, 31), 6, LocalDate.of(2025, 9, 30));
    assertThat(monthEnds.dueDates())
        .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 8, 31));
    assertThat(
            new ReportingSchedule(LocalDate.of(2025, 1, 1), 12, LocalDate.of(2025, 6, 1))
                .dueDates())
        .isEmpty();
    assertThatThrownBy(
            () -> new ReportingSchedule(LocalDate.of(2025, 1, 1), 0, LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
