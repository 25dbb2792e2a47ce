package org.coopera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopera.bench.BenchSupport.perSecond;
import static org.coopera.bench.BenchSupport.print;
import static org.coopera.bench.BenchSupport.seconds;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.importing.ImportFiles;
import org.coopera.recommendations.importing.ImportFormat;
import org.coopera.recommendations.importing.ImportReport;
import org.coopera.recommendations.importing.ImportService;
import org.coopera.recommendations.importing.ParsedFile;
import org.coopera.recommendations.internal.Recommendation;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports a generated Coopera-template file of {@code coopera.bench.import-rows} rows (25,000 by
 * default) as an administrator: reading alone, validation (the whole check that produces the
 * report; {@code coopera.bench.runs} times, 5 by default, after a first cold run), applying (with
 * the audit trail and the search index, as the application does), and validating the file again,
 * which must find nothing to create. The baseline, measured in the same run: the rows the import
 * wrote, copied again into the same tables with PostgreSQL's {@code COPY}, audit triggers off and
 * then on ({@link CopyBaseline}). Run by {@code mvn -Pbench verify}.
 */
// The application as the ITs start it, with Hibernate's statistics off as in production, and
// closed after the class so that each benchmark starts from the demo data alone.
@CooperaIntegrationTest
@TestPropertySource(
    properties = {
      "spring.jpa.properties.hibernate.generate_statistics=false",
      "logging.level.org.coopera.recommendations.internal.RecommendationRegistry=DEBUG"
    })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportBenchmark {

  private static final int RUNS = Integer.getInteger("coopera.bench.runs", 5);
  private static final int WARM_UPS = Integer.getInteger("coopera.bench.import-warm-ups", 1);
  private static final long SEED = 20261128L;

  @Autowired ImportService imports;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired EntityManagerFactory entityManagerFactory;

  @AfterEach
  void signOut() {
    BenchSupport.signOut();
  }

  @Test
  void aTemplateFileIsValidatedAndAppliedAndComparedWithCopy() throws Exception {
    int rows = Integer.getInteger("coopera.bench.import-rows", 25_000);
    long seed = Long.getLong("coopera.bench.seed", SEED);
    CooperaUser admin = (CooperaUser) users.loadUserByUsername(DemoLogins.ADMIN);
    BenchSupport.signIn(admin);
    BenchSupport.printMachine(jdbc);

    for (int i = 1; i <= WARM_UPS; i++) {
      warmUp(rows, seed + i, admin);
    }

    long start = System.nanoTime();
    byte[] file = TemplateFile.generate(rows, seed);
    print(
        "template file: %,d rows, %,d bytes, seed %d, generated in %s",
        rows, file.length, seed, seconds(System.nanoTime() - start));
    String name = "bench-" + rows + ".csv";

    Runs reading = new Runs();
    ParsedFile parsed = null;
    for (int i = 0; i <= RUNS; i++) {
      reading.start();
      parsed = new ImportFiles().read(name, file, ImportFormat.COOPERA);
      reading.stop();
    }
    assertThat(parsed.rows()).hasSize(rows);
    reading.print("read (ImportFiles.read, no checks)", rows);

    Runs validating = new Runs();
    ImportReport report = null;
    for (int i = 0; i <= RUNS; i++) {
      validating.start();
      report = imports.validate(name, file, ImportFormat.COOPERA, admin);
      validating.stop();
    }
    assertThat(report.problems()).as("problems of the generated file").isEmpty();
    assertThat(report.status()).isEqualTo(ImportReport.Status.VALID);
    validating.print("validate (ImportService.validate)", rows);
    print(
        "report: %,d rows read, %,d to create, %,d merged, %,d duplicates, %,d notes",
        report.rowsRead(),
        report.toCreate(),
        report.merged(),
        report.duplicates(),
        report.notes().size());

    apply(report, admin, rows);

    start = System.nanoTime();
    ImportReport again = imports.validate(name, file, ImportFormat.COOPERA, admin);
    print(
        "validate again after apply: %s, %,d to create, %,d duplicates",
        seconds(System.nanoTime() - start), again.toCreate(), again.duplicates());
    assertThat(again.toCreate()).as("nothing left to create").isZero();
    assertThat(again.duplicates()).isEqualTo(report.toCreate() + report.duplicates());

    for (boolean audited : new boolean[] {false, true}) {
      CopyBaseline.Result copy =
          CopyBaseline.copy(
              dataSource, jdbc, report.id(), audited ? "COPY-AUDITED" : "COPY", audited);
      print(
          "baseline COPY, audit triggers %s: CPU used by PostgreSQL %s",
          audited ? "on " : "off", seconds(copy.databaseCpuNanos()));
      print(
          "baseline COPY, audit triggers %s: %,d recommendations (%,d rows in 4 tables) in %s,"
              + " %s recommendations, %s rows; %,d audit entries %s",
          audited ? "on " : "off",
          copy.recommendations(),
          copy.total(),
          seconds(copy.nanos()),
          perSecond(copy.recommendations(), copy.nanos()),
          perSecond(copy.total(), copy.nanos()),
          copy.auditEntries(),
          copy.rows());
      assertThat(copy.recommendations()).isEqualTo(report.toCreate());
      assertThat(copy.auditEntries()).isEqualTo(audited ? copy.total() : 0);
    }
  }

  /**
   * An import of another generated file (its own seed), validated and applied before anything is
   * measured: the measured apply then runs on compiled code, as in a server that has imported
   * before. Its time is printed as the cold apply.
   */
  private void warmUp(int rows, long seed, CooperaUser admin) {
    byte[] file = TemplateFile.generate(rows, seed);
    ImportReport report =
        imports.validate("warm-up-" + seed + ".csv", file, ImportFormat.COOPERA, admin);
    assertThat(report.status()).isEqualTo(ImportReport.Status.VALID);
    long start = System.nanoTime();
    ImportReport applied = imports.apply(report.id(), admin, done -> {});
    long nanos = System.nanoTime() - start;
    print(
        "warm-up import (seed %d), cold: %,d recommendations created in %s: %s recommendations,"
            + " %s source rows",
        seed,
        applied.created(),
        seconds(nanos),
        perSecond(applied.created(), nanos),
        perSecond(rows, nanos));
  }

  private void apply(ImportReport report, CooperaUser admin, int rows) {
    long auditBefore = BenchSupport.auditEntries(jdbc);
    long lastEntry = BenchSupport.lastAuditEntry(jdbc);
    BenchSupport.startFunctionTiming(jdbc);
    AtomicInteger calls = new AtomicInteger();
    AtomicLong first = new AtomicLong(-1);
    AtomicLong last = new AtomicLong(-1);
    long databaseCpu = BenchSupport.databaseCpuNanos(jdbc);
    long jvmCpu = BenchSupport.jvmCpuNanos();
    long start = System.nanoTime();
    ImportReport applied =
        imports.apply(
            report.id(),
            admin,
            done -> {
              calls.incrementAndGet();
              first.compareAndSet(-1, System.nanoTime() - start);
              last.set(System.nanoTime() - start);
            });
    long nanos = System.nanoTime() - start;
    databaseCpu = BenchSupport.databaseCpuNanos(jdbc) - databaseCpu;
    jvmCpu = BenchSupport.jvmCpuNanos() - jvmCpu;
    print(
        "apply, CPU used: PostgreSQL %s, this JVM %s (all its threads)",
        seconds(databaseCpu), seconds(jvmCpu));
    print("apply, time in PL/pgSQL functions (triggers): %s", BenchSupport.functionTimes(jdbc));
    long indexed = searchable(applied.id());
    long inDatabase =
        jdbc.sql("select count(*) from recommendation where import_id = ?")
            .param(applied.id())
            .query(Long.class)
            .single();
    long audited = BenchSupport.auditEntries(jdbc) - auditBefore;
    assertThat(applied.status()).isEqualTo(ImportReport.Status.APPLIED);
    assertThat(applied.created()).isEqualTo(report.toCreate());
    print(
        "apply (ImportService.apply): %,d recommendations created in %s: %s recommendations, %s"
            + " source rows",
        applied.created(),
        seconds(nanos),
        perSecond(applied.created(), nanos),
        perSecond(rows, nanos));
    print(
        "apply progress: %d callback calls, the first after %s (the kept file is checked again"
            + " before anything is written), the last after %s (then the commit, and the search"
            + " index written and committed: %s)",
        calls.get(), seconds(first.get()), seconds(last.get()), seconds(nanos - last.get()));
    print(
        "searchable when apply returned: %,d of the import's %,d recommendations found in the"
            + " index",
        indexed, inDatabase);
    assertThat(indexed)
        .as("every recommendation searchable when apply returns")
        .isEqualTo(inDatabase);
    print(
        "apply audit trail: %,d entries before, %,d after (+%,d): %s",
        auditBefore,
        auditBefore + audited,
        audited,
        BenchSupport.auditEntriesSince(jdbc, lastEntry));
    Map<String, Long> records = BenchSupport.auditRecordsSince(jdbc, lastEntry);
    print("apply audit trail read one record at a time (audit_record): %s", records);
    assertThat(records.values().stream().mapToLong(Long::longValue).sum() - 2)
        .as("one audited record per row written")
        .isEqualTo(
            jdbc.sql(
                    "select (select count(*) from recommendation r where r.import_id = :id)"
                        + " + (select count(*) from recommendation_text t join recommendation r"
                        + " on r.id = t.recommendation_id where r.import_id = :id)"
                        + " + (select count(*) from recommendation_recommending_state s join"
                        + " recommendation r on r.id = s.recommendation_id where r.import_id = :id)"
                        + " + (select count(*) from recommendation_tag g join recommendation r"
                        + " on r.id = g.recommendation_id where r.import_id = :id)")
                .param("id", applied.id())
                .query(Long.class)
                .single());
  }

  /** The import's recommendations the search index holds, asked right after apply returned. */
  private long searchable(java.util.UUID importId) {
    EntityManager em = entityManagerFactory.createEntityManager();
    try {
      List<String> codes =
          jdbc.sql("select code from recommendation where import_id = ?")
              .param(importId)
              .query(String.class)
              .list();
      long found = 0;
      for (int i = 0; i < codes.size(); i += 1000) {
        List<String> slice = codes.subList(i, Math.min(codes.size(), i + 1000));
        found +=
            Search.session(em)
                .search(Recommendation.class)
                .where(f -> f.terms().field("code").matchingAny(slice))
                .fetchTotalHitCount();
      }
      return found;
    } finally {
      em.close();
    }
  }

  /**
   * Timed runs of one step, the first (cold) apart: wall-clock time, and the CPU time of this
   * thread, which other processes on the machine disturb less (the database's own work is not in
   * it).
   */
  private static final class Runs {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> runs = new ArrayList<>();
    private long wall;
    private long cpu;

    void start() {
      wall = System.nanoTime();
      cpu = threads.getCurrentThreadCpuTime();
    }

    void stop() {
      runs.add(new long[] {System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu});
    }

    void print(String what, int rows) {
      long[] wallTimes = warm(0);
      long[] cpuTimes = warm(1);
      long median = wallTimes[wallTimes.length / 2];
      BenchSupport.print(
          "%s: first %s; then median %s, best %s of %d runs: %s rows; CPU of this thread median"
              + " %s, best %s",
          what,
          seconds(runs.get(0)[0]),
          seconds(median),
          seconds(wallTimes[0]),
          wallTimes.length,
          perSecond(rows, median),
          seconds(cpuTimes[cpuTimes.length / 2]),
          seconds(cpuTimes[0]));
    }

    private long[] warm(int which) {
      return runs.stream().skip(1).mapToLong(r -> r[which]).sorted().toArray();
    }
  }
}
