package org.coopera.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Passwords that appear in public lists of common and breached passwords (the lists and their
 * licences: {@code src/main/resources/identity/SOURCE.md}). Loaded once, on first use, into a
 * sorted array of 64-bit hashes of the lower-cased passwords: under a megabyte for about 90,000
 * passwords, where a set of strings would take several.
 */
final class CommonPasswords {

  static final String[] LISTS = {
    "/identity/common-passwords-zxcvbn-ts.txt.gz", "/identity/common-passwords-seclists-12.txt.gz"
  };

  private static final class Loaded {
    static final long[] HASHES = load();
  }

  private CommonPasswords() {}

  /** Whether this password, ignoring case, is in one of the lists. */
  static boolean contains(String password) {
    if (password == null) {
      return false;
    }
    return Arrays.binarySearch(Loaded.HASHES, hash(password)) >= 0;
  }

  /** How many distinct passwords the lists hold (ignoring case). */
  static int size() {
    return Loaded.HASHES.length;
  }

  private static long[] load() {
    long[] hashes = new long[128 * 1024];
    int count = 0;
    for (String list : LISTS) {
      try (InputStream raw = CommonPasswords.class.getResourceAsStream(list)) {
        if (raw == null) {
          throw new IllegalStateException("The password list " + list + " is missing");
        }
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.isEmpty()) {
            continue;
          }
          if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
          }
          hashes[count++] = hash(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("The password list " + list + " could not be read", e);
      }
    }
    long[] sorted = Arrays.copyOf(hashes, count);
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().toArray();
  }

  /** The first 64 bits of the SHA-256 of the lower-cased password. */
  private static long hash(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
