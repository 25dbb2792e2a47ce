package org.coopera.monitoring.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.coopera.monitoring.WorkspaceRows;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public status that migration V27 keeps for each recommendation ({@code
 * recommendation_published_status}) equals, after every kind of write, the status worked out
 * directly from the workspace's tables by the roll-up the dashboard ran at each request before:
 * updates published, changed, unpublished, moved and deleted; actions added, moved and removed;
 * recommendations joining and leaving a cluster or moving to another year; a cluster dissolved; an
 * assignment removed; two transactions publishing for the same recommendation at once; and the
 * migration's backfill.
 */
@CooperaIntegrationTest
class PublishedStatusIT {

  /** The status of each recommendation as the dashboard computed it before V27, with its scope. */
  private static final String DIRECT =
      """
      with public_assignment as (
          select distinct assignment_id as id from progress_update where review = 'PUBLISHED'
      ), latest_published as (
          select distinct on (u.action_id) u.action_id, u.status
          from progress_update u
          where u.review = 'PUBLISHED' and u.action_id is not null
          order by u.action_id, u.published_at desc, u.created_at desc
      ), action_status as (
          select a.assignment_id, coalesce(l.status, 'NOT_STARTED') as status
          from implementation_action a
          left join latest_published l on l.action_id = a.id
          where a.assignment_id in (select id from public_assignment)
      ), assignment_status as (
          select p.id, case
              when count(s.status) = 0 then 'NOT_STARTED'
              when count(*) filter (where s.status <> 'NOT_IMPLEMENTABLE') = 0
                  then 'NOT_IMPLEMENTABLE'
              when count(*) filter (where s.status = 'FULLY_IMPLEMENTED')
                  = count(*) filter (where s.status <> 'NOT_IMPLEMENTABLE')
                  then 'FULLY_IMPLEMENTED'
              when count(*) filter (where s.status in ('FULLY_IMPLEMENTED',
                                                       'PARTIALLY_IMPLEMENTED')) > 0
                  then 'PARTIALLY_IMPLEMENTED'
              when count(*) filter (where s.status = 'IN_PROGRESS') > 0 then 'IN_PROGRESS'
              else 'NOT_STARTED' end as status
          from public_assignment p left join action_status s on s.assignment_id = p.id
          group by p.id
      ), covered as (
          select distinct on (c.recommendation_id) c.recommendation_id, c.status
          from (
              select a.recommendation_id, st.status, 0 as rank
              from assignment a join assignment_status st on st.id = a.id
              where a.recommendation_id is not null
              union all
              select m.id, st.status, 1
              from assignment a join assignment_status st on st.id = a.id
              join recommendation m on m.cluster_id = a.cluster_id
              where a.cluster_id is not null
          ) c
          order by c.recommendation_id, c.rank
      )
      select c.recommendation_id, r.state_iso3, r.year, c.status
      from covered c join recommendation r on r.id = c.recommendation_id
      """;

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  private WorkspaceRows workspace;

  @BeforeEach
  void openTheWorkspace() {
    workspace = new WorkspaceRows(jdbc);
  }

  @AfterEach
  void removeWhatTheTestWrote() {
    workspace.remove();
    assertKeptEqualsDirect("after the test's assignments were removed");
  }

  @Test
  void everyWriteKeepsTheStatusOfEachRecommendationExact() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              writeEveryWay();
              tx.setRollbackOnly();
            });
  }

  private void writeEveryWay() {
    assertThat(kept()).as("the demo workspaces publish statuses").isNotEmpty();
    assertKeptEqualsDirect("demo workspaces");

    List<UUID> free = freeRecommendations(3);
    UUID own = workspace.assignment(free.get(0), null);
    UUID ownAction = workspace.action(own);
    assertKeptEqualsDirect("an assignment and an action, nothing published");
    assertThat(kept()).doesNotContainKey(free.get(0));

    UUID first = workspace.update(own, ownAction, "IN_PROGRESS", "PUBLISHED", 5);
    assertKeptEqualsDirect("an update published");
    assertThat(kept().get(free.get(0))).isEqualTo("SVN IN_PROGRESS");

    UUID later = workspace.update(own, ownAction, "FULLY_IMPLEMENTED", "APPROVED", 2);
    assertKeptEqualsDirect("a later update approved, not published");
    assertThat(kept().get(free.get(0))).isEqualTo("SVN IN_PROGRESS");

    publish(later, 1);
    assertKeptEqualsDirect("the later update published");
    assertThat(kept().get(free.get(0))).isEqualTo("SVN FULLY_IMPLEMENTED");

    UUID secondAction = workspace.action(own);
    assertKeptEqualsDirect("a second action, not reported");
    assertThat(kept().get(free.get(0))).isEqualTo("SVN PARTIALLY_IMPLEMENTED");

    jdbc.sql("update progress_update set status = 'NOT_IMPLEMENTABLE' where id = ?")
        .param(later)
        .update();
    assertKeptEqualsDirect("a published update's status changed");

    jdbc.sql("update progress_update set review = 'RETURNED', published_at = null where id = ?")
        .param(later)
        .update();
    assertKeptEqualsDirect("an update unpublished");

    UUID other = workspace.assignment(free.get(1), null);
    jdbc.sql("update implementation_action set assignment_id = ? where id = ?")
        .params(other, secondAction)
        .update();
    assertKeptEqualsDirect("an action moved to another assignment");
    workspace.update(other, secondAction, "NOT_IMPLEMENTABLE", "PUBLISHED", 1);
    assertKeptEqualsDirect("an update published on the other assignment");

    jdbc.sql("update progress_update set assignment_id = ?, action_id = ? where id = ?")
        .params(other, secondAction, first)
        .update();
    assertKeptEqualsDirect("a published update moved to another assignment");

    jdbc.sql("delete from implementation_action where id = ?").param(secondAction).update();
    assertKeptEqualsDirect("an action deleted with its updates");

    jdbc.sql("delete from progress_update where id = ?").param(first).update();
    assertKeptEqualsDirect("a published update deleted");

    // a cluster: its assignment covers every member; a member assigned on its own keeps its own
    UUID cluster = freeCluster();
    List<UUID> members = members(cluster);
    assertThat(members).hasSizeGreaterThan(1);
    UUID clustered = workspace.assignment(null, cluster);
    UUID clusterAction = workspace.action(clustered);
    workspace.update(clustered, clusterAction, "FULLY_IMPLEMENTED", "PUBLISHED", 3);
    assertKeptEqualsDirect("a cluster's update published");
    assertThat(kept()).containsKeys(members.toArray(UUID[]::new));

    UUID memberOwn = workspace.assignment(members.get(0), null);
    workspace.update(memberOwn, workspace.action(memberOwn), "IN_PROGRESS", "PUBLISHED", 2);
    assertKeptEqualsDirect("a member assigned and published on its own");
    assertThat(kept().get(members.get(0))).isEqualTo("SVN IN_PROGRESS");

    jdbc.sql("update recommendation set cluster_id = null where id = ?")
        .param(members.get(1))
        .update();
    assertKeptEqualsDirect("a member left the cluster");
    assertThat(kept()).doesNotContainKey(members.get(1));

    jdbc.sql("update recommendation set cluster_id = ? where id = ?")
        .params(cluster, free.get(2))
        .update();
    assertKeptEqualsDirect("a recommendation joined the cluster");
    assertThat(kept().get(free.get(2))).isEqualTo("SVN FULLY_IMPLEMENTED");

    jdbc.sql("update recommendation set year = year - 1 where id = ?")
        .param(members.get(0))
        .update();
    assertKeptEqualsDirect("a recommendation moved to another year");

    jdbc.sql("update assignment set recommendation_id = ? where id = ?")
        .params(members.get(1), memberOwn)
        .update();
    assertKeptEqualsDirect("an assignment moved to another recommendation");

    jdbc.sql("update assignment set flag = 'CLUSTER_DISSOLVED' where id = ?")
        .param(clustered)
        .update();
    jdbc.sql("update recommendation set cluster_id = null where cluster_id = ?")
        .param(cluster)
        .update();
    jdbc.sql("delete from recommendation_cluster where id = ?").param(cluster).update();
    assertKeptEqualsDirect("the cluster dissolved");

    jdbc.sql("delete from assignment where id = ?").param(other).update();
    assertKeptEqualsDirect("an assignment removed");
  }

  /**
   * A recommendation's own assignment and its cluster's publish in two transactions at once, many
   * times: the second waits for the first and computes from what it committed, so neither fails and
   * the status kept is the one the committed rows give.
   */
  @Test
  void twoTransactionsPublishingForTheSameRecommendationAtOnceLeaveItsStatusExact()
      throws Exception {
    UUID cluster = freeCluster();
    UUID member = members(cluster).get(0);
    UUID clustered = workspace.assignment(null, cluster);
    UUID clusterAction = workspace.action(clustered);
    UUID own = workspace.assignment(member, null);
    UUID ownAction = workspace.action(own);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        CountDownLatch start = new CountDownLatch(2);
        String clusterStatus = round % 2 == 0 ? "FULLY_IMPLEMENTED" : "IN_PROGRESS";
        String ownStatus = round % 2 == 0 ? "PARTIALLY_IMPLEMENTED" : "NOT_IMPLEMENTABLE";
        List<Future<?>> writers =
            List.of(
                pool.submit(
                    () -> publishAtOnce(tx, start, clustered, clusterAction, clusterStatus)),
                pool.submit(() -> publishAtOnce(tx, start, own, ownAction, ownStatus)));
        for (Future<?> writer : writers) {
          writer.get(30, TimeUnit.SECONDS);
        }
        assertKeptEqualsDirect("round " + round + " of two writers at once");
        assertThat(kept().get(member)).isEqualTo("SVN " + ownStatus);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBackfillOfTheMigrationKeepsTheStatusesAlreadyPublished() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              jdbc.sql("delete from recommendation_published_status").update();
              assertThat(kept()).isEmpty();
              jdbc.sql(
                      """
                      select refresh_published_status(published_status_covered(array(
                          select distinct assignment_id from progress_update
                          where review = 'PUBLISHED')))
                      """)
                  .query()
                  .listOfRows();
              assertThat(kept()).isNotEmpty();
              assertKeptEqualsDirect("backfill");
              tx.setRollbackOnly();
            });
  }

  private void publishAtOnce(
      TransactionTemplate tx, CountDownLatch start, UUID assignment, UUID action, String status) {
    tx.executeWithoutResult(
        t -> {
          start.countDown();
          try {
            start.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          workspace.update(assignment, action, status, "PUBLISHED", 0);
          // hold the transaction open so that the other writer's trigger runs meanwhile
          jdbc.sql("select pg_sleep(0.05)").query().listOfRows();
        });
  }

  private void assertKeptEqualsDirect(String step) {
    Map<UUID, String> direct = new TreeMap<>();
    jdbc.sql(DIRECT)
        .query(
            rs -> {
              direct.put(
                  rs.getObject(1, UUID.class),
                  rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
            });
    Map<UUID, String> kept = new TreeMap<>();
    jdbc.sql(
            "select recommendation_id, state_iso3, year, status from recommendation_published_status")
        .query(
            rs -> {
              kept.put(
                  rs.getObject(1, UUID.class),
                  rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4));
            });
    assertThat(kept).as(step).isEqualTo(direct);
  }

  /** The State and status kept of each recommendation. */
  private Map<UUID, String> kept() {
    Map<UUID, String> kept = new TreeMap<>();
    jdbc.sql("select recommendation_id, state_iso3, status from recommendation_published_status")
        .query(
            (RowCallbackHandler)
                rs -> {
                  kept.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getString(3));
                });
    return kept;
  }

  private List<UUID> freeRecommendations(int count) {
    return jdbc.sql(
            """
            select r.id from recommendation r
            where r.state_iso3 = 'SVN' and r.cluster_id is null
              and not exists (select 1 from assignment a where a.recommendation_id = r.id)
            order by r.code limit ?
            """)
        .param(count)
        .query(UUID.class)
        .list();
  }

  private UUID freeCluster() {
    return jdbc.sql(
            """
            select c.id from recommendation_cluster c
            where c.state_iso3 = 'SVN'
              and not exists (select 1 from assignment a where a.cluster_id = c.id)
              and not exists (select 1 from recommendation r join assignment a
                              on a.recommendation_id = r.id where r.cluster_id = c.id)
              and (select count(*) from recommendation r where r.cluster_id = c.id) > 1
            order by c.id limit 1
            """)
        .query(UUID.class)
        .single();
  }

  private List<UUID> members(UUID cluster) {
    return jdbc.sql("select id from recommendation where cluster_id = ? order by code")
        .param(cluster)
        .query(UUID.class)
        .list();
  }

  private void publish(UUID update, int daysAgo) {
    jdbc.sql("update progress_update set review = 'PUBLISHED', published_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)), update)
        .update();
  }
}
