package org.coopera.platform.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.coopera.platform.Email;
import org.coopera.platform.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as rows of {@code mail_outbox}, written in the caller's transaction. */
@Component
class JdbcOutbox implements Outbox {

  private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final boolean enabled;

  JdbcOutbox(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> sender) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.enabled = sender.getIfAvailable() != null;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean queue(Email email) {
    if (!enabled) {
      log.debug("No SMTP server configured: mail to {} not sent", email.to());
      return false;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into mail_outbox (id, recipient, subject, body, queued_at, next_attempt_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(UUID.randomUUID(), email.to(), email.subject(), email.text(), now, now)
        .update();
    return true;
  }

  @Override
  public boolean enabled() {
    return enabled;
  }
}
