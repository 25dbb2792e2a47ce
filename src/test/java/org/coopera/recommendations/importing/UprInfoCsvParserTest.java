package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UprInfoCsvParserTest {

  private static ParsedFile fixture() {
    return UprInfoCsvParser.parse(
        "upr-info-defects.csv", ImportFixtures.fixture("upr-info-defects.csv"));
  }

  private static ParsedFile parse(String csv) {
    return UprInfoCsvParser.parse("test.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryRowOfTheDefectiveExportAsWrittenWithTheNumbersAPersonSees() {
    ParsedFile file = fixture();

    assertThat(file.format()).isEqualTo(ImportFormat.UPR_INFO);
    assertThat(file.problems()).isEmpty();
    assertThat(file.rowsRead()).isEqualTo(11);
    assertThat(file.rows())
        .extracting(SourceRow::row, r -> r.recommendingStates().get(0), SourceRow::session)
        .containsExactly(
            tuple(2, "Norway", "8"),
            tuple(3, "Norway", "8"),
            tuple(4, "Bosnia & Herzegovina", "9"),
            tuple(5, "Republic of Congo", "9"),
            tuple(6, "DPR Korea", "9"),
            tuple(7, "St Kitts & Nevis", "9"),
            tuple(8, "(Unknown)", "9"),
            tuple(9, "Chile", "9"),
            tuple(10, "France", "9"),
            tuple(11, "Atlantis", "9"),
            tuple(12, "Uruguay", "abc"));
  }

  @Test
  void mapsTheColumnsByHeading() {
    SourceRow first = fixture().rows().get(0);

    assertThat(first.stateUnderReview()).isEqualTo("Lesotho");
    assertThat(first.text())
        .as("trimmed")
        .isEqualTo(
            "Adopt a national plan to end child marriage and raise the minimum age of marriage to"
                + " 18");
    assertThat(first.response()).isEqualTo("Accepted");
    assertThat(first.actionCategory()).isEqualTo("5");
    assertThat(first.themes()).containsExactly("Rights of the Child", "Women's rights");
    assertThat(first.mechanism()).isEqualTo("UPR");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.cycle()).isNull();
    assertThat(first.sdgTargets()).isEmpty();
  }

  @Test
  void keepsDuplicatesAndSplitRecommendationsForTheValidatorToJudge() {
    List<SourceRow> rows = fixture().rows();

    assertThat(rows.get(1)).usingRecursiveComparison().ignoringFields("row").isEqualTo(rows.get(0));
    assertThat(rows.get(2).text()).isEqualTo(rows.get(3).text());
    assertThat(rows.get(2).recommendingStates()).isNotEqualTo(rows.get(3).recommendingStates());
  }

  @Test
  void decodesMacRomanAndHtmlReferences() {
    List<SourceRow> rows = fixture().rows();

    assertThat(rows.get(4).text())
        .isEqualTo("Promote women's participation & leadership in public life");
    assertThat(rows.get(5).text())
        .isEqualTo(
            "Ratify the Convention on the Rights of Persons with Disabilities and submit the"
                + " State’s first report to the Comité without delay");
    assertThat(rows.get(6).recommendingStates()).containsExactly("(Unknown)");
    assertThat(rows.get(6).themes())
        .containsExactly("Torture and other CID treatment", "Detention conditions");
  }

  @Test
  void aQuotedTextOverSeveralLinesIsOneRowAndTheFollowingRowsKeepTheirNumbers() {
    List<SourceRow> rows = fixture().rows();

    assertThat(rows.get(7).text())
        .isEqualTo(
            "Establish a national human rights institution\nin line with the Paris Principles,\n"
                + "with an adequate budget");
    assertThat(rows.get(7).row()).isEqualTo(9);
    assertThat(rows.get(8).row()).isEqualTo(10);
    assertThat(rows.get(8).text()).as("empty text passed on as null").isNull();
  }

  @Test
  void readsTheVoluntaryPledgesLikeAnyOtherRow() {
    ParsedFile file =
        parse(
            "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
                + "Albania,EEG,,The Government pledges to adopt a national action plan,Albania,"
                + "EEG,,Voluntary Pledge,5,National plan of action,19\r");

    assertThat(file.problems()).isEmpty();
    assertThat(file.rows()).extracting(SourceRow::response).containsExactly("Voluntary Pledge");
  }

  @Test
  void acceptsCrLfAndCrlfLineEndsAlike() {
    String header = "To,Text,From,Response,Session";
    String row1 = "Chad,\"Abolish,\nthe death penalty\",Norway,Noted,9";
    String row2 = "Chad,Ratify the CRPD,Chile,Accepted,9";
    List<ParsedFile> files =
        List.of(
            parse(String.join("\r", header, row1, row2)),
            parse(String.join("\n", header, row1, row2) + "\n"),
            parse(String.join("\r\n", header, row1, row2) + "\r\n"));

    for (ParsedFile file : files) {
      assertThat(file.problems()).isEmpty();
      assertThat(file.rows())
          .extracting(SourceRow::row, SourceRow::text)
          .containsExactly(tuple(2, "Abolish,\nthe death penalty"), tuple(3, "Ratify the CRPD"));
    }
  }

  @Test
  void findsColumnsByHeadingInAnyOrderAndCase() {
    ParsedFile file =
        parse(" SESSION ,text,TO,response,from\n12,Ratify the CED,Chile,Noted,Peru\n");

    SourceRow row = file.rows().get(0);
    assertThat(row.stateUnderReview()).isEqualTo("Chile");
    assertThat(row.session()).isEqualTo("12");
    assertThat(row.recommendingStates()).containsExactly("Peru");
    assertThat(row.actionCategory()).as("no Action column").isNull();
    assertThat(row.themes()).isEmpty();
  }

  @Test
  void aMissingRequiredColumnIsAFileProblemNamingIt() {
    ParsedFile file = parse("To,From,Response\nChad,Norway,Noted\n");

    assertThat(file.rows()).isEmpty();
    assertThat(file.problems())
        .containsExactly(
            FileProblem.ofFile("import.problem.file.missing-columns", "test.csv", "Text, Session"));
  }

  @Test
  void aRowWithFewerOrMoreCellsIsARowProblemAndTheOthersAreRead() {
    ParsedFile file =
        parse(
            "To,Text,Response,Session\n"
                + "Chad,Ratify the CRPD,Accepted,9\n"
                + "Chad,Abolish the death penalty, Noted\n"
                + "Chad,Ratify, the CED,Noted,9\n"
                + "Peru,Ratify the OP-CAT,Accepted,9\n");

    assertThat(file.rowsRead()).isEqualTo(4);
    assertThat(file.rows()).extracting(SourceRow::row).containsExactly(2, 5);
    assertThat(file.problems())
        .containsExactly(
            FileProblem.ofRow(3, "import.problem.row.cell-count", 3, 4),
            FileProblem.ofRow(4, "import.problem.row.cell-count", 5, 4));
  }

  @Test
  void aQuoteNeverClosedIsReportedAtItsRow() {
    ParsedFile file =
        parse(
            "To,Text,Response,Session\n"
                + "Chad,Ratify the CRPD,Accepted,9\n"
                + "Chad,\"Abolish the death penalty,Noted,9\n"
                + "Peru,Ratify the OP-CAT,Accepted,9\n");

    assertThat(file.rows()).extracting(SourceRow::row).containsExactly(2);
    assertThat(file.problems())
        .extracting(FileProblem::row, FileProblem::messageKey)
        .containsExactly(
            tuple(3, "import.problem.row.unclosed-quote"),
            tuple(3, "import.problem.row.cell-count"));
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    ParsedFile file = parse("To,Text,Response,Session\n\nChad,Ratify the CRPD,Accepted,9\n,,,\n\n");

    assertThat(file.rowsRead()).isEqualTo(1);
    assertThat(file.rows()).extracting(SourceRow::row).containsExactly(3);
  }

  @Test
  void decodesNumericAndNamedReferencesAndLeavesBrokenOnesAlone() {
    assertThat(HtmlEntities.decode("&#40;Unknown&#41; &#x28;x&#X29; &eacute;t&eacute; &rsquo;"))
        .isEqualTo("(Unknown) (x) été ’");
    assertThat(HtmlEntities.decode("&apos;&quot;&lt;&gt;&nbsp;&amp;amp;"))
        .isEqualTo("'\"<>\u00A0&amp;");
    assertThat(HtmlEntities.decode("&#-1; &#99999999999; &#xD800; &#0; &bogus; & &; AT&T"))
        .isEqualTo("&#-1; &#99999999999; &#xD800; &#0; &bogus; & &; AT&T");
  }
}
