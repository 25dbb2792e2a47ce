package org.coopera.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSenderTest {

  @Test
  void theWaitBetweenAttemptsDoublesUpToTheLongest() {
    Duration first = Duration.ofMinutes(1);
    Duration longest = Duration.ofHours(6);

    assertThat(OutboxSender.retryWait(1, first, longest)).isEqualTo(Duration.ofMinutes(1));
    assertThat(OutboxSender.retryWait(2, first, longest)).isEqualTo(Duration.ofMinutes(2));
    assertThat(OutboxSender.retryWait(5, first, longest)).isEqualTo(Duration.ofMinutes(16));
    assertThat(OutboxSender.retryWait(9, first, longest))
        .isEqualTo(Duration.ofHours(4).plusMinutes(16));
    assertThat(OutboxSender.retryWait(10, first, longest)).isEqualTo(longest);
    assertThat(OutboxSender.retryWait(40, first, longest)).isEqualTo(longest);
  }
}
