package org.coopera.platform.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command: with {@code --coopera.backup.to=<file or directory>} the application starts on its
 * database as usual, writes a backup archive, prints what it holds, and stops (exit status 0, or 1
 * when the backup failed). Given a directory, the archive is named after the moment it was taken.
 */
@Component
@ConditionalOnProperty(prefix = "coopera.backup", name = "to")
class BackupCommand {

  private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final DatabaseBackup backup;
  private final Path destination;
  private final ConfigurableApplicationContext context;

  BackupCommand(
      DatabaseBackup backup,
      @Value("${coopera.backup.to}") Path destination,
      ConfigurableApplicationContext context) {
    this.backup = backup;
    this.destination = destination;
    this.context = context;
  }

  /** After every start-up task, so that the backup holds what a running Coopera would hold. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void run() {
    int status = 0;
    try {
      Path archive = archivePath(destination, java.time.Instant.now());
      long started = System.nanoTime();
      Manifest manifest = backup.writeTo(archive);
      log.info(
          "Backup written to {}: {} rows in {} tables, schema version {}, snapshot of {}, {} bytes,"
              + " {} ms",
          archive.toAbsolutePath(),
          manifest.totalRows(),
          manifest.tables().size(),
          manifest.schemaVersion(),
          manifest.takenAt(),
          Files.size(archive),
          (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      log.error("The backup failed, and no archive was written: {}", e.getMessage());
      status = 1;
    }
    int exit = status;
    System.exit(SpringApplication.exit(context, () -> exit));
  }

  /** The file itself, or in a directory a new file named after the time. */
  static Path archivePath(Path destination, java.time.Instant now) {
    if (Files.isDirectory(destination)) {
      return destination.resolve("coopera-backup-" + FILE_TIME.format(now) + ".zip");
    }
    return destination;
  }
}
