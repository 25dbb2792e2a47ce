package org.coopera.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.coopera.platform.backup.Tables.Table;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup into an empty database, in place of the migrations at start-up:
 *
 * <ol>
 *   <li>the archive is read whole and every table checked against its manifest;
 *   <li>the database must be empty (no table, view, sequence or function in its schema) and the
 *       role must be allowed to set {@code session_replication_role};
 *   <li>Flyway migrates it to the backup's schema version, as the application migrates;
 *   <li>in one transaction, with {@code session_replication_role = replica} (no trigger fires: the
 *       audit trail records nothing for restored rows, the append-only guards let its own rows in,
 *       the registry's counts come as they were), the tables are emptied of what the migrations
 *       wrote, every table is loaded with {@code COPY ... FROM STDIN}, every sequence set back, and
 *       every table's count and checksum compared with the manifest; any difference rolls it back;
 *   <li>Flyway migrates to this version's schema.
 * </ol>
 *
 * If anything fails after step 2, Flyway's {@code clean} empties the database again: a refused
 * restore leaves the database as it found it.
 */
final class DatabaseRestore {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);

  private final Flyway flyway;

  DatabaseRestore(Flyway flyway) {
    this.flyway = flyway;
  }

  /** Restores the archive, then migrates to the current schema; answers the backup's manifest. */
  Manifest restore(Path path) {
    try (BackupArchive archive = BackupArchive.open(path)) {
      MigrationVersion target = archive.schemaVersion();
      MigrationVersion latest = latestKnown();
      if (target.isNewerThan(latest)) {
        throw new RestoreRefused(
            "The backup is of schema version "
                + target
                + ", newer than this version of Coopera knows ("
                + latest
                + "): restore it with Coopera "
                + archive.manifest().cooperaVersion()
                + " or later.");
      }
      DataSource dataSource = flyway.getConfiguration().getDataSource();
      try (Connection connection = dataSource.getConnection()) {
        requireEmpty(connection);
        requireTriggerControl(connection);
      } catch (SQLException e) {
        throw new RestoreRefused(
            "The database could not be checked before the restore (" + e.getMessage() + ").", e);
      }
      try {
        Flyway.configure(flyway.getConfiguration().getClassLoader())
            .configuration(flyway.getConfiguration())
            .target(target)
            .load()
            .migrate();
        try (Connection connection = dataSource.getConnection()) {
          load(connection, archive);
        }
      } catch (IOException | SQLException | RuntimeException e) {
        emptyAgain();
        if (e instanceof RestoreRefused refused) {
          throw refused;
        }
        throw new RestoreRefused("The backup could not be restored (" + e.getMessage() + ").", e);
      }
      Manifest manifest = archive.manifest();
      log.info(
          "Restored {} rows in {} tables from {} (taken {} by Coopera {} at schema version {})",
          manifest.totalRows(),
          manifest.tables().size(),
          path,
          manifest.takenAt(),
          manifest.cooperaVersion(),
          manifest.schemaVersion());
      flyway.migrate();
      return manifest;
    } catch (IOException e) {
      throw new RestoreRefused("The backup archive " + path + " could not be closed.", e);
    }
  }

  private MigrationVersion latestKnown() {
    MigrationVersion latest = MigrationVersion.EMPTY;
    for (MigrationInfo migration : flyway.info().all()) {
      if (migration.getVersion() != null && migration.getVersion().isNewerThan(latest)) {
        latest = migration.getVersion();
      }
    }
    return latest;
  }

  private static void requireEmpty(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                select current_schema(),
                       (select count(*) from pg_class c join pg_namespace n
                          on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f'))
                     + (select count(*) from pg_proc p join pg_namespace n
                          on n.oid = p.pronamespace
                        where n.nspname = current_schema())
                """)) {
      row.next();
      if (row.getLong(2) > 0) {
        throw new RestoreRefused(
            "The database is not empty (its schema "
                + row.getString(1)
                + " holds "
                + row.getLong(2)
                + " tables, sequences, views or functions): a backup is restored only into an"
                + " empty database, and nothing was changed.");
      }
    }
  }

  private static void requireTriggerControl(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("set local session_replication_role = replica");
    } catch (SQLException e) {
      throw new RestoreRefused(
          "The database role may not set session_replication_role, which a restore needs to load"
              + " rows without firing the audit triggers: restore as a superuser, or grant it with"
              + " GRANT SET ON PARAMETER session_replication_role TO <role>.",
          e);
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static void load(Connection connection, BackupArchive archive)
      throws SQLException, IOException {
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set local session_replication_role = replica");
      }
      Tables.canonicalSettings(connection);
      Manifest manifest = archive.manifest();
      List<Table> tables = matchingTables(connection, manifest);
      try (Statement statement = connection.createStatement()) {
        // what the migrations wrote (reference data, their audit entries) makes way for the backup
        statement.execute(
            "truncate "
                + tables.stream()
                    .map(t -> Tables.identifier(t.name()))
                    .collect(Collectors.joining(", ")));
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      Map<String, Manifest.TableEntry> entries = byName(manifest);
      for (Table table : tables) {
        try (InputStream rows = archive.rows(entries.get(table.name()))) {
          copy.copyIn(table.copyIn(), rows);
        }
      }
      setSequences(connection, manifest);
      verify(connection, tables, entries);
      connection.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * The database's tables at the backup's version, which must be the backup's, column for column.
   */
  private static List<Table> matchingTables(Connection connection, Manifest manifest)
      throws SQLException {
    List<Table> tables = Tables.list(connection);
    Map<String, Manifest.TableEntry> entries = byName(manifest);
    List<String> differences = new ArrayList<>();
    for (Table table : tables) {
      Manifest.TableEntry entry = entries.get(table.name());
      if (entry == null) {
        differences.add(table.name() + " is not in the backup");
      } else if (!entry.columns().equals(table.columns())) {
        differences.add(
            table.name() + " has columns " + table.columns() + ", the backup " + entry.columns());
      }
    }
    List<String> known = tables.stream().map(Table::name).toList();
    entries.keySet().stream()
        .filter(name -> !known.contains(name))
        .forEach(name -> differences.add(name + " is in the backup but not in the schema"));
    if (!differences.isEmpty()) {
      throw new RestoreRefused(
          "The backup does not fit schema version "
              + manifest.schemaVersion()
              + " as this Coopera builds it: "
              + String.join("; ", differences)
              + ".");
    }
    return tables;
  }

  private static void setSequences(Connection connection, Manifest manifest) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
      for (Manifest.SequenceEntry sequence : manifest.sequences()) {
        statement.setString(1, Tables.identifier(sequence.name()));
        statement.setLong(2, sequence.lastValue());
        statement.setBoolean(3, sequence.called());
        statement.execute();
      }
    }
  }

  private static void verify(
      Connection connection, List<Table> tables, Map<String, Manifest.TableEntry> entries)
      throws SQLException, IOException {
    for (Table table : tables) {
      Manifest.TableEntry expected = entries.get(table.name());
      long rows = Tables.count(connection, table);
      String sha256 = Tables.copyOut(connection, table, OutputStream.nullOutputStream());
      if (rows != expected.rows() || !sha256.equals(expected.sha256())) {
        throw new RestoreRefused(
            "The restored table "
                + table.name()
                + " does not match the backup ("
                + rows
                + " rows where the backup has "
                + expected.rows()
                + (sha256.equals(expected.sha256()) ? "" : ", and other values")
                + "): the restore was rolled back.");
      }
    }
  }

  private static Map<String, Manifest.TableEntry> byName(Manifest manifest) {
    Map<String, Manifest.TableEntry> entries = new LinkedHashMap<>();
    manifest.tables().forEach(entry -> entries.put(entry.name(), entry));
    return entries;
  }

  /** After a failed restore: the database back to empty, as it was found. */
  private void emptyAgain() {
    try {
      Flyway.configure(flyway.getConfiguration().getClassLoader())
          .configuration(flyway.getConfiguration())
          .cleanDisabled(false)
          .load()
          .clean();
    } catch (RuntimeException e) {
      log.error(
          "After a failed restore the database could not be emptied again: drop its schema's"
              + " objects by hand before the next attempt",
          e);
    }
  }
}
