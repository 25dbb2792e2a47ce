package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopera.implementation.ImplementationStatus.FULLY_IMPLEMENTED;
import static org.coopera.implementation.ImplementationStatus.IN_PROGRESS;
import static org.coopera.implementation.ImplementationStatus.NOT_IMPLEMENTABLE;
import static org.coopera.implementation.ImplementationStatus.NOT_STARTED;
import static org.coopera.implementation.ImplementationStatus.PARTIALLY_IMPLEMENTED;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImplementationStatusTest {

  @Test
  void aRecommendationWithoutActionsHasNotStarted() {
    assertThat(ImplementationStatus.rollUp(List.of())).isEqualTo(NOT_STARTED);
    assertThat(ImplementationStatus.rollUp(List.of(NOT_STARTED, NOT_STARTED)))
        .isEqualTo(NOT_STARTED);
  }

  @Test
  void anyActionUnderWayPutsItInProgress() {
    assertThat(ImplementationStatus.rollUp(List.of(NOT_STARTED, IN_PROGRESS)))
        .isEqualTo(IN_PROGRESS);
  }

  @Test
  void someActionDoneOrPartlyDoneMakesItPartial() {
    assertThat(ImplementationStatus.rollUp(List.of(FULLY_IMPLEMENTED, NOT_STARTED)))
        .isEqualTo(PARTIALLY_IMPLEMENTED);
    assertThat(ImplementationStatus.rollUp(List.of(PARTIALLY_IMPLEMENTED, IN_PROGRESS)))
        .isEqualTo(PARTIALLY_IMPLEMENTED);
  }

  @Test
  void everyImplementableActionDoneMakesItFullyImplemented() {
    assertThat(ImplementationStatus.rollUp(List.of(FULLY_IMPLEMENTED, FULLY_IMPLEMENTED)))
        .isEqualTo(FULLY_IMPLEMENTED);
    assertThat(ImplementationStatus.rollUp(List.of(FULLY_IMPLEMENTED, NOT_IMPLEMENTABLE)))
        .as("an action found not implementable does not hold the others back")
        .isEqualTo(FULLY_IMPLEMENTED);
  }

  @Test
  void onlyWhenNoActionCanBeImplementedIsItNotImplementable() {
    assertThat(ImplementationStatus.rollUp(List.of(NOT_IMPLEMENTABLE, NOT_IMPLEMENTABLE)))
        .isEqualTo(NOT_IMPLEMENTABLE);
    assertThat(ImplementationStatus.rollUp(List.of(NOT_IMPLEMENTABLE, NOT_STARTED)))
        .isEqualTo(NOT_STARTED);
  }

  @Test
  void apiNamesGoBothWays() {
    for (ImplementationStatus s : ImplementationStatus.values()) {
      assertThat(ImplementationStatus.fromApiName(s.apiName())).contains(s);
    }
    assertThat(ImplementationStatus.fromApiName("done")).isEmpty();
  }
}
