package org.coopera.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded server's superuser password: generated once, required on every connection. */
final class ServerPassword {

  private static final Logger log = LoggerFactory.getLogger(ServerPassword.class);

  private ServerPassword() {}

  /**
   * The superuser's password, random and kept beside the data directory, readable by its owner
   * only.
   */
  static String readOrCreate(Path passwordFile) throws IOException {
    if (Files.isRegularFile(passwordFile)) {
      String existing = Files.readString(passwordFile).strip();
      if (!existing.isEmpty()) {
        return existing;
      }
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = HexFormat.of().formatHex(bytes);
    Files.deleteIfExists(passwordFile);
    try {
      Files.createFile(
          passwordFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(passwordFile);
    }
    Files.writeString(passwordFile, password);
    return password;
  }

  /**
   * A data directory created before passwords were required still trusts local connections: set the
   * password and require it from now on.
   */
  static void require(EmbeddedPostgres postgres, Path dataDirectory, String password)
      throws IOException {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    String rules = Files.readString(hba);
    if (rules.lines().noneMatch(ServerPassword::trusts)) {
      return;
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
      Files.writeString(
          hba,
          rules
              .lines()
              .map(line -> trusts(line) ? line.replaceAll("\\btrust\\s*$", "scram-sha-256") : line)
              .collect(Collectors.joining("\n", "", "\n")));
      statement.execute("select pg_reload_conf()");
      log.info("The embedded PostgreSQL server now requires its password");
    } catch (SQLException e) {
      throw new IOException("Could not require a password on the embedded server", e);
    }
  }

  private static boolean trusts(String line) {
    String rule = line.strip();
    return !rule.startsWith("#") && rule.matches("(local|host)\\S*\\s.*\\btrust$");
  }
}
