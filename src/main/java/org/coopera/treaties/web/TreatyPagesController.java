package org.coopera.treaties.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.Csv;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.InvalidParameterException;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.coopera.treaties.Communications;
import org.coopera.treaties.RatificationImports;
import org.coopera.treaties.Ratifications;
import org.coopera.treaties.TreatyReports;
import org.coopera.treaties.importing.ImportProblem;
import org.coopera.treaties.importing.SourceFile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The treaty pages: the matrix of States by instruments (public, with its CSV), a State's treaties
 * and reports (public; recorded by administrators and the State's coordinators), the sources and
 * their discrepancies (administrators), and the register of communications (administrators). A
 * refused form comes back with what was typed and the reason beside the field.
 */
@Controller
class TreatyPagesController {

  private final Ratifications ratifications;
  private final RatificationImports imports;
  private final TreatyReports reports;
  private final Communications communications;
  private final ReferenceData reference;
  private final RecommendationLookup recommendations;

  TreatyPagesController(
      Ratifications ratifications,
      RatificationImports imports,
      TreatyReports reports,
      Communications communications,
      ReferenceData reference,
      RecommendationLookup recommendations) {
    this.ratifications = ratifications;
    this.imports = imports;
    this.reports = reports;
    this.communications = communications;
    this.reference = reference;
    this.recommendations = recommendations;
  }

  // the matrix

  @GetMapping("/treaties")
  String matrix(
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model) {
    StatsScope scope;
    try {
      scope = reference.statsScope(null, null, region, group);
    } catch (InvalidParameterException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e);
      scope = StatsScope.world();
    }
    model.addAttribute("instruments", reference.instruments());
    model.addAttribute("rows", ratifications.matrix(scope));
    Map<String, Ratifications.InstrumentCount> counts = new LinkedHashMap<>();
    ratifications.byInstrument(scope).forEach(c -> counts.put(c.code(), c));
    model.addAttribute("counts", counts);
    model.addAttribute("parties", ratifications.partiesAt(null, scope));
    model.addAttribute("members", ratifications.memberStates(scope));
    model.addAttribute("region", region);
    model.addAttribute("group", group);
    model.addAttribute("regions", reference.regions());
    model.addAttribute("groups", ReferenceData.StateFilter.GROUPS);
    model.addAttribute("imports", ratifications.imports());
    model.addAttribute("rules", reports.rules());
    model.addAttribute("admin", user != null && user.isAdministrator());
    return "treaties/index";
  }

  @GetMapping("/treaties/matrix.csv")
  void matrixCsv(
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      HttpServletResponse response)
      throws IOException {
    StatsScope scope = reference.statsScope(null, null, region, group);
    List<ReferenceData.Instrument> instruments = reference.instruments();
    List<String> header = new ArrayList<>(List.of("iso3", "state"));
    instruments.forEach(i -> header.add(i.abbreviation()));
    try (Csv csv = Csv.download(response, "ratifications.csv", header)) {
      for (Ratifications.MatrixRow row : ratifications.matrix(scope)) {
        List<Object> cells = new ArrayList<>(List.of(row.iso3(), row.name()));
        for (ReferenceData.Instrument i : instruments) {
          cells.add(CellText.of(row.cells().get(i.code())));
        }
        csv.row(cells);
      }
    }
  }

  // a State

  @GetMapping("/treaties/states/{iso3}")
  String state(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    fillState(iso3, user, model);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new ReportForm());
    }
    return "treaties/state";
  }

  private void fillState(String iso3, CooperaUser user, Model model) {
    ReferenceData.State state =
        reference
            .findState(iso3.toUpperCase(java.util.Locale.ROOT))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    LocalDate today = LocalDate.now();
    Ratifications.MatrixRow row =
        ratifications.matrix(StatsScope.ofState(state.iso3())).stream().findFirst().orElseThrow();
    List<TreatyReports.Report> recorded = reports.ofState(state.iso3(), today);
    Map<String, Integer> observations =
        recommendations.countsOfDocuments(
            state.iso3(),
            recorded.stream()
                .map(TreatyReports.Report::observationsSymbol)
                .filter(java.util.Objects::nonNull)
                .toList());
    Map<String, LocalDate> initialDues = reports.initialDues(state.iso3());
    List<InitialDue> withoutHistory = new ArrayList<>();
    for (TreatyReports.Rule rule : reports.rules()) {
      boolean party =
          row.cells().containsKey(rule.instrument()) && row.cells().get(rule.instrument()).party();
      boolean hasHistory =
          recorded.stream().anyMatch(r -> r.instrument().equals(rule.instrument()));
      if (party && !hasHistory) {
        withoutHistory.add(new InitialDue(rule.abbreviation(), initialDues.get(rule.instrument())));
      }
    }
    model.addAttribute("state", state);
    model.addAttribute("instruments", reference.instruments());
    model.addAttribute("row", row);
    model.addAttribute("reports", recorded);
    model.addAttribute("observations", observations);
    model.addAttribute("withoutHistory", withoutHistory);
    model.addAttribute("rules", reports.rules());
    model.addAttribute("mayRecord", TreatyReports.mayRecord(user, state.iso3()));
    model.addAttribute("treatyBodies", treatyBodies());
  }

  /** A State party's instrument without a recorded report, and when its initial report fell due. */
  record InitialDue(String instrument, LocalDate due) {}

  /** The report form as typed. */
  static class ReportForm {
    public String instrument;
    public Integer sequence;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate dueOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate submittedOn;

    public String symbol;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate reviewedOn;

    public String reviewSession;
    public String observationsSymbol;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    public LocalDate nextDueOn;

    public Long version;

    public String getInstrument() {
      return instrument;
    }

    public void setInstrument(String instrument) {
      this.instrument = instrument;
    }

    public Integer getSequence() {
      return sequence;
    }

    public void setSequence(Integer sequence) {
      this.sequence = sequence;
    }

    public LocalDate getDueOn() {
      return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
      this.dueOn = dueOn;
    }

    public LocalDate getSubmittedOn() {
      return submittedOn;
    }

    public void setSubmittedOn(LocalDate submittedOn) {
      this.submittedOn = submittedOn;
    }

    public String getSymbol() {
      return symbol;
    }

    public void setSymbol(String symbol) {
      this.symbol = symbol;
    }

    public LocalDate getReviewedOn() {
      return reviewedOn;
    }

    public void setReviewedOn(LocalDate reviewedOn) {
      this.reviewedOn = reviewedOn;
    }

    public String getReviewSession() {
      return reviewSession;
    }

    public void setReviewSession(String reviewSession) {
      this.reviewSession = reviewSession;
    }

    public String getObservationsSymbol() {
      return observationsSymbol;
    }

    public void setObservationsSymbol(String observationsSymbol) {
      this.observationsSymbol = observationsSymbol;
    }

    public LocalDate getNextDueOn() {
      return nextDueOn;
    }

    public void setNextDueOn(LocalDate nextDueOn) {
      this.nextDueOn = nextDueOn;
    }

    public Long getVersion() {
      return version;
    }

    public void setVersion(Long version) {
      this.version = version;
    }

    TreatyReports.ReportInput input() {
      return new TreatyReports.ReportInput(
          instrument,
          sequence,
          dueOn,
          submittedOn,
          symbol,
          reviewedOn,
          reviewSession,
          observationsSymbol,
          nextDueOn);
    }
  }

  @PostMapping("/treaties/states/{iso3}/reports")
  String recordReport(
      @PathVariable String iso3,
      ReportForm form,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model) {
    String code = iso3.toUpperCase(java.util.Locale.ROOT);
    try {
      reports.record(code, form.input(), user);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("reportError", e);
      model.addAttribute("form", form);
      fillState(code, user, model);
      return "treaties/state";
    }
    return "redirect:/treaties/states/" + code + "#reports";
  }

  @PostMapping("/treaties/reports/{id}")
  String updateReport(
      @PathVariable UUID id,
      ReportForm form,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    TreatyReports.Report report =
        reports
            .find(id, LocalDate.now())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    try {
      reports.update(id, form.input(), form.version == null ? -1 : form.version, user);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("updateError", e);
      redirect.addFlashAttribute("updateId", id);
    }
    return "redirect:/treaties/states/" + report.iso3() + "#report-" + id;
  }

  // the sources (administrators)

  @GetMapping("/treaties/sources")
  String sources(@AuthenticationPrincipal CooperaUser user, Model model) {
    mustAdminister(user);
    model.addAttribute("imports", ratifications.imports());
    model.addAttribute("discrepancies", ratifications.discrepancies(null));
    model.addAttribute("formats", RatificationImports.Format.values());
    return "treaties/sources";
  }

  @PostMapping("/treaties/sources")
  String importSource(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model)
      throws IOException {
    mustAdminister(user);
    List<ImportProblem> problems = new ArrayList<>();
    RatificationImports.Format chosen = null;
    try {
      chosen = RatificationImports.Format.valueOf(format == null ? "" : format);
    } catch (IllegalArgumentException e) {
      problems.add(ImportProblem.of("", 0, "treaties.import.error.format"));
    }
    if (source == null || source.isBlank() || source.strip().length() > 200) {
      problems.add(ImportProblem.of("", 0, "treaties.import.error.source"));
    }
    List<SourceFile> given = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        if (!f.isEmpty()) {
          given.add(new SourceFile(f.getOriginalFilename(), f.getBytes()));
        }
      }
    }
    if (given.isEmpty()) {
      problems.add(ImportProblem.of("", 0, "treaties.import.error.no-file"));
    }
    if (problems.isEmpty()) {
      try {
        model.addAttribute(
            "report", imports.importSource(source.strip(), chosen, given, asOf, user.accountId()));
      } catch (RatificationImports.Refused e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problems", problems);
    }
    model.addAttribute("typedSource", source);
    model.addAttribute("typedFormat", format);
    model.addAttribute("typedAsOf", asOf);
    return sources(user, model);
  }

  @PostMapping("/treaties/discrepancies/{id}")
  String decide(
      @PathVariable UUID id,
      @RequestParam String decision,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    mustAdminister(user);
    try {
      ratifications.decide(id, Ratifications.Decision.valueOf(decision), version, user.accountId());
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("decisionError", e);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute(
          "decisionError",
          new InvalidInputException("treaties.discrepancy.error.decision", "decision"));
    }
    return "redirect:/treaties/sources#discrepancies";
  }

  // communications (administrators)

  @GetMapping("/treaties/communications")
  String communicationsPage(
      @RequestParam(required = false) String body,
      @AuthenticationPrincipal CooperaUser user,
      Model model) {
    mustAdminister(user);
    String chosen = body == null || body.isBlank() ? null : body;
    model.addAttribute("body", chosen);
    model.addAttribute("pending", communications.list(chosen, true, 200, user));
    model.addAttribute("target", communications.target());
    model.addAttribute("treatyBodies", treatyBodies());
    model.addAttribute("states", reference.allStates());
    model.addAttribute("outcomes", Communications.Outcome.values());
    LocalDate today = LocalDate.now();
    model.addAttribute("pendingNow", communications.pendingAt(today, StatsScope.world()));
    model.addAttribute(
        "perWeek",
        Math.round(
                communications.weeklyThroughput(today.minusDays(364), today, StatsScope.world())
                    * 10)
            / 10.0);
    return "treaties/communications";
  }

  @PostMapping("/treaties/communications")
  String register(
      @RequestParam(required = false) String treatyBody,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String reference,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate registeredOn,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response,
      Model model) {
    mustAdminister(user);
    try {
      communications.register(
          new Communications.Input(treatyBody, state, reference, registeredOn), user);
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("registerError", e);
      model.addAttribute(
          "typed", new Communications.Input(treatyBody, state, reference, registeredOn));
      return communicationsPage(null, user, model);
    }
    return "redirect:/treaties/communications";
  }

  @PostMapping("/treaties/communications/{id}/decision")
  String decideCommunication(
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate decidedOn,
      @RequestParam(required = false) String outcome,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    mustAdminister(user);
    try {
      Communications.Outcome chosen = null;
      if (outcome != null && !outcome.isBlank()) {
        chosen = Communications.Outcome.valueOf(outcome);
      }
      communications.decide(id, decidedOn, chosen, version, user);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("decisionError", e);
      redirect.addFlashAttribute("decisionId", id);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute(
          "decisionError",
          new InvalidInputException("treaties.communications.error.outcome", "outcome"));
      redirect.addFlashAttribute("decisionId", id);
    }
    return "redirect:/treaties/communications";
  }

  @PostMapping("/treaties/communications/target")
  String setTarget(
      @RequestParam(required = false) String decisionsPerWeek,
      @RequestParam long version,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    mustAdminister(user);
    try {
      BigDecimal value;
      try {
        value =
            new BigDecimal(
                decisionsPerWeek == null ? "" : decisionsPerWeek.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("treaties.communications.error.target", "decisionsPerWeek");
      }
      communications.setTarget(value, version, user);
      redirect.addFlashAttribute("targetSaved", true);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("targetError", e);
      redirect.addFlashAttribute("typedTarget", decisionsPerWeek);
    }
    return "redirect:/treaties/communications#target";
  }

  private List<ReferenceData.Mechanism> treatyBodies() {
    return reference.mechanisms("TREATY_BODY");
  }

  private static void mustAdminister(CooperaUser user) {
    if (user == null || !user.isAdministrator()) {
      throw new AccessDeniedException("Administrators only");
    }
  }
}
