package org.coopera.recommendations.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identity of a recommendation across imports: the State under review, the mechanism, the
 * session or document, and the text with case, punctuation, quotes and spacing ignored. Two files
 * that give the same recommendation (UPR Info's one row per recommending State, a matrix imported
 * twice) give the same key.
 */
public final class ContentKeys {

  private ContentKeys() {}

  public static String of(
      String stateIso3, String mechanismCode, Integer session, String documentSymbol, String text) {
    String source = session != null ? "S" + session : documentSymbol == null ? "" : documentSymbol;
    String material =
        stateIso3
            + "|"
            + mechanismCode
            + "|"
            + source.toUpperCase(Locale.ROOT)
            + "|"
            + normalise(text);
    return sha256(material);
  }

  /** Lower case, accents and punctuation dropped, spaces collapsed. */
  static String normalise(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(Character.toLowerCase(c));
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  private static String sha256(String material) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
