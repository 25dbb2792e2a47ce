package org.coopera.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.platform.Email;
import org.coopera.platform.Languages;
import org.coopera.platform.Notifications;
import org.coopera.platform.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digest of new practices: to each subscriber, once, the practices published since they
 * subscribed that they have not been sent yet, as a notification and, with an SMTP server, an
 * e-mail in their language ({@code coopera.exchange.digest-cron}, weekly by default). A subscriber
 * with nothing new gets nothing.
 */
@Service
public class PracticeDigest {

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final Outbox outbox;
  private final MessageSource messages;
  private final AccountNames accounts;
  private final Clock clock;
  private final String baseUrl;

  PracticeDigest(
      JdbcClient jdbc,
      Notifications notifications,
      Outbox outbox,
      MessageSource messages,
      AccountNames accounts,
      Clock clock,
      @Value("${coopera.base-url:http://localhost:8080}") String baseUrl) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.outbox = outbox;
    this.messages = messages;
    this.accounts = accounts;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Scheduled(cron = "${coopera.exchange.digest-cron:0 0 7 * * MON}")
  void weekly() {
    send();
  }

  /** Sends every subscriber's digest; answers how many digests went out. */
  @Transactional
  public int send() {
    record Row(UUID account, String email, UUID practice, String title, String state) {}
    List<Row> rows =
        jdbc.sql(
                """
                select a.id, a.email, p.id, p.title, s.name
                from practice_subscription sub
                join account a on a.id = sub.account_id and a.enabled
                join practice p on p.status = 'PUBLISHED' and p.published_at >= sub.subscribed_at
                join state s on s.iso3 = p.state_iso3
                where not exists (select 1 from practice_digest_sent d
                                  where d.account_id = a.id and d.practice_id = p.id)
                order by a.id, p.published_at, p.title
                """)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5)))
            .list();
    Map<UUID, List<Row>> byAccount = new LinkedHashMap<>();
    rows.forEach(r -> byAccount.computeIfAbsent(r.account(), k -> new ArrayList<>()).add(r));
    Map<UUID, String> languages = accounts.languages(byAccount.keySet());
    Timestamp now = Timestamp.from(clock.instant());
    for (Map.Entry<UUID, List<Row>> e : byAccount.entrySet()) {
      for (Row r : e.getValue()) {
        jdbc.sql(
                "insert into practice_digest_sent (account_id, practice_id, sent_at)"
                    + " values (?, ?, ?) on conflict do nothing")
            .params(r.account(), r.practice(), now)
            .update();
      }
      List<Row> items = e.getValue();
      notifications.notify(
          e.getKey(),
          new Notifications.Notice(
              "exchange.digest.notice", List.of(String.valueOf(items.size())), "/practices"));
      if (outbox.enabled()) {
        Locale locale = Languages.locale(languages.getOrDefault(e.getKey(), "en"));
        StringBuilder text =
            new StringBuilder(messages.getMessage("exchange.digest.intro", null, locale))
                .append("\n\n");
        for (Row r : items) {
          text.append("- ")
              .append(r.title())
              .append(" (")
              .append(r.state())
              .append(")\n  ")
              .append(baseUrl)
              .append("/practices/")
              .append(r.practice())
              .append('\n');
        }
        outbox.queue(
            new Email(
                items.get(0).email(),
                messages.getMessage("exchange.digest.subject", new Object[] {items.size()}, locale),
                text.toString()));
      }
    }
    return byAccount.size();
  }

  /** Subscribes or unsubscribes an account. */
  @Transactional
  public void subscribe(UUID account, boolean subscribed) {
    if (subscribed) {
      jdbc.sql(
              "insert into practice_subscription (account_id, subscribed_at) values (?, ?)"
                  + " on conflict do nothing")
          .params(account, Timestamp.from(clock.instant()))
          .update();
    } else {
      jdbc.sql("delete from practice_subscription where account_id = ?").param(account).update();
    }
  }

  @Transactional(readOnly = true)
  public boolean subscribed(UUID account) {
    return jdbc.sql("select count(*) from practice_subscription where account_id = ?")
            .param(account)
            .query(Long.class)
            .single()
        > 0;
  }
}
