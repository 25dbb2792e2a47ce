package org.coopera.recommendations.importing;

import java.util.List;

/**
 * What a parser read from a file: its format, the rows it could read, and the problems it met. A
 * file-level problem (not the claimed type, truncated, too large, no recognisable heading) comes
 * with no rows; row-level problems (a row with the wrong number of cells) come beside the rows that
 * could be read.
 *
 * @param rowsRead data rows seen, including those with problems
 */
public record ParsedFile(
    ImportFormat format, int rowsRead, List<SourceRow> rows, List<FileProblem> problems) {

  public ParsedFile {
    rows = List.copyOf(rows);
    problems = List.copyOf(problems);
  }

  public static ParsedFile unreadable(ImportFormat format, FileProblem problem) {
    return new ParsedFile(format, 0, List.of(), List.of(problem));
  }
}
