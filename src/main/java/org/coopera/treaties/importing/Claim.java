package org.coopera.treaties.importing;

import java.time.LocalDate;
import org.coopera.treaties.DatePrecision;
import org.coopera.treaties.TreatyEvent;

/**
 * What one source says about one State, instrument and event: that it happened (on a date, to a
 * precision) or that it did not, as of the source's date.
 */
public record Claim(
    String iso3,
    String instrument,
    TreatyEvent event,
    boolean present,
    LocalDate date,
    DatePrecision precision) {

  public static Claim absent(String iso3, String instrument, TreatyEvent event) {
    return new Claim(iso3, instrument, event, false, null, DatePrecision.NONE);
  }

  public static Claim onDay(String iso3, String instrument, TreatyEvent event, LocalDate date) {
    return new Claim(iso3, instrument, event, true, date, DatePrecision.DAY);
  }

  public static Claim inYear(String iso3, String instrument, TreatyEvent event, Integer year) {
    return year == null
        ? new Claim(iso3, instrument, event, true, null, DatePrecision.NONE)
        : new Claim(iso3, instrument, event, true, LocalDate.of(year, 12, 31), DatePrecision.YEAR);
  }

  public String key() {
    return iso3 + "/" + instrument + "/" + event;
  }

  /** As a person reads it: a date, a year, + (yes, no date) or - (no). */
  public String describe() {
    return present ? precision.describe(date) : "-";
  }
}
