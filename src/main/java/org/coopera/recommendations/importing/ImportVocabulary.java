package org.coopera.recommendations.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coopera.platform.CsvRows;
import org.coopera.recommendations.TagKind;
import org.coopera.recommendations.internal.RecommendationDraft.DraftTag;
import org.coopera.recommendations.internal.StateNames;
import org.coopera.reference.ReferenceData;
import org.springframework.core.io.ClassPathResource;

/**
 * The codes an import checks its rows against, read once per file: mechanisms, UPR sessions, UHRI
 * themes and affected groups (by code or name), SDG goals and targets, and UPR Info's issues with
 * the UHRI themes and groups each stands for ({@code
 * classpath:recommendations/upr_info_issues.csv}).
 */
final class ImportVocabulary {

  private static final Pattern LEADING_CODE = Pattern.compile("^([A-Z]\\d{0,3})\\b\\s*(.*)$");
  private static final Pattern SDG =
      Pattern.compile("(?i)^(?:sdgs?|goal)?\\s*(\\d{1,2})(?:\\.(\\w{1,2}))?\\b.*$");

  private final Map<String, String> mechanisms = new HashMap<>();
  private final Map<Integer, ReferenceData.UprSession> sessions = new HashMap<>();
  private final Map<String, String> themes = new HashMap<>();
  private final Map<String, String> groups = new HashMap<>();
  private final Map<String, String> sdgs = new HashMap<>();
  private final Map<String, List<DraftTag>> issues = new HashMap<>();

  ImportVocabulary(ReferenceData reference) {
    for (ReferenceData.Mechanism m : reference.mechanisms(null)) {
      mechanisms.put(m.code().toUpperCase(Locale.ROOT), m.code());
      if (m.abbreviation() != null) {
        mechanisms.putIfAbsent(m.abbreviation().toUpperCase(Locale.ROOT), m.code());
      }
    }
    reference.uprSessions().forEach(s -> sessions.put(s.session(), s));
    for (ReferenceData.Theme t : reference.themes()) {
      themes.put(t.code().toUpperCase(Locale.ROOT), t.code());
      themes.put(StateNames.normalise(t.name()), t.code());
    }
    for (ReferenceData.AffectedGroup g : reference.affectedGroups()) {
      groups.put(g.code().toLowerCase(Locale.ROOT), g.code());
      groups.put(StateNames.normalise(g.name()), g.code());
    }
    reference
        .sdgGoals()
        .forEach(g -> sdgs.put(String.valueOf(g.number()), String.valueOf(g.number())));
    reference.sdgTargets(null).forEach(t -> sdgs.put(t.code().toLowerCase(Locale.ROOT), t.code()));
    readIssues();
  }

  /**
   * Whether {@code other} holds the same codes and names: a row checked with one reads the same.
   */
  boolean sameAs(ImportVocabulary other) {
    return mechanisms.equals(other.mechanisms)
        && sessions.equals(other.sessions)
        && themes.equals(other.themes)
        && groups.equals(other.groups)
        && sdgs.equals(other.sdgs)
        && issues.equals(other.issues);
  }

  Optional<String> mechanism(String written) {
    return Optional.ofNullable(mechanisms.get(written.strip().toUpperCase(Locale.ROOT)));
  }

  Optional<ReferenceData.UprSession> session(int number) {
    return Optional.ofNullable(sessions.get(number));
  }

  /**
   * The tags a written theme stands for: a UHRI code ({@code D51}, or {@code D51 Administration of
   * justice}), a UHRI theme's name, or one of UPR Info's issues (which may also name a group).
   */
  List<DraftTag> theme(String written) {
    String w = written.strip();
    Matcher code = LEADING_CODE.matcher(w);
    if (code.matches() && themes.containsKey(code.group(1))) {
      return List.of(new DraftTag(TagKind.THEME, themes.get(code.group(1))));
    }
    if (code.matches() && code.group(1).startsWith("S")) {
      Optional<String> sdg = sdg(code.group(2));
      if (sdg.isPresent()) {
        return List.of(new DraftTag(TagKind.SDG, sdg.get()));
      }
    }
    String name = StateNames.normalise(w);
    if (themes.containsKey(name)) {
      return List.of(new DraftTag(TagKind.THEME, themes.get(name)));
    }
    return issues.getOrDefault(name, List.of());
  }

  Optional<String> sdg(String written) {
    Matcher m = SDG.matcher(written.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String key =
        m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(sdgs.get(key));
  }

  Optional<String> group(String written) {
    String w = written.strip();
    String byCode = groups.get(w.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(byCode != null ? byCode : groups.get(StateNames.normalise(w)));
  }

  private void readIssues() {
    ClassPathResource resource = new ClassPathResource("recommendations/upr_info_issues.csv");
    try (InputStream in = resource.getInputStream()) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
      for (int i = 1; i < lines.length; i++) {
        List<String> cells = CsvRows.line(lines[i]);
        if (cells.isEmpty() || cells.get(0).isBlank()) {
          continue;
        }
        List<DraftTag> tags = new java.util.ArrayList<>();
        for (String theme : cells.size() > 1 ? cells.get(1).split(";") : new String[0]) {
          if (!theme.isBlank()) {
            tags.add(new DraftTag(TagKind.THEME, theme.strip()));
          }
        }
        for (String group : cells.size() > 2 ? cells.get(2).split(";") : new String[0]) {
          if (!group.isBlank()) {
            tags.add(new DraftTag(TagKind.AFFECTED_GROUP, group.strip()));
          }
        }
        issues.put(StateNames.normalise(cells.get(0)), List.copyOf(tags));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code written} is one of UPR Info's issues (which may map to no theme: "Other"). */
  boolean isIssue(String written) {
    return issues.containsKey(StateNames.normalise(written));
  }
}
