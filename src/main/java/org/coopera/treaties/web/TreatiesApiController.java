package org.coopera.treaties.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.coopera.treaties.Ratifications;
import org.coopera.treaties.TreatyReports;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Ratifications and reports as open data: the matrix of States by instruments, and one State's
 * instruments with its recorded reports. The figures over them are under {@code
 * /api/v1/stats/treaties}.
 */
@RestController
@RequestMapping("/api/v1/treaties")
@Tag(name = "Treaties")
class TreatiesApiController {

  private final Ratifications ratifications;
  private final TreatyReports reports;
  private final ReferenceData reference;

  TreatiesApiController(
      Ratifications ratifications, TreatyReports reports, ReferenceData reference) {
    this.ratifications = ratifications;
    this.reports = reports;
    this.reference = reference;
  }

  @GetMapping("/ratifications")
  @Operation(
      summary = "Each State's signature, ratification and procedures accepted, per instrument",
      description =
          "region: an M49 region or sub-region; group: ldc, lldc, sids or observer. Dates are"
              + " ISO dates; precision says whether the source gave the day, only the year, or no"
              + " date (a year alone is given as 31 December).")
  List<Map<String, Object>> ratifications(
      @RequestParam(required = false) String region, @RequestParam(required = false) String group) {
    StatsScope scope = reference.statsScope(null, null, region, group);
    List<Map<String, Object>> states = new ArrayList<>();
    for (Ratifications.MatrixRow row : ratifications.matrix(scope)) {
      states.add(state(row));
    }
    return states;
  }

  @GetMapping("/states/{iso3}")
  @Operation(summary = "One State's instruments and its recorded reports, with where each stands")
  Map<String, Object> state(@PathVariable String iso3) {
    String code = iso3.toUpperCase(java.util.Locale.ROOT);
    if (reference.findState(code).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Map<String, Object> body =
        state(ratifications.matrix(StatsScope.ofState(code)).stream().findFirst().orElseThrow());
    List<Map<String, Object>> recorded = new ArrayList<>();
    for (TreatyReports.Report r : reports.ofState(code, LocalDate.now())) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("id", r.id());
      report.put("instrument", r.instrument());
      report.put("sequence", r.sequence());
      report.put("dueOn", r.dueOn());
      report.put("submittedOn", r.submittedOn());
      report.put("symbol", r.symbol());
      report.put("reviewedOn", r.reviewedOn());
      report.put("observations", r.observationsSymbol());
      report.put("nextDueOn", r.nextDueOn());
      report.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      report.put("daysOverdue", r.daysOverdue());
      report.put("demo", r.demo());
      recorded.add(report);
    }
    body.put("reports", recorded);
    return body;
  }

  private static Map<String, Object> state(Ratifications.MatrixRow row) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("state", row.iso3());
    state.put("name", row.name());
    Map<String, Object> instruments = new LinkedHashMap<>();
    row.cells().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              Ratifications.Cell c = e.getValue();
              Map<String, Object> cell = new LinkedHashMap<>();
              cell.put("signed", c.signedPrecision() == null ? null : c.signed());
              cell.put("party", c.party());
              cell.put("consent", c.consent());
              cell.put(
                  "precision",
                  c.consentPrecision() == null
                      ? null
                      : c.consentPrecision().name().toLowerCase(java.util.Locale.ROOT));
              cell.put("communications", c.communicationsAccepted());
              cell.put("inquiry", c.inquiryAccepted());
              instruments.put(e.getKey(), cell);
            });
    state.put("instruments", instruments);
    return state;
  }
}
