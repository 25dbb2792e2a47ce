package org.coopera.recommendations.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.coopera.platform.OoxmlLimits;

/**
 * Looks inside a ZIP container without trusting or unpacking it: reads its central directory (a
 * file cut short has none, or one that points past its end), the sizes its entries declare (one
 * that would inflate beyond {@link OoxmlLimits} marks a zip bomb before POI is asked), and its
 * {@code [Content_Types].xml}, inflated alone into at most {@link #CONTENT_TYPES_LIMIT} bytes and
 * searched as text (never parsed as XML), to tell a DOCX from an XLSX by its main part.
 */
final class ZipContents {

  /** What the container is. */
  enum Kind {
    DOCX,
    XLSX,
    OPEN_DOCUMENT,
    OTHER,
    TRUNCATED,
    BOMB
  }

  static final int CONTENT_TYPES_LIMIT = 1024 * 1024;

  private static final int END_OF_DIRECTORY = 0x06054b50;
  private static final int DIRECTORY_ENTRY = 0x02014b50;
  private static final int LOCAL_ENTRY = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int GRACE = 100 * 1024;

  /** An entry as the central directory declares it. */
  private record Entry(int method, long compressedSize, long size, long localOffset) {}

  private final byte[] zip;
  private final Map<String, Entry> entries = new HashMap<>();

  private ZipContents(byte[] zip) {
    this.zip = zip;
  }

  static Kind kind(byte[] zip) {
    return new ZipContents(zip).inspect();
  }

  private Kind inspect() {
    int end = endOfDirectory();
    if (end < 0) {
      return Kind.TRUNCATED;
    }
    int count = u16(end + 10);
    long size = u32(end + 12);
    long offset = u32(end + 16);
    if (offset + size > end) {
      return Kind.TRUNCATED;
    }
    if (count > OoxmlLimits.MAX_FILE_COUNT) {
      return Kind.BOMB;
    }
    int at = (int) offset;
    for (int i = 0; i < count; i++) {
      if (at + 46 > end || u32(at) != DIRECTORY_ENTRY) {
        return Kind.TRUNCATED;
      }
      int nameLength = u16(at + 28);
      String name =
          new String(zip, at + 46, Math.min(nameLength, end - at - 46), StandardCharsets.UTF_8);
      Entry entry = new Entry(u16(at + 10), u32(at + 20), u32(at + 24), u32(at + 42));
      if (entry.size() > OoxmlLimits.MAX_ENTRY_SIZE
          || entry.size() > GRACE
              && entry.compressedSize() < entry.size() * OoxmlLimits.MIN_INFLATE_RATIO) {
        return Kind.BOMB;
      }
      entries.put(name, entry);
      at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    }
    return byContent();
  }

  private Kind byContent() {
    String types = contentTypes();
    if (types == null) {
      return Kind.BOMB;
    }
    if (types.contains("wordprocessingml.document.main+xml")
        || types.contains("wordprocessingml.template.main+xml")
        || types.contains("ms-word.document.macroEnabled.main+xml")
        || types.isEmpty() && entries.containsKey("word/document.xml")) {
      return Kind.DOCX;
    }
    if (types.contains("spreadsheetml.sheet.main+xml")
        || types.contains("spreadsheetml.template.main+xml")
        || types.contains("ms-excel.sheet.macroEnabled.main+xml")
        || types.isEmpty() && entries.containsKey("xl/workbook.xml")) {
      return Kind.XLSX;
    }
    if (entries.containsKey("mimetype") && entries.containsKey("content.xml")) {
      return Kind.OPEN_DOCUMENT;
    }
    return Kind.OTHER;
  }

  /** The content types part as text; empty when absent or unreadable, null when too large. */
  private String contentTypes() {
    Entry entry = entries.get("[Content_Types].xml");
    if (entry == null) {
      return "";
    }
    long local = entry.localOffset();
    if (local + 30 > zip.length || u32((int) local) != LOCAL_ENTRY) {
      return "";
    }
    long data = local + 30 + u16((int) local + 26) + u16((int) local + 28);
    if (data + entry.compressedSize() > zip.length) {
      return "";
    }
    if (entry.method() == 0) {
      int length = (int) Math.min(entry.compressedSize(), CONTENT_TYPES_LIMIT);
      return new String(zip, (int) data, length, StandardCharsets.UTF_8);
    }
    if (entry.method() != 8) {
      return "";
    }
    return inflate((int) data, (int) entry.compressedSize());
  }

  private String inflate(int from, int length) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(zip, from, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished() && !inflater.needsInput()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
          break;
        }
        out.write(buffer, 0, n);
        if (out.size() > CONTENT_TYPES_LIMIT) {
          return null;
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException damaged) {
      return "";
    } finally {
      inflater.end();
    }
  }

  /** Where the end-of-central-directory record starts, searched back over a comment; or -1. */
  private int endOfDirectory() {
    int last = zip.length - END_SIZE;
    int first = Math.max(0, last - 0xFFFF);
    for (int i = last; i >= first; i--) {
      if (u32(i) == END_OF_DIRECTORY) {
        return i;
      }
    }
    return -1;
  }

  private int u16(int at) {
    return (zip[at] & 0xFF) | (zip[at + 1] & 0xFF) << 8;
  }

  private long u32(int at) {
    return (u16(at) | (long) u16(at + 2) << 16) & 0xFFFFFFFFL;
  }
}
