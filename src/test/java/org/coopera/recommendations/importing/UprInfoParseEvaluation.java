package org.coopera.recommendations.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A local evaluation of the UPR Info import against the real export, which may not be shipped (its
 * licence is UPR Info's): not a test, never run by the build. It reads {@code
 * /work/shared/data/upr-info} (or the folder given as the first argument), parses the four CSVs and
 * the legacy XLS with {@link ImportFiles} (format told from the files), and prints the rows read
 * per file and per session, the responses of cycle 1 (sessions 1–12), and the comparison of the XLS
 * with the CSV of the same sessions.
 *
 * <p>Run after {@code mvn test-compile}: {@code java -cp target/test-classes:target/classes:$(cat
 * cp.txt) org.coopera.recommendations.importing.UprInfoParseEvaluation}, {@code cp.txt} written by
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 *
 * <p>Output of the last run (2025-11-28):
 *
 * <pre>
 * upr-info-1-5.csv                 x-MacRoman upr-info  rows read  6,094  rows  6,094  problems 0  (320 ms)
 * upr-info-6-9.csv                 x-MacRoman upr-info  rows read  8,343  rows  8,343  problems 0  (542 ms)
 * upr-info-10-13.csv               x-MacRoman upr-info  rows read  9,047  rows  9,047  problems 0  (448 ms)
 * upr-info-voluntary.csv           x-MacRoman upr-info  rows read    947  rows    947  problems 0  (51 ms)
 * original-xls/upr-info-1-5.xls    OLE2       upr-info  rows read  6,094  rows  6,094  problems 0  (606 ms)
 *
 * Rows per session (recommendations files, pledges apart):
 *   session  1:    430
 *   session  2:    855
 *   session  3:  1,335
 *   session  4:  1,804
 *   session  5:  1,670
 *   session  6:  2,038
 *   session  7:  2,147
 *   session  8:  2,107
 *   session  9:  2,051
 *   session 10:  2,306
 *   session 11:  2,179
 *   session 12:  2,434
 *   session 13:  2,128
 * Cycle 1 (sessions 1-12): 21,356 rows, responses {Accepted=15636, Noted=5720}
 *   (SOURCE.md: 21,356 rows, 15,636 Accepted, 5,720 Noted)
 *
 * XLS vs CSV (sessions 1-5): 6,094 rows vs 6,094; 6,094 identical (row, State, text, recommending State, response, action, themes, session), 0 different
 *
 * What the validator will meet:
 *   upr-info-1-5.csv         exact duplicates   0, From (Unknown)   9, empty text 0, multi-line text 0, names {DPR Korea=15, Trinidad &amp; Tobago=2}
 *   upr-info-10-13.csv       exact duplicates   1, From (Unknown)   0, empty text 0, multi-line text 0, names {Bosnia &amp; Herzegovina=9, DPR Korea=20, Trinidad &amp; Tobago=35}
 *   upr-info-6-9.csv         exact duplicates   1, From (Unknown)   0, empty text 0, multi-line text 0, names {Bosnia &amp; Herzegovina=37, DPR Korea=23, Trinidad &amp; Tobago=8}
 *   upr-info-voluntary.csv   exact duplicates   2, From (Unknown)   0, empty text 0, multi-line text 0, names {Bosnia &amp; Herzegovina=2, Sao Tome &amp; Principe=1, St Kitts &amp; Nevis=1, St Vincent &amp; the Grenadines=1}
 * </pre>
 */
final class UprInfoParseEvaluation {

  private static final List<String> CSV_FILES =
      List.of(
          "upr-info-1-5.csv", "upr-info-6-9.csv", "upr-info-10-13.csv", "upr-info-voluntary.csv");
  private static final String XLS_FILE = "original-xls/upr-info-1-5.xls";

  private UprInfoParseEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "/work/shared/data/upr-info");
    ImportFiles files = new ImportFiles();
    Map<String, ParsedFile> parsed = new TreeMap<>();
    for (String name : CSV_FILES) {
      parsed.put(name, read(files, folder, name));
    }
    ParsedFile xls = read(files, folder, XLS_FILE);

    System.out.println();
    System.out.println("Rows per session (recommendations files, pledges apart):");
    Map<Integer, Integer> perSession = new TreeMap<>();
    Map<String, Integer> cycleOne = new TreeMap<>();
    for (String name : CSV_FILES.subList(0, 3)) {
      for (SourceRow row : parsed.get(name).rows()) {
        int session = Integer.parseInt(row.session());
        perSession.merge(session, 1, Integer::sum);
        if (session <= 12) {
          cycleOne.merge(row.response(), 1, Integer::sum);
        }
      }
    }
    perSession.forEach(
        (session, count) -> System.out.printf("  session %2d: %,6d%n", session, count));
    int cycleOneTotal = cycleOne.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("Cycle 1 (sessions 1-12): %,d rows, responses %s%n", cycleOneTotal, cycleOne);
    System.out.println("  (SOURCE.md: 21,356 rows, 15,636 Accepted, 5,720 Noted)");

    System.out.println();
    compare(parsed.get("upr-info-1-5.csv"), xls);
    System.out.println();
    oddities(parsed);
  }

  private static ParsedFile read(ImportFiles files, Path folder, String name) throws IOException {
    byte[] content = Files.readAllBytes(folder.resolve(name));
    long start = System.nanoTime();
    ParsedFile file = files.read(name, content, null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    String encoding =
        FileKind.of(content) == FileKind.TEXT
            ? TextDecoding.decode(content).charset().name()
            : FileKind.of(content).name();
    System.out.printf(
        "%-32s %-10s %-9s rows read %,6d  rows %,6d  problems %d  (%,d ms)%n",
        name,
        encoding,
        file.format() == null ? "?" : file.format().apiName(),
        file.rowsRead(),
        file.rows().size(),
        file.problems().size(),
        millis);
    file.problems().stream().limit(5).forEach(p -> System.out.println("    " + p));
    return file;
  }

  private static void compare(ParsedFile csv, ParsedFile xls) {
    int same = 0;
    int different = 0;
    for (int i = 0; i < Math.min(csv.rows().size(), xls.rows().size()); i++) {
      SourceRow a = csv.rows().get(i);
      SourceRow b = xls.rows().get(i);
      if (a.equals(b)) {
        same++;
      } else if (different++ < 5) {
        System.out.println("  differs at row " + a.row() + ":\n    " + a + "\n    " + b);
      }
    }
    System.out.printf(
        "XLS vs CSV (sessions 1-5): %,d rows vs %,d; %,d identical (row, State, text, recommending"
            + " State, response, action, themes, session), %,d different%n",
        xls.rows().size(), csv.rows().size(), same, different);
  }

  private static void oddities(Map<String, ParsedFile> parsed) {
    System.out.println("What the validator will meet:");
    for (Map.Entry<String, ParsedFile> file : parsed.entrySet()) {
      Set<List<Object>> seen = new HashSet<>();
      int duplicates = 0;
      int unknown = 0;
      int empty = 0;
      int multiLine = 0;
      Map<String, Integer> oddNames = new TreeMap<>();
      for (SourceRow row : file.getValue().rows()) {
        List<Object> key =
            List.of(
                Objects.toString(row.stateUnderReview()),
                Objects.toString(row.text()),
                row.recommendingStates(),
                Objects.toString(row.response()),
                Objects.toString(row.session()));
        if (!seen.add(key)) {
          duplicates++;
        }
        if (row.recommendingStates().contains("(Unknown)")) {
          unknown++;
        }
        if (row.text() == null) {
          empty++;
        } else if (row.text().contains("\n")) {
          multiLine++;
        }
        for (String state : row.recommendingStates()) {
          if (state.contains("&") || state.startsWith("DPR") || state.startsWith("St ")) {
            oddNames.merge(state, 1, Integer::sum);
          }
        }
      }
      System.out.printf(
          "  %-24s exact duplicates %3d, From (Unknown) %3d, empty text %d, multi-line text %d,"
              + " names %s%n",
          file.getKey(), duplicates, unknown, empty, multiLine, oddNames);
    }
  }
}
