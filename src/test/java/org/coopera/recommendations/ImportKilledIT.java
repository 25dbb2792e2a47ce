package org.coopera.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coopera.CooperaApplication;
import org.coopera.bench.TemplateFile;
import org.coopera.identity.internal.Totp;
import org.coopera.support.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import of a large file killed with SIGKILL while it is being applied leaves the registry as it
 * was: every table of the registry and the audit trail hold what they held before the application
 * started, the search index finds nothing of the killed import, the import is not left as being
 * applied, and the same import is applied again to completion, every recommendation present and
 * found once.
 */
class ImportKilledIT {

  private static final String ADMIN = "operator@example.org";
  private static final String PASSWORD = "correct horse battery staple";
  private static final int ROWS = 15_000;
  private static final Pattern IMPORT = Pattern.compile("/registry/imports/([0-9a-f-]{36})$");
  private static final Pattern PERCENT = Pattern.compile("<progress[^>]*value=\"(\\d+)\"");

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private int children;
  private int killedAt;

  @Test
  void anImportKilledWhileApplyingChangesNothingAndIsAppliedAgain() throws Exception {
    long began = System.nanoTime();
    Path data = temp.resolve("postgres");
    byte[] small = TemplateFile.generate(300, 11);
    byte[] large = TemplateFile.generate(ROWS, 12);

    Process first = startChild(data);
    String killed;
    Map<String, String> before;
    long baseline;
    try {
      int port = awaitHealthy(first);
      HttpBrowser admin = signInAndEnrol(port);
      // a registry that holds something already
      String earlier = upload(admin, "earlier.csv", small);
      apply(admin, earlier);
      awaitApplied(admin, earlier);
      killed = upload(admin, "large.csv", large);
      JdbcClient db = database(data);
      assertThat(status(db, killed)).isEqualTo("VALID");
      baseline = count(db, "select count(*) from recommendation");
      assertThat(baseline).isPositive();
      before = checksums(db);

      apply(admin, killed);
      int percent = awaitMidway(admin, killed);
      killedAt = percent;
      assertThat(count(db, "select count(*) from recommendation"))
          .as("nothing of an application in progress is seen outside it (at %d%%)", percent)
          .isEqualTo(baseline);
    } finally {
      first.destroyForcibly().waitFor();
    }
    assertThat(data.resolve("postmaster.pid"))
        .as("the killed instance left its PostgreSQL server behind")
        .exists();

    Process second = startChild(data);
    try {
      int port = awaitHealthy(second);
      boolean rebuilt = Files.readString(lastLog).contains("rebuilding the index");
      System.out.printf(
          "ImportKilledIT: killed at %d%% of %d rows; index rebuilt at the next start: %s%n",
          killedAt, ROWS, rebuilt);
      JdbcClient db = database(data);
      assertThat(checksums(db))
          .as("the registry's tables and the audit trail as before the application")
          .isEqualTo(before);
      assertThat(searchTotal(port))
          .as("the search index finds what the database holds, nothing of the killed import")
          .isEqualTo(baseline);
      assertThat(status(db, killed))
          .as("the import is not left as being applied")
          .isEqualTo("VALID");

      HttpBrowser admin = signIn(port);
      assertThat(admin.get("/registry/imports/" + killed).body())
          .as("the import page offers to apply it again")
          .contains("/registry/imports/" + killed + "/apply")
          .doesNotContain("<progress");
      apply(admin, killed);
      awaitApplied(admin, killed);
      long created =
          count(db, "select created_count from recommendation_import where id = '" + killed + "'");
      assertThat(created)
          .isEqualTo(
              count(db, "select to_create from recommendation_import where id = '" + killed + "'"))
          .isGreaterThan(ROWS / 2);
      assertThat(count(db, "select count(*) from recommendation")).isEqualTo(baseline + created);
      assertThat(count(db, "select count(distinct content_key) from recommendation"))
          .isEqualTo(baseline + created);
      assertThat(
              count(db, "select count(*) from recommendation where import_id = '" + killed + "'"))
          .isEqualTo(created);
      assertThat(searchTotal(port))
          .as("every recommendation found once")
          .isEqualTo(baseline + created);

      // the same file uploaded again finds every row present
      String again = upload(admin, "large.csv", large);
      assertThat(
              count(db, "select to_create from recommendation_import where id = '" + again + "'"))
          .isZero();
    } finally {
      second.destroy();
      second.waitFor();
    }
    System.out.printf(
        "ImportKilledIT: %d rows, whole test %d s%n",
        ROWS, Duration.ofNanos(System.nanoTime() - began).toSeconds());
  }

  // --- the registry, as the database holds it ---

  /** A digest of every row of each table of the registry and of the audit trail, by table. */
  private static Map<String, String> checksums(JdbcClient db) {
    List<String> tables =
        db.sql(
                """
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'
                  and (table_name like 'recommendation%' or table_name in ('audit_entry',
                       'state_alias'))
                order by table_name
                """)
            .query(String.class)
            .list();
    assertThat(tables)
        .contains(
            "recommendation",
            "recommendation_tag",
            "recommendation_tag_count",
            "recommendation_tag_year_count",
            "recommendation_import",
            "audit_entry");
    Map<String, String> sums = new LinkedHashMap<>();
    for (String table : tables) {
      sums.put(
          table,
          db.sql(
                  "select count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by"
                      + " t::text)), '') from "
                      + table
                      + " t")
              .query(String.class)
              .single());
    }
    return sums;
  }

  private static String status(JdbcClient db, String importId) {
    return db.sql("select status from recommendation_import where id = ?::uuid")
        .param(importId)
        .query(String.class)
        .single();
  }

  private static long count(JdbcClient db, String sql) {
    return db.sql(sql).query(Long.class).single();
  }

  /** The child's database: its server's port from postmaster.pid, its password beside it. */
  private static JdbcClient database(Path data) throws IOException {
    List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"));
    String password = Files.readString(data.resolveSibling("postgres.password")).strip();
    DriverManagerDataSource source =
        new DriverManagerDataSource(
            "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
            "postgres",
            password);
    return JdbcClient.create(source);
  }

  // --- the application, over HTTP ---

  private long searchTotal(int port) throws Exception {
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/api/v1/recommendations?facets=&size=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return json.readTree(found.body()).get("total").asLong();
  }

  private HttpBrowser signInAndEnrol(int port) throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    browser.signIn(ADMIN, PASSWORD);
    Matcher secret =
        Pattern.compile("id=\"two-factor-secret\">([A-Z2-7]+)<")
            .matcher(browser.get("/sign-in/enrol").body());
    assertThat(secret.find()).isTrue();
    this.secret = secret.group(1);
    HttpResponse<String> enrolled =
        browser.post("/sign-in/enrol", "code", Totp.code(this.secret, Totp.step(Instant.now())));
    assertThat(enrolled.statusCode()).isEqualTo(200);
    return browser;
  }

  private String secret;

  /**
   * Signs in again after the restart, with a code of a later time step than the enrolment's: the
   * code of the next step is accepted at once (one step either side), so none is waited for.
   */
  private HttpBrowser signIn(int port) throws Exception {
    HttpBrowser browser = new HttpBrowser(port);
    HttpResponse<String> answer = browser.signIn(ADMIN, PASSWORD);
    String next = HttpBrowser.location(answer);
    if (next.contains("/sign-in/code")) {
      long step = Totp.step(Instant.now());
      HttpResponse<String> coded = null;
      for (long s = step; s <= step + 2; s++) {
        coded = browser.post("/sign-in/code", "code", Totp.code(secret, s));
        if (coded.statusCode() == 302 && !HttpBrowser.location(coded).contains("/sign-in")) {
          break;
        }
      }
      assertThat(HttpBrowser.location(coded)).doesNotContain("/sign-in");
    }
    return browser;
  }

  private static String upload(HttpBrowser admin, String name, byte[] file) throws Exception {
    admin.get("/registry/imports");
    HttpResponse<String> uploaded =
        admin.upload("/registry/imports", "file", name, file, "format", "coopera");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    Matcher id = IMPORT.matcher(HttpBrowser.location(uploaded));
    assertThat(id.find()).as(HttpBrowser.location(uploaded)).isTrue();
    return id.group(1);
  }

  private static void apply(HttpBrowser admin, String id) throws Exception {
    admin.get("/registry/imports/" + id);
    HttpResponse<String> applying = admin.post("/registry/imports/" + id + "/apply");
    assertThat(applying.statusCode()).isEqualTo(302);
  }

  /** Polls the progress until the application has ended, and expects it applied. */
  private static void awaitApplied(HttpBrowser admin, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> progress = admin.get("/registry/imports/" + id + "/progress");
      assertThat(progress.statusCode()).isEqualTo(200);
      if (progress.headers().firstValue("HX-Refresh").isPresent()) {
        assertThat(progress.body()).doesNotContain("alert-danger");
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import " + id + " still applying");
  }

  /** Polls the progress until it shows the application part done, and answers the percentage. */
  private static int awaitMidway(HttpBrowser admin, String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> progress = admin.get("/registry/imports/" + id + "/progress");
      assertThat(progress.headers().firstValue("HX-Refresh"))
          .as("the application ended before it was seen mid-way")
          .isEmpty();
      Matcher percent = PERCENT.matcher(progress.body());
      if (percent.find()) {
        int value = Integer.parseInt(percent.group(1));
        if (value > 0 && value < 100) {
          return value;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("import " + id + " never got going");
  }

  private Process startChild(Path data) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CooperaApplication.class.getName());
    command.addAll(
        List.of(
            "--server.port=" + port,
            "--coopera.demo=false",
            "--spring.datasource.url=",
            "--spring.main.banner-mode=off",
            "--coopera.database.data-directory=" + data,
            "--coopera.search.index-directory=" + temp.resolve("index"),
            // the treaty sources are another module's: not needed here, and 10 s at each start
            "--coopera.treaties.shipped-sources=false",
            "--coopera.admin.email=" + ADMIN,
            "--coopera.admin.password=" + PASSWORD));
    Path log = temp.resolve("child-" + ++children + ".log");
    ports.put(log, port);
    lastLog = log;
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private final Map<Path, Integer> ports = new LinkedHashMap<>();
  private Path lastLog;

  private int awaitHealthy(Process child) throws Exception {
    int port = ports.get(lastLog);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(300));
    while (Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive()).as("the child instance is running (see %s)", lastLog).isTrue();
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return port;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "The child instance did not become healthy: " + Files.readString(lastLog));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
