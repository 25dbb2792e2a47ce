package org.coopera.treaties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.coopera.FileMutations;
import org.coopera.FileMutations.Mutation;
import org.coopera.treaties.importing.ImportProblem;
import org.coopera.treaties.importing.OhchrExportParser;
import org.coopera.treaties.importing.ParsedSource;
import org.coopera.treaties.importing.SourceFile;
import org.coopera.treaties.importing.StateNames;
import org.coopera.treaties.importing.StatusCsvParser;

/**
 * The treaty sources as shipped (the 18 status CSV files, OHCHR's export of the ICESCR as .xls, and
 * the same export as CSV), one file damaged by {@link FileMutations}: the parsers never throw, a
 * refused source names its problems with messages of the bundle and the file, and a source they
 * accept holds only claims about known States. 800 tries, fixed seeds.
 */
class TreatySourcesProperties {

  private static final Properties MESSAGES = FileMutations.messages("i18n/treaties");

  /** The ICESCR export written as CSV with ISO dates, as OHCHR's dashboard also offers it. */
  static final String OHCHR_CSV =
      "\"International Covenant on Economic, Social and Cultural Rights"
          + " [Last Updated: 10/10/2025]\"\n"
          + "Country,Date of Signature,Date of Ratification/Accession,"
          + "Acceptance of Individual Communications Procedure,Acceptance of Inquiry Procedure\n"
          + "Afghanistan,,1983-01-24,,\n"
          + "Albania,,1991-10-04,,\n"
          + "Argentina,1968-02-19,1986-08-08,2011-10-24,2011-10-24\n"
          + "\"Bolivia (Plurinational State of)\",,1982-08-12,2013-01-13,\n"
          + "Cook Islands,,,,\n"
          + "Definitions,,,,\n";

  private final StateNames names;
  private final List<SourceFile> statusFiles;
  private final byte[] ohchrXls;

  TreatySourcesProperties() throws IOException {
    names = StatusCsvParserTest.names();
    statusFiles = StatusCsvParserTest.statusFiles();
    ohchrXls = FileMutations.resource("treaties/ohchr/UnderlyingData_ICESCR_OHCHR_23_04_2026.xls");
  }

  @Provide
  Arbitrary<List<Mutation>> damage() {
    return FileMutations.mutations();
  }

  @Provide
  Arbitrary<Integer> which() {
    return Arbitraries.integers().between(0, StatusCsvParserTest.INSTRUMENTS.size() - 1);
  }

  @Property(tries = 300, seed = "1301")
  void theStatusFilesWithOneDamaged(
      @ForAll("damage") List<Mutation> damage, @ForAll("which") int which) {
    List<SourceFile> files = new ArrayList<>(statusFiles);
    SourceFile damaged = files.get(which);
    files.set(
        which, new SourceFile(damaged.name(), FileMutations.apply(damaged.content(), damage)));
    ParsedSource parsed =
        new StatusCsvParser(names, Set.copyOf(StatusCsvParserTest.INSTRUMENTS))
            .parse(files, LocalDate.of(2022, 6, 30));
    check(parsed);
  }

  @Property(tries = 300, seed = "1302")
  void theOhchrExportAsXls(@ForAll("damage") List<Mutation> damage) {
    check(ohchr().parse(new SourceFile("export.xls", FileMutations.apply(ohchrXls, damage)), null));
  }

  @Property(tries = 200, seed = "1303")
  void theOhchrExportAsCsv(@ForAll("damage") List<Mutation> damage) {
    byte[] mutant = FileMutations.apply(OHCHR_CSV.getBytes(StandardCharsets.UTF_8), damage);
    check(ohchr().parse(new SourceFile("export.csv", mutant), null));
  }

  private OhchrExportParser ohchr() {
    return new OhchrExportParser(
        names,
        Map.of(
            StateNames.normalise("International Covenant on Economic, Social and Cultural Rights"),
            "icescr"));
  }

  @Example
  void theCsvSampleIsRead() {
    ParsedSource parsed =
        ohchr()
            .parse(new SourceFile("export.csv", OHCHR_CSV.getBytes(StandardCharsets.UTF_8)), null);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.rows()).isEqualTo(5);
  }

  @Example
  void aTitleWithADateThatDoesNotExistIsAProblemNotAnError() {
    byte[] file = OHCHR_CSV.replace("10/10/2025", "45/13/2025").getBytes(StandardCharsets.UTF_8);
    ParsedSource parsed = ohchr().parse(new SourceFile("export.csv", file), null);
    assertThat(parsed.problems())
        .extracting(ImportProblem::messageKey)
        .containsExactly("treaties.import.error.ohchr-title");
  }

  @Example
  void aPdfOrAZipIsUnreadableAndAWorkbookIsReadWhateverTheirName() {
    for (byte[] content :
        List.of(
            "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.UTF_8),
            new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0})) {
      ParsedSource parsed = ohchr().parse(new SourceFile("export.csv", content), null);
      assertThat(parsed.problems())
          .extracting(ImportProblem::messageKey)
          .containsExactly("treaties.import.error.unreadable");
    }
    assertThat(ohchr().parse(new SourceFile("export.csv", ohchrXls), null).problems()).isEmpty();
    byte[] csv = OHCHR_CSV.getBytes(StandardCharsets.UTF_8);
    assertThat(ohchr().parse(new SourceFile("export.xls", csv), null).problems()).isEmpty();
  }

  private static void check(ParsedSource parsed) {
    if (parsed.refused()) {
      for (ImportProblem problem : parsed.problems()) {
        assertThat(MESSAGES).containsKey(problem.messageKey());
        assertThat(problem.file()).isNotNull();
      }
    } else {
      assertThat(parsed.asOf()).isNotNull();
      assertThat(parsed.claims()).allSatisfy(c -> assertThat(c.toString()).isNotBlank());
    }
  }
}
