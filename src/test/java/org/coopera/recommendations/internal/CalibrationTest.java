package org.coopera.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void aScoreBecomesTheShareOfRightAnswersAtThatScore() {
    double[] scores = new double[400];
    boolean[] right = new boolean[400];
    for (int i = 0; i < 400; i++) {
      scores[i] = i < 200 ? 0.2 : 0.6;
      right[i] = i < 200 ? i % 10 == 0 : i % 10 < 9;
    }
    Calibration calibration = Calibration.fit(scores, right, 400);
    assertThat(calibration.apply(0.2)).isCloseTo(0.1, within(0.01));
    assertThat(calibration.apply(0.6)).isCloseTo(0.9, within(0.01));
    assertThat(calibration.apply(0.4)).isCloseTo(0.5, within(0.01));
    assertThat(calibration.apply(0.0)).isCloseTo(0.1, within(0.01));
    assertThat(calibration.apply(1.0)).isCloseTo(0.9, within(0.01));
  }

  @Test
  void theMapNeverGoesDown() {
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    boolean[] right = {false, true, false, false, true, true};
    Calibration calibration = Calibration.fit(scores, right, scores.length);
    double previous = 0;
    for (double score = 0; score <= 1; score += 0.05) {
      assertThat(calibration.apply(score)).isGreaterThanOrEqualTo(previous);
      previous = calibration.apply(score);
    }
  }

  @Test
  void theIdentityLeavesScoresAlone() {
    assertThat(Calibration.IDENTITY.apply(0.37)).isCloseTo(0.37, within(1e-12));
  }
}
