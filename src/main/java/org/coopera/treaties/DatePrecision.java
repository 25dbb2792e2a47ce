package org.coopera.treaties;

/**
 * How much of a date a source gives. A year alone is kept as 31 December of that year, so that a
 * count at the end of each year is exact and a count inside the year never counts it early.
 */
public enum DatePrecision {
  DAY,
  YEAR,
  NONE;

  /** A date as a person reads it at this precision: the day, the year, or + (yes, no date). */
  public String describe(java.time.LocalDate date) {
    return switch (this) {
      case DAY -> date.toString();
      case YEAR -> String.valueOf(date.getYear());
      case NONE -> "+";
    };
  }
}
