package org.coopera.treaties.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coopera.platform.CsvRows;
import org.coopera.treaties.TreatyEvent;

/**
 * Reads the status files of the 18 instruments, one CSV per instrument named {@code
 * hr_status_<instrument>.csv}, with the columns {@code iso2, member, state party, year ratification
 * or accession, signatory, no action, status} and an optional {@code note}. The {@code status}
 * column says what a row means; flags that contradict it and a State party without a year are
 * reported as findings, not refused. A file of an unknown instrument, a missing column, an unknown
 * code, a status or flag or year that cannot be read: each is a problem, and with any problem
 * nothing is applied.
 */
public final class StatusCsvParser {

  private static final Pattern FILE = Pattern.compile("(?:.*/)?hr_status_([a-z0-9_]+)\\.csv");
  private static final List<String> COLUMNS =
      List.of(
          "iso2",
          "member",
          "state party",
          "year ratification or accession",
          "signatory",
          "no action",
          "status");

  private final StateNames states;
  private final Set<String> instruments;

  public StatusCsvParser(StateNames states, Set<String> instruments) {
    this.states = states;
    this.instruments = Set.copyOf(instruments);
  }

  public ParsedSource parse(List<SourceFile> files, LocalDate asOf) {
    List<Claim> claims = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    Set<String> seenInstruments = new HashSet<>();
    int rows = 0;
    if (files.isEmpty()) {
      problems.add(ImportProblem.of("", 0, "treaties.import.error.no-file"));
    }
    for (SourceFile file : files) {
      Matcher name = FILE.matcher(file.name().toLowerCase(Locale.ROOT));
      if (!name.matches() || !instruments.contains(name.group(1))) {
        problems.add(ImportProblem.of(file.name(), 0, "treaties.import.error.file-name"));
        continue;
      }
      String instrument = name.group(1);
      if (!seenInstruments.add(instrument)) {
        problems.add(
            ImportProblem.of(file.name(), 0, "treaties.import.error.file-twice", instrument));
        continue;
      }
      String text;
      try {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(file.content()))
                .toString();
      } catch (CharacterCodingException e) {
        problems.add(ImportProblem.of(file.name(), 0, "treaties.import.error.encoding"));
        continue;
      }
      rows += readFile(file.name(), instrument, text, asOf, claims, findings, problems);
    }
    return new ParsedSource(asOf, rows, claims, findings, problems);
  }

  private int readFile(
      String file,
      String instrument,
      String text,
      LocalDate asOf,
      List<Claim> claims,
      List<Finding> findings,
      List<ImportProblem> problems) {
    List<List<String>> lines = CsvRows.parse(text);
    if (lines.isEmpty()) {
      problems.add(ImportProblem.of(file, 0, "treaties.import.error.empty"));
      return 0;
    }
    List<String> header =
        lines.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int[] at = new int[COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      at[c] = header.indexOf(COLUMNS.get(c));
      if (at[c] < 0) {
        problems.add(ImportProblem.of(file, 1, "treaties.import.error.column", COLUMNS.get(c)));
      }
    }
    if (problems.stream().anyMatch(p -> p.file().equals(file) && p.row() == 1)) {
      return 0;
    }
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (int i = 1; i < lines.size(); i++) {
      List<String> cells = lines.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      count++;
      int row = i + 1;
      String code = cell(cells, at[0]);
      String member = cell(cells, at[1]);
      String iso3 = states.iso2(code).orElse(null);
      if (iso3 == null) {
        iso3 = states.name(member).orElse(null);
        if (iso3 == null) {
          findings.add(
              new Finding(
                  "UNKNOWN_STATE",
                  null,
                  instrument,
                  null,
                  member.isEmpty() ? code : member,
                  file,
                  row));
          continue;
        }
        findings.add(new Finding("WRONG_CODE", iso3, instrument, null, code, file, row));
      }
      if (!seen.add(iso3)) {
        problems.add(ImportProblem.of(file, row, "treaties.import.error.state-twice", code));
        continue;
      }
      Integer party = flag(file, row, COLUMNS.get(2), cell(cells, at[2]), problems);
      Integer signatory = flag(file, row, COLUMNS.get(4), cell(cells, at[4]), problems);
      Integer none = flag(file, row, COLUMNS.get(5), cell(cells, at[5]), problems);
      Integer year = year(file, row, cell(cells, at[3]), asOf, problems);
      String status = cell(cells, at[6]).toLowerCase(Locale.ROOT);
      int[] expected =
          switch (status) {
            case "state party" -> new int[] {1, 0, 0};
            case "signatory", "signatory state" -> new int[] {0, 1, 0};
            case "no action" -> new int[] {0, 0, 1};
            default -> null;
          };
      if (expected == null) {
        problems.add(
            ImportProblem.of(file, row, "treaties.import.error.status", cell(cells, at[6])));
        continue;
      }
      if (party == null
          || signatory == null
          || none == null
          || (year != null && year == Integer.MIN_VALUE)) {
        continue;
      }
      if (contradicts(party, expected[0])
          || contradicts(signatory, expected[1])
          || contradicts(none, expected[2])) {
        findings.add(
            new Finding(
                "CONTRADICTING_FLAGS",
                iso3,
                instrument,
                TreatyEvent.CONSENT.name(),
                status + " (" + flags(party, signatory, none) + ")",
                file,
                row));
      }
      switch (expected[0] == 1 ? "state party" : expected[1] == 1 ? "signatory" : "no action") {
        case "state party" -> {
          claims.add(Claim.inYear(iso3, instrument, TreatyEvent.CONSENT, year));
          if (year == null) {
            findings.add(
                new Finding(
                    "MISSING_DATE", iso3, instrument, TreatyEvent.CONSENT.name(), "+", file, row));
          }
        }
        case "signatory" -> {
          claims.add(Claim.inYear(iso3, instrument, TreatyEvent.SIGNATURE, null));
          claims.add(Claim.absent(iso3, instrument, TreatyEvent.CONSENT));
        }
        default -> {
          claims.add(Claim.absent(iso3, instrument, TreatyEvent.SIGNATURE));
          claims.add(Claim.absent(iso3, instrument, TreatyEvent.CONSENT));
        }
      }
    }
    return count;
  }

  /** The three flags as the row gives them (state party, signatory, no action), blank as blank. */
  private static String flags(int... values) {
    return java.util.Arrays.stream(values)
        .mapToObj(v -> v < 0 ? "" : String.valueOf(v))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** A flag contradicts the status when it is given (not blank) and differs. */
  private static boolean contradicts(int flag, int expected) {
    return flag >= 0 && flag != expected;
  }

  private static String cell(List<String> cells, int column) {
    return column < cells.size() ? cells.get(column).strip() : "";
  }

  private static Integer flag(
      String file, int row, String column, String value, List<ImportProblem> problems) {
    if (value.equals("0") || value.equals("1")) {
      return Integer.valueOf(value);
    }
    if (value.isEmpty()) {
      return -1;
    }
    problems.add(ImportProblem.of(file, row, "treaties.import.error.flag", column, value));
    return null;
  }

  /** The year, null when blank, {@link Integer#MIN_VALUE} when refused. */
  private static Integer year(
      String file, int row, String value, LocalDate asOf, List<ImportProblem> problems) {
    if (value.isEmpty()) {
      return null;
    }
    if (value.matches("[0-9]{4}")) {
      int year = Integer.parseInt(value);
      if (year >= 1945 && year <= asOf.getYear()) {
        return year;
      }
    }
    problems.add(ImportProblem.of(file, row, "treaties.import.error.year", value, asOf.getYear()));
    return Integer.MIN_VALUE;
  }
}
