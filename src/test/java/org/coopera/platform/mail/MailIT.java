package org.coopera.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Map;
import org.coopera.platform.Email;
import org.coopera.platform.Outbox;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server in the test's process (GreenMail): mail leaves only when
 * the transaction that queued it commits, arrives as written (UTF-8 subject and text, the
 * configured sender), and a server that cannot be reached delays it without losing it.
 */
@CooperaIntegrationTest
class MailIT {

  private static final int PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry properties) {
    properties.add("coopera.mail.host", () -> "127.0.0.1");
    properties.add("coopera.mail.port", () -> PORT);
    properties.add("coopera.mail.start-tls", () -> "false");
    properties.add("coopera.mail.from", () -> "nmrf@coopera.test");
    // The test sends by calling the sender; the schedule would race with it.
    properties.add("coopera.mail.poll-interval", () -> "1h");
    properties.add("coopera.mail.first-retry", () -> "1m");
  }

  @Autowired Outbox outbox;
  @Autowired OutboxSender sender;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private int sendDue() {
    return sender.sendDue();
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("delete from mail_outbox").update();
  }

  @Test
  void aMailQueuedInACommittedTransactionArrivesAsWritten() throws Exception {
    assertThat(outbox.enabled()).isTrue();
    transactions.executeWithoutResult(
        tx ->
            assertThat(
                    outbox.queue(
                        new Email(
                            "focal.point@ministere.test",
                            "Rappel : mise à jour due le 31 mai",
                            "Bonjour,\n\nLa mise à jour de l’action « Former les juges » est due.")))
                .isTrue());

    assertThat(sendDue()).isEqualTo(1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Rappel : mise à jour due le 31 mai");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("nmrf@coopera.test");
    assertThat(received[0].getAllRecipients()[0].toString())
        .isEqualTo("focal.point@ministere.test");
    assertThat(((String) received[0].getContent()).replace("\r\n", "\n"))
        .isEqualTo("Bonjour,\n\nLa mise à jour de l’action « Former les juges » est due.");
    assertThat(sendDue()).as("a sent mail is not sent again").isZero();
    assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
  }

  @Test
  void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
    transactions.executeWithoutResult(
        tx -> {
          outbox.queue(new Email("someone@example.org", "Never", "This is rolled back."));
          tx.setRollbackOnly();
        });

    assertThat(sendDue()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void queueingOutsideATransactionIsAProgrammingError() {
    assertThatThrownBy(() -> outbox.queue(new Email("someone@example.org", "No", "No.")))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aServerThatCannotBeReachedDelaysTheMailWithoutLosingIt() {
    transactions.executeWithoutResult(
        tx -> outbox.queue(new Email("coordinator@state.test", "Digest", "Three items are due.")));
    smtp.stop();
    try {
      assertThat(sendDue()).isZero();
      Map<String, Object> row =
          jdbc.sql(
                  "select attempts, last_error, sent_at, failed_at,"
                      + " next_attempt_at > now() + interval '50 seconds' as later from mail_outbox")
              .query()
              .singleRow();
      assertThat(row.get("attempts")).isEqualTo(1);
      assertThat((String) row.get("last_error")).isNotBlank();
      assertThat(row.get("sent_at")).isNull();
      assertThat(row.get("failed_at")).isNull();
      assertThat(row.get("later")).as("tried again a minute later, not at once").isEqualTo(true);
      assertThat(sendDue()).as("not due yet").isZero();
    } finally {
      smtp.start();
    }

    jdbc.sql("update mail_outbox set next_attempt_at = now() - interval '1 second'").update();
    assertThat(sendDue()).isEqualTo(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(
            jdbc.sql("select attempts from mail_outbox where sent_at is not null")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
