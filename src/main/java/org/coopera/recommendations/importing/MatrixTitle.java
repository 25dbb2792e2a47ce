package org.coopera.recommendations.importing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The State under review, UPR cycle and Working Group session of an OHCHR matrix, as the document
 * states them: its page header or first paragraphs ({@code UPR of China (2nd Cycle – 17th
 * session)}), or, failing that, its file name ({@code China_UPR17_2013_….docx}, {@code
 * UPR20__Slovenia_….docx}). What neither says stays null, and the parser refuses the file.
 */
record MatrixTitle(String stateUnderReview, String cycle, String session) {

  private static final Pattern STATE =
      Pattern.compile(
          "(?:\\bUPR|(?i:universal\\s+periodic\\s+review))\\s+(?:of|for)\\s+"
              + "(\\p{Lu}[^()\\t\\n]*?(?:\\s*\\([^()\\d]*\\))?)\\s*(?:\\(|\\t|\\n|$|\\s[–-]\\s|,)");
  private static final Pattern CYCLE =
      Pattern.compile("(?i)\\b(\\d{1,2})\\s*(?:st|nd|rd|th)\\s+cycle\\b|\\bcycle\\s+(\\d{1,2})\\b");
  private static final Pattern SESSION =
      Pattern.compile(
          "(?i)\\b(\\d{1,2})\\s*(?:st|nd|rd|th)\\s+(?:UPR\\s+)?session\\b|\\bsession\\s+(\\d{1,2})\\b");
  private static final Pattern FILE_STATE_FIRST =
      Pattern.compile("(?i)^([a-z][a-z _'-]*?)[ _-]+UPR[ _-]?(\\d{1,2})(?!\\d)");
  private static final Pattern FILE_SESSION_FIRST =
      Pattern.compile("(?i)UPR[ _-]?(\\d{1,2})(?!\\d)[ _-]+([a-z][a-z'-]+(?:[ _-][a-z][a-z'-]+)*)");
  private static final Set<String> NOT_A_STATE =
      Set.of("matrix", "thematic", "list", "recommendations", "recommendation", "annex", "e", "f");

  /**
   * @param texts the header texts and first paragraphs, in the order they should be trusted
   * @param fileName the uploaded file's name
   */
  static MatrixTitle find(List<String> texts, String fileName) {
    String state = null;
    String cycle = null;
    String session = null;
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String line = text.replace('\u00A0', ' ').replace('\r', '\n');
      state = state != null ? state : group(STATE.matcher(line));
      cycle = cycle != null ? cycle : group(CYCLE.matcher(line));
      session = session != null ? session : group(SESSION.matcher(line));
    }
    String name = fileName == null ? "" : fileName.replaceFirst("\\.[A-Za-z]+$", "");
    Matcher stateFirst = FILE_STATE_FIRST.matcher(name);
    Matcher sessionFirst = FILE_SESSION_FIRST.matcher(name);
    if (stateFirst.find()) {
      state = state != null ? state : stateName(stateFirst.group(1));
      session = session != null ? session : stateFirst.group(2);
    } else if (sessionFirst.find()) {
      session = session != null ? session : sessionFirst.group(1);
      state = state != null ? state : stateName(sessionFirst.group(2));
    }
    return new MatrixTitle(state, cycle, session);
  }

  private static String group(Matcher matcher) {
    if (!matcher.find()) {
      return null;
    }
    for (int g = 1; g <= matcher.groupCount(); g++) {
      if (matcher.group(g) != null) {
        return Cells.clean(matcher.group(g));
      }
    }
    return null;
  }

  /**
   * The leading words of a file name part, up to one of the document's own words ({@code Thematic},
   * {@code Matrix}) or a run-together one ({@code ThematicList}).
   */
  private static String stateName(String part) {
    StringBuilder name = new StringBuilder();
    for (String word : part.split("[ _-]+")) {
      if (word.isEmpty()
          || NOT_A_STATE.contains(word.toLowerCase(Locale.ROOT))
          || word.substring(1).chars().anyMatch(Character::isUpperCase)) {
        break;
      }
      name.append(name.isEmpty() ? "" : " ").append(word);
    }
    return name.isEmpty() ? null : name.toString();
  }
}
