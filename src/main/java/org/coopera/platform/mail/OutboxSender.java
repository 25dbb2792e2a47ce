package org.coopera.platform.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mail through the SMTP server. Each pass locks the due rows it takes
 * ({@code for update skip locked}), so several instances never send a mail twice; a mail the server
 * refuses or cannot take is tried again after a wait that doubles each time, and after the last
 * attempt it stays in the table, marked failed, with the server's answer.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JavaMailSender smtp;
  private final MailProperties properties;
  private final Clock clock;

  OutboxSender(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ObjectProvider<JavaMailSender> smtp,
      MailProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.smtp = smtp.getIfAvailable();
    this.properties = properties;
    this.clock = clock;
  }

  private record Due(UUID id, String recipient, String subject, String body, int attempts) {}

  /** Sends what is due now; answers how many mails were delivered. */
  @Scheduled(
      initialDelayString = "${coopera.mail.poll-interval:30s}",
      fixedDelayString = "${coopera.mail.poll-interval:30s}")
  int sendDue() {
    if (smtp == null) {
      return 0;
    }
    Integer sent = transactions.execute(tx -> sendDueLocked());
    jdbc.sql("delete from mail_outbox where sent_at < ?")
        .param(Timestamp.from(clock.instant().minus(properties.keepSent())))
        .update();
    return sent == null ? 0 : sent;
  }

  private int sendDueLocked() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.sql(
                """
                select id, recipient, subject, body, attempts from mail_outbox
                where sent_at is null and failed_at is null and next_attempt_at <= ?
                order by next_attempt_at, queued_at
                limit ?
                for update skip locked
                """)
            .params(Timestamp.from(now), properties.batch())
            .query(Due.class)
            .list();
    int sent = 0;
    for (Due mail : due) {
      try {
        smtp.send(message(mail));
        jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
            .params(Timestamp.from(clock.instant()), mail.id())
            .update();
        sent++;
      } catch (MailException | jakarta.mail.MessagingException e) {
        failed(mail, e, now);
      }
    }
    return sent;
  }

  private MimeMessage message(Due mail) throws jakarta.mail.MessagingException {
    MimeMessage message = smtp.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(properties.from());
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    return message;
  }

  private void failed(Due mail, Exception e, Instant now) {
    int attempts = mail.attempts() + 1;
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (attempts >= properties.attempts()) {
      log.warn(
          "Mail {} to {} given up after {} attempts: {}",
          mail.id(),
          mail.recipient(),
          attempts,
          error);
      jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, failed_at = ? where id = ?")
          .params(attempts, error, Timestamp.from(now), mail.id())
          .update();
      return;
    }
    Duration wait = retryWait(attempts, properties.firstRetry(), properties.longestWait());
    log.info(
        "Mail {} not sent (attempt {}), next attempt in {}: {}", mail.id(), attempts, wait, error);
    jdbc.sql(
            "update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
        .params(attempts, error, Timestamp.from(now.plus(wait)), mail.id())
        .update();
  }

  /** The wait after the n-th failed attempt: first, then doubling, never above longest. */
  static Duration retryWait(int failedAttempts, Duration first, Duration longest) {
    Duration wait = first;
    for (int i = 1; i < failedAttempts && wait.compareTo(longest) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
