package org.coopera.bench;

import static org.coopera.bench.BenchSupport.print;
import static org.coopera.bench.BenchSupport.seconds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.importing.FileProblem;
import org.coopera.recommendations.importing.ImportFiles;
import org.coopera.recommendations.importing.ImportFormat;
import org.coopera.recommendations.importing.ImportReport;
import org.coopera.recommendations.importing.ImportService;
import org.coopera.recommendations.importing.ParsedFile;
import org.coopera.recommendations.importing.SourceRow;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports the UPR Info database export of sessions 1–13 (three CSV files, the legacy XLS of
 * sessions 1–5, the voluntary pledges) through {@link ImportService}, as an administrator would:
 * each file validated, the State names it asks about mapped to the closest State (printed, for a
 * person to judge), then applied. Prints what each file gave, the rows per session, the cycle-1
 * totals by response against the figures of the folder's {@code SOURCE.md}, and what the database
 * holds; the XLS after the CSV and a CSV a second time must create nothing, and the pledges must be
 * refused.
 *
 * <p>The export is not the project's to ship: the folder is given by {@code
 * -Dcoopera.bench.upr-info=/path}, and without it the benchmark is skipped. Run by {@code mvn
 * -Pbench verify}.
 */
// The application as the ITs start it, with Hibernate's statistics off as in production, and
// closed after the class so that each benchmark starts from the demo data alone.
@CooperaIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UprInfoImportBenchmark {

  private static final String FOLDER = "coopera.bench.upr-info";
  private static final List<String> CSVS =
      List.of("upr-info-1-5.csv", "upr-info-6-9.csv", "upr-info-10-13.csv");
  private static final String XLS = "original-xls/upr-info-1-5.xls";
  private static final String PLEDGES = "upr-info-voluntary.csv";
  private static final Map<String, String> EARLIER =
      Map.of(
          "upr-info-1-5.csv", "6,094 read, 5,626 created, 468 merged, 0 duplicates",
          "upr-info-6-9.csv", "8,343 read, 8,176 created, 166 merged, 1 duplicate",
          "upr-info-10-13.csv", "9,047 read, 8,892 created, 154 merged, 1 duplicate");
  private static final int CYCLE_1_ACCEPTED = 15_636;
  private static final int CYCLE_1_NOTED = 5_720;
  private static final int LAST_SESSION_OF_CYCLE_1 = 12;

  private static Path folder;

  @Autowired ImportService imports;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired MessageSource messages;

  private final SoftAssertions softly = new SoftAssertions();
  private final Map<String, Integer> cycle1 = new TreeMap<>();
  private final List<UUID> applied = new ArrayList<>();
  private CooperaUser admin;

  /** Before Spring starts, so that a skipped run costs nothing. */
  @BeforeAll
  static void folderGiven() {
    String given = System.getProperty(FOLDER, "");
    String reason =
        given.isBlank()
            ? "UprInfoImportBenchmark skipped: no -D" + FOLDER + "=/path/to/upr-info given"
            : "UprInfoImportBenchmark skipped: " + given + " holds no " + CSVS.get(0);
    boolean present = !given.isBlank() && Files.isRegularFile(Path.of(given, CSVS.get(0)));
    if (!present) {
      print("%s", reason);
    }
    Assumptions.assumeTrue(present, reason);
    folder = Path.of(given);
  }

  @AfterEach
  void signOut() {
    BenchSupport.signOut();
  }

  @Test
  void theUprInfoExportIsImportedFileByFile() throws IOException {
    admin = (CooperaUser) users.loadUserByUsername(DemoLogins.ADMIN);
    BenchSupport.signIn(admin);
    BenchSupport.printMachine(jdbc);
    print("UPR Info export from %s", folder);

    for (String csv : CSVS) {
      importFile(csv);
    }
    printCycle1();
    printDatabase();

    recheck(XLS, "the XLS of sessions 1–5 after its CSV");
    recheck(CSVS.get(0), "the CSV of sessions 1–5 a second time");
    pledges();
    softly.assertAll();
  }

  private void importFile(String name) throws IOException {
    byte[] content = Files.readAllBytes(folder.resolve(name));
    long start = System.nanoTime();
    ImportReport report = imports.validate(name, content, null, admin);
    long validating = System.nanoTime() - start;
    if (report.unknownNames().isEmpty()) {
      print("%s: no name mapping asked for", name);
    }
    for (var unknown : report.unknownNames().entrySet()) {
      if (unknown.getValue().isEmpty()) {
        print(
            "%s: %s matches no State and has no close one; left unmapped", name, unknown.getKey());
        continue;
      }
      var chosen = unknown.getValue().get(0);
      print(
          "%s: name mapping asked for %s; mapped to %s (%s); candidates %s",
          name, unknown.getKey(), chosen.iso3(), chosen.name(), unknown.getValue());
      report = imports.mapName(report.id(), unknown.getKey(), chosen.iso3(), admin);
    }
    if (report.status() != ImportReport.Status.VALID) {
      print(
          "%s: %s, %d problems: %s",
          name, report.status(), report.problems().size(), first(report));
      softly.fail("%s is not valid: %s", name, first(report));
      return;
    }
    start = System.nanoTime();
    ImportReport done = imports.apply(report.id(), admin, n -> {});
    long applying = System.nanoTime() - start;
    applied.add(done.id());
    print(
        "%s (%s): %,d rows read, %,d recommendations created, %,d merged, %,d duplicates; %,d"
            + " notes %s; validate %s, apply %s",
        name,
        done.format().apiName(),
        done.rowsRead(),
        done.created(),
        done.merged(),
        done.duplicates(),
        done.notes().size(),
        countByKey(done.notes()),
        seconds(validating),
        seconds(applying));
    print("%s earlier: %s", name, EARLIER.get(name));
    sessions(name, content);
  }

  private void sessions(String name, byte[] content) {
    ParsedFile parsed = new ImportFiles().read(name, content, ImportFormat.UPR_INFO);
    Map<Integer, Integer> perSession = new TreeMap<>();
    for (SourceRow row : parsed.rows()) {
      int session =
          row.session() != null && row.session().matches("\\d+")
              ? Integer.parseInt(row.session())
              : -1;
      perSession.merge(session, 1, Integer::sum);
      if (session <= LAST_SESSION_OF_CYCLE_1) {
        cycle1.merge(row.response(), 1, Integer::sum);
      }
    }
    print("%s rows per session: %s", name, perSession);
  }

  private void printCycle1() {
    int total = cycle1.values().stream().mapToInt(Integer::intValue).sum();
    print(
        "cycle 1 (sessions 1–%d), rows by response as written: %s, %,d in all; SOURCE.md: %,d"
            + " Accepted + %,d Noted = %,d",
        LAST_SESSION_OF_CYCLE_1,
        cycle1,
        total,
        CYCLE_1_ACCEPTED,
        CYCLE_1_NOTED,
        CYCLE_1_ACCEPTED + CYCLE_1_NOTED);
    softly
        .assertThat(cycle1.getOrDefault("Accepted", 0))
        .as("cycle 1 Accepted rows")
        .isEqualTo(CYCLE_1_ACCEPTED);
    softly
        .assertThat(cycle1.getOrDefault("Noted", 0))
        .as("cycle 1 Noted rows")
        .isEqualTo(CYCLE_1_NOTED);
  }

  private void printDatabase() {
    String imported =
        applied.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
    Map<String, Long> byResponse = new TreeMap<>();
    jdbc.sql(
            "select 'cycle ' || upr_cycle || ' ' || response, count(*) from recommendation"
                + " where import_id in "
                + imported
                + " group by 1")
        .query((rs, n) -> byResponse.put(rs.getString(1), rs.getLong(2)))
        .list();
    long recommending =
        jdbc.sql(
                "select count(*) from recommendation_recommending_state s join recommendation r"
                    + " on r.id = s.recommendation_id where r.import_id in "
                    + imported)
            .query(Long.class)
            .single();
    print(
        "in the database, recommendations of these imports by cycle and response: %s, %,d in all;"
            + " %,d recommending-State links",
        byResponse, byResponse.values().stream().mapToLong(Long::longValue).sum(), recommending);
  }

  private void recheck(String name, String what) throws IOException {
    Path path = folder.resolve(name);
    if (!Files.isRegularFile(path)) {
      print("%s: %s absent, not checked", what, name);
      return;
    }
    long start = System.nanoTime();
    ImportReport report = imports.validate(name, Files.readAllBytes(path), null, admin);
    print(
        "%s: %s, %,d rows read, %,d to create, %,d merged, %,d duplicates, %d problems (%s)",
        what,
        report.status(),
        report.rowsRead(),
        report.toCreate(),
        report.merged(),
        report.duplicates(),
        report.problems().size(),
        seconds(System.nanoTime() - start));
    softly.assertThat(report.problems()).as(what + ": problems").isEmpty();
    softly.assertThat(report.toCreate()).as(what + ": to create").isZero();
  }

  private void pledges() throws IOException {
    Path path = folder.resolve(PLEDGES);
    if (!Files.isRegularFile(path)) {
      print("voluntary pledges: %s absent, not checked", PLEDGES);
      return;
    }
    ImportReport report = imports.validate(PLEDGES, Files.readAllBytes(path), null, admin);
    print(
        "voluntary pledges (%s): %s, %,d rows read, %,d to create, %,d problems %s; the first: %s",
        PLEDGES,
        report.status(),
        report.rowsRead(),
        report.toCreate(),
        report.problems().size(),
        countByKey(report.problems()),
        first(report));
    softly.assertThat(report.status()).as("pledges").isEqualTo(ImportReport.Status.INVALID);
    softly
        .assertThat(report.problems())
        .as("pledges: refused as pledges")
        .extracting(FileProblem::messageKey)
        .contains("import.row.pledge");
  }

  private static Map<String, Long> countByKey(List<FileProblem> problems) {
    return problems.stream()
        .collect(
            Collectors.groupingBy(FileProblem::messageKey, TreeMap::new, Collectors.counting()));
  }

  /** The first problems of a report, as a person reads them in English. */
  private List<String> first(ImportReport report) {
    return report.problems().stream()
        .limit(3)
        .map(
            p ->
                "row "
                    + p.row()
                    + ": "
                    + messages.getMessage(p.messageKey(), p.arguments().toArray(), Locale.ENGLISH))
        .toList();
  }
}
