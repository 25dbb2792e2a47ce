package org.coopera.treaties.importing;

/**
 * Something a source says that the import reports for a person to look at, without refusing the
 * file: flags that contradict the status in the same row, a State party without a date, a country
 * that is not a State of the reference data.
 *
 * @param kind CONTRADICTING_FLAGS, MISSING_DATE or UNKNOWN_STATE
 * @param iso3 the State, or null for an unknown one
 * @param instrument the instrument, or null
 * @param event the event, or null
 * @param sourceValue what the source says, briefly
 * @param detail where and what, e.g. the file and row
 */
public record Finding(
    String kind, String iso3, String instrument, String event, String sourceValue, String detail) {}
