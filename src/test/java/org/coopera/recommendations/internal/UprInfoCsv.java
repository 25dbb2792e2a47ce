package org.coopera.recommendations.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the UPR Info export (Mac Roman, carriage-return line ends, RFC 4180 quotes) for the local
 * benchmark. Not a test and not the application's importer: the benchmark's own small reader.
 */
final class UprInfoCsv {

  /** The files of sessions 1 to 13. */
  static final List<String> FILES =
      List.of("upr-info-1-5.csv", "upr-info-6-9.csv", "upr-info-10-13.csv");

  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|amp|quot|lt|gt|apos);");

  private UprInfoCsv() {}

  /**
   * One row of the export.
   *
   * @param to the State under review
   * @param session the Working Group session
   * @param text the recommendation
   * @param from the recommending State
   * @param issues UPR Info's issues
   */
  record Row(String to, int session, String text, String from, Set<String> issues) {}

  /**
   * A recommendation after merging the rows that share State under review, session and text.
   *
   * @param to the State under review
   * @param session the Working Group session
   * @param text the recommendation
   * @param from the recommending States of the merged rows
   * @param issues the union of the merged rows' issues
   */
  record Recommendation(
      String to, int session, String text, Set<String> from, Set<String> issues) {}

  /** Every row of the files of sessions 1 to 13, in file order. */
  static List<Row> read(Path folder) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String file : FILES) {
      String content = Files.readString(folder.resolve(file), Charset.forName("x-MacRoman"));
      List<List<String>> records = parse(content);
      List<String> header = records.get(0);
      int to = header.indexOf("To");
      int text = header.indexOf("Text");
      int from = header.indexOf("From");
      int issue = header.indexOf("Issue");
      int session = header.indexOf("Session");
      for (List<String> record : records.subList(1, records.size())) {
        if (record.size() < header.size()) {
          continue;
        }
        Set<String> issues = new LinkedHashSet<>();
        for (String name : decode(record.get(issue)).split(",")) {
          if (!name.isBlank()) {
            issues.add(name.strip());
          }
        }
        rows.add(
            new Row(
                decode(record.get(to)).strip(),
                Integer.parseInt(record.get(session).strip()),
                decode(record.get(text)).strip(),
                decode(record.get(from)).strip(),
                Set.copyOf(issues)));
      }
    }
    return rows;
  }

  /** Merges rows with the same State under review, session and text, in first-seen order. */
  static List<Recommendation> dedupe(List<Row> rows) {
    Map<List<Object>, Recommendation> merged = new LinkedHashMap<>();
    for (Row row : rows) {
      merged.merge(
          List.of(row.to(), row.session(), row.text()),
          new Recommendation(row.to(), row.session(), row.text(), Set.of(row.from()), row.issues()),
          (a, b) ->
              new Recommendation(
                  a.to(),
                  a.session(),
                  a.text(),
                  union(a.from(), b.from()),
                  union(a.issues(), b.issues())));
    }
    return List.copyOf(merged.values());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return union;
  }

  /** RFC 4180 records; any of CR, LF and CR LF ends a record outside quotes. */
  static List<List<String>> parse(String content) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  /** Decodes numeric character references and the five XML entities. */
  static String decode(String value) {
    Matcher matcher = ENTITY.matcher(value);
    StringBuilder decoded = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement =
          switch (name) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "lt" -> "<";
            case "gt" -> ">";
            case "apos" -> "'";
            default ->
                Character.toString(
                    name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
          };
      matcher.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(decoded);
    return decoded.toString();
  }
}
