package org.coopera.recommendations.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.coopera.reference.ReferenceData;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creates recommendations and reads them one at a time. */
@Service
@Transactional
public class RecommendationRegistry {

  private static final Logger log = LoggerFactory.getLogger(RecommendationRegistry.class);
  private static final int BATCH = 2500;
  // Compiled once: a code is made for every recommendation of an import.
  private static final Pattern NOT_IN_CODE = Pattern.compile("[^A-Za-z0-9.]+");
  private static final Pattern DASHES = Pattern.compile("-+");

  private final RecommendationRepository recommendations;
  private final ReferenceData reference;
  private final EntityManager entityManager;
  private final EntityManagerFactory entityManagerFactory;
  private final Clock clock;

  RecommendationRegistry(
      RecommendationRepository recommendations,
      ReferenceData reference,
      EntityManager entityManager,
      EntityManagerFactory entityManagerFactory,
      Clock clock) {
    this.recommendations = recommendations;
    this.reference = reference;
    this.entityManager = entityManager;
    this.entityManagerFactory = entityManagerFactory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Recommendation> find(String code) {
    return recommendations.findByCode(code);
  }

  /** One recommendation with all it holds, for its page. */
  @Transactional(readOnly = true)
  public Optional<RecommendationDetail> detail(String code) {
    return recommendations
        .findByCode(code)
        .map(
            r ->
                RecommendationDetail.of(
                    r,
                    r.clusterId() == null ? 0 : recommendations.countByClusterId(r.clusterId())));
  }

  /** Which of these content keys the registry already holds. */
  @Transactional(readOnly = true)
  public Set<String> existing(Set<String> contentKeys) {
    return present("content_key", contentKeys);
  }

  /**
   * The values of {@code column} (a unique text column of the recommendation table) the registry
   * holds among {@code values}: one statement with the values as one array parameter, where a JPA
   * query with an {@code in} list binds each value on its own and is planned again for each size
   * (an import asks for 24,000 content keys and as many codes).
   */
  private Set<String> present(String column, Collection<String> values) {
    if (values.isEmpty()) {
      return Set.of();
    }
    Session session = entityManager.unwrap(Session.class);
    if (session.getHibernateFlushMode() != FlushMode.MANUAL) {
      session.flush();
    }
    return session.doReturningWork(
        connection -> {
          Set<String> found = new HashSet<>();
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "select " + column + " from recommendation where " + column + " = any(?)")) {
            statement.setArray(1, connection.createArrayOf("text", values.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                found.add(rows.getString(1));
              }
            }
          }
          return found;
        });
  }

  /**
   * Creates the drafts whose content key the registry does not hold yet, all in the caller's
   * transaction, and answers how many it created. {@code progress} hears the number done so far,
   * after each batch. The rows are written with {@code COPY} ({@link RecommendationCopy}); the
   * documents of each batch are written to the search index by another thread while the next batch
   * is copied ({@link IndexWhileWriting}): they are in the index, committed, before the transaction
   * commits, and purged from it if the transaction rolls back. Their tags are counted once, after
   * the last batch (migration V29), not after each {@code COPY}.
   */
  public int createAll(List<RecommendationDraft> drafts, IntConsumer progress) {
    Map<String, RecommendationDraft> fresh = new LinkedHashMap<>();
    drafts.forEach(d -> fresh.putIfAbsent(d.contentKey(), d));
    existing(fresh.keySet()).forEach(fresh::remove);
    Map<String, String> regions = new java.util.HashMap<>();
    Set<String> codes = new HashSet<>();
    Instant now = clock.instant();
    entityManager.flush();
    Session session = entityManager.unwrap(Session.class);
    IndexWhileWriting indexing = new IndexWhileWriting(entityManagerFactory);
    TransactionSynchronizationManager.registerSynchronization(indexing);
    session.doWork(RecommendationCopy::deferTagCounts);
    List<UUID> createdIds = new ArrayList<>(fresh.size());
    int done = 0;
    long[] nanos = new long[4];
    long[] tableNanos = new long[4];
    List<RecommendationDraft> batch = new ArrayList<>(fresh.values());
    for (int from = 0; from < batch.size(); from += BATCH) {
      List<RecommendationDraft> slice = batch.subList(from, Math.min(batch.size(), from + BATCH));
      long start = System.nanoTime();
      Map<RecommendationDraft, String> wanted = new LinkedHashMap<>();
      for (RecommendationDraft draft : slice) {
        wanted.put(draft, baseCode(draft));
      }
      Set<String> taken = new HashSet<>(present("code", new HashSet<>(wanted.values())));
      taken.addAll(codes);
      List<Recommendation> created = new ArrayList<>(slice.size());
      for (var entry : wanted.entrySet()) {
        RecommendationDraft draft = entry.getKey();
        String code = unique(entry.getValue(), taken, draft.stateIso3());
        taken.add(code);
        codes.add(code);
        String region =
            regions.computeIfAbsent(
                draft.stateIso3(), iso3 -> reference.findState(iso3).orElseThrow().regionCode());
        created.add(new Recommendation(draft, code, region, now));
      }
      long copying = System.nanoTime();
      session.doWork(connection -> RecommendationCopy.write(connection, created, tableNanos));
      long indexed = System.nanoTime();
      indexing.add(created);
      created.forEach(r -> createdIds.add(r.id()));
      nanos[0] += copying - start;
      nanos[1] += indexed - copying;
      nanos[2] += System.nanoTime() - indexed;
      done += slice.size();
      progress.accept(done);
    }
    long counting = System.nanoTime();
    session.doWork(connection -> RecommendationCopy.countTags(connection, createdIds));
    nanos[3] = System.nanoTime() - counting;
    log.debug(
        "{} recommendations written: codes {} ms, COPY and audit {} ms (recommendation {} ms,"
            + " text {} ms, recommending State {} ms, tag {} ms), documents handed to the index {} ms,"
            + " tags counted {} ms",
        done,
        nanos[0] / 1_000_000,
        nanos[1] / 1_000_000,
        tableNanos[0] / 1_000_000,
        tableNanos[1] / 1_000_000,
        tableNanos[2] / 1_000_000,
        tableNanos[3] / 1_000_000,
        nanos[2] / 1_000_000,
        nanos[3] / 1_000_000);
    return done;
  }

  /**
   * A readable, stable identifier: mechanism, State, session or year, and the paragraph when the
   * source numbers its recommendations ({@code UPR-CHN-S17-186.1}), else the start of the content
   * key ({@code UPR-LSO-S8-3f9a0c12}).
   */
  static String baseCode(RecommendationDraft draft) {
    String where =
        draft.uprSession() != null ? "S" + draft.uprSession() : String.valueOf(draft.year());
    String tail =
        draft.paragraph() != null && !draft.paragraph().isBlank()
            ? NOT_IN_CODE.matcher(draft.paragraph().strip()).replaceAll("-")
            : draft.contentKey().substring(0, 8);
    return DASHES
        .matcher(
            (draft.mechanismCode() + "-" + draft.stateIso3() + "-" + where + "-" + tail)
                .toUpperCase(Locale.ROOT))
        .replaceAll("-");
  }

  private static String unique(String base, Set<String> taken, String iso3) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String candidate = base + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
