package org.coopera.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates written the way the reader's language writes them ({@code ${@dates.day(d)}} in a template):
 * 5 Dec 2026, 5 déc. 2026, 2026年12月5日, 5 дек. 2026 г. Tables of data keep ISO 8601 dates
 * (2026-12-05), which read and sort the same in every language.
 */
@Component("dates")
public class DateLabels {

  private final MessageSource messages;

  public DateLabels(MessageSource messages) {
    this.messages = messages;
  }

  /** A day, short month name: 5 Dec 2026. Empty for null. */
  public String day(TemporalAccessor date) {
    return format(date, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
  }

  /** A day, full month name: 5 December 2026. Empty for null. */
  public String longDay(TemporalAccessor date) {
    return format(date, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG));
  }

  /** A month and year: December 2026, 2026年12月. Empty for null. */
  public String month(TemporalAccessor date) {
    Locale locale = LocaleContextHolder.getLocale();
    String pattern = messages.getMessage("format.month-year", null, "MMMM yyyy", locale);
    return format(date, DateTimeFormatter.ofPattern(pattern));
  }

  /** A moment in UTC, to the minute: 5 Dec 2026, 14:30 UTC. Empty for null. */
  public String moment(Instant instant) {
    if (instant == null) {
      return "";
    }
    return format(
            instant.atOffset(ZoneOffset.UTC),
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
        + " UTC";
  }

  private static String format(TemporalAccessor date, DateTimeFormatter formatter) {
    return date == null ? "" : formatter.withLocale(LocaleContextHolder.getLocale()).format(date);
  }
}
