package org.coopera.recommendations.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes the search documents of the recommendations an import creates while the import is still
 * writing its rows, instead of after the database commit (issue 9: that wait was a third of
 * applying 25,000 rows). Each batch goes to a thread of its own, which builds the documents with a
 * search session of its own and hands them to the index's writer; the rows of the next batch are
 * meanwhile written by the database, so the two overlap on two cores.
 *
 * <p>The guarantees of an import stay: {@link #beforeCommit} waits until every document is in the
 * index and commits the index, so that the recommendations are searchable when the import returns;
 * if the transaction does not commit, {@link #afterCompletion} removes every document this import
 * wrote (purge by id) before the caller hears of the failure. The price: searches may see an
 * import's recommendations for the moments before the database commits them (or rolls them back),
 * and a crash in that moment leaves documents without rows until the index is rebuilt.
 */
final class IndexWhileWriting implements TransactionSynchronization {

  private static final Logger log = LoggerFactory.getLogger(IndexWhileWriting.class);

  private final EntityManagerFactory entityManagerFactory;
  private final ExecutorService worker;

  /** The batches handed to the worker, in order; each answers when its documents are written. */
  private final List<Future<CompletableFuture<SearchIndexingPlanExecutionReport>>> batches =
      new ArrayList<>();

  /** Every recommendation handed to the index, to purge after a rollback. */
  private final List<UUID> ids = new ArrayList<>();

  /** The worker's own; touched on the worker thread only. */
  private EntityManager entityManager;

  private long waitedNanos;

  IndexWhileWriting(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
    this.worker =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "import-indexing");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Hands a batch of new recommendations to the worker, which builds their documents and submits
   * them to the index's writer without committing the index. The recommendations must not change
   * afterwards.
   */
  void add(List<Recommendation> created) {
    List<Recommendation> batch = List.copyOf(created);
    batch.forEach(r -> ids.add(r.id()));
    batches.add(
        worker.submit(
            () -> {
              List<CompletableFuture<SearchIndexingPlanExecutionReport>> written =
                  new ArrayList<>(1);
              SearchIndexingPlan plan = session(written::add).indexingPlan();
              batch.forEach(plan::addOrUpdate);
              plan.execute();
              return written.isEmpty()
                  ? CompletableFuture.completedFuture(null)
                  : written.get(written.size() - 1);
            }));
  }

  /** Waits for every document, then commits the index and makes it visible to searches. */
  @Override
  public void beforeCommit(boolean readOnly) {
    if (ids.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    try {
      for (var batch : batches) {
        SearchIndexingPlanExecutionReport report = batch.get().get();
        if (report != null && report.throwable().isPresent()) {
          throw new IllegalStateException(
              "The search index refused an import's documents", report.throwable().get());
        }
      }
      worker
          .submit(
              () -> {
                var workspace = session(f -> {}).workspace(Recommendation.class);
                workspace.flush();
                workspace.refresh();
              })
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while indexing an import", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not index an import", e.getCause());
    }
    waitedNanos = System.nanoTime() - start;
    log.debug(
        "{} documents indexed while writing; {} ms waited for them and the index commit",
        ids.size(),
        waitedNanos / 1_000_000);
  }

  /**
   * After a rollback (or a failed commit), removes the documents written for this import; in any
   * case, ends the worker and its session.
   */
  @Override
  public void afterCompletion(int status) {
    try {
      if (status != STATUS_COMMITTED && !ids.isEmpty()) {
        purge();
      }
    } finally {
      worker.submit(this::close);
      worker.shutdown();
    }
  }

  private void purge() {
    try {
      for (var batch : batches) {
        try {
          batch.get().get();
        } catch (ExecutionException e) {
          // the batch failed: whatever of it reached the index is purged below all the same
        }
      }
      worker
          .submit(
              () -> {
                SearchIndexingPlan plan = session(f -> f.join()).indexingPlan();
                for (int from = 0; from < ids.size(); from += 5000) {
                  ids.subList(from, Math.min(ids.size(), from + 5000))
                      .forEach(id -> plan.purge(Recommendation.class, id, null));
                  plan.execute();
                }
                var workspace = session(f -> {}).workspace(Recommendation.class);
                workspace.flush();
                workspace.refresh();
              })
          .get();
      log.debug("{} documents of a rolled back import purged from the index", ids.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("Interrupted while purging the documents of a rolled back import", e);
    } catch (ExecutionException e) {
      log.error(
          "Could not purge the documents of a rolled back import: rebuild the search index",
          e.getCause());
    }
  }

  /**
   * The worker's search session, whose indexing plans neither commit nor refresh the index and hand
   * their outcome to {@code written}.
   */
  private SearchSession session(
      java.util.function.Consumer<CompletableFuture<SearchIndexingPlanExecutionReport>> written) {
    if (entityManager == null) {
      entityManager = entityManagerFactory.createEntityManager();
    }
    SearchSession session = Search.session(entityManager);
    session.indexingPlanSynchronizationStrategy(
        context -> {
          context.documentCommitStrategy(DocumentCommitStrategy.NONE);
          context.documentRefreshStrategy(DocumentRefreshStrategy.NONE);
          context.indexingFutureHandler(
              future -> {
                CompletableFuture<SearchIndexingPlanExecutionReport> report =
                    future.thenApply(r -> r);
                written.accept(report);
              });
        });
    return session;
  }

  private void close() {
    if (entityManager != null) {
      entityManager.close();
      entityManager = null;
    }
  }
}
