package org.coopera.implementation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.identity.AccountNames.StateOfficial;
import org.coopera.platform.Notifications;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each coordinator's daily digest of their State's workspace: the updates awaiting their review,
 * the approved ones not yet published, what is overdue and what falls due within {@value
 * Deadlines#SOON_DAYS} days. None when all four are empty; at most one a day ({@code digest_sent}).
 */
@Component
class DailyDigest {

  private final JdbcClient jdbc;
  private final AccountNames accounts;
  private final Notifications notifications;
  private final ReminderMail mail;
  private final ReferenceData reference;

  DailyDigest(
      JdbcClient jdbc,
      AccountNames accounts,
      Notifications notifications,
      ReminderMail mail,
      ReferenceData reference) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.notifications = notifications;
    this.mail = mail;
    this.reference = reference;
  }

  /** An update awaiting the coordinator, named by what it is about. */
  record Pending(String subject, String assignmentLabel, boolean approved) {}

  /** What a State's digest holds on a day. */
  record Content(
      List<Pending> submitted,
      List<Pending> approved,
      List<Deadlines.DueItem> overdue,
      List<Deadlines.DueItem> soon) {

    boolean isEmpty() {
      return submitted.isEmpty() && approved.isEmpty() && overdue.isEmpty() && soon.isEmpty();
    }
  }

  /**
   * Sends the day's digest to each coordinator of the State who has not had it; answers how many.
   */
  int send(String iso3, List<Deadlines.DueItem> items, LocalDate today, Instant now) {
    Content content = content(iso3, items);
    if (content.isEmpty()) {
      return 0;
    }
    List<StateOfficial> coordinators =
        accounts.officialsOf(iso3).stream().filter(StateOfficial::coordinator).toList();
    Map<UUID, Locale> locales =
        mail.localesOf(coordinators.stream().map(StateOfficial::id).toList());
    String stateName = reference.findState(iso3).map(ReferenceData.State::name).orElse(iso3);
    int sent = 0;
    for (StateOfficial coordinator : coordinators) {
      boolean first =
          jdbc.sql(
                      "insert into digest_sent (account_id, day, sent_at) values (?, ?, ?)"
                          + " on conflict do nothing")
                  .params(coordinator.id(), Date.valueOf(today), Timestamp.from(now))
                  .update()
              == 1;
      if (!first) {
        continue;
      }
      notifications.notify(
          coordinator.id(),
          new Notifications.Notice(
              "deadlines.digest.notice",
              List.of(
                  String.valueOf(content.submitted().size()),
                  String.valueOf(content.approved().size()),
                  String.valueOf(content.overdue().size()),
                  String.valueOf(content.soon().size())),
              "/workspace/" + iso3 + "/calendar"));
      if (mail.enabled()) {
        Locale locale = locales.getOrDefault(coordinator.id(), Locale.ENGLISH);
        mail.send(
            coordinator.email(),
            mail.text(locale, "deadlines.digest.subject", stateName, mail.date(locale, today)),
            body(iso3, content, coordinator, locale, stateName, today));
      }
      sent++;
    }
    return sent;
  }

  Content content(String iso3, List<Deadlines.DueItem> items) {
    List<Pending> pending =
        jdbc.sql(
                """
                select coalesce(a.title, n.name) as subject, s.subject_label, u.review
                from progress_update u
                join assignment s on s.id = u.assignment_id
                left join implementation_action a on a.id = u.action_id
                left join indicator n on n.id = u.indicator_id
                where u.state_iso3 = ? and u.review in ('SUBMITTED', 'APPROVED')
                order by u.submitted_at, u.created_at
                """)
            .param(iso3)
            .query(
                (rs, n) ->
                    new Pending(
                        rs.getString("subject"),
                        rs.getString("subject_label"),
                        "APPROVED".equals(rs.getString("review"))))
            .list();
    return new Content(
        pending.stream().filter(p -> !p.approved()).toList(),
        pending.stream().filter(Pending::approved).toList(),
        items.stream().filter(Deadlines.DueItem::overdue).toList(),
        items.stream().filter(Deadlines.DueItem::dueSoon).toList());
  }

  private String body(
      String iso3,
      Content content,
      StateOfficial to,
      Locale locale,
      String stateName,
      LocalDate today) {
    StringBuilder body = new StringBuilder();
    body.append(mail.text(locale, "deadlines.mail.greeting", to.displayName())).append("\n\n");
    body.append(mail.text(locale, "deadlines.digest.intro", stateName, mail.date(locale, today)))
        .append("\n\n");
    String review = mail.url("/workspace/" + iso3 + "/review");
    updates(body, locale, "deadlines.digest.submitted", content.submitted(), review);
    updates(body, locale, "deadlines.digest.approved", content.approved(), review);
    String calendar = mail.url("/workspace/" + iso3 + "/calendar");
    dueItems(body, locale, "deadlines.digest.overdue", content.overdue(), calendar);
    dueItems(body, locale, "deadlines.digest.soon", content.soon(), calendar);
    body.append(mail.text(locale, "deadlines.digest.why", stateName)).append('\n');
    return body.toString();
  }

  private void updates(
      StringBuilder body, Locale locale, String key, List<Pending> updates, String link) {
    if (updates.isEmpty()) {
      return;
    }
    body.append(mail.text(locale, key, updates.size())).append('\n');
    for (Pending p : updates) {
      body.append("- ")
          .append(mail.text(locale, "deadlines.digest.update", p.subject(), p.assignmentLabel()))
          .append('\n');
    }
    body.append(mail.text(locale, "deadlines.mail.open", link)).append("\n\n");
  }

  private void dueItems(
      StringBuilder body, Locale locale, String key, List<Deadlines.DueItem> items, String link) {
    if (items.isEmpty()) {
      return;
    }
    body.append(mail.text(locale, key, items.size())).append('\n');
    for (Deadlines.DueItem item : items) {
      body.append("- ")
          .append(
              mail.text(
                  locale,
                  "deadlines.digest.item",
                  mail.date(locale, item.date()),
                  mail.text(locale, item.kind().messageKey()),
                  item.title(),
                  item.institutionName()))
          .append('\n');
    }
    body.append(mail.text(locale, "deadlines.mail.open", link)).append("\n\n");
  }
}
