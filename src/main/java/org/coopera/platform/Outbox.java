package org.coopera.platform;

/**
 * Where modules put the e-mail they want sent. A mail is written to the database in the caller's
 * transaction, so it leaves only if that transaction commits, and it survives a restart; the
 * platform's sender delivers it through the configured SMTP server, trying again later when the
 * server cannot be reached. Without an SMTP server ({@code COOPERA_MAIL_HOST} unset) nothing is
 * kept or sent: the in-application notifications are then the only channel.
 */
public interface Outbox {

  /** Queues the mail in the current transaction; answers whether it will be sent. */
  boolean queue(Email email);

  /** Whether an SMTP server is configured, so that queued mail is sent. */
  boolean enabled();
}
