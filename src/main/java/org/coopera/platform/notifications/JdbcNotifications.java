package org.coopera.platform.notifications;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.platform.ListPage;
import org.coopera.platform.Notifications;
import org.coopera.platform.PageParameters;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The notifications as rows of {@code notification}; each person reads and marks only theirs. */
@Service
class JdbcNotifications implements Notifications {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcNotifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A notification as its reader's list shows it (text not yet in a language). */
  record Stored(
      UUID id,
      String messageKey,
      List<String> arguments,
      String link,
      Instant createdAt,
      boolean read) {}

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void notify(UUID accountId, Notice notice) {
    jdbc.sql(
            """
            insert into notification (id, account_id, message_key, arguments, link, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            accountId,
            notice.messageKey(),
            notice.arguments().toArray(String[]::new),
            notice.link(),
            Timestamp.from(clock.instant()))
        .update();
  }

  @Override
  @Transactional(readOnly = true)
  public long unread(UUID accountId) {
    return jdbc.sql("select count(*) from notification where account_id = ? and read_at is null")
        .param(accountId)
        .query(Long.class)
        .single();
  }

  /** This person's notifications, newest first. */
  @Transactional(readOnly = true)
  ListPage<Stored> list(UUID accountId, PageParameters paging) {
    long total =
        jdbc.sql("select count(*) from notification where account_id = ?")
            .param(accountId)
            .query(Long.class)
            .single();
    List<Stored> items =
        jdbc.sql(
                """
                select id, message_key, arguments, link, created_at, read_at is not null as read
                from notification where account_id = ?
                order by created_at desc, id
                limit ? offset ?
                """)
            .params(accountId, paging.size(), paging.offset())
            .query(STORED)
            .list();
    return new ListPage<>(total, paging.page(), paging.size(), items);
  }

  /**
   * Marks one of this person's notifications read and answers where it leads; empty when it is not
   * theirs (or does not exist).
   */
  @Transactional
  Optional<String> open(UUID accountId, UUID id) {
    return jdbc.sql(
            """
            update notification set read_at = coalesce(read_at, ?)
            where id = ? and account_id = ?
            returning link
            """)
        .params(Timestamp.from(clock.instant()), id, accountId)
        .query(String.class)
        .optional();
  }

  /** Marks all of this person's notifications read; answers how many were unread. */
  @Transactional
  int markAllRead(UUID accountId) {
    return jdbc.sql("update notification set read_at = ? where account_id = ? and read_at is null")
        .params(Timestamp.from(clock.instant()), accountId)
        .update();
  }

  /** Deletes read notifications read before this instant; answers how many. */
  @Transactional
  int forgetReadBefore(Instant instant) {
    return jdbc.sql("delete from notification where read_at < ?")
        .param(Timestamp.from(instant))
        .update();
  }

  private static final RowMapper<Stored> STORED =
      (rs, n) ->
          new Stored(
              rs.getObject("id", UUID.class),
              rs.getString("message_key"),
              strings(rs.getArray("arguments")),
              rs.getString("link"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getBoolean("read"));

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
