package org.coopera.recommendations.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decides how a text file is encoded, without trusting its name: a UTF-16 byte-order mark means
 * UTF-16 (Excel's "Unicode text"); bytes that a strict decoder accepts as UTF-8 are UTF-8 (a
 * byte-order mark dropped); otherwise a file whose lines end in a bare carriage return comes from a
 * classic Mac and is Mac Roman (the UPR Info export); anything else is Windows-1252, which decodes
 * every byte.
 */
final class TextDecoding {

  static final Charset MAC_ROMAN = macRoman();
  static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** The text and the encoding it was read in. */
  record Decoded(String text, Charset charset) {}

  private TextDecoding() {}

  static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(text(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(text(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
    }
    int bom = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom))
              .toString();
      return new Decoded(text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      Charset charset = hasOnlyCarriageReturns(bytes) ? MAC_ROMAN : WINDOWS_1252;
      return new Decoded(new String(bytes, charset), charset);
    }
  }

  static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] bytes, int offset, Charset charset) {
    return new String(bytes, offset, bytes.length - offset, charset);
  }

  private static boolean hasOnlyCarriageReturns(byte[] bytes) {
    boolean carriageReturn = false;
    for (byte b : bytes) {
      if (b == '\n') {
        return false;
      }
      carriageReturn |= b == '\r';
    }
    return carriageReturn;
  }

  /** Mac Roman lives in the JDK's jdk.charsets module; a trimmed runtime may lack it. */
  private static Charset macRoman() {
    return Charset.isSupported("x-MacRoman")
        ? Charset.forName("x-MacRoman")
        : Charset.forName("windows-1252");
  }
}
