package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files made to attack the readers of XLSX and DOCX: XML external entities pointing at a file with
 * a secret, an entity expansion bomb ("billion laughs"), too many parts, an archive inside the
 * archive. Each is refused with a problem whose message exists, and the secret never appears in
 * what was read.
 */
class HostileFilesTest {

  private static final String SECRET = "SECRET-7f3a9c";

  @TempDir static Path folder;
  private static String secretUri;
  private static Properties messages;

  private final ImportFiles files = new ImportFiles();

  @BeforeAll
  static void secretFile() throws IOException {
    Path secret = folder.resolve("secret.txt");
    Files.writeString(secret, SECRET);
    secretUri = secret.toUri().toString();
    messages = new Properties();
    try (var in = HostileFilesTest.class.getResourceAsStream("/i18n/recommendations.properties")) {
      messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /** A document type declaring an external entity, and the entity used where text goes. */
  private static UnaryOperator<String> externalEntity(String root, String textTag) {
    return xml ->
        withDoctype(xml, root, "<!ENTITY x SYSTEM \"" + secretUri + "\">")
            .replaceFirst("(<" + textTag + "(\\s[^>]*)?>)", "$1&x;");
  }

  /** Ten levels of ten: 10^10 copies of "lol" if the parser expanded them. */
  private static UnaryOperator<String> entityBomb(String root, String textTag) {
    StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      entities.append("<!ENTITY l").append(i).append(" \"");
      entities.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return xml ->
        withDoctype(xml, root, entities.toString())
            .replaceFirst("(<" + textTag + "(\\s[^>]*)?>)", "$1&l10;");
  }

  private static String withDoctype(String xml, String root, String declarations) {
    String doctype = "<!DOCTYPE " + root + " [" + declarations + "]>";
    int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    return xml.substring(0, end) + doctype + xml.substring(end);
  }

  private static byte[] xlsx() {
    return ImportFixtures.fixture("coopera-template.xlsx");
  }

  private static byte[] docx() {
    return OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34);
  }

  @Test
  void theFixturesAreReadWhenNotTamperedWith() {
    assertThat(files.read("t.xlsx", xlsx(), null).problems()).isEmpty();
    assertThat(files.read("m.docx", docx(), null).rows()).isNotEmpty();
  }

  @Test
  void anExternalEntityInASheetIsRefusedUnresolved() {
    assertRefused(
        "entity.xlsx", rewrite(xlsx(), "xl/sharedStrings.xml", externalEntity("sst", "t")));
  }

  @Test
  void anExternalEntityInTheContentTypesOfAWorkbookIsRefusedUnresolved() {
    assertRefused(
        "types.xlsx",
        rewrite(
            xlsx(),
            "[Content_Types].xml",
            xml -> withDoctype(xml, "Types", "<!ENTITY x SYSTEM \"" + secretUri + "\">")));
  }

  @Test
  void anExternalEntityInAWordDocumentIsRefusedUnresolved() {
    assertRefused(
        "entity.docx", rewrite(docx(), "word/document.xml", externalEntity("w:document", "w:t")));
  }

  @Test
  void anEntityExpansionBombIsRefusedUnexpanded() {
    assertRefused("lol.xlsx", rewrite(xlsx(), "xl/sharedStrings.xml", entityBomb("sst", "t")));
    assertRefused(
        "lol.docx", rewrite(docx(), "word/document.xml", entityBomb("w:document", "w:t")));
  }

  @Test
  void aWorkbookOfTooManyPartsIsAZipBomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        ZipInputStream original = new ZipInputStream(new ByteArrayInputStream(xlsx()))) {
      copy(original, zip, UnaryOperator.identity(), null);
      for (int i = 0; i <= org.coopera.platform.OoxmlLimits.MAX_FILE_COUNT; i++) {
        zip.putNextEntry(new ZipEntry("xl/media/part" + i + ".xml"));
        zip.write('x');
        zip.closeEntry();
      }
    }
    ParsedFile file = files.read("many.xlsx", bytes.toByteArray(), null);
    assertThat(file.rows()).isEmpty();
    assertThat(file.problems())
        .extracting(FileProblem::messageKey)
        .containsExactly("import.problem.file.zip-bomb");
  }

  @Test
  void anArchiveInsideAnArchiveIsNotOpened() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("inner.xlsx"));
      zip.write(xlsx());
      zip.closeEntry();
    }
    ParsedFile file = files.read("nested.xlsx", bytes.toByteArray(), null);
    assertThat(file.rows()).isEmpty();
    assertThat(file.problems())
        .extracting(FileProblem::messageKey)
        .containsExactly("import.problem.file.other-zip");
  }

  private void assertRefused(String name, byte[] content) {
    ParsedFile file = files.read(name, content, null);
    assertThat(file.toString()).doesNotContain(SECRET).doesNotContain("lollollol");
    assertThat(file.rows()).as(name).isEmpty();
    assertThat(file.problems()).as(name).isNotEmpty();
    for (FileProblem problem : file.problems()) {
      assertThat(messages).as(name).containsKey(problem.messageKey());
    }
    assertThat(file.problems())
        .extracting(FileProblem::messageKey)
        .containsExactly("import.problem.file.damaged");
  }

  /** The ZIP with one part rewritten, the others copied. */
  static byte[] rewrite(byte[] zipBytes, String part, UnaryOperator<String> change) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        ZipInputStream original = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
      if (!copy(original, zip, change, part)) {
        throw new IllegalArgumentException("No part " + part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static boolean copy(
      ZipInputStream from, ZipOutputStream to, UnaryOperator<String> change, String part)
      throws IOException {
    boolean found = false;
    ZipEntry entry;
    while ((entry = from.getNextEntry()) != null) {
      byte[] content = from.readAllBytes();
      if (entry.getName().equals(part)) {
        content =
            change
                .apply(new String(content, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        found = true;
      }
      to.putNextEntry(new ZipEntry(entry.getName()));
      to.write(content);
      to.closeEntry();
    }
    return found;
  }
}
