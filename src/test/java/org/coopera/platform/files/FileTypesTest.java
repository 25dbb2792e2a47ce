package org.coopera.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A file's type is what its content shows, and only documents and pictures pass. */
class FileTypesTest {

  @Test
  void documentsAndPicturesAreToldFromTheirContentWhateverTheirName() throws IOException {
    assertThat(FileTypes.detect("report.bin", bytes("%PDF-1.7\n%âãÏÓ\n"))).isEqualTo(FileTypes.PDF);
    assertThat(
            FileTypes.detect(
                "photo", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}))
        .isEqualTo(FileTypes.PNG);
    assertThat(FileTypes.detect("x.png", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .isEqualTo(FileTypes.JPEG);
    assertThat(FileTypes.detect("minutes.pdf", docx())).isEqualTo(FileTypes.DOCX);
    assertThat(FileTypes.detect("figures", xlsx())).isEqualTo(FileTypes.XLSX);
    assertThat(
            FileTypes.detect(
                "plan.odt",
                zip("mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")))
        .isEqualTo(FileTypes.ODT);
  }

  @Test
  void textMustBeUtf8AndNamedAsText() {
    assertThat(FileTypes.detect("values.csv", bytes("period,value\n2025-06,12\n")))
        .isEqualTo(FileTypes.CSV);
    assertThat(FileTypes.detect("note.TXT", bytes("\uFEFFNote de la réunion\r\n")))
        .isEqualTo(FileTypes.TEXT);
    assertThat(FileTypes.detect("note.md", bytes("# Note"))).as("not named as text").isNull();
    assertThat(FileTypes.detect("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9}))
        .as("not UTF-8")
        .isNull();
    assertThat(FileTypes.detect("bin.txt", new byte[] {'a', 0, 'b'})).as("a NUL byte").isNull();
  }

  @Test
  void whatABrowserOrAComputerWouldRunIsRefused() throws IOException {
    assertThat(FileTypes.detect("page.txt", bytes("<!DOCTYPE html><script>alert(1)</script>")))
        .isNull();
    assertThat(FileTypes.detect("chart.txt", bytes("<svg onload=\"alert(1)\"></svg>"))).isNull();
    assertThat(FileTypes.detect("setup.pdf", bytes("MZ\u0090\u0000program"))).isNull();
    assertThat(FileTypes.detect("tool.docx", bytes("\u007fELF"))).isNull();
    assertThat(FileTypes.detect("archive.docx", zip("readme.txt", "hello", "run.sh", "rm")))
        .as("a ZIP that is no Office document")
        .isNull();
    assertThat(FileTypes.detect("broken.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3}))
        .as("a ZIP cut short")
        .isNull();
    assertThat(FileTypes.detect("empty.pdf", new byte[0])).isNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Progress report");
      document.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xlsx() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Values").createRow(0).createCell(0).setCellValue(12);
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] zip(String... namesAndContents) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
