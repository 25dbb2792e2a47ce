package org.coopera.recommendations.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the themes cell of an OHCHR matrix, one entry per paragraph, in either layout:
 *
 * <ul>
 *   <li>2013–2014: UHRI codes with their names ({@code A12 Acceptance of international norms},
 *       {@code S16 SDG 16 - peace, justice and strong institutions}), then {@code Affected
 *       persons:} and a {@code - general} list;
 *   <li>2019: names without codes ({@code - Acceptance of international norms}), an {@code SDGs:}
 *       block ({@code - 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS}) and an {@code Affected
 *       persons:} block.
 * </ul>
 *
 * A theme becomes its code ({@code A12}) or, without a code, its name; an {@code S} code and an SDG
 * line become the goal or target number ({@code 16}, {@code 5.2}); an affected person line stays as
 * written ({@code general}, {@code Disappeared persons}). The same reading serves a separate
 * "Relevant SDGs" or "Groups of persons" column.
 */
final class MatrixThemes {

  private static final Pattern SDG_BLOCK =
      Pattern.compile("(?i)^(?:relevant\\s+)?sdgs?\\s*:(.*)$", Pattern.DOTALL);
  private static final Pattern AFFECTED_BLOCK =
      Pattern.compile(
          "(?i)^(?:affected\\s+persons|persons\\s+affected|groups\\s+of\\s+persons|affected"
              + "\\s+groups)\\s*:(.*)$",
          Pattern.DOTALL);
  private static final Pattern THEMES_BLOCK =
      Pattern.compile("(?i)^(?:themes?|full\\s+list\\s+of\\s+themes)\\s*:(.*)$", Pattern.DOTALL);
  private static final Pattern BULLET = Pattern.compile("^[-–—•·*]\\s*");
  private static final Pattern CODE = Pattern.compile("^([A-HS]\\d{1,2})(?:\\s+(.*))?$");
  private static final Pattern SDG_IN_NAME = Pattern.compile("(?i)\\bSDG\\s*(\\d{1,2})\\b");
  private static final Pattern SDG_NUMBER =
      Pattern.compile("(?i)^(?:sdg|goal)?\\s*(\\d{1,2}(?:\\.[0-9a-z]{1,2})?)(?![0-9])");

  /** Where the lines being read belong. */
  enum Block {
    THEMES,
    SDGS,
    AFFECTED_PERSONS
  }

  private final Set<String> themes = new LinkedHashSet<>();
  private final Set<String> sdgs = new LinkedHashSet<>();
  private final Set<String> affected = new LinkedHashSet<>();

  List<String> themes() {
    return List.copyOf(themes);
  }

  List<String> sdgTargets() {
    return List.copyOf(sdgs);
  }

  List<String> affectedGroups() {
    return List.copyOf(affected);
  }

  /** Reads the lines of one cell, starting in {@code block}. */
  MatrixThemes read(List<String> lines, Block first) {
    Block block = first;
    for (String line : lines.stream().flatMap(l -> l.lines()).map(Cells::clean).toList()) {
      if (line == null) {
        continue;
      }
      Matcher header;
      if ((header = SDG_BLOCK.matcher(line)).matches()) {
        block = Block.SDGS;
      } else if ((header = AFFECTED_BLOCK.matcher(line)).matches()) {
        block = Block.AFFECTED_PERSONS;
      } else if ((header = THEMES_BLOCK.matcher(line)).matches()) {
        block = Block.THEMES;
      } else {
        header = null;
      }
      String item = header == null ? line : Cells.clean(header.group(1));
      if (item != null) {
        add(block, BULLET.matcher(item).replaceFirst(""));
      }
    }
    return this;
  }

  private void add(Block block, String item) {
    switch (block) {
      case THEMES -> theme(item);
      case SDGS -> sdg(item);
      case AFFECTED_PERSONS -> {
        for (String group : item.split(";")) {
          String name = Cells.clean(BULLET.matcher(group.strip()).replaceFirst(""));
          if (name != null) {
            affected.add(name);
          }
        }
      }
    }
  }

  private void theme(String item) {
    Matcher code = CODE.matcher(item);
    if (code.matches()) {
      String name = code.group(2) == null ? "" : code.group(2);
      Matcher sdg = SDG_IN_NAME.matcher(name);
      if (code.group(1).startsWith("S") && sdg.find()) {
        sdgs.add(sdg.group(1));
      } else {
        themes.add(code.group(1));
      }
      return;
    }
    Matcher sdg = SDG_IN_NAME.matcher(item);
    if (sdg.lookingAt()) {
      sdgs.add(sdg.group(1));
    } else if (!item.isBlank()) {
      themes.add(item);
    }
  }

  private void sdg(String item) {
    for (String part :
        item.matches("[0-9.,;\\s]+") ? item.split("[,;\\s]+") : new String[] {item}) {
      Matcher number = SDG_NUMBER.matcher(part.strip());
      if (number.find() && !number.group(1).isEmpty()) {
        sdgs.add(number.group(1));
      }
    }
  }
}
