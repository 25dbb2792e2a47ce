package org.coopera.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import tools.jackson.core.JacksonException;

/**
 * A backup archive opened for a restore. {@link #open} reads it whole once before the database is
 * touched: the manifest must be there and every table's entry must match its checksum, so a
 * truncated, damaged or altered archive is refused while nothing has changed yet.
 */
final class BackupArchive implements AutoCloseable {

  private final ZipFile zip;
  private final Manifest manifest;

  private BackupArchive(ZipFile zip, Manifest manifest) {
    this.zip = zip;
    this.manifest = manifest;
  }

  /** Opens and checks the archive; throws {@link RestoreRefused} when it cannot be used. */
  static BackupArchive open(Path path) {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (IOException e) {
      throw new RestoreRefused(
          "The backup archive " + path + " cannot be read as a zip file (" + e.getMessage() + ").",
          e);
    }
    try {
      Manifest manifest = manifest(zip, path);
      for (Manifest.TableEntry table : manifest.tables()) {
        ZipEntry entry = zip.getEntry(table.entryName());
        if (entry == null) {
          throw new RestoreRefused(
              "The backup archive " + path + " lacks the rows of table " + table.name() + ".");
        }
        MessageDigest digest = Tables.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
          throw new RestoreRefused(
              "The backup archive "
                  + path
                  + " is damaged: the rows of table "
                  + table.name()
                  + " do not match their checksum.");
        }
      }
      return new BackupArchive(zip, manifest);
    } catch (IOException | RuntimeException e) {
      try {
        zip.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof RestoreRefused refused) {
        throw refused;
      }
      throw new RestoreRefused(
          "The backup archive " + path + " is damaged (" + e.getMessage() + ").", e);
    }
  }

  private static Manifest manifest(ZipFile zip, Path path) throws IOException {
    ZipEntry entry = zip.getEntry(Manifest.ENTRY);
    if (entry == null) {
      throw new RestoreRefused(
          "The file " + path + " is not a Coopera backup: it has no " + Manifest.ENTRY + ".");
    }
    Manifest manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = Manifest.JSON.readValue(in, Manifest.class);
    } catch (JacksonException e) {
      throw new RestoreRefused(
          "The manifest of the backup archive " + path + " cannot be read.", e);
    }
    if (!Manifest.FORMAT.equals(manifest.format())
        || manifest.tables() == null
        || manifest.sequences() == null
        || manifest.schemaVersion() == null) {
      throw new RestoreRefused(
          "The file "
              + path
              + " is not a backup this version of Coopera can read (format "
              + manifest.format()
              + ", expected "
              + Manifest.FORMAT
              + ").");
    }
    return manifest;
  }

  Manifest manifest() {
    return manifest;
  }

  MigrationVersion schemaVersion() {
    return MigrationVersion.fromVersion(manifest.schemaVersion());
  }

  /** The rows of a table, as {@code COPY ... FROM STDIN} reads them. */
  InputStream rows(Manifest.TableEntry table) throws IOException {
    return zip.getInputStream(zip.getEntry(table.entryName()));
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
