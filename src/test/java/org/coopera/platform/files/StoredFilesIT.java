package org.coopera.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.coopera.platform.FileResponses;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.StoredFiles;
import org.coopera.platform.StoredFiles.StoredFile;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files kept in the database: what passes comes back byte for byte; what does not leaves no trace.
 */
@CooperaIntegrationTest
class StoredFilesIT {

  private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-00000000a11c");

  @Autowired StoredFiles files;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired MessageSource messages;

  @Test
  void aKeptFileComesBackAsItWasWithItsDescription() {
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
    StoredFile kept =
        transactions.execute(
            tx -> files.store("C:\\Users\\ana\\Informe de avance.pdf", pdf, PERSON));

    assertThat(kept.fileName()).as("the path dropped").isEqualTo("Informe de avance.pdf");
    assertThat(kept.mediaType()).isEqualTo("application/pdf");
    assertThat(kept.size()).isEqualTo(pdf.length);
    assertThat(kept.sha256()).hasSize(64);
    assertThat(files.find(kept.id())).contains(kept);
    assertThat(files.content(kept.id())).isEqualTo(pdf);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where table_name = 'stored_file' and record_id = ?")
                .param(kept.id().toString())
                .query(Long.class)
                .single())
        .as("the description is audited")
        .isEqualTo(1);

    ResponseEntity<byte[]> answer = FileResponses.attachment(kept, files.content(kept.id()));
    assertThat(answer.getHeaders().getFirst("Content-Disposition"))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''Informe%20de%20avance.pdf");
    assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.getHeaders().getContentType()).hasToString("application/pdf");
  }

  @Test
  void aFileOverTheLimitIsRefusedWithTheLimitNamedAndNothingIsWritten() {
    long before = count();
    byte[] big = new byte[(int) files.maxSize() + 1];
    System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);

    assertThatThrownBy(() -> transactions.execute(tx -> files.store("scan.pdf", big, PERSON)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(messages.getMessage(e, java.util.Locale.ENGLISH))
                    .isEqualTo("scan.pdf is too large: files of up to 20 MB can be attached."));
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aProgramOrAWebPageIsRefusedWhateverItsName() {
    long before = count();
    byte[] program = Arrays.copyOf("MZ".getBytes(StandardCharsets.US_ASCII), 64);

    assertThatThrownBy(
            () -> transactions.execute(tx -> files.store("evidence.pdf", program, PERSON)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("files.error.type");
              assertThat(messages.getMessage(e, java.util.Locale.FRENCH))
                  .startsWith("evidence.pdf ne peut pas être joint");
            });
    assertThatThrownBy(
            () ->
                transactions.execute(
                    tx ->
                        files.store(
                            "notes.txt",
                            "<html><script>steal()</script></html>"
                                .getBytes(StandardCharsets.UTF_8),
                            PERSON)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () -> transactions.execute(tx -> files.store("empty.pdf", new byte[0], PERSON)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aDocumentThatRunsSomethingWhenOpenedIsRefused() throws Exception {
    long before = count();
    byte[] script;
    try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      document
          .getDocumentCatalog()
          .setOpenAction(
              new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert(1)"));
      var out = new java.io.ByteArrayOutputStream();
      document.save(out);
      script = out.toByteArray();
    }
    var macros = new java.io.ByteArrayOutputStream();
    try (var zip = new java.util.zip.ZipOutputStream(macros)) {
      for (String part :
          new String[] {"[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"}) {
        zip.putNextEntry(new java.util.zip.ZipEntry(part));
        zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    for (var file :
        java.util.Map.of("report.pdf", script, "report.docx", macros.toByteArray()).entrySet()) {
      assertThatThrownBy(
              () -> transactions.execute(tx -> files.store(file.getKey(), file.getValue(), PERSON)))
          .as(file.getKey())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(messages.getMessage(e, java.util.Locale.ENGLISH))
                      .startsWith(
                          file.getKey()
                              + " cannot be attached: it carries content that runs when it is"
                              + " opened"));
    }
    assertThat(count()).isEqualTo(before);
  }

  private long count() {
    return jdbc.sql(
            "select (select count(*) from stored_file) + (select count(*) from stored_file_content)")
        .query(Long.class)
        .single();
  }
}
