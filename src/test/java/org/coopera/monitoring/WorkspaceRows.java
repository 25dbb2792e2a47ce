package org.coopera.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of Slovenia's implementation workspace written straight into the tables, for the tests of
 * what the dashboards read from them: assignments (of a recommendation or of a cluster), actions
 * and progress updates at a chosen review step. {@link #remove} deletes the assignments written,
 * and with them their actions and updates.
 */
public final class WorkspaceRows {

  private final JdbcClient jdbc;
  private final UUID institution;
  private final UUID author;
  private final List<UUID> assignments = new ArrayList<>();

  public WorkspaceRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.institution =
        jdbc.sql("select id from institution where state_iso3 = 'SVN' order by name limit 1")
            .query(UUID.class)
            .single();
    this.author =
        jdbc.sql("select id from account where email = 'focal.svn@demo.coopera.org'")
            .query(UUID.class)
            .single();
  }

  /** An assignment of a recommendation or (with a null recommendation) of a cluster. */
  public UUID assignment(UUID recommendation, UUID cluster) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into assignment (id, state_iso3, recommendation_id, cluster_id, subject_label,
                                    lead_institution_id, priority, created_at, updated_at)
            values (?, 'SVN', ?, ?, 'Dashboard fixture', ?, 'MEDIUM', ?, ?)
            """)
        .params(id, recommendation, cluster, institution, now, now)
        .update();
    assignments.add(id);
    return id;
  }

  public UUID action(UUID assignment) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into implementation_action (id, assignment_id, title, institution_id, due_date,
                                               created_at, updated_at)
            values (?, ?, 'Dashboard fixture action', ?, ?, ?, ?)
            """)
        .params(
            id, assignment, institution, java.sql.Date.valueOf(LocalDate.of(2030, 1, 1)), now, now)
        .update();
    return id;
  }

  /**
   * A progress update of an action, written {@code daysAgo} days ago and, when its review is {@code
   * PUBLISHED}, published then.
   */
  public UUID update(UUID assignment, UUID action, String status, String review, int daysAgo) {
    UUID id = UUID.randomUUID();
    Timestamp at = Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS));
    jdbc.sql(
            """
            insert into progress_update (id, state_iso3, assignment_id, action_id, status, narrative,
                review, author_id, submitted_at, published_at, created_at, updated_at)
            values (?, 'SVN', ?, ?, ?, 'Dashboard fixture.', ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignment,
            action,
            status,
            review,
            author,
            at,
            review.equals("PUBLISHED") ? at : null,
            at,
            at)
        .update();
    return id;
  }

  /** Deletes the assignments written, with their actions and updates. */
  public void remove() {
    if (!assignments.isEmpty()) {
      jdbc.sql("delete from assignment where id in (:ids)").param("ids", assignments).update();
      assignments.clear();
    }
  }
}
