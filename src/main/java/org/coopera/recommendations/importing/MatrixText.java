package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the recommendation cell of an OHCHR matrix, e.g. {@code 186.23. Continue efforts to ratify
 * the OP-CAT and CPED … (Argentina); Ratify the CPED … (France);} followed by {@code Source of
 * position: A/HRC/25/5/Add.1 - Para. 186.23.}
 *
 * <ul>
 *   <li>{@code paragraph}: the leading number ({@code 186.23}), without its final dot;
 *   <li>{@code text}: the rest, the trailing semicolon dropped; the recommending States stay in it
 *       in their parentheses, as OHCHR prints them, because a paragraph can bundle several
 *       recommendations each followed by its own States;
 *   <li>{@code recommendingStates}: the parenthesised groups that end each {@code ;}-separated
 *       recommendation ({@code (France) (Lithuania)} gives both), split on {@code ,} and {@code ;}
 *       outside nested parentheses ({@code Bolivia (Plurinational State of)} stays whole). A group
 *       with a digit ({@code (No. 29)}, {@code (2011–2020)}) or without a lower-case letter ({@code
 *       (OP-CAT)}, {@code (ICRMW)}) is not a list of States; whether a name is a State is left to
 *       the validator;
 *   <li>{@code responseSource}: what follows "Source of position:", as written; {@code
 *       documentSymbol}: the symbol it starts with, less its {@code /Add.n} (the Working Group's
 *       report that holds the recommendations: {@code A/HRC/25/5}).
 * </ul>
 */
record MatrixText(
    String paragraph,
    String text,
    List<String> recommendingStates,
    String responseSource,
    String documentSymbol) {

  private static final Pattern SOURCE =
      Pattern.compile("(?i)source\\s+of\\s+(?:position|response)\\s*:?");
  private static final Pattern PARAGRAPH =
      Pattern.compile("^(\\d{1,4}(?:\\.\\d{1,4}){0,2})\\.?(?=\\s)");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z]{1,8}(?:/[A-Za-z0-9.()\\-]+)+");
  private static final Pattern ADDENDUM = Pattern.compile("/Add\\.\\d+$");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern LOWER_CASE = Pattern.compile("\\p{Ll}");

  /** A cell's text before "Source of position:", and what follows it; either may be null. */
  record Sourced(String before, String source) {

    static Sourced of(String cell) {
      String text = Cells.clean(cell);
      if (text == null) {
        return new Sourced(null, null);
      }
      Matcher at = SOURCE.matcher(text);
      return at.find()
          ? new Sourced(
              Cells.clean(text.substring(0, at.start())), Cells.clean(text.substring(at.end())))
          : new Sourced(text, null);
    }
  }

  static MatrixText of(String cell) {
    Sourced sourced = Sourced.of(cell);
    String text = sourced.before();
    if (text == null) {
      return new MatrixText(null, null, List.of(), sourced.source(), symbol(sourced.source()));
    }
    String paragraph = null;
    Matcher number = PARAGRAPH.matcher(text);
    if (number.find() && number.group(1).contains(".")) {
      paragraph = number.group(1);
      text = text.substring(number.end());
    }
    text = Cells.clean(stripEnd(text, ";"));
    return new MatrixText(
        paragraph, text, states(text), sourced.source(), symbol(sourced.source()));
  }

  /** The Working Group report's symbol in a source of position, without its addendum number. */
  static String symbol(String source) {
    if (source == null) {
      return null;
    }
    Matcher symbol = SYMBOL.matcher(source);
    if (!symbol.find()) {
      return null;
    }
    String found = stripEnd(symbol.group(), ".-");
    return ADDENDUM.matcher(found).replaceFirst("");
  }

  /** The recommending States of every recommendation in the text (see the class comment). */
  static List<String> states(String text) {
    Set<String> states = new LinkedHashSet<>();
    if (text == null) {
      return List.of();
    }
    for (String clause : split(text, ";")) {
      for (String group : trailingGroups(clause)) {
        if (!DIGIT.matcher(group).find() && LOWER_CASE.matcher(group).find()) {
          for (String state : split(group, ",;")) {
            String name = Cells.clean(state);
            if (name != null) {
              states.add(name);
            }
          }
        }
      }
    }
    return List.copyOf(states);
  }

  /** The parenthesised groups that end {@code clause}, in order, without their parentheses. */
  private static List<String> trailingGroups(String clause) {
    List<String> groups = new ArrayList<>();
    String rest = stripEnd(clause.strip(), ".,");
    while (rest.endsWith(")")) {
      int depth = 0;
      int open = -1;
      for (int i = rest.length() - 1; i >= 0 && open < 0; i--) {
        char c = rest.charAt(i);
        if (c == ')') {
          depth++;
        } else if (c == '(' && --depth == 0) {
          open = i;
        }
      }
      if (open < 0) {
        break;
      }
      groups.add(0, rest.substring(open + 1, rest.length() - 1));
      rest = rest.substring(0, open).strip();
    }
    return groups;
  }

  /** {@code text} split at any of {@code separators} that stands outside parentheses. */
  private static List<String> split(String text, String separators) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && separators.indexOf(c) >= 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String stripEnd(String text, String characters) {
    int end = text.length();
    while (end > 0
        && (characters.indexOf(text.charAt(end - 1)) >= 0
            || Character.isWhitespace(text.charAt(end - 1)))) {
      end--;
    }
    return text.substring(0, end);
  }
}
