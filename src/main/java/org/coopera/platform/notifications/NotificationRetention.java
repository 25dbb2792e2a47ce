package org.coopera.platform.notifications;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets notifications read more than half a year ago, every night. */
@Component
class NotificationRetention {

  static final Duration KEEP_READ = Duration.ofDays(183);

  private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);

  private final JdbcNotifications notifications;
  private final Clock clock;

  NotificationRetention(JdbcNotifications notifications, Clock clock) {
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(cron = "0 17 3 * * *", zone = "UTC")
  void forgetOldReadNotifications() {
    int forgotten = notifications.forgetReadBefore(clock.instant().minus(KEEP_READ));
    if (forgotten > 0) {
      log.info("Forgot {} notifications read more than {} days ago", forgotten, KEEP_READ.toDays());
    }
  }
}
