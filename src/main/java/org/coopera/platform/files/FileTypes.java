package org.coopera.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of a file as its content shows it, among the types Coopera keeps; null for any other
 * (programs, web pages and SVG pictures, which a browser would run, archives, unknown binaries).
 */
final class FileTypes {

  static final String PDF = "application/pdf";
  static final String PNG = "image/png";
  static final String JPEG = "image/jpeg";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  static final String ODT = "application/vnd.oasis.opendocument.text";
  static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
  static final String TEXT = "text/plain";
  static final String CSV = "text/csv";

  /** How many ZIP entries are looked at to tell an Office document from another archive. */
  private static final int ZIP_ENTRIES_READ = 2_000;

  private FileTypes() {}

  static String detect(String fileName, byte[] content) {
    if (content.length == 0) {
      return null;
    }
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return PDF;
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
      return PNG;
    }
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return JPEG;
    }
    if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
      return office(content);
    }
    return text(fileName, content);
  }

  /** An Office Open XML or OpenDocument file, by the entries of its ZIP container. */
  private static String office(byte[] content) {
    Set<String> names = new HashSet<>();
    String openDocument = null;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null && names.size() < ZIP_ENTRIES_READ) {
        names.add(entry.getName());
        if (entry.getName().equals("mimetype") && openDocument == null) {
          openDocument = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
    if (ODT.equals(openDocument) || ODS.equals(openDocument)) {
      return openDocument;
    }
    if (!names.contains("[Content_Types].xml")) {
      return null;
    }
    if (names.contains("word/document.xml")) {
      return DOCX;
    }
    if (names.contains("xl/workbook.xml")) {
      return XLSX;
    }
    if (names.contains("ppt/presentation.xml")) {
      return PPTX;
    }
    return null;
  }

  /**
   * Plain text or CSV: valid UTF-8 with no control characters but tab and line ends, named .txt or
   * .csv, and not a web page.
   */
  private static String text(String fileName, byte[] content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".txt")) {
      return null;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return null;
      }
    }
    String start = text.stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype")
        || start.startsWith("<html")
        || start.startsWith("<svg")
        || start.startsWith("<?xml")) {
      return null;
    }
    return csv ? CSV : TEXT;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
