package org.coopera.recommendations.importing;

import java.util.Locale;

/**
 * What a column of an OHCHR matrix holds, recognised by its heading text in the layouts OHCHR has
 * used: {@code Recommendation | Position | Full list of themes | Assessment/comments on level of
 * implementation} (2013–2019), and in other years a separate {@code Recommending State(s)} column,
 * {@code Relevant SDGs}, {@code Groups of Persons} or {@code Affected persons}, a paragraph number
 * column. A column recognised as none of these is {@link #IGNORED}.
 */
enum MatrixColumn {
  TEXT,
  RECOMMENDING_STATES,
  POSITION,
  SOURCE_OF_POSITION,
  THEMES,
  SDGS,
  AFFECTED_PERSONS,
  PARAGRAPH,
  STATE_UNDER_REVIEW,
  IGNORED;

  /** The longest heading text taken for a heading: a longer cell is content. */
  private static final int LONGEST_HEADING = 60;

  static MatrixColumn of(String heading) {
    String h = heading == null ? "" : heading.strip().toLowerCase(Locale.ROOT);
    if (h.isEmpty() || h.length() > LONGEST_HEADING) {
      return IGNORED;
    }
    if (h.startsWith("recommendation")) {
      return TEXT;
    }
    if (h.contains("recommending") || h.equals("state(s)") || h.equals("states")) {
      return RECOMMENDING_STATES;
    }
    if (h.contains("source of position") || h.contains("source of response")) {
      return SOURCE_OF_POSITION;
    }
    if (h.startsWith("position") || h.startsWith("response") || h.contains("position of")) {
      return POSITION;
    }
    if (h.contains("sdg")) {
      return SDGS;
    }
    if (h.contains("theme")) {
      return THEMES;
    }
    if (h.contains("persons") || h.contains("groups")) {
      return AFFECTED_PERSONS;
    }
    if (h.startsWith("para") || h.matches("(rec\\.? ?)?(no\\.?|n°|#|number)")) {
      return PARAGRAPH;
    }
    if (h.contains("under review") || h.equals("country") || h.equals("sur")) {
      return STATE_UNDER_REVIEW;
    }
    return IGNORED;
  }
}
