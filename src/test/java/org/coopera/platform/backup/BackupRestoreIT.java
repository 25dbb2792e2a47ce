package org.coopera.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.coopera.CooperaApplication;
import org.coopera.platform.StartupProblem;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup of the demo database (the shared test context's, with its stored files), restored into a
 * fresh embedded database through {@code --coopera.restore.from}: every table holds the same rows
 * and every sequence stands where it stood (compared with SQL of the test's own, not only the
 * manifest), a stored file's bytes are identical, and the restored Coopera serves them (search,
 * sign-in). A restore into a database that is not empty, and of a truncated, damaged or altered
 * archive, is refused with one sentence and changes nothing.
 */
@CooperaIntegrationTest
class BackupRestoreIT {

  @Autowired DatabaseBackup backup;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aBackupRestoredIntoAFreshDatabaseHoldsTheSameRowsAndServesThem() throws Exception {
    Path archive = temp.resolve("coopera.zip");
    Map<String, String> source = backUpQuietly(archive);
    assertThat(Files.getPosixFilePermissions(archive))
        .as("it holds password hashes and second-factor secrets")
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(temp.resolve("coopera.zip.partial")).doesNotExist();
    UUID file =
        jdbc.sql("select file_id from stored_file_content order by length(content) desc limit 1")
            .query(UUID.class)
            .single();
    byte[] content = content(jdbc, file);
    Sample sample =
        jdbc.sql(
                "select r.code, r.state_iso3, t.text from recommendation r join recommendation_text"
                    + " t on t.recommendation_id = r.id order by r.code limit 1")
            .query((rs, n) -> new Sample(rs.getString(1), rs.getString(2), rs.getString(3)))
            .single();

    Path data = temp.resolve("restored");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext restored = start(data, archive)) {
      System.out.printf(
          "Restored %s and started in %d ms%n", archive, (System.nanoTime() - started) / 1_000_000);
      Map<String, String> copy = TableDigests.of(restored.getBean(DataSource.class));
      assertThat(copy).hasSize(source.size()).containsExactlyEntriesOf(source);
      JdbcClient restoredJdbc = restored.getBean(JdbcClient.class);
      assertThat(content(restoredJdbc, file)).isEqualTo(content);
      assertThat(
              restoredJdbc
                  .sql(
                      "select version from flyway_schema_history order by installed_rank desc"
                          + " limit 1")
                  .query(String.class)
                  .single())
          .isEqualTo(
              jdbc.sql(
                      "select version from flyway_schema_history order by installed_rank"
                          + " desc limit 1")
                  .query(String.class)
                  .single());

      int port = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
      String words = String.join(" ", Arrays.asList(sample.text().split("\\s+")).subList(0, 4));
      HttpResponse<String> found =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + port
                              + "/api/v1/recommendations?size=500&state="
                              + sample.state()
                              + "&q="
                              + URLEncoder.encode("\"" + words + "\"", StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(found.statusCode()).isEqualTo(200);
      assertThat(found.body()).as("the rebuilt search index finds it").contains(sample.code());
      HttpBrowser browser = new HttpBrowser(port);
      assertThat(
              HttpBrowser.location(browser.signIn(DemoLogins.FOCAL_POINT_PRY, DemoLogins.PASSWORD)))
          .doesNotContain("/login");
      HttpResponse<String> profile = browser.get("/profile");
      assertThat(profile.statusCode()).isEqualTo(200);
      assertThat(profile.body()).contains(DemoLogins.FOCAL_POINT_PRY);
    }

    Map<String, String> before = digestsOf(data);
    assertThat(refusal(data, archive))
        .startsWith("The database is not empty")
        .contains("nothing was changed");
    assertThat(digestsOf(data)).as("the refused restore changed nothing").isEqualTo(before);

    // the backup command as an operator runs it, in a JVM of its own that stops when done, on the
    // restored database: the rows it backs up are the original's
    Path backups = Files.createDirectory(temp.resolve("backups"));
    Path log = temp.resolve("backup-command.log");
    Process command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CooperaApplication.class.getName(),
                "--spring.datasource.url=",
                "--spring.main.banner-mode=off",
                "--coopera.demo=true",
                "--coopera.database.data-directory=" + data,
                "--coopera.search.index-directory=" + data.resolveSibling("restored-index"),
                "--coopera.backup.to=" + backups)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(command.waitFor(5, TimeUnit.MINUTES)).as("the command stops").isTrue();
    assertThat(command.exitValue()).as("exit status (see %s)", log).isZero();
    List<Path> written;
    try (Stream<Path> files = Files.list(backups)) {
      written = files.toList();
    }
    assertThat(written).hasSize(1);
    assertThat(written.get(0).getFileName().toString())
        .matches("coopera-backup-\\d{8}-\\d{6}Z\\.zip");
    Manifest first;
    Manifest again;
    try (BackupArchive one = BackupArchive.open(archive);
        BackupArchive two = BackupArchive.open(written.get(0))) {
      first = one.manifest();
      again = two.manifest();
    }
    assertThat(again.schemaVersion()).isEqualTo(first.schemaVersion());
    for (String table :
        List.of("recommendation", "recommendation_text", "stored_file", "stored_file_content")) {
      assertThat(entry(again, table)).as(table).isEqualTo(entry(first, table));
    }
  }

  private static Manifest.TableEntry entry(Manifest manifest, String table) {
    return manifest.tables().stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
  }

  @Test
  void aTruncatedDamagedOrAlteredArchiveIsRefusedAndLeavesTheDatabaseEmpty() throws Exception {
    Path archive = temp.resolve("coopera.zip");
    backUpQuietly(archive);

    Path truncated = temp.resolve("truncated.zip");
    byte[] whole = Files.readAllBytes(archive);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    Path fresh = temp.resolve("fresh-1");
    assertThat(refusal(fresh, truncated)).contains("cannot be read as a zip file");
    assertThat(TableDigests.objectsIn(fresh)).isZero();

    Path damaged =
        rewritten(
            archive,
            "tables/state.copy",
            rows ->
                new String(rows, StandardCharsets.UTF_8)
                    .replace("Paraguay", "Paraguax")
                    .getBytes(StandardCharsets.UTF_8));
    fresh = temp.resolve("fresh-2");
    assertThat(refusal(fresh, damaged))
        .contains("is damaged: the rows of table state do not match their checksum");
    assertThat(TableDigests.objectsIn(fresh)).isZero();

    // the archive is whole, but what the database holds once loaded differs from its manifest:
    // the load is rolled back after the migrations ran, and the database emptied again
    Path altered =
        rewritten(
            archive,
            Manifest.ENTRY,
            json ->
                new String(json, StandardCharsets.UTF_8)
                    .replaceFirst(
                        "(\"name\" : \"state\",\\s*\"columns\" : \\[[^]]*],\\s*\"rows\" : )195",
                        "$1196")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(new String(entry(altered, Manifest.ENTRY), StandardCharsets.UTF_8))
        .contains("\"rows\" : 196");
    fresh = temp.resolve("fresh-3");
    assertThat(refusal(fresh, altered))
        .isEqualTo(
            "The restored table state does not match the backup (195 rows where the backup has"
                + " 196): the restore was rolled back.");
    assertThat(TableDigests.objectsIn(fresh)).isZero();
  }

  private record Sample(String code, String state, String text) {}

  /**
   * Backs up the shared database between two identical readings of it, so that nothing (a scheduled
   * clean-up, say) wrote to it meanwhile; answers that reading.
   */
  private Map<String, String> backUpQuietly(Path archive) throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      Files.deleteIfExists(archive);
      Map<String, String> before = TableDigests.of(dataSource);
      long started = System.nanoTime();
      Manifest manifest = backup.writeTo(archive);
      System.out.printf(
          "Backup of %d rows in %d tables: %d bytes in %d ms%n",
          manifest.totalRows(),
          manifest.tables().size(),
          Files.size(archive),
          (System.nanoTime() - started) / 1_000_000);
      if (TableDigests.of(dataSource).equals(before)) {
        return before;
      }
    }
    throw new AssertionError("The shared database kept changing during the backup");
  }

  private static byte[] content(JdbcClient jdbc, UUID file) {
    return jdbc.sql("select content from stored_file_content where file_id = ?")
        .param(file)
        .query(byte[].class)
        .single();
  }

  private ConfigurableApplicationContext start(Path data, Path archive) {
    return new SpringApplicationBuilder(CooperaApplication.class)
        .run(
            "--spring.datasource.url=",
            "--spring.main.banner-mode=off",
            "--server.port=0",
            "--coopera.demo=true",
            "--coopera.database.data-directory=" + data,
            "--coopera.search.index-directory="
                + data.resolveSibling(data.getFileName() + "-index"),
            "--coopera.restore.from=" + archive);
  }

  /** Starts Coopera to restore {@code archive}, which must refuse; answers the refusal. */
  private String refusal(Path data, Path archive) {
    Throwable thrown = catchThrowable(() -> start(data, archive).close());
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof StartupProblem problem) {
        return problem.getMessage();
      }
    }
    throw new AssertionError("The restore was not refused", thrown);
  }

  /** The digests of the embedded database in {@code data}, started without Coopera. */
  private static Map<String, String> digestsOf(Path data) throws Exception {
    String password =
        Files.readString(data.resolveSibling(data.getFileName() + ".password")).strip();
    try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(data.toFile())
            .setCleanDataDirectory(false)
            .setConnectConfig("password", password)
            .start()) {
      return TableDigests.of(postgres.getPostgresDatabase());
    }
  }

  /** A copy of the archive with one entry changed. */
  private Path rewritten(Path archive, String name, UnaryOperator<byte[]> change)
      throws IOException {
    Path copy = temp.resolve(UUID.randomUUID() + ".zip");
    try (ZipFile zip = new ZipFile(archive.toFile());
        OutputStream file = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(entry.getName().equals(name) ? change.apply(bytes) : bytes);
        out.closeEntry();
      }
    }
    return copy;
  }

  private static byte[] entry(Path archive, String name) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(name))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
