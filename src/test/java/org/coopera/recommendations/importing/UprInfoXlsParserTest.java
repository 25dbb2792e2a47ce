package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class UprInfoXlsParserTest {

  @Test
  void readsTheLegacyLayoutByHeadingDespiteRepeatedHeadings() throws IOException {
    ParsedFile file =
        UprInfoXlsParser.parse(
            "upr-info-legacy.xls", ImportFixtures.fixture("upr-info-legacy.xls"));

    assertThat(file.problems()).isEmpty();
    assertThat(file.rowsRead()).isEqualTo(3);
    assertThat(file.rows())
        .extracting(
            SourceRow::row,
            SourceRow::stateUnderReview,
            r -> r.recommendingStates().get(0),
            SourceRow::response,
            SourceRow::actionCategory,
            SourceRow::session)
        .containsExactly(
            tuple(2, "Chad", "Norway", "Noted", "5", "9"),
            tuple(3, "Chad", "(Unknown)", "Accepted", "4", "9"),
            tuple(4, "Lesotho", "Côte d'Ivoire", "Accepted", "3", "8"));
    assertThat(file.rows().get(1).themes())
        .containsExactly("Torture and other CID treatment", "Justice");
    assertThat(file.rows().get(2).text())
        .isEqualTo("Submit the State’s overdue reports to the Comité");
  }

  @Test
  void numberCellsComeOutAsAPersonTypedThem() {
    assertThat(CellText.plain(5.0)).isEqualTo("5");
    assertThat(CellText.plain(16.3)).isEqualTo("16.3");
    assertThat(CellText.plain(-2)).isEqualTo("-2");
    assertThat(CellText.plain(1e20)).isEqualTo("100000000000000000000");
    assertThat(CellText.number(43782, 14, "m/d/yy")).isEqualTo("2019-11-13");
    assertThat(CellText.number(Double.NaN, 0, "General")).isNull();
  }
}
