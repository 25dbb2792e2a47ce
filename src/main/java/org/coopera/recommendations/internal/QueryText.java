package org.coopera.recommendations.internal;

/**
 * What a person typed in the search box, checked before it reaches the query parser. The syntax is
 * that of a simple query string: {@code "a phrase"}, {@code -without}, {@code either | or}, {@code
 * prefix*}, parentheses. When the syntax is broken (an unclosed quote or parenthesis, an operator
 * with nothing after it), the search is for the plain words instead, and {@link #fellBack()} says
 * so the page can tell the person.
 *
 * @param typed what the person typed (trimmed), kept for the search box and shared links
 * @param query what is given to the query parser; blank when there is no text to match
 * @param fellBack whether the syntax was broken and the plain words are searched
 */
public record QueryText(String typed, String query, boolean fellBack) {

  static final int MAX_LENGTH = 1000;

  public static QueryText of(String typed) {
    if (typed == null || typed.isBlank()) {
      return new QueryText("", "", false);
    }
    String text = typed.strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    if (wellFormed(text)) {
      return new QueryText(text, text, false);
    }
    return new QueryText(text, plainWords(text), true);
  }

  public boolean blank() {
    return query.isBlank();
  }

  static boolean wellFormed(String text) {
    int quotes = 0;
    int depth = 0;
    boolean inPhrase = false;
    boolean hasTerm = false;
    char previous = ' ';
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quotes++;
        inPhrase = !inPhrase;
      } else if (!inPhrase) {
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
          if (depth < 0 || previous == '(') {
            return false;
          }
        } else if (c == '*' && !Character.isLetterOrDigit(previous)) {
          return false;
        } else if (c == '~' || c == '\\') {
          return false;
        } else if (Character.isLetterOrDigit(c)) {
          hasTerm = true;
        }
      } else if (Character.isLetterOrDigit(c)) {
        hasTerm = true;
      }
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
    }
    boolean danglingOperator = previous == '|' || previous == '+' || previous == '-';
    return quotes % 2 == 0 && depth == 0 && hasTerm && !danglingOperator;
  }

  /** The words of the text, every character of the syntax taken out. */
  static String plainWords(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean syntax = "\"()|+*~\\".indexOf(c) >= 0 || (c == '-' && startsTerm(text, i));
      out.append(syntax ? ' ' : c);
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static boolean startsTerm(String text, int i) {
    return i == 0 || Character.isWhitespace(text.charAt(i - 1));
  }
}
