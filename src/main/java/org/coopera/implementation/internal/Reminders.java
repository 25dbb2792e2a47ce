package org.coopera.implementation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.identity.AccountNames.StateOfficial;
import org.coopera.platform.Notifications;
import org.coopera.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every morning, tells the people concerned what is coming due and what is overdue, in the
 * application and by e-mail, and sends each coordinator a digest. An item due within {@value
 * #REMIND_DAYS} days, or overdue, is announced to the focal points of the institution responsible
 * (the action's institution; the assignment's lead institution for indicators, milestones and
 * target dates), or to the State's coordinators when that institution has no focal point. Each
 * reminder (item, due date, due soon or overdue, person) is sent once, whatever the number of runs:
 * {@code reminder_sent} remembers it in the same transaction.
 */
@Component
class Reminders {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  /** How many days ahead a person is reminded of an item. */
  static final int REMIND_DAYS = 7;

  /** Whether an item is coming due or already overdue. */
  enum ReminderKind {
    DUE_SOON,
    OVERDUE;

    String key() {
      return this == DUE_SOON ? "due-soon" : "overdue";
    }
  }

  private final Deadlines deadlines;
  private final DailyDigest digest;
  private final JdbcClient jdbc;
  private final AccountNames accounts;
  private final Notifications notifications;
  private final ReminderMail mail;
  private final ReferenceData reference;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Reminders(
      Deadlines deadlines,
      DailyDigest digest,
      JdbcClient jdbc,
      AccountNames accounts,
      Notifications notifications,
      ReminderMail mail,
      ReferenceData reference,
      TransactionTemplate transactions,
      Clock clock) {
    this.deadlines = deadlines;
    this.digest = digest;
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.notifications = notifications;
    this.mail = mail;
    this.reference = reference;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(cron = "${coopera.reminders.cron:0 0 6 * * *}")
  void scheduled() {
    run(clock.instant());
  }

  /**
   * Sends the reminders and digests due at {@code now}, each State in a transaction of its own so
   * that one State's failure does not hold back the others' reminders.
   */
  void run(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    for (String iso3 : deadlines.statesWithWork()) {
      try {
        transactions.executeWithoutResult(
            tx -> {
              List<Deadlines.DueItem> items = deadlines.items(iso3, today, Deadlines.Filter.none());
              int sent = remind(iso3, items, today, now);
              int digests = digest.send(iso3, items, today, now);
              if (sent + digests > 0) {
                log.info("{}: {} reminders and {} digests sent", iso3, sent, digests);
              }
            });
      } catch (RuntimeException e) {
        log.error("Reminders of {} not sent; the next run tries again", iso3, e);
      }
    }
  }

  private int remind(String iso3, List<Deadlines.DueItem> items, LocalDate today, Instant now) {
    List<Deadlines.DueItem> due =
        items.stream()
            .filter(i -> i.overdue() || !i.date().isAfter(today.plusDays(REMIND_DAYS)))
            .toList();
    if (due.isEmpty()) {
      return 0;
    }
    List<StateOfficial> officials = accounts.officialsOf(iso3);
    Map<UUID, StateOfficial> byId = new HashMap<>();
    officials.forEach(o -> byId.put(o.id(), o));
    List<StateOfficial> coordinators =
        officials.stream().filter(StateOfficial::coordinator).toList();
    Map<UUID, List<StateOfficial>> focalPoints = focalPoints(iso3, byId);
    Map<UUID, Locale> locales = mail.localesOf(byId.keySet());
    String stateName = reference.findState(iso3).map(ReferenceData.State::name).orElse(iso3);
    int sent = 0;
    for (Deadlines.DueItem item : due) {
      ReminderKind kind = item.overdue() ? ReminderKind.OVERDUE : ReminderKind.DUE_SOON;
      List<StateOfficial> focal = focalPoints.getOrDefault(item.institutionId(), List.of());
      boolean asCoordinator = focal.isEmpty();
      for (StateOfficial to : asCoordinator ? coordinators : focal) {
        if (!record(item, kind, to.id(), now)) {
          continue;
        }
        notifications.notify(
            to.id(),
            new Notifications.Notice(
                "deadlines.reminder." + kind.key() + "." + item.kind().apiName(),
                List.of(item.title(), item.date().toString()),
                item.link()));
        write(
            item,
            kind,
            to,
            locales.getOrDefault(to.id(), Locale.ENGLISH),
            asCoordinator,
            stateName);
        sent++;
      }
    }
    return sent;
  }

  /** The focal points of each institution of the State who are still its officials. */
  private Map<UUID, List<StateOfficial>> focalPoints(
      String iso3, Map<UUID, StateOfficial> officials) {
    Map<UUID, List<StateOfficial>> found = new HashMap<>();
    jdbc.sql(
            """
            select f.institution_id, f.account_id from institution_focal_point f
            join institution i on i.id = f.institution_id
            where i.state_iso3 = ?
            """)
        .param(iso3)
        .query(
            rs -> {
              StateOfficial official = officials.get(rs.getObject(2, UUID.class));
              if (official != null) {
                found
                    .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(official);
              }
            });
    return found;
  }

  /** Remembers the reminder; answers false when it was sent before. */
  private boolean record(Deadlines.DueItem item, ReminderKind kind, UUID account, Instant now) {
    return jdbc.sql(
                """
                insert into reminder_sent (item_key, due_date, kind, account_id, sent_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """)
            .params(
                item.key(), Date.valueOf(item.date()), kind.name(), account, Timestamp.from(now))
            .update()
        == 1;
  }

  private void write(
      Deadlines.DueItem item,
      ReminderKind kind,
      StateOfficial to,
      Locale locale,
      boolean asCoordinator,
      String stateName) {
    if (!mail.enabled()) {
      return;
    }
    String date = mail.date(locale, item.date());
    String subject = mail.text(locale, "deadlines.mail.subject." + kind.key(), date, item.title());
    StringBuilder body = new StringBuilder();
    body.append(mail.text(locale, "deadlines.mail.greeting", to.displayName())).append("\n\n");
    body.append(
            mail.text(
                locale,
                "deadlines.reminder." + kind.key() + "." + item.kind().apiName(),
                item.title(),
                date))
        .append("\n\n");
    body.append(mail.text(locale, "deadlines.mail.assignment", item.assignmentLabel()))
        .append('\n');
    body.append(mail.text(locale, "deadlines.mail.institution", item.institutionName()))
        .append('\n');
    body.append(mail.text(locale, "deadlines.mail.open", mail.url(item.link()))).append("\n\n");
    body.append(
            asCoordinator
                ? mail.text(
                    locale, "deadlines.mail.why-coordinator", stateName, item.institutionName())
                : mail.text(locale, "deadlines.mail.why-focal-point", item.institutionName()))
        .append('\n');
    mail.send(to.email(), subject, body.toString());
  }
}
