package org.coopera.recommendations.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans cell values the same way for every format: line ends made {@code \n}, non-breaking and
 * other Unicode spaces made plain spaces, invisible characters (byte-order mark, zero-width space,
 * soft hyphen) and control characters dropped, runs of spaces collapsed, spaces around line breaks
 * and more than one blank line removed, the whole trimmed; blank becomes null. Typographic quotes
 * and dashes are kept.
 */
final class Cells {

  private static final Pattern SPACES = Pattern.compile(" {2,}");
  private static final Pattern SPACES_AROUND_BREAK = Pattern.compile(" ?\n ?");
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private Cells() {}

  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == '\uFEFF' || c == '\u200B' || c == '\u00AD' || c == '\u2060') {
        continue;
      } else if (c == '\t' || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    String text = SPACES.matcher(out).replaceAll(" ");
    text = SPACES_AROUND_BREAK.matcher(text).replaceAll("\n");
    text = BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    return text.isEmpty() ? null : text;
  }

  /** {@link #clean} of the value with its HTML character references decoded. */
  static String cleanHtml(String raw) {
    return clean(HtmlEntities.decode(raw));
  }

  /**
   * The values of a list cell split on {@code separator} (a regular expression), each cleaned,
   * blanks and repeats dropped, in the order written.
   */
  static List<String> list(String raw, String separator, boolean decodeHtml) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (String part : raw.split(separator)) {
      String value = decodeHtml ? cleanHtml(part) : clean(part);
      if (value != null) {
        values.add(value);
      }
    }
    return List.copyOf(values);
  }

  /** A one-element list of the value, or an empty list when it is null. */
  static List<String> single(String value) {
    return value == null ? List.of() : List.of(value);
  }
}
