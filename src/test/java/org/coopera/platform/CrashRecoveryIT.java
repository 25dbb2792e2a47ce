package org.coopera.platform;

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
import java.util.List;
import org.coopera.CooperaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instance killed with SIGKILL leaves its PostgreSQL server running on the data directory. The
 * next start stops that orphan, starts afresh, and finds every committed change.
 */
class CrashRecoveryIT {

  private static final String ADMIN = "operator@example.org";
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aKilledInstanceLosesNothingCommittedAndTheNextStartRecovers() throws Exception {
    Path data = temp.resolve("postgres");
    int port = freePort();
    Process child = startChild(data, port);
    try {
      awaitHealthy(port, child);
      // the first administrator signs in and sets up their second factor: a committed change
      org.coopera.support.HttpBrowser browser = new org.coopera.support.HttpBrowser(port);
      browser.signIn(ADMIN, PASSWORD);
      java.util.regex.Matcher secret =
          java.util.regex.Pattern.compile("id=\"two-factor-secret\">([A-Z2-7]+)<")
              .matcher(browser.get("/sign-in/enrol").body());
      assertThat(secret.find()).isTrue();
      HttpResponse<String> enrolled =
          browser.post(
              "/sign-in/enrol",
              "code",
              org.coopera.identity.internal.Totp.code(
                  secret.group(1), org.coopera.identity.internal.Totp.step(Instant.now())));
      assertThat(enrolled.statusCode()).isEqualTo(200);
    } finally {
      child.destroyForcibly().waitFor();
    }
    assertThat(data.resolve("postmaster.pid"))
        .as("the killed instance left its PostgreSQL server behind")
        .exists();

    try (ConfigurableApplicationContext next =
        new SpringApplicationBuilder(CooperaApplication.class)
            .run(arguments(data, 0).toArray(String[]::new))) {
      JdbcClient jdbc = next.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select a.email from two_factor t join account a on a.id = t.account_id")
                  .query(String.class)
                  .list())
          .containsExactly(ADMIN);
    }
  }

  private Process startChild(Path data, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CooperaApplication.class.getName());
    command.addAll(arguments(data, port));
    Path log = Files.createFile(temp.resolve("child.log"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static List<String> arguments(Path data, int port) {
    return List.of(
        "--server.port=" + port,
        "--coopera.demo=false",
        "--spring.datasource.url=",
        "--spring.main.banner-mode=off",
        "--coopera.database.data-directory=" + data,
        "--coopera.admin.email=" + ADMIN,
        "--coopera.admin.password=" + PASSWORD);
  }

  private void awaitHealthy(int port, Process child) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive())
          .as("the child instance is running (see %s)", temp.resolve("child.log"))
          .isTrue();
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "The child instance did not become healthy: "
            + Files.readString(temp.resolve("child.log")));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
