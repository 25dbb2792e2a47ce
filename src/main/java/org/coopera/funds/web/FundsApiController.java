package org.coopera.funds.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.coopera.funds.internal.FundQueries;
import org.coopera.funds.internal.FundReport;
import org.coopera.funds.internal.FundViews;
import org.coopera.funds.internal.Funds;
import org.coopera.identity.CooperaUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funds over the API: anyone reads the funds and their balances; fund managers and
 * administrators read a fund's ledger and report and record money; a donor reads what its own
 * contributions paid for.
 */
@RestController
@Tag(name = "Funds", description = "Voluntary funds and other funding lines")
class FundsApiController {

  private final Funds funds;
  private final FundQueries queries;
  private final FundViews views;
  private final FundReport report;

  FundsApiController(Funds funds, FundQueries queries, FundViews views, FundReport report) {
    this.funds = funds;
    this.queries = queries;
    this.views = views;
    this.report = report;
  }

  /** A fund's balances in US dollars. */
  record FundJson(
      String code,
      String name,
      String kind,
      BigDecimal pledged,
      BigDecimal received,
      BigDecimal allocated,
      BigDecimal available,
      BigDecimal disbursed,
      BigDecimal spent) {
    static FundJson of(FundQueries.FundSummary f) {
      return new FundJson(
          f.code(),
          f.name(),
          f.kind(),
          f.pledged(),
          f.received(),
          f.allocated(),
          f.available(),
          f.disbursed(),
          f.spent());
    }
  }

  /** A pledge or contribution as a client sends it. */
  record IncomeRequest(
      String donorState,
      String donorOrganisation,
      BigDecimal amount,
      String currency,
      BigDecimal usdRate,
      LocalDate date,
      Integer forYear,
      UUID pledgeId) {
    Funds.Income income() {
      return new Funds.Income(
          donorState, donorOrganisation, amount, currency, usdRate, date, forYear, pledgeId);
    }
  }

  /** An allocation, disbursement or expenditure as a client sends it, in US dollars. */
  record OutgoRequest(
      UUID projectId, BigDecimal amountUsd, LocalDate date, String purpose, Long version) {
    Funds.Outgo outgo() {
      return new Funds.Outgo(projectId, amountUsd, date, purpose, version);
    }
  }

  /** A new funding line. */
  record FundRequest(String code, String name, String kind, String description) {}

  @GetMapping("/api/v1/funds")
  @Operation(summary = "Every fund with its balances in US dollars")
  List<FundJson> list() {
    return queries.funds().stream().map(FundJson::of).toList();
  }

  @GetMapping("/api/v1/funds/{code}")
  @Operation(summary = "One fund's balances in US dollars")
  FundJson one(@PathVariable String code) {
    return FundJson.of(queries.fund(code));
  }

  @PostMapping("/api/v1/funds")
  @Operation(summary = "Add a bilateral or other funding line (fund managers, administrators)")
  ResponseEntity<FundJson> add(
      @RequestBody FundRequest request, @AuthenticationPrincipal CooperaUser user) {
    funds.addFund(request.code(), request.name(), request.kind(), request.description(), user);
    return ResponseEntity.created(URI.create("/api/v1/funds/" + request.code()))
        .body(FundJson.of(queries.fund(request.code())));
  }

  @GetMapping("/api/v1/funds/{code}/ledger")
  @Operation(summary = "A fund's pledges, contributions, allocations and disbursements")
  FundViews.FundLedger ledger(
      @PathVariable String code, @AuthenticationPrincipal CooperaUser user) {
    return views.ledger(code, user);
  }

  @GetMapping("/api/v1/donor/funds")
  @Operation(summary = "What the signed-in donor's contributions paid for, pro rata")
  FundViews.DonorView donor(@AuthenticationPrincipal CooperaUser user) {
    return views.donor(user);
  }

  @PostMapping("/api/v1/funds/{code}/pledges")
  @Operation(summary = "Record a pledge")
  ResponseEntity<Map<String, UUID>> pledge(
      @PathVariable String code,
      @RequestBody IncomeRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return created(code, "pledges", funds.pledge(code, request.income(), user));
  }

  @PostMapping("/api/v1/funds/{code}/contributions")
  @Operation(summary = "Record a contribution received, with the rate used")
  ResponseEntity<Map<String, UUID>> contribute(
      @PathVariable String code,
      @RequestBody IncomeRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return created(code, "contributions", funds.contribute(code, request.income(), user));
  }

  @PostMapping("/api/v1/funds/{code}/allocations")
  @Operation(summary = "Allocate to a project, within the fund's available balance")
  ResponseEntity<Map<String, UUID>> allocate(
      @PathVariable String code,
      @RequestBody OutgoRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return created(code, "allocations", funds.allocate(code, request.outgo(), user));
  }

  @PutMapping("/api/v1/funds/{code}/allocations/{id}")
  @Operation(summary = "Change an allocation's amount; send the version it was read at")
  ResponseEntity<Void> change(
      @PathVariable String code,
      @PathVariable UUID id,
      @RequestBody OutgoRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    funds.changeAllocation(code, id, request.outgo(), user);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/funds/{code}/allocations/{id}/disbursements")
  @Operation(summary = "Disburse from an allocation, within what remains of it")
  ResponseEntity<Map<String, UUID>> disburse(
      @PathVariable String code,
      @PathVariable UUID id,
      @RequestBody OutgoRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return created(code, "disbursements", funds.disburse(code, id, request.outgo(), user));
  }

  @PostMapping("/api/v1/funds/{code}/allocations/{id}/expenditures")
  @Operation(summary = "Record an expenditure, within what was disbursed")
  ResponseEntity<Map<String, UUID>> spend(
      @PathVariable String code,
      @PathVariable UUID id,
      @RequestBody OutgoRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return created(code, "expenditures", funds.spend(code, id, request.outgo(), user));
  }

  @GetMapping("/api/v1/funds/{code}/report.xlsx")
  @Operation(summary = "The fund's report for its board of trustees, as XLSX")
  ResponseEntity<byte[]> xlsx(
      @PathVariable String code, @AuthenticationPrincipal CooperaUser user, Locale language) {
    return file(
        report.xlsx(code, user, language),
        code + "-report.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }

  @GetMapping("/api/v1/funds/{code}/report.pdf")
  @Operation(summary = "The fund's report for its board of trustees, as PDF")
  ResponseEntity<byte[]> pdf(
      @PathVariable String code, @AuthenticationPrincipal CooperaUser user, Locale language) {
    return file(
        report.pdf(code, user, language), code + "-report.pdf", MediaType.APPLICATION_PDF_VALUE);
  }

  private static ResponseEntity<Map<String, UUID>> created(String code, String kind, UUID id) {
    return ResponseEntity.created(URI.create("/api/v1/funds/" + code + "/" + kind + "/" + id))
        .body(Map.of("id", id));
  }

  private static ResponseEntity<byte[]> file(byte[] body, String name, String type) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
