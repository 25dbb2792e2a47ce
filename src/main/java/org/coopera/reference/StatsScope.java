package org.coopera.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * What a dashboard figure counts: a period in whole years (either end open) and the States it
 * covers (an M49 region or sub-region, and a group such as the least developed countries). Made by
 * {@link ReferenceData#statsScope}, which refuses what does not exist.
 *
 * @param fromYear first year counted, or null for no lower bound
 * @param toYear last year counted, or null for no upper bound
 * @param region an M49 region or sub-region code, or null for the world
 * @param group {@code ldc}, {@code lldc}, {@code sids} or {@code observer}, or null for all
 * @param state the ISO 3166 alpha-3 code of one State (its profile), or null for all
 */
public record StatsScope(
    Integer fromYear, Integer toYear, String region, String group, String state) {

  /** Every year and every State. */
  public static StatsScope world() {
    return new StatsScope(null, null, null, null, null);
  }

  /** Every year, one State. */
  public static StatsScope ofState(String iso3) {
    return new StatsScope(null, null, null, null, iso3);
  }

  /** The same States over another period. */
  public StatsScope withYears(Integer from, Integer to) {
    return new StatsScope(from, to, region, group, state);
  }

  /** Whether the scope narrows the States (a region, a group or one State). */
  public boolean narrowsStates() {
    return region != null || group != null || state != null;
  }

  /**
   * A SQL condition that holds when the State in {@code iso3Column} is in the scope, and its
   * parameters: {@code true} for the world.
   */
  public SqlCondition states(String iso3Column) {
    if (!narrowsStates()) {
      return new SqlCondition("true", List.of());
    }
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (region != null) {
      parts.add("(s.region_code = ? or s.sub_region_code = ? or s.intermediate_region_code = ?)");
      params.addAll(List.of(region, region, region));
    }
    if (state != null) {
      parts.add("s.iso3 = ?");
      params.add(state);
    }
    if (group != null) {
      parts.add(
          switch (group) {
            case "ldc" -> "s.ldc";
            case "lldc" -> "s.lldc";
            case "sids" -> "s.sids";
            default -> "s.un_status = 'OBSERVER'";
          });
    }
    return new SqlCondition(
        iso3Column + " in (select s.iso3 from state s where " + String.join(" and ", parts) + ")",
        params);
  }

  /**
   * A SQL condition that holds when the year of the date in {@code dateColumn} is in the period,
   * and its parameters: {@code true} without bounds. The date is compared with the first day of the
   * first year and of the year after the last (a timestamp with its time zone at midnight in the
   * session's), which holds for the same dates as comparing its year but computes no year per row
   * and can use an index on the date.
   */
  public SqlCondition period(String dateColumn) {
    List<String> parts = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (fromYear != null) {
      parts.add(dateColumn + " >= make_date(?, 1, 1)");
      // there is no year 0 (1 BC precedes AD 1), and a date has no year between -1 and 1
      params.add(Math.max(fromYear, 1));
    }
    if (toYear != null) {
      parts.add(dateColumn + " < make_date(?, 1, 1)");
      params.add(toYear + 1);
    }
    return parts.isEmpty()
        ? new SqlCondition("true", List.of())
        : new SqlCondition(String.join(" and ", parts), params);
  }

  /** Whether a year is in the period. */
  public boolean covers(int year) {
    return (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
  }

  /** A piece of a {@code where} clause with its bound parameters, never concatenated values. */
  public record SqlCondition(String sql, List<Object> params) {
    public SqlCondition {
      params = List.copyOf(params);
    }
  }
}
