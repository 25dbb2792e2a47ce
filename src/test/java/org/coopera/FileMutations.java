package org.coopera;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Damage done to a valid file, for the property tests of the importers: bytes flipped, the file cut
 * short, bytes inserted or deleted, a part inside a ZIP container (XLSX, DOCX) changed and the
 * container written again, text inserted (control characters, a huge cell, quotes and separators,
 * markup, formula starts), the text written again in another encoding. Every mutation is a value,
 * so jqwik shows and shrinks it, and a fixed seed replays it.
 */
public final class FileMutations {

  /** What a mutation does. */
  public enum Kind {
    FLIP,
    TRUNCATE,
    INSERT_BYTES,
    DELETE_BYTES,
    ZIP_PART,
    INSERT_TEXT,
    RECODE
  }

  /**
   * One mutation.
   *
   * @param at where, as a fraction of the length
   * @param value a byte, a count or a choice, as the kind needs
   * @param text the text inserted, for the kinds that insert text
   */
  public record Mutation(Kind kind, double at, int value, String text) {
    @Override
    public String toString() {
      String shown =
          text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
      return kind
          + "@"
          + at
          + "/"
          + value
          + (text.isEmpty() ? "" : " " + shown.replace("\n", "\\n"));
    }
  }

  private static final List<Charset> ENCODINGS =
      List.of(
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          StandardCharsets.ISO_8859_1,
          Charset.forName("x-MacRoman"),
          Charset.forName("windows-1251"));

  /** Texts that break parsers, chosen from as they are. */
  static final List<String> SAMPLES =
      List.of(
          "\"",
          "\",\"",
          ",,,,,,,,,,,,,,",
          "\r",
          "\n\n\n",
          "\uFEFF",
          "\uFFFD\uD800",
          "=HYPERLINK(\"http://x\",\"y\")",
          "+cmd|' /C calc'!A0",
          "@SUM(1+1)",
          "-2+3",
          "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
          "&e;",
          "<html><table><tr><td>",
          "]]>",
          "</w:t></w:r></w:p>",
          "</row>",
          "99/99/9999",
          "31/02/2020",
          "00/13/2024",
          "2024-02-30",
          "9999999999999999999999",
          "-1",
          "NaN");

  private FileMutations() {}

  /** Texts that break parsers: control characters, huge cells, quotes, markup, formulas. */
  public static Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.of(SAMPLES),
        Arbitraries.integers().between(10_000, 200_000).map(n -> "x".repeat(n)));
  }

  public static Arbitrary<Mutation> mutation() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.integers().between(0, 255),
            hostileText())
        .as(Mutation::new);
  }

  /** One to three mutations. */
  public static Arbitrary<List<Mutation>> mutations() {
    return mutation().list().ofMinSize(1).ofMaxSize(3);
  }

  /**
   * One to three mutations drawn from a seeded {@link Random}, for tests that are no jqwik
   * properties (jqwik's generators run only inside one): the same kinds and texts.
   */
  public static List<Mutation> random(Random random) {
    List<Mutation> mutations = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String text =
          switch (random.nextInt(4)) {
            case 0 -> String.valueOf((char) random.nextInt(0x20)).repeat(1 + random.nextInt(5));
            case 1 -> SAMPLES.get(random.nextInt(SAMPLES.size()));
            case 2 -> "x".repeat(10_000 + random.nextInt(190_000));
            default -> new String(Character.toChars(random.nextInt(0x2FFFF)));
          };
      mutations.add(
          new Mutation(
              Kind.values()[random.nextInt(Kind.values().length)],
              random.nextDouble(),
              random.nextInt(256),
              text));
    }
    return mutations;
  }

  public static byte[] apply(byte[] original, List<Mutation> mutations) {
    byte[] bytes = original;
    for (Mutation m : mutations) {
      bytes = apply(bytes, m);
    }
    return bytes;
  }

  static byte[] apply(byte[] bytes, Mutation m) {
    int at = (int) Math.min(bytes.length, Math.floor(m.at() * bytes.length));
    switch (m.kind()) {
      case FLIP:
        if (bytes.length == 0) {
          return bytes;
        }
        byte[] flipped = bytes.clone();
        flipped[Math.min(at, bytes.length - 1)] = (byte) m.value();
        return flipped;
      case TRUNCATE:
        return java.util.Arrays.copyOf(bytes, at);
      case INSERT_BYTES:
        byte[] random = new byte[1 + m.value() % 16];
        for (int i = 0; i < random.length; i++) {
          random[i] = (byte) (m.value() * 31 + i * 17);
        }
        return splice(bytes, at, 0, random);
      case DELETE_BYTES:
        return splice(bytes, at, Math.min(1 + m.value(), bytes.length - at), new byte[0]);
      case ZIP_PART:
        return zipPart(bytes, m);
      case INSERT_TEXT:
        return splice(bytes, at, 0, m.text().getBytes(StandardCharsets.UTF_8));
      case RECODE:
        return new String(bytes, StandardCharsets.UTF_8)
            .getBytes(ENCODINGS.get(m.value() % ENCODINGS.size()));
      default:
        throw new IllegalArgumentException(m.kind().toString());
    }
  }

  /** A part of a ZIP container with the text inserted or a byte changed; the bytes if no ZIP. */
  private static byte[] zipPart(byte[] bytes, Mutation m) {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        parts.put(entry.getName(), zip.readNBytes(8 * 1024 * 1024));
      }
    } catch (IOException | IllegalArgumentException e) {
      return apply(bytes, new Mutation(Kind.INSERT_TEXT, m.at(), m.value(), m.text()));
    }
    if (parts.isEmpty()) {
      return apply(bytes, new Mutation(Kind.INSERT_TEXT, m.at(), m.value(), m.text()));
    }
    List<String> names = new ArrayList<>(parts.keySet());
    String name = names.get(m.value() % names.size());
    byte[] part = parts.get(name);
    int at = (int) Math.floor(m.at() * part.length);
    parts.put(
        name,
        m.value() % 2 == 0
            ? splice(part, at, 0, m.text().getBytes(StandardCharsets.UTF_8))
            : splice(part, at, Math.min(1 + m.value() % 8, part.length - at), new byte[0]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> p : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(p.getKey()));
        zip.write(p.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
    byte[] out = new byte[bytes.length - remove + insert.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
    return out;
  }

  /** The keys of an English message bundle on the class path ({@code i18n/treaties}). */
  public static Properties messages(String bundle) {
    Properties messages = new Properties();
    try (InputStream in = FileMutations.class.getResourceAsStream("/" + bundle + ".properties")) {
      messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return messages;
  }

  /** A resource on the class path, as bytes. */
  public static byte[] resource(String path) {
    try (InputStream in = FileMutations.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
