package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The throttle counts failures in the database, as every instance sees them. */
@CooperaIntegrationTest
class LoginThrottleIT {

  private final MovableClock clock = new MovableClock();
  private LoginThrottle throttle;

  @Autowired
  void throttleOn(JdbcClient jdbc) {
    throttle = new LoginThrottle(jdbc, clock);
  }

  @Test
  void fiveFailuresBlockTheAccountForTheWindow() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("Throttled@Example.org", "198.51.100.1");
    }
    assertThat(throttle.isBlocked("throttled@example.org", "198.51.100.2")).isFalse();
    throttle.recordFailure("throttled@example.org ", "198.51.100.3");
    assertThat(throttle.isBlocked("THROTTLED@example.org", "198.51.100.4"))
        .as("the e-mail address is compared without case or spaces, from any address")
        .isTrue();
    assertThat(throttle.isBlocked("other@example.org", "198.51.100.4")).isFalse();

    clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
    assertThat(throttle.isBlocked("throttled@example.org", "198.51.100.4")).isFalse();
  }

  @Test
  void oneAddressGuessingManyAccountsIsBlocked() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
      throttle.recordFailure("person" + i + "@example.org", "203.0.113.9");
    }
    assertThat(throttle.isBlocked("fresh@example.org", "203.0.113.9")).isTrue();
    assertThat(throttle.isBlocked("fresh@example.org", "203.0.113.10")).isFalse();
  }

  @Test
  void aSuccessClearsTheAccountsFailures() {
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure("someone@example.org", "198.51.100.1");
    }
    throttle.recordSuccess("someone@example.org");
    throttle.recordFailure("someone@example.org", "198.51.100.1");
    assertThat(throttle.isBlocked("someone@example.org", "198.51.100.1")).isFalse();
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.now().plus(Duration.ofDays(3650));

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
