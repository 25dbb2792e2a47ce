package org.coopera.identity.internal;

import java.util.Locale;

/** What a personal API token may do. */
public enum TokenScope {
  /** Reading only: GET, HEAD and OPTIONS; anything else is refused with 403. */
  READ,
  /** Everything its owner's roles allow. */
  READ_WRITE;

  /**
   * The scope a form or request names ({@code read}, {@code read-write}, any case); read-only when
   * none is named.
   */
  public static TokenScope parse(String value) {
    if (value == null || value.isBlank()) {
      return READ;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "read" -> READ;
      case "read-write" -> READ_WRITE;
      default -> throw new AccountException("tokens.error.scope", "scope");
    };
  }

  /** Whether a request with this HTTP method is within the scope. */
  public boolean allows(String method) {
    return this == READ_WRITE
        || "GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method);
  }
}
