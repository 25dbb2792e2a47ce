package org.coopera.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.coopera.platform.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server whose data directory survives restarts. One application instance
 * owns a data directory at a time: a lock file beside it is held for the server's whole life, and a
 * second instance is refused with a clear message before PostgreSQL is touched.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path dataDirectory;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(
      Path dataDirectory,
      FileChannel lockChannel,
      FileLock lock,
      EmbeddedPostgres postgres,
      String password) {
    this.dataDirectory = dataDirectory;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.postgres = postgres;
    this.password = password;
  }

  static EmbeddedDatabase start(Path configuredDirectory, int port) {
    Path dataDirectory = configuredDirectory.toAbsolutePath().normalize();
    prepareDirectory(dataDirectory);
    Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    FileChannel channel = openLockFile(lockFile, dataDirectory);
    FileLock lock = tryLock(channel, dataDirectory);
    try {
      OrphanedServer.stop(dataDirectory);
      Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password");
      String password = ServerPassword.readOrCreate(passwordFile);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.toFile())
              // no password-less access, even on loopback: initdb sets the superuser's password
              .setLocaleConfig("auth", "scram-sha-256")
              .setLocaleConfig("pwfile", passwordFile.toString())
              .setConnectConfig("password", password)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              // durability first: the library's defaults are made for throw-away test databases
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "128MB")
              .setLocaleConfig("encoding", "UTF8")
              .setLocaleConfig("locale", "C")
              .setLocaleConfig("locale-provider", "icu")
              .setLocaleConfig("icu-locale", "und");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres postgres = builder.start();
      ServerPassword.require(postgres, dataDirectory, password);
      log.info(
          "Embedded PostgreSQL started on port {} with data directory {}",
          postgres.getPort(),
          dataDirectory);
      return new EmbeddedDatabase(dataDirectory, channel, lock, postgres, password);
    } catch (IOException | RuntimeException e) {
      release(lock, channel);
      throw new StartupProblem(
          "The embedded PostgreSQL server could not start on data directory "
              + dataDirectory
              + ": "
              + rootMessage(e),
          "Check that the directory holds a PostgreSQL 17 data directory (or is empty), that no"
              + " other PostgreSQL server uses it, and that the disk is not full.",
          e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  String username() {
    return "postgres";
  }

  String password() {
    return password;
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped; data kept in {}", dataDirectory);
    } finally {
      release(lock, lockChannel);
    }
  }

  private static void prepareDirectory(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException | SecurityException e) {
      throw new StartupProblem(
          "The data directory " + dataDirectory + " cannot be created: " + rootMessage(e) + ".",
          "Set COOPERA_DATA_DIR to a directory that this user may write, or fix"
              + " the permissions of the parent directory.",
          e);
    }
    if (!Files.isDirectory(dataDirectory)
        || !Files.isReadable(dataDirectory)
        || !Files.isWritable(dataDirectory)
        || !Files.isExecutable(dataDirectory)) {
      throw new StartupProblem(
          "The data directory "
              + dataDirectory
              + " is not a directory this user can read and write.",
          "Fix its permissions (the user running Coopera must own it), or set"
              + " COOPERA_DATA_DIR to another directory.");
    }
  }

  private static FileChannel openLockFile(Path lockFile, Path dataDirectory) {
    try {
      return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StartupProblem(
          "The lock file " + lockFile + " beside the data directory cannot be written.",
          "Fix the permissions of " + dataDirectory.getParent() + ".",
          e);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dataDirectory) {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      throw new StartupProblem(
          "The data directory " + dataDirectory + " cannot be locked: " + rootMessage(e) + ".",
          "Check the file system that holds it.",
          e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new StartupProblem(
          "Another Coopera instance is already running on the data directory "
              + dataDirectory
              + ".",
          "Stop the other instance first, or start this one with another data directory"
              + " (COOPERA_DATA_DIR) or an external database (COOPERA_DB_URL).");
    }
    return lock;
  }

  private static void release(FileLock lock, FileChannel channel) {
    try {
      lock.release();
    } catch (IOException e) {
      log.warn("Could not release the data directory lock", e);
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("Could not close the data directory lock file", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
