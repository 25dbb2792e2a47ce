package org.coopera.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@value #MAX_FAILURES_PER_ACCOUNT} failed sign-ins for one
 * e-mail address, or {@value #MAX_FAILURES_PER_ADDRESS} from one network address, within the
 * window, further attempts are refused (without checking the password) until the window has passed.
 * The person sees the same generic message either way.
 *
 * <p>Kept in memory: with several instances behind a load balancer each counts its own attempts,
 * which multiplies the allowance by the number of instances.
 */
@Component
public class LoginThrottle {

  static final int MAX_FAILURES_PER_ACCOUNT = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_TRACKED_KEYS = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean isBlocked(String email, String address) {
    Instant now = clock.instant();
    return count(accountKey(email), now) >= MAX_FAILURES_PER_ACCOUNT
        || count(addressKey(address), now) >= MAX_FAILURES_PER_ADDRESS;
  }

  public void recordFailure(String email, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_TRACKED_KEYS) {
      failures.entrySet().removeIf(e -> prunedSize(e.getValue(), now) == 0);
    }
    add(accountKey(email), now);
    add(addressKey(address), now);
  }

  public void recordSuccess(String email) {
    failures.remove(accountKey(email));
  }

  private void add(String key, Instant now) {
    failures.compute(
        key,
        (k, times) -> {
          Deque<Instant> deque = times == null ? new ArrayDeque<>() : times;
          synchronized (deque) {
            prune(deque, now);
            deque.addLast(now);
          }
          return deque;
        });
  }

  private int count(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    return prunedSize(times, now);
  }

  private static int prunedSize(Deque<Instant> times, Instant now) {
    synchronized (times) {
      return prune(times, now);
    }
  }

  /** Drops the failures older than the window; the caller holds the deque's lock. */
  private static int prune(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
      times.pollFirst();
    }
    return times.size();
  }

  private static String accountKey(String email) {
    return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }
}
