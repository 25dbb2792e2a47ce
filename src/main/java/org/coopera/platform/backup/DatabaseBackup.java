package org.coopera.platform.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.coopera.platform.backup.Tables.Sequence;
import org.coopera.platform.backup.Tables.Table;
import org.springframework.stereotype.Component;

/**
 * Takes a backup: one read-only snapshot of the whole database ({@code REPEATABLE READ}), every
 * table streamed with {@code COPY ... TO STDOUT} into a zip archive, one entry a table, and the
 * {@link Manifest} last. No {@code pg_dump} is needed, so it works the same on the embedded server
 * and on any external one. The archive is written beside its destination and moved into place only
 * when complete: a failed backup leaves no file that looks like one.
 */
@Component
class DatabaseBackup {

  private final DataSource dataSource;

  DatabaseBackup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Writes the backup to {@code archive} (replacing no existing file) and answers its manifest. */
  Manifest writeTo(Path archive) throws IOException, SQLException {
    if (Files.exists(archive)) {
      throw new IOException("The file " + archive + " exists already; choose a new name");
    }
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    try {
      Manifest manifest;
      create(partial);
      try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.WRITE);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        manifest = dump(zip);
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * The archive holds password hashes, second-factor secrets and every attached file: readable by
   * its owner only, where the file system has POSIX permissions.
   */
  private static void create(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  private Manifest dump(ZipOutputStream zip) throws IOException, SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        Tables.canonicalSettings(connection);
        // the snapshot begins with the first query: the time, the version and every table after
        // it are read in the same one
        String takenAt = now(connection);
        String schemaVersion = schemaVersion(connection);
        List<Manifest.TableEntry> tables = new ArrayList<>();
        for (Table table : Tables.list(connection)) {
          long rows = Tables.count(connection, table);
          ZipEntry entry = new ZipEntry("tables/" + table.name() + ".copy");
          zip.putNextEntry(entry);
          String sha256 = Tables.copyOut(connection, table, zip);
          zip.closeEntry();
          tables.add(new Manifest.TableEntry(table.name(), table.columns(), rows, sha256));
        }
        // sequences are not part of a snapshot: read after the tables, each stands at least where
        // the rows read need it
        List<Manifest.SequenceEntry> sequences = new ArrayList<>();
        for (Sequence sequence : Tables.sequences(connection)) {
          sequences.add(
              new Manifest.SequenceEntry(sequence.name(), sequence.lastValue(), sequence.called()));
        }
        Manifest manifest =
            new Manifest(
                Manifest.FORMAT,
                cooperaVersion(),
                schemaVersion,
                takenAt,
                List.copyOf(tables),
                List.copyOf(sequences));
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(Manifest.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        return manifest;
      } finally {
        connection.rollback();
      }
    }
  }

  private static String now(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select transaction_timestamp()")) {
      row.next();
      return row.getObject(1, java.time.OffsetDateTime.class)
          .toInstant()
          .truncatedTo(ChronoUnit.MILLIS)
          .toString();
    }
  }

  /** The version of the last migration applied, from Flyway's history. */
  static String schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select version from "
                    + Tables.FLYWAY_HISTORY
                    + " where success and version is not null"
                    + " order by installed_rank desc limit 1")) {
      if (!row.next()) {
        throw new SQLException("The database has no schema version (no migration was applied)");
      }
      return row.getString(1);
    }
  }

  static String cooperaVersion() {
    String version = DatabaseBackup.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
