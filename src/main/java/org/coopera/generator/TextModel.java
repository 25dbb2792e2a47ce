package org.coopera.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.SampleText;

/**
 * The words and lengths of real recommendations, learnt from the shipped OHCHR matrices. Each real
 * text is cut into its recommendations (at semicolons), the recommending States in brackets at the
 * end dropped, and each recommendation at its commas into a <em>head</em> (the first clause, “Take
 * further measures to combat discrimination against women”, with the response of its
 * recommendation) and <em>tails</em> (“including by adopting a national action plan”). A generated
 * text draws its target length from the real texts' lengths, then joins a head, tails and, for long
 * targets, further heads after a semicolon, until it is closest to that length; the recommending
 * States in brackets end it as the matrices write them.
 */
final class TextModel {

  /** A first clause with the response of the recommendation it comes from. */
  record Head(String text, Response response) {}

  private static final Pattern SEMICOLONS = Pattern.compile("\\s*;\\s*");
  private static final Pattern TRAILING_BRACKETS = Pattern.compile("(\\s*\\([^()]*\\))+[\\s.;]*$");
  private static final Pattern COMMAS = Pattern.compile(",\\s+");
  private static final int SHORTEST_CLAUSE = 12;
  private static final int MAX_PIECES = 40;

  private final List<Head> heads;
  private final List<String> tails;
  private final int[] realLengths;

  private TextModel(List<Head> heads, List<String> tails, int[] realLengths) {
    this.heads = heads;
    this.tails = tails;
    this.realLengths = realLengths;
  }

  static TextModel learn(List<SampleText> samples) {
    List<Head> heads = new ArrayList<>();
    List<String> tails = new ArrayList<>();
    int[] lengths = new int[samples.size()];
    int n = 0;
    for (SampleText sample : samples) {
      lengths[n++] = sample.text().length();
      for (String sentence : SEMICOLONS.split(sample.text())) {
        String body = TRAILING_BRACKETS.matcher(sentence).replaceAll("").strip();
        body = body.endsWith(".") ? body.substring(0, body.length() - 1) : body;
        String[] clauses = COMMAS.split(body);
        if (clauses[0].length() < SHORTEST_CLAUSE) {
          continue;
        }
        heads.add(new Head(clauses[0], sample.response()));
        for (int i = 1; i < clauses.length; i++) {
          if (clauses[i].length() >= SHORTEST_CLAUSE) {
            tails.add(clauses[i]);
          }
        }
      }
    }
    if (heads.isEmpty() || tails.isEmpty()) {
      throw new IllegalStateException("No real recommendation texts to learn from");
    }
    Arrays.sort(lengths);
    return new TextModel(List.copyOf(heads), List.copyOf(tails), lengths);
  }

  List<Head> heads() {
    return heads;
  }

  int[] realLengths() {
    return realLengths.clone();
  }

  Head head(SplittableRandom random) {
    return heads.get(random.nextInt(heads.size()));
  }

  String tail(SplittableRandom random) {
    return tails.get(random.nextInt(tails.size()));
  }

  /**
   * A text that starts with {@code head}, as long as a real text drawn at random, then brackets.
   */
  String text(Head head, List<String> recommendingNames, SplittableRandom random) {
    StringBuilder brackets = new StringBuilder();
    for (String name : recommendingNames) {
      brackets.append(" (").append(name).append(')');
    }
    int target = realLengths[random.nextInt(realLengths.length)] - brackets.length();
    StringBuilder text = new StringBuilder(head.text());
    for (int piece = 0; piece < MAX_PIECES; piece++) {
      int missing = target - text.length();
      boolean sentence = missing > 160 && random.nextInt(3) == 0;
      String next = sentence ? "; " + head(random).text() : ", " + tail(random);
      if (Math.abs(missing - next.length()) >= Math.abs(missing)) {
        break;
      }
      text.append(next);
    }
    return text.append(brackets).toString();
  }

  /**
   * The percentiles of a sorted array of lengths, for the evidence that both distributions agree.
   */
  static String percentiles(int[] sorted) {
    if (sorted.length == 0) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (int p : new int[] {5, 10, 25, 50, 75, 90, 95, 99}) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      out.append(String.format(Locale.ROOT, "p%d %d, ", p, sorted[Math.max(0, rank - 1)]));
    }
    long sum = 0;
    for (int length : sorted) {
      sum += length;
    }
    return out.append(
            String.format(
                Locale.ROOT,
                "max %d, mean %.0f (%d texts)",
                sorted[sorted.length - 1],
                sum / (double) sorted.length,
                sorted.length))
        .toString();
  }
}
