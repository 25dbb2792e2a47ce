package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.CooperaApplication;
import org.coopera.identity.internal.DemoAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as an operator starts it (no test profile): the embedded PostgreSQL keeps its
 * data across restarts, refuses a second instance, and start-up problems end in one clear sentence.
 */
class EmbeddedDatabaseIT {

  private static final String ADMIN = "operator@example.org";
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path temp;

  @Test
  void dataSurvivesARestartOfTheEmbeddedDatabase() throws Exception {
    Path data = temp.resolve("postgres");
    try (ConfigurableApplicationContext first = start(data)) {
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      jdbc.sql("insert into organisation (code, name, kind) values ('SURVIVOR', 'Kept', 'NGO')")
          .update();
      assertThat(accounts(jdbc)).containsExactly(ADMIN);
    }
    assertThat(data.resolve("PG_VERSION")).exists();
    assertThat(data.resolve("postmaster.pid")).as("the server was stopped cleanly").doesNotExist();
    try (ConfigurableApplicationContext second = start(data)) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select name from organisation where code = 'SURVIVOR'")
                  .query(String.class)
                  .single())
          .isEqualTo("Kept");
      assertThat(accounts(jdbc))
          .as("the first administrator is created once")
          .containsExactly(ADMIN);
      assertThat(jdbc.sql("show fsync").query(String.class).single())
          .as("committed data reaches the disk")
          .isEqualTo("on");
      assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }
    assertThat(Files.readString(data.resolve("pg_hba.conf")))
        .as("even on loopback, the embedded server asks for its password")
        .doesNotContainPattern("(?m)^(local|host)\\S*\\s.*trust\\s*$")
        .contains("scram-sha-256");
    assertThat(temp.resolve("postgres.password")).exists();
  }

  @Test
  void demoAccountsAreDisabledOnceDemoModeIsOff() {
    Path data = temp.resolve("was-demo");
    try (ConfigurableApplicationContext demo =
        run("--coopera.database.data-directory=" + data, "--coopera.demo=true")) {
      assertThat(enabledDemoAccounts(demo.getBean(JdbcClient.class)))
          .isEqualTo(DemoAccounts.ALL.size());
    }
    try (ConfigurableApplicationContext production = start(data)) {
      JdbcClient jdbc = production.getBean(JdbcClient.class);
      assertThat(enabledDemoAccounts(jdbc))
          .as("their password is published: none may sign in")
          .isZero();
    }
  }

  private static long enabledDemoAccounts(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from account where demo and enabled")
        .query(Long.class)
        .single();
  }

  @Test
  void aSecondInstanceOnTheSameDataDirectoryStopsWithAClearMessage() {
    Path data = temp.resolve("shared");
    try (ConfigurableApplicationContext first = start(data)) {
      assertThat(first.isRunning()).isTrue();
      assertStartupProblem(
          () -> start(data),
          "Another Coopera instance is already running on the data directory " + data,
          "Stop the other instance first");
      assertThat(first.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single())
          .as("the first instance is unharmed")
          .isEqualTo(1);
    }
  }

  @Test
  void withoutAnAdministratorOutsideDemoModeStartUpStops() {
    assertStartupProblem(
        () ->
            run(
                "--coopera.database.data-directory=" + temp.resolve("no-admin"),
                "--coopera.admin.email=",
                "--coopera.admin.password="),
        "No administrator account exists and COOPERA_ADMIN_EMAIL and COOPERA_ADMIN_PASSWORD are"
            + " not both set.",
        "COOPERA_DEMO=true");
  }

  @Test
  void aWeakFirstAdministratorPasswordIsRefused() {
    assertStartupProblem(
        () ->
            run(
                "--coopera.database.data-directory=" + temp.resolve("weak"),
                "--coopera.admin.email=" + ADMIN,
                "--coopera.admin.password=short"),
        "The password must have at least 12 characters.",
        "COOPERA_ADMIN_PASSWORD");
  }

  @Test
  void aWrongDatabaseUrlStopsStartUpWithOneSentence() {
    assertStartupProblem(
        () -> run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/coopera"),
        "Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/coopera",
        "COOPERA_DB_URL");
    assertStartupProblem(
        () -> run("--spring.datasource.url=jdbc:mysql://localhost/coopera"),
        "The database URL 'jdbc:mysql://localhost/coopera' is not a PostgreSQL JDBC URL.",
        "COOPERA_DB_URL");
  }

  @Test
  void aDataDirectoryThatIsAFileStopsStartUpWithOneSentence() throws Exception {
    Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
    assertStartupProblem(
        () -> run("--coopera.database.data-directory=" + file),
        "cannot be created",
        "COOPERA_DATA_DIR");
  }

  private ConfigurableApplicationContext start(Path data) {
    return run(
        "--coopera.database.data-directory=" + data,
        "--coopera.admin.email=" + ADMIN,
        "--coopera.admin.password=" + PASSWORD);
  }

  /** Starts the application with the given arguments over quiet, non-demo defaults. */
  private static ConfigurableApplicationContext run(String... arguments) {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("--server.port", "0");
    args.put("--coopera.demo", "false");
    args.put("--spring.datasource.url", "");
    args.put("--spring.main.banner-mode", "off");
    for (String argument : arguments) {
      String[] pair = argument.split("=", 2);
      args.put(pair[0], pair[1]);
    }
    return new SpringApplicationBuilder(CooperaApplication.class)
        .run(
            args.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private static List<String> accounts(JdbcClient jdbc) {
    return jdbc.sql("select email from account order by email").query(String.class).list();
  }

  private static void assertStartupProblem(
      Runnable startUp, String expectedDescription, String expectedAction) {
    assertThatThrownBy(startUp::run)
        .satisfies(
            failure -> {
              FailureAnalysis analysis = new StartupProblemFailureAnalyzer().analyze(failure);
              assertThat(analysis).as("a StartupProblem in the cause chain").isNotNull();
              assertThat(analysis.getDescription()).contains(expectedDescription);
              assertThat(analysis.getDescription()).doesNotContain("Exception");
              assertThat(analysis.getAction()).contains(expectedAction);
            });
  }
}
