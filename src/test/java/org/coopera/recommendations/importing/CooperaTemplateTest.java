package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CooperaTemplateTest {

  private final ImportFiles files = new ImportFiles();

  private void assertFixtureRows(ParsedFile file) {
    assertThat(file.format()).isEqualTo(ImportFormat.COOPERA);
    assertThat(file.problems()).isEmpty();
    assertThat(file.rowsRead()).as("the example row is not counted").isEqualTo(3);
    assertThat(file.rows())
        .extracting(
            SourceRow::row, SourceRow::stateUnderReview, SourceRow::date, SourceRow::response)
        .containsExactly(
            tuple(3, "SVN", "2019-11-13", "supported"),
            tuple(4, "PRY", "2013-13-45", "pending"),
            tuple(5, "Paraguay", "2016", "accepted-ish"));

    SourceRow upr = file.rows().get(0);
    assertThat(upr.mechanism()).isEqualTo("UPR");
    assertThat(upr.cycle()).isEqualTo("3");
    assertThat(upr.session()).isEqualTo("34");
    assertThat(upr.documentSymbol()).isEqualTo("A/HRC/43/15");
    assertThat(upr.paragraph()).isEqualTo("121.10");
    assertThat(upr.language()).as("blank means en").isEqualTo("en");
    assertThat(upr.recommendingStates()).containsExactly("Honduras", "Canada");
    assertThat(upr.responseSource()).isEqualTo("A/HRC/43/15/Add.1");
    assertThat(upr.themes()).containsExactly("G5");
    assertThat(upr.sdgTargets()).containsExactly("10", "16.3");
    assertThat(upr.affectedGroups()).containsExactly("refugees_and_asylum_seekers");

    SourceRow cedaw = file.rows().get(1);
    assertThat(cedaw.mechanism()).isEqualTo("CEDAW");
    assertThat(cedaw.recommendingStates()).isEmpty();
    assertThat(cedaw.session()).isNull();

    SourceRow third = file.rows().get(2);
    assertThat(third.responseComment()).isEqualTo("The State considers it already implemented");
    assertThat(third.actionCategory()).isEqualTo("4");
  }

  @Test
  void readsTheCsvTemplateWithItsByteOrderMark() {
    assertFixtureRows(
        files.read("coopera-template.csv", ImportFixtures.fixture("coopera-template.csv"), null));
  }

  @Test
  void readsTheXlsxTemplateWithNumberAndDateCellsAsTyped() {
    assertFixtureRows(
        files.read("coopera-template.xlsx", ImportFixtures.fixture("coopera-template.xlsx"), null));
  }

  @Test
  void readsAFrenchExcelCsvWithSemicolonsAndHeadingsWithSpaces() {
    String csv =
        "State under review;Text;Recommending states;SDG targets\r\n"
            + "FRA;\"Renforcer l’aide juridictionnelle; en particulier\";Chile;16.3\r\n";

    ParsedFile file = files.read("modèle.csv", csv.getBytes(StandardCharsets.UTF_8), null);

    assertThat(file.format()).isEqualTo(ImportFormat.COOPERA);
    assertThat(file.rows())
        .extracting(SourceRow::stateUnderReview, SourceRow::text, SourceRow::sdgTargets)
        .containsExactly(
            tuple("FRA", "Renforcer l’aide juridictionnelle; en particulier", List.of("16.3")));
  }

  @Test
  void theBlankCsvTemplateHasTheHeadingsAndTwoExamplesAndImportsNothing() {
    byte[] csv = CooperaTemplate.blankCsv();
    String text = new String(csv, StandardCharsets.UTF_8);

    assertThat(text).startsWith("\uFEFF" + String.join(",", CooperaTemplate.COLUMNS) + "\r\n");
    assertThat(text.lines()).hasSize(3);
    assertThat(text).contains("example-1,SVN,UPR,3,34,").contains("example-2,PRY,CEDAW,");

    ParsedFile file = files.read("template.csv", csv, null);
    assertThat(file.format()).isEqualTo(ImportFormat.COOPERA);
    assertThat(file.rows()).isEmpty();
    assertThat(file.problems())
        .containsExactly(FileProblem.ofFile("import.problem.file.no-data-rows", "template.csv"));
  }

  @Test
  void theBlankXlsxTemplateHasABoldHeadingTextCellsAndInstructions() throws IOException {
    byte[] xlsx = CooperaTemplate.blankXlsx(Locale.ENGLISH);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet rows = workbook.getSheetAt(0);
      Row heading = rows.getRow(0);
      assertThat(heading.getLastCellNum()).isEqualTo((short) CooperaTemplate.COLUMNS.size());
      for (Cell cell : heading) {
        assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
      }
      assertThat(rows.getRow(1).getCell(0).getStringCellValue()).isEqualTo("example-1");
      assertThat(rows.getRow(2).getCell(0).getStringCellValue()).isEqualTo("example-2");
      assertThat(rows.getColumnStyle(6).getDataFormatString())
          .as("paragraph as text")
          .isEqualTo("@");

      Sheet instructions = workbook.getSheet("Instructions");
      assertThat(instructions).isNotNull();
      assertThat(instructions.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("How to fill in the Coopera import template");
      for (int c = 0; c < CooperaTemplate.COLUMNS.size(); c++) {
        Row row = instructions.getRow(4 + c);
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(CooperaTemplate.COLUMNS.get(c));
        assertThat(row.getCell(2).getStringCellValue()).isNotBlank();
      }
      assertThat(instructions.getRow(4 + 1).getCell(1).getStringCellValue()).isEqualTo("yes");
    }
    ParsedFile file = files.read("template.xlsx", xlsx, null);
    assertThat(file.format()).isEqualTo(ImportFormat.COOPERA);
    assertThat(file.rows()).isEmpty();
  }

  @Test
  void theInstructionsAreInFrenchForAFrenchReader() throws IOException {
    byte[] xlsx = CooperaTemplate.blankXlsx(Locale.FRENCH);

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("Recommandations");
      assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Comment remplir le modèle d’import de Coopera");
    }
  }

  @Test
  void requiresTheStateAndTheText() {
    ParsedFile file =
        files.read(
            "t.csv",
            "state_under_review,mechanism\nSVN,UPR\n".getBytes(StandardCharsets.UTF_8),
            ImportFormat.COOPERA);

    assertThat(file.problems())
        .containsExactly(
            FileProblem.ofFile("import.problem.file.missing-columns", "t.csv", "text"));
  }
}
