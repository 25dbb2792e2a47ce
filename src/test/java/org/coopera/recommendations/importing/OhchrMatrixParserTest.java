package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The three real OHCHR matrices shipped as demo data; the exact values were checked by hand against
 * the documents (and the derived CSV described in their SOURCE.md).
 */
class OhchrMatrixParserTest {

  static final String CHINA_17 = "China_UPR17_2013_Matrix_recommendations_2013.docx";
  static final String SLOVENIA_20 =
      "Slovenia_UPR20_2014_UPR20__Slovenia_ThematicListRecommendations_E.docx";
  static final String SLOVENIA_34 =
      "Slovenia_UPR34_2019_UPR34_Slovenia_Thematic_list_of_Recommendations.docx";

  static byte[] matrix(String name) {
    return ImportFixtures.resource("/demo/recommendations/" + name);
  }

  private static ParsedFile parse(String name) throws IOException {
    return OhchrMatrixParser.parse(name, matrix(name));
  }

  private static Map<String, SourceRow> byParagraph(ParsedFile file) {
    return file.rows().stream()
        .collect(Collectors.toMap(SourceRow::paragraph, Function.identity()));
  }

  private static Map<String, Long> responses(ParsedFile file) {
    return file.rows().stream()
        .collect(Collectors.groupingBy(SourceRow::response, Collectors.counting()));
  }

  @Test
  void china2013HasItsRecommendationsAndPositions() throws IOException {
    ParsedFile file = parse(CHINA_17);

    assertThat(file.format()).isEqualTo(ImportFormat.OHCHR_MATRIX);
    assertThat(file.problems()).isEmpty();
    assertThat(file.rowsRead()).isEqualTo(252);
    assertThat(file.rows()).hasSize(252);
    assertThat(responses(file)).containsOnly(Map.entry("Supported", 204L), Map.entry("Noted", 48L));
    assertThat(file.rows())
        .allSatisfy(
            row -> {
              assertThat(row.stateUnderReview()).isEqualTo("China");
              assertThat(row.cycle()).isEqualTo("2");
              assertThat(row.session()).isEqualTo("17");
              assertThat(row.mechanism()).isEqualTo("UPR");
              assertThat(row.documentSymbol()).isEqualTo("A/HRC/25/5");
              assertThat(row.text()).isNotBlank();
            });
  }

  @Test
  void slovenia2014HasItsRecommendationsAndPositions() throws IOException {
    ParsedFile file = parse(SLOVENIA_20);

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).hasSize(163);
    assertThat(responses(file)).containsOnly(Map.entry("Supported", 142L), Map.entry("Noted", 21L));
    assertThat(file.rows())
        .extracting(SourceRow::stateUnderReview, SourceRow::cycle, SourceRow::session)
        .containsOnly(tuple("Slovenia", "2", "20"));
  }

  @Test
  void slovenia2019HasItsRecommendationsAndPositions() throws IOException {
    ParsedFile file = parse(SLOVENIA_34);

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).hasSize(215);
    assertThat(responses(file)).containsOnly(Map.entry("Supported", 182L), Map.entry("Noted", 33L));
    assertThat(file.rows())
        .extracting(SourceRow::stateUnderReview, SourceRow::cycle, SourceRow::session)
        .containsOnly(tuple("Slovenia", "3", "34"));
  }

  @Test
  void aParagraphBundlingTwoRecommendationsKeepsBothStates() throws IOException {
    SourceRow row = byParagraph(parse(CHINA_17)).get("186.23");

    assertThat(row.row()).as("table row, heading row = 1").isEqualTo(8);
    assertThat(row.text())
        .startsWith("Continue efforts to ratify the OP-CAT and CPED")
        .endsWith("guaranteeing the rights of those deprived of their liberty (France)");
    assertThat(row.recommendingStates()).containsExactly("Argentina", "France");
    assertThat(row.response()).isEqualTo("Noted");
    assertThat(row.responseSource()).isEqualTo("A/HRC/25/5/Add.1 - Para. 186.23.");
    assertThat(row.themes()).containsExactly("A12", "B51", "D32", "A41", "D25");
    assertThat(row.sdgTargets()).isEmpty();
    assertThat(row.affectedGroups())
        .containsExactly("disappeared persons", "general", "persons deprived of their liberty");
  }

  @Test
  void tenRecommendationsInOneParagraphGiveEachStateOnce() throws IOException {
    SourceRow row = byParagraph(parse(CHINA_17)).get("186.1");

    assertThat(row.recommendingStates())
        .containsExactly(
            "Albania",
            "Chile",
            "Belgium",
            "Hungary",
            "Japan",
            "Maldives",
            "Spain",
            "Sierra Le one",
            "France");
  }

  @Test
  void aCommaSeparatedListOfStates() throws IOException {
    SourceRow row = byParagraph(parse(SLOVENIA_20)).get("115.16");

    assertThat(row.recommendingStates())
        .containsExactly("Belgium", "France", "Tunisia", "Sierra Leone", "Argentina");
    assertThat(row.themes()).containsExactly("A12", "D32");
    assertThat(row.affectedGroups()).containsExactly("disappeared persons");
    assertThat(row.responseSource()).isEqualTo("A/HRC/28/15/Add.1 - Para. 3");
    assertThat(row.documentSymbol()).isEqualTo("A/HRC/28/15");
  }

  @Test
  void anAcronymInParenthesesIsNotAStateButANestedStateNameIsKeptWhole() throws IOException {
    SourceRow row = byParagraph(parse(SLOVENIA_20)).get("115.6");

    assertThat(row.recommendingStates()).containsExactly("Iran (Islamic Republic of)");
    assertThat(row.response()).isEqualTo("Noted");
    assertThat(row.themes()).containsExactly("A12", "G4");
  }

  @Test
  void the2019LayoutGivesThemeNamesSdgsAndAffectedPersons() throws IOException {
    Map<String, SourceRow> rows = byParagraph(parse(SLOVENIA_34));

    SourceRow first = rows.get("121.1");
    assertThat(first.row()).isEqualTo(3);
    assertThat(first.text())
        .isEqualTo(
            "Ratify the International Convention for the Protection of All Persons from Enforced"
                + " Disappearance (France) (Lithuania)");
    assertThat(first.recommendingStates()).containsExactly("France", "Lithuania");
    assertThat(first.themes())
        .containsExactly("Acceptance of international norms", "Enforced disappearances");
    assertThat(first.sdgTargets()).containsExactly("16");
    assertThat(first.affectedGroups()).containsExactly("Disappeared persons");
    assertThat(first.responseSource()).isEqualTo("A/HRC/43/15 - Para 121");

    SourceRow ilo = rows.get("121.3");
    assertThat(ilo.recommendingStates())
        .as("(No. 29) is not a State")
        .containsExactly("United Kingdom of Great Britain and Northern Ireland");
    assertThat(ilo.text()).contains("International Labour Organization’s 2014 Protocol");
    assertThat(ilo.sdgTargets()).containsExactly("8");
    assertThat(ilo.affectedGroups()).isEmpty();

    SourceRow aid = rows.get("122.63");
    assertThat(aid.row()).isEqualTo(11);
    assertThat(aid.sdgTargets()).containsExactly("17");
    assertThat(aid.documentSymbol()).isEqualTo("A/HRC/43/15");
    assertThat(aid.responseSource()).isEqualTo("A/HRC/43/15/Add.1 - Para.3");
  }

  @Test
  void findsColumnsByHeadingInOtherLayouts() throws IOException {
    byte[] docx =
        ImportFixtures.docx(
            List.of("Universal Periodic Review of Paraguay", "Third cycle, session 38"),
            List.of(
                List.of(
                    "No.",
                    "Recommendations",
                    "Recommending State(s)",
                    "Position",
                    "Relevant SDGs",
                    "Groups of Persons",
                    "Notes"),
                List.of("Theme: Women"),
                List.of(
                    "108.12.",
                    "Strengthen the\u00A0national  mechanism for the prevention of torture",
                    "Denmark; Chile",
                    "Supported",
                    "16.3, 5",
                    "Persons deprived of their liberty",
                    "ignored")));

    ParsedFile file = OhchrMatrixParser.parse("matrix.docx", docx);

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).hasSize(1);
    SourceRow row = file.rows().get(0);
    assertThat(row.row()).isEqualTo(3);
    assertThat(row.paragraph()).isEqualTo("108.12");
    assertThat(row.text())
        .as("non-breaking space made plain, runs collapsed")
        .isEqualTo("Strengthen the national mechanism for the prevention of torture");
    assertThat(row.recommendingStates()).containsExactly("Denmark", "Chile");
    assertThat(row.response()).isEqualTo("Supported");
    assertThat(row.sdgTargets()).containsExactly("16.3", "5");
    assertThat(row.affectedGroups()).containsExactly("Persons deprived of their liberty");
    assertThat(row.stateUnderReview()).isEqualTo("Paraguay");
    assertThat(row.session()).isEqualTo("38");
    assertThat(row.cycle()).as("\"Third\" is not a number: left to the caller").isNull();
  }

  @Test
  void withoutARecommendationColumnTheFileIsNotAMatrix() throws IOException {
    byte[] docx =
        ImportFixtures.docx(
            List.of("Minutes"), List.of(List.of("Item", "Decision"), List.of("1", "Adopted")));

    assertThat(OhchrMatrixParser.parse("minutes.docx", docx).problems())
        .containsExactly(
            FileProblem.ofFile("import.problem.file.no-recommendation-column", "minutes.docx"));
  }

  @Test
  void whatTheDocumentDoesNotSayItsNameMaySay() throws IOException {
    byte[] docx = untitledMatrix();

    ParsedFile file = OhchrMatrixParser.parse("Lesotho_UPR35_matrix.docx", docx);

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).as("a theme heading typed in the first of two cells").hasSize(1);
    SourceRow row = file.rows().get(0);
    assertThat(row.row()).isEqualTo(3);
    assertThat(row.stateUnderReview()).isEqualTo("Lesotho");
    assertThat(row.session()).isEqualTo("35");
    assertThat(row.cycle()).as("left to the validation, which knows the session's cycle").isNull();
    assertThat(row.paragraph()).isEqualTo("1.1");
    assertThat(row.recommendingStates()).containsExactly("Chile");
  }

  @Test
  void aMatrixThatSaysNeitherWhoWasReviewedNorWhenIsRefusedAsAWhole() throws IOException {
    assertThat(OhchrMatrixParser.parse("matrix.docx", untitledMatrix()).problems())
        .as("one message for the file, not one per row")
        .containsExactly(FileProblem.ofFile("import.problem.file.matrix-no-state", "matrix.docx"));
    assertThat(
            OhchrMatrixParser.parse("matrix.docx", matrixTitled(List.of("UPR of Lesotho")))
                .problems())
        .containsExactly(
            FileProblem.ofFile("import.problem.file.matrix-no-session", "matrix.docx"));
  }

  private static byte[] untitledMatrix() throws IOException {
    return matrixTitled(List.of());
  }

  private static byte[] matrixTitled(List<String> paragraphs) throws IOException {
    return ImportFixtures.docx(
        paragraphs,
        List.of(
            List.of("Recommendation", "Position"),
            List.of("Theme: Health", ""),
            List.of("1.1 Ratify the CRPD (Chile)", "Noted")));
  }

  @Test
  void theReviewIsReadFromTheHeaderOrTheFileName() {
    assertThat(
            MatrixTitle.find(
                List.of("UPR of China (2nd Cycle – 17th session)\t\t\tThematic list"), "x.docx"))
        .isEqualTo(new MatrixTitle("China", "2", "17"));
    assertThat(
            MatrixTitle.find(
                List.of("UPR of Bolivia (Plurinational State of) (3rd Cycle - 34th Session)"),
                "x.docx"))
        .isEqualTo(new MatrixTitle("Bolivia (Plurinational State of)", "3", "34"));
    assertThat(MatrixTitle.find(List.of(), "China_UPR17_2013_Matrix_recommendations_2013.docx"))
        .isEqualTo(new MatrixTitle("China", null, "17"));
    assertThat(MatrixTitle.find(List.of(), "UPR20__Slovenia_ThematicListRecommendations_E.docx"))
        .isEqualTo(new MatrixTitle("Slovenia", null, "20"));
    assertThat(MatrixTitle.find(List.of(), "Russian_Federation_UPR30_Thematic_list.docx"))
        .isEqualTo(new MatrixTitle("Russian Federation", null, "30"));
    assertThat(MatrixTitle.find(List.of("Thematic list of recommendations"), "matrix.docx"))
        .isEqualTo(new MatrixTitle(null, null, null));
  }

  @Test
  void recommendingStatesAreTheParenthesesEndingEachRecommendation() {
    assertThat(MatrixText.states("Ratify the OP-CAT (Czech Republic; Slovakia)"))
        .containsExactly("Czech Republic", "Slovakia");
    assertThat(MatrixText.states("Abolish the death penalty (Sierra Leone, Chad)"))
        .containsExactly("Sierra Leone", "Chad");
    assertThat(MatrixText.states("Ratify the ICCPR-OP2 (ICCPR-OP2)")).isEmpty();
    assertThat(MatrixText.states("Implement the plan (2011–2020)")).isEmpty();
    assertThat(MatrixText.states("Ratify the OP-CAT (OP-CAT) (Venezuela (Bolivarian Republic of))"))
        .containsExactly("Venezuela (Bolivarian Republic of)");
    assertThat(MatrixText.states("Accede to the Convention (OP-CAT) without delay")).isEmpty();
  }

  @Test
  void theSourceOfPositionGivesTheResponseSourceAndTheReportSymbol() {
    MatrixText text =
        MatrixText.of(
            "186.28. Continue its efforts (Mongolia);\nSource of position: A/HRC/25/5/Add.1 - Para."
                + " 186.28. ");

    assertThat(text.paragraph()).isEqualTo("186.28");
    assertThat(text.text()).isEqualTo("Continue its efforts (Mongolia)");
    assertThat(text.recommendingStates()).containsExactly("Mongolia");
    assertThat(text.responseSource()).isEqualTo("A/HRC/25/5/Add.1 - Para. 186.28.");
    assertThat(text.documentSymbol()).isEqualTo("A/HRC/25/5");
  }

  @Test
  void themeCodesSdgCodesAndBlocks() {
    MatrixThemes themes =
        new MatrixThemes()
            .read(
                List.of(
                    "A12 Acceptance of international norms",
                    "S16 SDG 16 - peace, justice and strong institutions",
                    "D51 Administration of justice & fair trial",
                    "SDGs: ",
                    "- 5 - GENDER EQUALITY",
                    "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
                    "Affected persons:",
                    "- women",
                    "- general"),
                MatrixThemes.Block.THEMES);

    assertThat(themes.themes()).containsExactly("A12", "D51");
    assertThat(themes.sdgTargets()).containsExactly("16", "5");
    assertThat(themes.affectedGroups()).containsExactly("women", "general");
  }
}
