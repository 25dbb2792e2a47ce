package org.coopera.recommendations.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Small stop-word lists: the function words of English, French and Spanish, and a few of Russian
 * and Arabic, which carry no theme. Kept short on purpose: words such as {@code ensure}, {@code
 * consider} or {@code ratify} stay, because TF-IDF weighs them and because “consider ratifying” and
 * “ratify” are different asks. Words that are content words in another of the languages (the
 * Spanish {@code sea}) are left out.
 */
final class StopWords {

  static final Set<String> ENGLISH =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "been", "being", "by", "for", "from", "has",
          "have", "in", "into", "is", "it", "its", "of", "on", "or", "such", "that", "the", "their",
          "them", "these", "they", "this", "those", "to", "was", "were", "which", "will", "with",
          "who", "whom", "whose", "also", "any", "all", "than", "there", "so", "if", "not", "no",
          "both", "well", "s");

  static final Set<String> FRENCH =
      Set.of(
          "le",
          "la",
          "les",
          "l",
          "un",
          "une",
          "des",
          "du",
          "de",
          "d",
          "et",
          "ou",
          "à",
          "au",
          "aux",
          "en",
          "dans",
          "par",
          "pour",
          "sur",
          "avec",
          "sans",
          "que",
          "qui",
          "dont",
          "son",
          "sa",
          "ses",
          "leur",
          "leurs",
          "ce",
          "cet",
          "cette",
          "ces",
          "est",
          "sont",
          "être",
          "afin",
          "ainsi",
          "tous",
          "toutes",
          "tout",
          "toute",
          "y",
          "se",
          "ne",
          "pas",
          "plus",
          "entre",
          "contre",
          "notamment",
          "il",
          "elle",
          "ils",
          "elles",
          "qu");

  static final Set<String> SPANISH =
      Set.of(
          "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "e", "o",
          "u", "a", "en", "por", "para", "con", "sin", "que", "quien", "cual", "su", "sus", "se",
          "lo", "le", "les", "es", "son", "ser", "como", "más", "entre", "contra", "sobre", "este",
          "esta", "estos", "estas", "ese", "esa", "todo", "todos", "toda", "todas", "así",
          "también", "ya", "no");

  static final Set<String> RUSSIAN =
      Set.of(
          "и", "в", "во", "не", "что", "на", "с", "со", "по", "к", "о", "об", "для", "из", "а",
          "от", "до", "за", "как", "его", "её", "их", "это", "также", "все", "всех");

  static final Set<String> ARABIC =
      Set.of("في", "من", "على", "إلى", "عن", "أن", "التي", "الذي", "مع", "و");

  /** Every list above, for Lucene's stop filter. */
  static final CharArraySet ALL = union(List.of(ENGLISH, FRENCH, SPANISH, RUSSIAN, ARABIC));

  private StopWords() {}

  private static CharArraySet union(List<Set<String>> lists) {
    Set<String> all = new HashSet<>();
    lists.forEach(all::addAll);
    return CharArraySet.unmodifiableSet(new CharArraySet(all, false));
  }
}
