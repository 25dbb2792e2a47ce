package org.coopera.platform.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server and how the outbox sends through it.
 *
 * @param host the SMTP server; blank means no mail at all
 * @param port its port (587 for submission with STARTTLS, 465 is not supported, 25 plain)
 * @param username the account on the server, blank for none
 * @param password its password
 * @param startTls whether to use STARTTLS when the server offers it
 * @param from the sender's address of every mail
 * @param pollInterval how often the sender looks for mail that is due
 * @param firstRetry the wait after a first failed attempt; it doubles with each further failure
 * @param longestWait the longest wait between two attempts
 * @param attempts how many attempts before a mail is given up (and kept, marked failed)
 * @param batch how many mails one pass sends at most
 * @param keepSent how long a sent mail stays in the outbox
 */
@ConfigurationProperties("coopera.mail")
record MailProperties(
    String host,
    @DefaultValue("587") int port,
    String username,
    String password,
    @DefaultValue("true") boolean startTls,
    @DefaultValue("coopera@localhost") String from,
    @DefaultValue("30s") Duration pollInterval,
    @DefaultValue("1m") Duration firstRetry,
    @DefaultValue("6h") Duration longestWait,
    @DefaultValue("10") int attempts,
    @DefaultValue("50") int batch,
    @DefaultValue("30d") Duration keepSent) {

  boolean configured() {
    return host != null && !host.isBlank();
  }
}
