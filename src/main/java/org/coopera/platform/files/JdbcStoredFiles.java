package org.coopera.platform.files;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.Sha256;
import org.coopera.platform.StoredFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Kept files as two tables: {@code stored_file} (the description, audited) and {@code
 * stored_file_content} (the bytes, not audited, like an import's file).
 */
@Service
class JdbcStoredFiles implements StoredFiles {

  /** Longest file name kept; longer ones are cut, keeping their extension. */
  static final int NAME_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DataSize maxSize;

  JdbcStoredFiles(
      JdbcClient jdbc, Clock clock, @Value("${coopera.files.max-size:20MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxSize = maxSize;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public StoredFile store(String fileName, byte[] content, UUID storedBy) {
    String name = cleanName(fileName);
    if (content.length == 0) {
      throw new InvalidInputException("files.error.empty", "file", name);
    }
    if (content.length > maxSize.toBytes()) {
      throw new InvalidInputException("files.error.too-large", "file", name, maxSize.toMegabytes());
    }
    String type = FileTypes.detect(name, content);
    if (type == null) {
      throw new InvalidInputException("files.error.type", "file", name);
    }
    if (ActiveContent.isActive(type, content)) {
      throw new InvalidInputException("files.error.active", "file", name);
    }
    StoredFile file =
        new StoredFile(
            UUID.randomUUID(), name, type, content.length, Sha256.hex(content), now(), storedBy);
    jdbc.sql(
            """
            insert into stored_file (id, file_name, media_type, size, sha256, stored_at, stored_by)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            file.id(),
            file.fileName(),
            file.mediaType(),
            file.size(),
            file.sha256(),
            Timestamp.from(file.storedAt()),
            file.storedBy())
        .update();
    jdbc.sql("insert into stored_file_content (file_id, content) values (?, ?)")
        .params(file.id(), content)
        .update();
    return file;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<StoredFile> find(UUID id) {
    return jdbc.sql(
            """
            select id, file_name, media_type, size, sha256, stored_at, stored_by
            from stored_file where id = ?
            """)
        .param(id)
        .query(
            (rs, n) ->
                new StoredFile(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getObject(7, UUID.class)))
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public byte[] content(UUID id) {
    return jdbc.sql("select content from stored_file_content where file_id = ?")
        .param(id)
        .query(byte[].class)
        .optional()
        .orElseThrow(() -> new IllegalArgumentException("No stored file " + id));
  }

  @Override
  public long maxSize() {
    return maxSize.toBytes();
  }

  /** The last part of a path, without control characters, at most {@value #NAME_LENGTH} long. */
  static String cleanName(String fileName) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      return "file";
    }
    if (name.length() > NAME_LENGTH) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, NAME_LENGTH - extension.length()) + extension;
    }
    return name;
  }

  /** Now, to the microsecond PostgreSQL keeps, so that a file reads back equal. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
