package org.coopera.treaties.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.coopera.reference.StateProfileSection;
import org.coopera.reference.StatsScope;
import org.coopera.treaties.Ratifications;
import org.coopera.treaties.TreatyReports;
import org.springframework.stereotype.Component;

/** The treaties part of a State's profile: how many instruments bind it, its reports overdue. */
@Component
class TreatiesProfileSection implements StateProfileSection {

  private final Ratifications ratifications;
  private final TreatyReports reports;

  TreatiesProfileSection(Ratifications ratifications, TreatyReports reports) {
    this.ratifications = ratifications;
    this.reports = reports;
  }

  @Override
  public int order() {
    return 8;
  }

  @Override
  public Optional<Content> contentFor(String iso3) {
    StatsScope scope = StatsScope.ofState(iso3);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("iso3", iso3);
    model.put("parties", ratifications.instrumentsBinding(iso3));
    model.put("overdue", reports.counts(scope, LocalDate.now()).overdue());
    return Optional.of(
        new Content("treaties.profile.heading", "treaties/profile :: section", model));
  }
}
