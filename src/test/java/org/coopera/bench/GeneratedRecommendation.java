package org.coopera.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One generated recommendation, with the rows it has in the tables of migration V9. */
record GeneratedRecommendation(
    UUID id,
    String code,
    String contentKey,
    String mechanism,
    Integer session,
    Integer cycle,
    String documentSymbol,
    String paragraph,
    LocalDate issuedOn,
    int year,
    String stateIso3,
    String regionCode,
    String response,
    Integer actionCategory,
    String language,
    String text,
    List<String> recommendingStates,
    List<TagCode> tags) {

  /** A confirmed tag: kind as the table holds it ({@code THEME}, {@code SDG}, …) and its code. */
  record TagCode(String kind, String code) {}
}
