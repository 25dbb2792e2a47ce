package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.coopera.CooperaApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application against a real, external PostgreSQL server, the way it runs in production
 * ({@code COOPERA_DB_URL}), instead of the embedded one every other test uses. Runs only when
 * {@code COOPERA_TEST_EXTERNAL_DB_URL} (with {@code COOPERA_TEST_EXTERNAL_DB_USER} and {@code
 * COOPERA_TEST_EXTERNAL_DB_PASSWORD}) is set, as {@code .ci/run} does; skipped otherwise.
 *
 * <p><strong>The {@code public} schema of that database is dropped</strong> before the application
 * starts, so the migrations run on an empty database every time: point it at a throwaway database
 * only.
 */
@EnabledIfEnvironmentVariable(named = ExternalDatabaseIT.URL_VARIABLE, matches = ".+")
class ExternalDatabaseIT {

  static final String URL_VARIABLE = "COOPERA_TEST_EXTERNAL_DB_URL";

  private static final String URL = System.getenv(URL_VARIABLE);
  private static final String USER = env("COOPERA_TEST_EXTERNAL_DB_USER");
  private static final String PASSWORD = env("COOPERA_TEST_EXTERNAL_DB_PASSWORD");

  private static ConfigurableApplicationContext context;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startApplicationOnAnEmptyDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists public cascade");
      statement.execute("create schema public");
    }

    context =
        new SpringApplicationBuilder(CooperaApplication.class)
            .run(
                "--server.port=0",
                "--coopera.demo=true",
                "--spring.datasource.url=" + URL,
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    jdbc = new JdbcTemplate(context.getBean(DataSource.class));
  }

  @AfterAll
  static void closeApplication() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void usesTheExternalServerNotAnEmbeddedOne() {
    assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("test");
    assertThat(context.containsBean("embeddedDatabase")).isFalse();
    assertThat(context.getBean(DataSource.class))
        .isInstanceOfSatisfying(
            HikariDataSource.class,
            pool -> {
              assertThat(pool.getJdbcUrl()).isEqualTo(URL);
              assertThat(pool.getUsername()).isEqualTo(USER);
            });
    assertThat(jdbc.queryForObject("select current_database()", String.class))
        .isEqualTo("coopera_ci");
    assertThat(jdbc.queryForObject("show port", String.class)).isEqualTo("5432");
  }

  @Test
  void migratesTheEmptyDatabase() {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success", Integer.class))
        .isGreaterThanOrEqualTo(4);
    assertThat(
            jdbc.queryForList(
                "select version from flyway_schema_history where success and version is not null",
                String.class))
        .contains("1", "2", "3", "4");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from flyway_schema_history where not success", Integer.class))
        .isZero();
  }

  @Test
  void loadsTheReferenceData() {
    assertThat(count("state")).isEqualTo(195);
    assertThat(count("instrument")).isEqualTo(18);
    assertThat(count("sdg_goal")).isEqualTo(17);
    assertThat(count("sdg_target")).isEqualTo(169);
  }

  @Test
  void servesTheApiOverHttp() throws Exception {
    int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/states?size=1"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"total\":195");
  }

  @Test
  void attachesTheAuditTrigger() {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pg_trigger"
                    + " where tgname = 'audit_row' and tgrelid = 'account'::regclass",
                Integer.class))
        .isEqualTo(1);
  }

  private static int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
