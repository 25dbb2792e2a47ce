package org.coopera.recommendations.importing;

import java.util.List;

/**
 * One recommendation as a file states it, before any name is resolved or any value checked: what a
 * parser reads, in the file's own words. {@code row} is the number a person sees when they open the
 * file (the spreadsheet row, the table row of a Word document counting its heading row), so that a
 * problem can be reported where the person will look for it. Absent values are null (single values)
 * or empty (lists); whitespace is trimmed, HTML entities decoded and non-breaking spaces turned
 * into plain ones by the parser.
 *
 * @param row the row number in the file
 * @param stateUnderReview the State under review as written (a name, an alias or an ISO 3166 code)
 * @param mechanism the mechanism as written ({@code UPR}, a treaty body such as {@code CEDAW}, a
 *     special procedure's code); null means UPR
 * @param session the UPR Working Group session number as written
 * @param cycle the UPR cycle as written
 * @param documentSymbol the UN document symbol (e.g. {@code A/HRC/25/5}, {@code CEDAW/C/PRY/CO/7})
 * @param paragraph the paragraph number in that document (e.g. {@code 186.1})
 * @param date the date as written (ISO {@code 2013-10-22}, or a year)
 * @param text the recommendation's text
 * @param language the text's language as an ISO 639-1 code, null when the file does not say
 * @param recommendingStates the recommending States as written, one entry per State
 * @param response the State's response as written ({@code Accepted}, {@code Supported}, {@code
 *     Noted}, {@code Supported in part}, {@code Pending}…)
 * @param responseComment the State's comment on its response
 * @param responseSource where the response is recorded (e.g. {@code A/HRC/25/5/Add.1})
 * @param actionCategory UPR Info's action category as written (1–5)
 * @param themes themes as written: UHRI codes ({@code A12}, {@code D51}), UHRI names, or UPR Info
 *     issue names ({@code Women's rights})
 * @param sdgTargets SDG goals or targets as written ({@code 16}, {@code 16.3}, {@code SDG 5})
 * @param affectedGroups affected groups as written (UHRI names or codes)
 */
public record SourceRow(
    int row,
    String stateUnderReview,
    String mechanism,
    String session,
    String cycle,
    String documentSymbol,
    String paragraph,
    String date,
    String text,
    String language,
    List<String> recommendingStates,
    String response,
    String responseComment,
    String responseSource,
    String actionCategory,
    List<String> themes,
    List<String> sdgTargets,
    List<String> affectedGroups) {

  public SourceRow {
    recommendingStates = List.copyOf(recommendingStates);
    themes = List.copyOf(themes);
    sdgTargets = List.copyOf(sdgTargets);
    affectedGroups = List.copyOf(affectedGroups);
  }
}
