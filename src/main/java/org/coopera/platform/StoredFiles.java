package org.coopera.platform;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Files people attach as evidence or documents: kept in the database (backed up with everything
 * else, written in the caller's transaction), each checked on the way in. Its type is told from its
 * content, never from its name, and only documents and pictures are kept (PDF, Word, Excel,
 * PowerPoint, OpenDocument, PNG, JPEG, plain text and CSV); anything else, or a file over the size
 * limit ({@code COOPERA_FILES_MAX_SIZE}, 20 MB by default), is refused with an {@link
 * InvalidInputException} that names the reason and the limit, and nothing is written. Who may read
 * a file is for the module that holds it to decide; {@link FileResponses} answers it safely.
 */
public interface StoredFiles {

  /** Checks and keeps a file, in the caller's transaction. */
  StoredFile store(String fileName, byte[] content, UUID storedBy);

  Optional<StoredFile> find(UUID id);

  /** The bytes of a kept file. */
  byte[] content(UUID id);

  /** The largest file kept, in bytes. */
  long maxSize();

  /**
   * A kept file's description.
   *
   * @param fileName the name it was uploaded with, cleaned of any path
   * @param mediaType the type its content shows ({@code application/pdf})
   * @param sha256 of its content, in hexadecimal
   */
  record StoredFile(
      UUID id,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      Instant storedAt,
      UUID storedBy) {}
}
