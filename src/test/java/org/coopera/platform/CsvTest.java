package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void writesQuotedRowsWithABomAndCrlf() {
    StringWriter out = new StringWriter();
    try (Csv csv = Csv.start(out, List.of("name", "note"))) {
      csv.row(List.of("Côte d'Ivoire", "a, b"));
      csv.row(Arrays.asList("say \"hi\"", null));
      csv.row(List.of("two\nlines", 42));
    }
    assertThat(out.toString())
        .isEqualTo(
            "\uFEFFname,note\r\n"
                + "Côte d'Ivoire,\"a, b\"\r\n"
                + "\"say \"\"hi\"\"\",\r\n"
                + "\"two\nlines\",42\r\n");
  }

  @Test
  void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
    assertThat(Csv.cell("=HYPERLINK(\"http://evil\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-2")).isEqualTo("'-2");
    assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.cell(-2)).as("numbers stay numbers").isEqualTo("-2");
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell("a-b")).as("only the first character counts").isEqualTo("a-b");
  }

  @Test
  void neutralisesFullWidthFormulasAndFormulasAfterSpaces() {
    assertThat(Csv.neutralise("\uFF1DSUM(A1)")).isEqualTo("'\uFF1DSUM(A1)");
    assertThat(Csv.neutralise("\uFF0B1")).isEqualTo("'\uFF0B1");
    assertThat(Csv.neutralise("\uFF0D1")).isEqualTo("'\uFF0D1");
    assertThat(Csv.neutralise("\uFF20A1")).isEqualTo("'\uFF20A1");
    assertThat(Csv.neutralise("  =1+1")).isEqualTo("'  =1+1");
    assertThat(Csv.neutralise("   ")).isEqualTo("   ");
    assertThat(Csv.neutralise("")).isEmpty();
  }
}
