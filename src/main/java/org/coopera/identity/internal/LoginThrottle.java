package org.coopera.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. After {@value #MAX_FAILURES_PER_ACCOUNT} failed sign-ins for one
 * e-mail address, or {@value #MAX_FAILURES_PER_ADDRESS} from one network address, within the
 * window, further attempts are refused (without checking the password) until the window has passed.
 * The person sees the same generic message either way.
 *
 * <p>The failures are kept in the database, so every instance counts the same attempts and a
 * restart does not reset them.
 */
@Component
public class LoginThrottle {

  static final int MAX_FAILURES_PER_ACCOUNT = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final Duration RETENTION = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  public LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public boolean isBlocked(String email, String address) {
    Timestamp since = Timestamp.from(clock.instant().minus(WINDOW));
    return jdbc.sql(
            """
            select (select count(*) from login_failure
                    where account_key = ? and occurred_at > ?) >= ?
                or (select count(*) from login_failure
                    where address = ? and occurred_at > ?) >= ?
            """)
        .params(
            accountKey(email),
            since,
            MAX_FAILURES_PER_ACCOUNT,
            addressKey(address),
            since,
            MAX_FAILURES_PER_ADDRESS)
        .query(Boolean.class)
        .single();
  }

  @Transactional
  public void recordFailure(String email, String address) {
    Instant now = clock.instant();
    jdbc.sql("insert into login_failure (account_key, address, occurred_at) values (?, ?, ?)")
        .params(accountKey(email), addressKey(address), Timestamp.from(now))
        .update();
    jdbc.sql("delete from login_failure where occurred_at < ?")
        .param(Timestamp.from(now.minus(RETENTION)))
        .update();
  }

  @Transactional
  public void recordSuccess(String email) {
    jdbc.sql("delete from login_failure where account_key = ?").param(accountKey(email)).update();
  }

  private static String accountKey(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null ? "" : address;
  }
}
