package org.coopera.platform.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a test compares between two databases, computed here with SQL of its own rather than with
 * the backup's code: for every table but Flyway's history, its row count and the MD5 of its rows
 * (each row as PostgreSQL prints it, generated columns included, sorted); for every sequence, where
 * it stands.
 */
final class TableDigests {

  private TableDigests() {}

  static Map<String, String> of(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return of(connection);
    }
  }

  static Map<String, String> of(Connection connection) throws SQLException {
    Map<String, String> digests = new TreeMap<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("set local timezone = 'UTC'");
      for (String table : names(statement, "'r'", "and c.relname <> 'flyway_schema_history'")) {
        try (ResultSet row =
            statement.executeQuery(
                "select count(*) || ' rows, md5 '"
                    + " || md5(coalesce(string_agg(t::text, e'\\n' order by t::text collate \"C\"),"
                    + " '')) from \""
                    + table
                    + "\" t")) {
          row.next();
          digests.put(table, row.getString(1));
        }
      }
      for (String sequence : names(statement, "'S'", "")) {
        try (ResultSet row =
            statement.executeQuery(
                "select last_value || ' ' || is_called from \"" + sequence + "\"")) {
          row.next();
          digests.put("sequence " + sequence, row.getString(1));
        }
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
    return digests;
  }

  private static List<String> names(Statement statement, String kind, String condition)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows =
        statement.executeQuery(
            "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and c.relkind = "
                + kind
                + " "
                + condition
                + " order by 1")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /**
   * The tables, views, sequences and functions in the public schema of the embedded database in
   * {@code data}, which Coopera left stopped: 0 for an empty database.
   */
  static long objectsIn(Path data) throws IOException, SQLException {
    String password =
        Files.readString(data.resolveSibling(data.getFileName() + ".password")).strip();
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                .setConnectConfig("password", password)
                .start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select (select count(*) from pg_class where relnamespace = 'public'::regnamespace)"
                    + " + (select count(*) from pg_proc where pronamespace = 'public'::regnamespace)")) {
      row.next();
      return row.getLong(1);
    }
  }
}
