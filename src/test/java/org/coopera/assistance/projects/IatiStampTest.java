package org.coopera.assistance.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** IATI dates and times always carry their seconds, even on a whole minute, and are in UTC. */
class IatiStampTest {

  @Test
  void aWholeMinuteKeepsItsSeconds() {
    assertThat(IatiActivities.stamp(OffsetDateTime.of(2026, 12, 5, 1, 7, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2026-12-05T01:07:00Z");
  }

  @Test
  void fractionsAreDroppedAndOffsetsTurnedToUtc() {
    assertThat(
            IatiActivities.stamp(
                OffsetDateTime.of(2026, 12, 5, 3, 7, 9, 123_456_789, ZoneOffset.ofHours(2))))
        .isEqualTo("2026-12-05T01:07:09Z");
  }
}
