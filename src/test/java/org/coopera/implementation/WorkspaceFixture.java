package org.coopera.implementation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a State's workspace written straight into the database, for tests of what reads them (the
 * calendar, the reminders): assignments of the demo institutions, with actions, indicators,
 * milestones and progress updates.
 */
public final class WorkspaceFixture {

  private final JdbcClient jdbc;
  private final java.util.List<UUID> created = new java.util.ArrayList<>();

  public WorkspaceFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Removes every assignment (and so what hangs on it), reminder, digest, notification and mail.
   */
  public void clear() {
    jdbc.sql("delete from reminder_sent").update();
    jdbc.sql("delete from digest_sent").update();
    jdbc.sql("delete from notification").update();
    jdbc.sql("delete from mail_outbox").update();
    jdbc.sql("delete from assignment").update();
  }

  /** Removes the assignments this fixture made, and what hangs on them. */
  public void removeCreated() {
    if (!created.isEmpty()) {
      jdbc.sql("delete from assignment where id in (:ids)").param("ids", created).update();
      created.clear();
    }
  }

  public UUID institution(String iso3, String name) {
    return jdbc.sql("select id from institution where state_iso3 = ? and name = ?")
        .params(iso3, name)
        .query(UUID.class)
        .single();
  }

  public UUID account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  /** An assignment of a cluster since dissolved (so that it needs no recommendation). */
  public UUID assignment(String iso3, String label, UUID lead, LocalDate target) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into assignment (id, state_iso3, subject_label, lead_institution_id, target_date,
                                    priority, flag, created_at, updated_at)
            values (?, ?, ?, ?, ?, 'HIGH', 'CLUSTER_DISSOLVED', ?, ?)
            """)
        .params(id, iso3, label, lead, target == null ? null : Date.valueOf(target), now, now)
        .update();
    created.add(id);
    return id;
  }

  public UUID action(
      UUID assignment, String title, UUID institution, LocalDate due, ImplementationStatus status) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into implementation_action (id, assignment_id, title, institution_id, due_date,
                                               status, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, assignment, title, institution, Date.valueOf(due), status.name(), now, now)
        .update();
    return id;
  }

  /** A qualitative indicator reported every {@code months} months from {@code start}. */
  public UUID indicator(UUID assignment, String name, int months, LocalDate start, LocalDate end) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into indicator (id, assignment_id, kind, name, schedule_months, schedule_start,
                                   schedule_end, created_at, updated_at)
            values (?, ?, 'QUALITATIVE', ?, ?, ?, ?, ?, ?)
            """)
        .params(id, assignment, name, months, Date.valueOf(start), Date.valueOf(end), now, now)
        .update();
    return id;
  }

  public UUID milestone(
      UUID indicator, int position, String title, LocalDate due, LocalDate achievedOn) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into indicator_milestone (id, indicator_id, position, title, due_date, achieved_on)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            indicator,
            position,
            title,
            Date.valueOf(due),
            achievedOn == null ? null : Date.valueOf(achievedOn))
        .update();
    return id;
  }

  /** An update on an indicator's period, at the given stage of its review. */
  public UUID indicatorUpdate(
      String iso3,
      UUID assignment,
      UUID indicator,
      LocalDate periodEnd,
      String review,
      UUID author) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into progress_update (id, state_iso3, assignment_id, indicator_id, period_end,
                status, narrative, review, author_id, submitted_at, created_at, updated_at)
            values (?, ?, ?, ?, ?, 'IN_PROGRESS', 'Reported.', ?, ?, ?, ?, ?)
            """)
        .params(
            id, iso3, assignment, indicator, Date.valueOf(periodEnd), review, author, now, now, now)
        .update();
    return id;
  }

  /** An update on an action, at the given stage of its review. */
  public UUID actionUpdate(String iso3, UUID assignment, UUID action, String review, UUID author) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into progress_update (id, state_iso3, assignment_id, action_id, status, narrative,
                review, author_id, submitted_at, created_at, updated_at)
            values (?, ?, ?, ?, 'IN_PROGRESS', 'Under way.', ?, ?, ?, ?, ?)
            """)
        .params(id, iso3, assignment, action, review, author, now, now, now)
        .update();
    return id;
  }
}
