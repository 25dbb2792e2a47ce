package org.coopera.implementation.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar document (RFC 5545) of all-day events: CRLF line ends, lines folded at 75 octets
 * without splitting a character, and text values escaped (backslash, semicolon, comma, newline).
 */
final class ICalendar {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private final StringBuilder out = new StringBuilder();
  private final String stamp;

  ICalendar(String name, Instant now) {
    this.stamp = STAMP.format(now);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Coopera//Workspace deadlines//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + text(name));
  }

  /** An event of one whole day. */
  ICalendar event(String uid, LocalDate day, String summary, String description, String url) {
    line("BEGIN:VEVENT");
    line("UID:" + text(uid));
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + DATE.format(day));
    line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
    line("SUMMARY:" + text(summary));
    if (description != null) {
      line("DESCRIPTION:" + text(description));
    }
    if (url != null) {
      line("URL:" + url.replaceAll("[\\r\\n]", ""));
    }
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
    return this;
  }

  String end() {
    line("END:VCALENDAR");
    return out.toString();
  }

  /** A TEXT value as RFC 5545 section 3.3.11 escapes it. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    return value
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /** Writes a content line, folded so that no line is longer than 75 octets (section 3.1). */
  private void line(String content) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
