package org.coopera.treaties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coopera.treaties.importing.Claim;
import org.coopera.treaties.importing.Finding;
import org.coopera.treaties.importing.ImportProblem;
import org.coopera.treaties.importing.OhchrExportParser;
import org.coopera.treaties.importing.ParsedSource;
import org.coopera.treaties.importing.SourceFile;
import org.coopera.treaties.importing.StateNames;
import org.coopera.treaties.importing.StatusCsvParser;
import org.junit.jupiter.api.Test;

/**
 * The parsers over the shipped sources and over broken copies of them: the known defects are
 * reported, not refused; what cannot be read is refused with its file and row.
 */
class StatusCsvParserTest {

  static final List<String> INSTRUMENTS =
      List.of(
          "icerd",
          "iccpr",
          "icescr",
          "cedaw",
          "cat",
          "crc",
          "icmw",
          "cped",
          "crpd",
          "icescr_op",
          "iccpr_op1",
          "iccpr_op2",
          "op_cedaw",
          "op_crc_ac",
          "op_crc_sc",
          "op_crc_ic",
          "opcat",
          "op_crpd");

  static StateNames names() throws IOException {
    Map<String, String> byIso2 = new HashMap<>();
    Map<String, String> byName = new HashMap<>();
    for (String line : resource("reference/states.csv").split("\n")) {
      if (line.startsWith("iso3") || line.isBlank()) {
        continue;
      }
      List<String> cells = csvCells(line);
      byIso2.put(cells.get(1), cells.get(0));
      byName.put(StateNames.normalise(cells.get(3)), cells.get(0));
    }
    return new StateNames(byIso2, byName);
  }

  static List<String> csvCells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.strip().toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  static String resource(String path) throws IOException {
    try (InputStream in = StatusCsvParserTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static List<SourceFile> statusFiles() throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (String code : INSTRUMENTS) {
      String name = "hr_status_" + code + ".csv";
      files.add(
          new SourceFile(
              name, resource("treaties/status/" + name).getBytes(StandardCharsets.UTF_8)));
    }
    return files;
  }

  @Test
  void theShippedStatusFilesAreReadWithTheirKnownDefectsReported() throws IOException {
    ParsedSource parsed =
        new StatusCsvParser(names(), Set.copyOf(INSTRUMENTS))
            .parse(statusFiles(), LocalDate.of(2022, 6, 30));

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).isEqualTo(18 * 193);
    // two rows of the OP-CRC-IC file: Montserrat (not a State) and South Sudan written S
    assertThat(parsed.findings())
        .filteredOn(f -> f.kind().equals("UNKNOWN_STATE"))
        .extracting(Finding::sourceValue)
        .containsExactly("Montserrat");
    assertThat(parsed.findings())
        .filteredOn(f -> f.kind().equals("WRONG_CODE"))
        .extracting(Finding::iso3, Finding::sourceValue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SSD", "S"));
    assertThat(parsed.findings())
        .filteredOn(f -> f.kind().equals("CONTRADICTING_FLAGS"))
        .extracting(f -> f.instrument() + " " + f.iso3())
        .containsExactlyInAnyOrder(
            // the six of the SOURCE.md: the state party flag 0 although the status says party
            "iccpr_op1 KAZ",
            "icescr MDA",
            "op_cedaw ZWE",
            "op_crc_ic BEL",
            "op_crc_ic BRA",
            "op_crc_ic ECU",
            // and four more: no action flagged beside a party (Brunei, North Korea, Jamaica,
            // which denounced the protocol in 1997), and Tanzania with no flag at all
            "icerd BRN",
            "crc PRK",
            "iccpr_op1 JAM",
            "cat TZA");
    assertThat(parsed.findings())
        .filteredOn(f -> f.kind().equals("MISSING_DATE"))
        .extracting(Finding::iso3, Finding::instrument)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ZWE", "op_cedaw"));
    // Namibia's code NA is Namibia, not a missing value
    assertThat(parsed.claims())
        .filteredOn(c -> c.iso3().equals("NAM") && c.event() == TreatyEvent.CONSENT && c.present())
        .isNotEmpty();
  }

  @Test
  void aBrokenFileIsRefusedWithEveryProblemAndItsRow() throws IOException {
    String broken =
        "iso2,member,state party,year ratification or accession,signatory,no action,status,note\r\n"
            + "AF,Afghanistan,1,1983,0,0,state party,\r\n"
            + "AF,Afghanistan again,1,1990,0,0,state party,\r\n"
            + "AL,Albania,2,1991,0,0,state party,\r\n"
            + "DZ,Algeria,1,19x9,0,0,state party,\r\n"
            + "AD,Andorra,0,,0,1,maybe,\r\n";
    ParsedSource parsed =
        new StatusCsvParser(names(), Set.copyOf(INSTRUMENTS))
            .parse(
                List.of(
                    new SourceFile("hr_status_cat.csv", broken.getBytes(StandardCharsets.UTF_8)),
                    new SourceFile("hr_status_unknown.csv", new byte[0])),
                LocalDate.of(2022, 6, 30));

    assertThat(parsed.refused()).isTrue();
    assertThat(parsed.problems())
        .extracting(ImportProblem::file, ImportProblem::row, ImportProblem::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "hr_status_cat.csv", 3, "treaties.import.error.state-twice"),
            org.assertj.core.groups.Tuple.tuple(
                "hr_status_cat.csv", 4, "treaties.import.error.flag"),
            org.assertj.core.groups.Tuple.tuple(
                "hr_status_cat.csv", 5, "treaties.import.error.year"),
            org.assertj.core.groups.Tuple.tuple(
                "hr_status_cat.csv", 6, "treaties.import.error.status"),
            org.assertj.core.groups.Tuple.tuple(
                "hr_status_unknown.csv", 0, "treaties.import.error.file-name"));
  }

  @Test
  void theOhchrExportIsReadWithItsDateAndItsNonStatesReported() throws IOException {
    byte[] xls;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("treaties/ohchr/UnderlyingData_ICESCR_OHCHR_23_04_2026.xls")) {
      xls = in.readAllBytes();
    }
    Map<String, String> instruments =
        Map.of(
            StateNames.normalise("International Covenant on Economic, Social and Cultural Rights"),
            "icescr");
    ParsedSource parsed =
        new OhchrExportParser(names(), instruments)
            .parse(new SourceFile("UnderlyingData_ICESCR_OHCHR_23_04_2026.xls", xls), null);

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.asOf()).isEqualTo(LocalDate.of(2025, 10, 10));
    assertThat(parsed.rows()).isEqualTo(198);
    assertThat(parsed.findings())
        .extracting(Finding::sourceValue)
        .containsExactlyInAnyOrder("Cook Islands", "European Union", "Niue");
    List<Claim> present = parsed.claims().stream().filter(Claim::present).toList();
    // the counts of the SOURCE.md, less the three that are not States of the reference data
    assertThat(present)
        .filteredOn(c -> c.instrument().equals("icescr") && c.event() == TreatyEvent.CONSENT)
        .hasSizeBetween(170, 173);
    assertThat(present)
        .filteredOn(c -> c.instrument().equals("icescr_op") && c.event() == TreatyEvent.CONSENT)
        .hasSize(18);
    assertThat(present)
        .filteredOn(c -> c.instrument().equals("icescr_op") && c.event() == TreatyEvent.INQUIRY)
        .hasSize(5);
  }
}
