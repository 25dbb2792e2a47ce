package org.coopera.treaties.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * A source as read: its claims and findings, or the problems that refuse it (then nothing of it is
 * applied).
 *
 * @param asOf the date the source's data stand at
 * @param rows data rows read
 */
public record ParsedSource(
    LocalDate asOf,
    int rows,
    List<Claim> claims,
    List<Finding> findings,
    List<ImportProblem> problems) {

  public ParsedSource {
    claims = List.copyOf(claims);
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  public boolean refused() {
    return !problems.isEmpty();
  }
}
