package org.coopera.implementation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The due dates of an indicator's values: every so many months from a start, up to an end. */
record ReportingSchedule(LocalDate start, int months, LocalDate end) {

  ReportingSchedule {
    if (months < 1) {
      throw new IllegalArgumentException("A schedule reports at least every month");
    }
  }

  /**
   * The ends of the reporting periods: start plus the interval, plus twice the interval, and so on,
   * while on or before the end (a month-end start keeps to month ends the way {@link
   * LocalDate#plusMonths} does: 31 August, 28 or 29 February, 31 August).
   */
  List<LocalDate> dueDates() {
    List<LocalDate> dates = new ArrayList<>();
    for (int k = 1; ; k++) {
      LocalDate due = start.plusMonths((long) k * months);
      if (due.isAfter(end)) {
        return dates;
      }
      dates.add(due);
    }
  }
}
