package org.coopera.recommendations.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The columns of a heading row, found by name: case-insensitive, trimmed, with spaces and hyphens
 * read as underscores ({@code State under review} finds {@code state_under_review}). A heading that
 * repeats (the UPR Info XLS has {@code Rgrp} and {@code Org} twice) is found at its first place.
 */
final class Headings {

  private static final int SHOWN = 20;
  private static final int LONGEST_SHOWN = 40;
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

  private final List<String> written;
  private final Map<String, Integer> columns = new HashMap<>();

  private Headings(List<String> written) {
    this.written = written;
    for (int i = 0; i < written.size(); i++) {
      String name = normalise(written.get(i));
      if (!name.isEmpty()) {
        columns.putIfAbsent(name, i);
      }
    }
  }

  static Headings of(Table.Row row) {
    return new Headings(row.cells());
  }

  static String normalise(String heading) {
    String cleaned = Cells.clean(heading);
    if (cleaned == null) {
      return "";
    }
    return SEPARATORS.matcher(cleaned.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  /** The column of the first of {@code names} present, or -1. */
  int find(String... names) {
    for (String name : names) {
      Integer column = columns.get(normalise(name));
      if (column != null) {
        return column;
      }
    }
    return -1;
  }

  boolean has(String... names) {
    return find(names) >= 0;
  }

  /**
   * The headings as written, blanks left out, for telling a person what the file has: at most
   * {@value #SHOWN} of them, each cut at {@value #LONGEST_SHOWN} characters.
   */
  String written() {
    List<String> shown = new ArrayList<>();
    for (String heading : written) {
      String cleaned = Cells.clean(heading);
      if (cleaned != null && shown.size() < SHOWN) {
        shown.add(
            cleaned.length() > LONGEST_SHOWN ? cleaned.substring(0, LONGEST_SHOWN) + "…" : cleaned);
      }
    }
    return String.join(", ", shown) + (written.size() > SHOWN ? ", …" : "");
  }
}
