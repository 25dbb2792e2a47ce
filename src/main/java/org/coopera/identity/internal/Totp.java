package org.coopera.identity.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): HMAC-SHA1 over the number of 30-second steps since the
 * epoch, truncated to 6 digits as RFC 4226 says. Secrets travel as Base32 (RFC 4648, without
 * padding), as authenticator apps expect. Public for the test support, which signs the demo
 * accounts in as a person with an authenticator app would.
 */
public final class Totp {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  static final int SECRET_BYTES = 20;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new random secret of 160 bits (RFC 4226's recommended length), in Base32. */
  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return base32(secret);
  }

  /** The time step an instant falls in. */
  public static long step(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
  }

  /** The 6-digit code of this Base32 secret for this time step. */
  public static String code(String base32Secret, long step) {
    return code(fromBase32(base32Secret), step, DIGITS);
  }

  /** The code of a raw key for a time step, with this many digits (RFC 4226 section 5.3). */
  static String code(byte[] key, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int modulus = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is part of every Java platform", e);
    }
  }

  /**
   * The step, among the one {@code now} falls in and its two neighbours (a clock a little ahead or
   * behind), whose code this is; -1 when none. Compared in constant time.
   */
  static long matchingStep(String base32Secret, String code, Instant now) {
    if (code == null || code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    byte[] key = fromBase32(base32Secret);
    long current = step(now);
    long found = -1;
    for (long step = current - 1; step <= current + 1; step++) {
      byte[] expected =
          code(key, step, DIGITS).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] given = code.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && found < 0) {
        found = step;
      }
    }
    return found;
  }

  /** The {@code otpauth://} URI an authenticator app reads (Google Authenticator's key format). */
  static String uri(String issuer, String account, String base32Secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  /** Decodes Base32, ignoring case, spaces and padding (as people copy secrets). */
  static byte[] fromBase32(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == '=' || c == ' ' || c == '-') {
        continue;
      }
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("Not a Base32 character: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
