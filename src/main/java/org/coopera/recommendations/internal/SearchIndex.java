package org.coopera.recommendations.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the registry: rebuilt from the database when asked ({@code
 * --coopera.search.rebuild=true} at start, or {@link #rebuild()}), and checked at every start — an
 * index that does not hold exactly the recommendations of the database (a new index directory, a
 * database restored from a backup, a crash between a commit and its indexing) is rebuilt before the
 * application serves its first page.
 */
@Component
public class SearchIndex {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  private final EntityManagerFactory entityManagerFactory;
  private final boolean rebuildAtStart;

  SearchIndex(
      EntityManagerFactory entityManagerFactory,
      @Value("${coopera.search.rebuild:false}") boolean rebuildAtStart,
      @Value("${coopera.restore.from:}") String restoredFrom) {
    this.entityManagerFactory = entityManagerFactory;
    // a database restored at this start (org.coopera.platform.backup) may hold as many
    // recommendations as an old index, but not the same: rebuild
    this.rebuildAtStart = rebuildAtStart || !restoredFrom.isBlank();
  }

  /** Checks the index against the database, rebuilding it when asked or when they differ. */
  public void checkAtStart() {
    long inDatabase;
    long inIndex;
    EntityManager em = entityManagerFactory.createEntityManager();
    try {
      inDatabase =
          em.createQuery("select count(r) from Recommendation r", Long.class).getSingleResult();
      inIndex =
          Search.session(em)
              .search(Recommendation.class)
              .where(f -> f.matchAll())
              .fetchTotalHitCount();
    } finally {
      em.close();
    }
    if (rebuildAtStart) {
      log.info("Rebuilding the search index as asked (coopera.search.rebuild=true, or a restore)");
      rebuild();
    } else if (inDatabase != inIndex) {
      log.warn(
          "The search index holds {} recommendations, the database {}: rebuilding the index",
          inIndex,
          inDatabase);
      rebuild();
    }
  }

  /** Rebuilds the whole index from the database, and answers how long it took in milliseconds. */
  public long rebuild() {
    long start = System.nanoTime();
    EntityManager em = entityManagerFactory.createEntityManager();
    try {
      Search.session(em)
          .massIndexer(Recommendation.class)
          .threadsToLoadObjects(2)
          .batchSizeToLoadObjects(500)
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the search index", e);
    } finally {
      em.close();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.info("Search index rebuilt in {} ms", millis);
    return millis;
  }
}
