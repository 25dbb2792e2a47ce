package org.coopera.treaties.importing;

/**
 * Something a source says that the import reports for a person to look at, without refusing the
 * file: flags that contradict the status in the same row, a State party without a date, a code that
 * is not an ISO code, a country that is not a State of the reference data. The page says what it
 * means, in the reader's language, from the kind.
 *
 * @param kind CONTRADICTING_FLAGS, MISSING_DATE, WRONG_CODE or UNKNOWN_STATE
 * @param iso3 the State, or null for an unknown one
 * @param instrument the instrument, or null
 * @param event the event, or null
 * @param sourceValue what the source says, as written in it
 * @param file the file it is in
 * @param row the row of the file, as a spreadsheet numbers it
 */
public record Finding(
    String kind,
    String iso3,
    String instrument,
    String event,
    String sourceValue,
    String file,
    int row) {}
