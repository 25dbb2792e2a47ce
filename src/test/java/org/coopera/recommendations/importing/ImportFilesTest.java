package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFilesTest {

  private final ImportFiles files = new ImportFiles();

  private static void assertOnlyProblem(ParsedFile file, String key, Object... arguments) {
    assertThat(file.rows()).isEmpty();
    assertThat(file.rowsRead()).isZero();
    assertThat(file.problems()).containsExactly(FileProblem.ofFile(key, arguments));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // --- what the file is, and which format ---

  @Test
  void aUprInfoCsvIsRecognisedByItsHeadings() {
    ParsedFile file = files.read("upr.txt", ImportFixtures.fixture("upr-info-defects.csv"), null);

    assertThat(file.format()).isEqualTo(ImportFormat.UPR_INFO);
    assertThat(file.rows()).hasSize(11);
  }

  @Test
  void aUprInfoXlsIsRecognisedByItsBytesAndHeadings() {
    ParsedFile file =
        files.read("upr-info.csv", ImportFixtures.fixture("upr-info-legacy.xls"), null);

    assertThat(file.format()).isEqualTo(ImportFormat.UPR_INFO);
    assertThat(file.rows()).hasSize(3);
  }

  @Test
  void aWordDocumentIsAnOhchrMatrix() {
    ParsedFile file =
        files.read(
            "matrix.bin", OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34), null);

    assertThat(file.format()).isEqualTo(ImportFormat.OHCHR_MATRIX);
    assertThat(file.rows()).hasSize(215);
  }

  @Test
  void theCooperaTemplateIsRecognisedAsCsvAndAsXlsx() {
    assertThat(files.read("a.csv", ImportFixtures.fixture("coopera-template.csv"), null).format())
        .isEqualTo(ImportFormat.COOPERA);
    assertThat(files.read("a.xlsx", ImportFixtures.fixture("coopera-template.xlsx"), null).format())
        .isEqualTo(ImportFormat.COOPERA);
  }

  @Test
  void aGivenFormatIsUsedEvenWhenTheHeadingsWouldSaySomethingElse() {
    ParsedFile file =
        files.read("a.csv", ImportFixtures.fixture("upr-info-defects.csv"), ImportFormat.COOPERA);

    assertThat(file.format()).isEqualTo(ImportFormat.COOPERA);
    assertOnlyProblem(file, "import.problem.file.missing-columns", "a.csv", "state_under_review");
  }

  @Test
  void unknownHeadingsAreAnUnknownLayoutNamingThem() {
    ParsedFile file = files.read("people.csv", utf8("Name,Email\nAda,ada@example.org\n"), null);

    assertThat(file.format()).isNull();
    assertOnlyProblem(file, "import.problem.file.unknown-layout", "people.csv", "Name, Email");
  }

  // --- bad files: each one problem, no exception ---

  @Test
  void anEmptyFile() {
    assertOnlyProblem(files.read("a.csv", new byte[0], null), "import.problem.file.empty", "a.csv");
    assertOnlyProblem(files.read(null, null, null), "import.problem.file.empty", "?");
    assertOnlyProblem(
        files.read("a.csv", utf8("\n\r\n  \n"), ImportFormat.UPR_INFO),
        "import.problem.file.empty",
        "a.csv");
  }

  @Test
  void aFileOverTheLimitIsRefusedUnread() {
    byte[] large = new byte[60 * 1024 * 1024];
    Arrays.fill(large, (byte) 'a');

    ParsedFile file = files.read("large.csv", large, ImportFormat.UPR_INFO);

    assertThat(file.format()).isEqualTo(ImportFormat.UPR_INFO);
    assertOnlyProblem(file, "import.problem.file.too-large", "large.csv", 60.0, 50.0);
    assertOnlyProblem(
        new ImportFiles(1024).read("a.csv", new byte[2048], null),
        "import.problem.file.too-large",
        "a.csv",
        0.1,
        0.1);
  }

  @Test
  void aPdfNamedCsvIsAPdf() {
    assertOnlyProblem(
        files.read("pdf-named.csv", ImportFixtures.fixture("pdf-named.csv"), ImportFormat.UPR_INFO),
        "import.problem.file.pdf",
        "pdf-named.csv");
  }

  @Test
  void aTruncatedXlsxIsIncomplete() {
    assertOnlyProblem(
        files.read("truncated.xlsx", ImportFixtures.fixture("truncated.xlsx"), null),
        "import.problem.file.truncated",
        "truncated.xlsx");
  }

  @Test
  void aZipBombIsNotInflated() throws IOException {
    byte[] bomb = ImportFixtures.zipBomb(120);
    assertThat(bomb.length).isLessThan(300 * 1024);

    assertOnlyProblem(
        files.read("bomb.xlsx", bomb, null), "import.problem.file.zip-bomb", "bomb.xlsx");
  }

  @Test
  void aZipBombThatHidesItsSizeIsStoppedByPoi() throws IOException {
    byte[] bomb = ImportFixtures.zipBomb(2);
    // The central directory declares the true size; forge it smaller, as an attacker would, so
    // that only POI's limits while inflating stand in the way.
    forgeDeclaredSizes(bomb);

    assertOnlyProblem(
        files.read("bomb.xlsx", bomb, null), "import.problem.file.zip-bomb", "bomb.xlsx");
  }

  @Test
  void aTextThatIsNoTable() {
    assertOnlyProblem(
        files.read("notes.csv", utf8("Dear colleague\nplease find the list below\n"), null),
        "import.problem.file.not-a-table",
        "notes.csv");
  }

  @Test
  void aWebPageNamedXls() {
    assertOnlyProblem(
        files.read("export.xls", utf8("<!DOCTYPE html><html><table><tr><td>To</td></tr>"), null),
        "import.problem.file.markup",
        "export.xls");
  }

  @Test
  void binaryFilesOfOtherKinds() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    assertOnlyProblem(files.read("a.csv", png, null), "import.problem.file.binary", "a.csv");
    assertOnlyProblem(
        files.read("a.doc", ImportFixtures.compoundFile("WordDocument"), null),
        "import.problem.file.legacy-word",
        "a.doc");
    assertOnlyProblem(
        files.read(
            "a.xlsx", ImportFixtures.compoundFile("EncryptedPackage", "EncryptionInfo"), null),
        "import.problem.file.encrypted",
        "a.xlsx");
    assertOnlyProblem(
        files.read("a.xls", ImportFixtures.compoundFile("Book"), null),
        "import.problem.file.legacy-excel",
        "a.xls");
    assertOnlyProblem(
        files.read("a.xls", ImportFixtures.compoundFile("Something"), null),
        "import.problem.file.binary",
        "a.xls");
    assertOnlyProblem(
        files.read("a.xls", ImportFixtures.compoundFile("Workbook"), null),
        "import.problem.file.damaged",
        "a.xls");
    assertOnlyProblem(
        files.read("a.ods", ImportFixtures.zip("mimetype", "content.xml", "styles.xml"), null),
        "import.problem.file.open-document",
        "a.ods");
    assertOnlyProblem(
        files.read("a.zip", ImportFixtures.zip("readme.txt", "data.csv"), null),
        "import.problem.file.other-zip",
        "a.zip");
  }

  @Test
  void aFileThatIsNotWhatTheChosenFormatNeeds() {
    byte[] docx = OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_20);
    assertOnlyProblem(
        files.read("m.docx", docx, ImportFormat.COOPERA),
        "import.problem.file.word-not-table",
        "m.docx");
    assertOnlyProblem(
        files.read(
            "m.csv", ImportFixtures.fixture("coopera-template.csv"), ImportFormat.OHCHR_MATRIX),
        "import.problem.file.not-word",
        "m.csv");
    assertOnlyProblem(
        files.read(
            "m.xls", ImportFixtures.fixture("upr-info-legacy.xls"), ImportFormat.OHCHR_MATRIX),
        "import.problem.file.not-word",
        "m.xls");
    assertOnlyProblem(
        files.read(
            "m.xlsx", ImportFixtures.fixture("coopera-template.xlsx"), ImportFormat.OHCHR_MATRIX),
        "import.problem.file.not-word",
        "m.xlsx");
  }

  @Test
  void aWordDocumentWithoutAMatrixOrAnyTable() throws IOException {
    assertOnlyProblem(
        files.read("letter.docx", ImportFixtures.docx(List.of("Dear colleague"), List.of()), null),
        "import.problem.file.no-recommendation-column",
        "letter.docx");
  }

  @Test
  void aSpreadsheetWithNothingOnItsFirstSheet() throws IOException {
    byte[] xlsx;
    try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      workbook.createSheet("Empty");
      var bytes = new java.io.ByteArrayOutputStream();
      workbook.write(bytes);
      xlsx = bytes.toByteArray();
    }
    assertOnlyProblem(files.read("e.xlsx", xlsx, null), "import.problem.file.no-rows", "e.xlsx");
  }

  @Test
  void aDamagedDocxIsReportedNotThrown() {
    byte[] docx = OhchrMatrixParserTest.matrix(OhchrMatrixParserTest.SLOVENIA_34).clone();
    for (int i = 2000; i < docx.length - 2000; i++) {
      docx[i] ^= 0x55;
    }

    ParsedFile file = files.read("damaged.docx", docx, null);

    assertThat(file.rows()).isEmpty();
    assertThat(file.problems()).hasSize(1);
    assertThat(file.problems().get(0).messageKey())
        .isIn("import.problem.file.damaged", "import.problem.file.truncated");
  }

  /** Rewrites every size in the central directory of a ZIP to 100 bytes. */
  private static void forgeDeclaredSizes(byte[] zip) {
    for (int i = 0; i + 46 < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
        zip[i + 24] = 100;
        zip[i + 25] = 0;
        zip[i + 26] = 0;
        zip[i + 27] = 0;
      }
    }
  }
}
