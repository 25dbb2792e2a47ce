package org.coopera.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A kept file as an HTTP answer that a browser saves and never runs: always an attachment, its type
 * the one its content showed, no type sniffing, not kept by shared caches.
 */
public final class FileResponses {

  private FileResponses() {}

  public static ResponseEntity<byte[]> attachment(StoredFiles.StoredFile file, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.mediaType()))
        .contentLength(content.length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(content);
  }
}
