package org.coopera.capacity.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.OoxmlLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text of a library document is read without resolving XML external entities, without expanding
 * entities, and within {@link OoxmlLimits} even when something set POI's limits back to its own
 * defaults (4 GB a part) before.
 */
class DocumentTextTest {

  private static final String SECRET = "SECRET-4b1d";

  private static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
          + " Extension=\"rels\""
          + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
          + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
          + " PartName=\"/word/document.xml\""
          + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  private static final String RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
          + " Id=\"rId1\""
          + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
          + " Target=\"word/document.xml\"/></Relationships>";
  private static final String BODY_START =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          + "<w:body>";
  private static final String BODY_END = "</w:body></w:document>";

  @TempDir Path folder;

  @AfterEach
  void limitsBack() {
    OoxmlLimits.apply();
  }

  @Test
  void anOrdinaryDocumentIsRead() throws IOException {
    assertThat(DocumentText.of(DocumentText.DOCX, docx("", paragraph("Training manual"))).text())
        .isEqualTo("Training manual");
  }

  @Test
  void anExternalEntityIsNeverResolved() throws IOException {
    Path secret = folder.resolve("secret.txt");
    Files.writeString(secret, SECRET);
    byte[] file =
        docx(
            "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
            paragraph("&x;"));

    assertRefused(file);
  }

  @Test
  void anEntityExpansionBombIsNeverExpanded() throws IOException {
    StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      entities.append("<!ENTITY l").append(i).append(" \"");
      entities.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    assertRefused(docx("<!DOCTYPE w:document [" + entities + "]>", paragraph("&l10;")));
  }

  @Test
  void aZipBombIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES);
      entry(zip, "_rels/.rels", RELS);
      entry(zip, "word/document.xml", BODY_START + paragraph(" ".repeat(20_000_000)) + BODY_END);
    }
    assertThat(bytes.size()).isLessThan(100_000);

    assertRefused(bytes.toByteArray());
  }

  @Test
  void aPartThatInflatesBeyondTheLimitIsRefusedWhateverPoiWasSetTo() throws IOException {
    ZipSecureFile.setMaxEntrySize(0xFFFFFFFFL);
    byte[] file = largeDocx(OoxmlLimits.MAX_ENTRY_SIZE + 10 * 1024 * 1024);
    // Compressed about 70 times: under POI's ratio limit, so only a size limit stands (ours, and
    // POI's 100,000,000 bytes for one array, whichever comes first).
    assertThat(file.length)
        .isGreaterThan((int) (OoxmlLimits.MAX_ENTRY_SIZE * OoxmlLimits.MIN_INFLATE_RATIO));

    assertRefused(file);
  }

  private static void assertRefused(byte[] file) {
    assertThatThrownBy(() -> DocumentText.of(DocumentText.DOCX, file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.messageKey()).isEqualTo("library.error.unreadable"))
        .message()
        .doesNotContain(SECRET);
  }

  private static String paragraph(String text) {
    return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  }

  private static byte[] docx(String doctype, String body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES);
      entry(zip, "_rels/.rels", RELS);
      entry(
          zip,
          "word/document.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + BODY_START + body + BODY_END);
    }
    return bytes.toByteArray();
  }

  /** A valid document whose main part inflates to {@code size} bytes, paragraph after paragraph. */
  private static byte[] largeDocx(long size) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Random random = new Random(7);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(Deflater.BEST_SPEED);
      entry(zip, "[Content_Types].xml", CONTENT_TYPES);
      entry(zip, "_rels/.rels", RELS);
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write(BODY_START.getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[64 * 1024];
      String filler = " ".repeat(170);
      for (long written = 0; written < size; written += block.length) {
        StringBuilder text = new StringBuilder(block.length);
        while (text.length() + 220 < block.length) {
          text.append("<w:p><w:r><w:t>")
              .append((char) ('a' + random.nextInt(26)))
              .append(filler)
              .append("</w:t></w:r></w:p>");
        }
        zip.write(text.toString().getBytes(StandardCharsets.US_ASCII));
      }
      zip.write(BODY_END.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
