package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coopera.assistance.ProjectLookup;
import org.coopera.assistance.ProjectLookup.ProjectRef;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each party reads of the funds: a fund manager the whole ledger of a fund, a donor what its
 * own contributions paid for, the public the aggregates.
 */
@Component
@Transactional(readOnly = true)
public class FundViews {

  /** A pledge or contribution line; {@code donor} is a State code or an organisation code. */
  public record IncomeLine(
      UUID id,
      String donor,
      BigDecimal amount,
      String currency,
      BigDecimal usdRate,
      BigDecimal amountUsd,
      LocalDate date) {}

  /** An allocation with what was disbursed and spent of it. */
  public record AllocationLine(
      UUID id,
      UUID projectId,
      String projectTitle,
      String state,
      BigDecimal amountUsd,
      BigDecimal disbursed,
      BigDecimal spent,
      LocalDate decidedOn,
      long version) {

    public BigDecimal remaining() {
      return amountUsd.subtract(disbursed);
    }
  }

  /** A disbursement or expenditure line. */
  public record OutgoLine(
      UUID id, UUID allocationId, String projectTitle, BigDecimal amountUsd, LocalDate date) {}

  /** Everything a fund manager reads of one fund. */
  public record FundLedger(
      FundQueries.FundSummary fund,
      List<IncomeLine> pledges,
      List<IncomeLine> contributions,
      List<AllocationLine> allocations,
      List<OutgoLine> disbursements,
      List<OutgoLine> expenditures) {}

  /** A donor's share of one fund and the projects its contributions paid for, pro rata. */
  public record DonorFund(
      String fund,
      BigDecimal contributed,
      BigDecimal fundReceived,
      BigDecimal share,
      List<DonorProject> projects) {}

  /** A project allocated from a fund, and the part attributed to the donor. */
  public record DonorProject(
      UUID projectId, String title, String state, BigDecimal allocated, BigDecimal attributed) {}

  /** How a donor's part of an allocation is computed. */
  public static final String PRO_RATA_METHOD =
      "pro rata: each allocation of a fund × (the donor's contributions received by that fund"
          + " ÷ all contributions received by that fund), rounded half-even to cents";

  /** What a donor sees. */
  public record DonorView(
      String donor, String method, List<IncomeLine> contributions, List<DonorFund> funds) {}

  /** What the public sees: money raised against demand, per fund totals. */
  public record PublicFigures(
      List<FundQueries.FundSummary> funds,
      BigDecimal received,
      BigDecimal allocated,
      BigDecimal demand,
      long projects) {}

  private static final String INCOME =
      """
      select id, coalesce(donor_state, donor_organisation) donor, amount, currency, usd_rate,
        amount_usd, %s date
      from %s where fund_code = ? order by %s, created_at
      """;

  private final JdbcClient jdbc;
  private final FundQueries queries;
  private final ProjectLookup projectLookup;

  FundViews(JdbcClient jdbc, FundQueries queries, ProjectLookup projectLookup) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.projectLookup = projectLookup;
  }

  /** The whole ledger of a fund, for fund managers and administrators. */
  public FundLedger ledger(String code, CooperaUser user) {
    Funds.requireRecorder(user);
    FundQueries.FundSummary fund = queries.fund(code);
    return new FundLedger(
        fund,
        income("fund_pledge", "pledged_on", code),
        income("fund_contribution", "received_on", code),
        allocations(code),
        outgo("fund_disbursement", "disbursed_on", code),
        outgo("fund_expenditure", "spent_on", code));
  }

  List<IncomeLine> income(String table, String dateColumn, String code) {
    return jdbc.sql(INCOME.formatted(dateColumn, table, dateColumn))
        .param(code)
        .query(IncomeLine.class)
        .list();
  }

  List<AllocationLine> allocations(String code) {
    record Row(
        UUID id,
        UUID projectId,
        BigDecimal amountUsd,
        BigDecimal disbursed,
        BigDecimal spent,
        LocalDate decidedOn,
        long version) {}
    Map<UUID, ProjectRef> projects = projects();
    return jdbc
        .sql(
            """
            select a.id, a.project_id, a.amount_usd,
              coalesce((select sum(amount_usd) from fund_disbursement d
                where d.allocation_id = a.id), 0) disbursed,
              coalesce((select sum(amount_usd) from fund_expenditure e
                where e.allocation_id = a.id), 0) spent,
              a.decided_on, a.version
            from fund_allocation a
            where a.fund_code = ? order by a.decided_on, a.created_at
            """)
        .param(code)
        .query(Row.class)
        .list()
        .stream()
        .map(
            r -> {
              ProjectRef p = projects.get(r.projectId());
              return new AllocationLine(
                  r.id(),
                  r.projectId(),
                  p == null ? r.projectId().toString() : p.title(),
                  p == null ? null : p.stateIso3(),
                  r.amountUsd(),
                  r.disbursed(),
                  r.spent(),
                  r.decidedOn(),
                  r.version());
            })
        .toList();
  }

  List<OutgoLine> outgo(String table, String dateColumn, String code) {
    record Row(UUID id, UUID allocationId, UUID projectId, BigDecimal amountUsd, LocalDate date) {}
    Map<UUID, ProjectRef> projects = projects();
    return jdbc
        .sql(
            """
            select x.id, x.allocation_id, a.project_id, x.amount_usd, x.%s date
            from %s x join fund_allocation a on a.id = x.allocation_id
            where a.fund_code = ? order by x.%s, x.created_at
            """
                .formatted(dateColumn, table, dateColumn))
        .param(code)
        .query(Row.class)
        .list()
        .stream()
        .map(
            r ->
                new OutgoLine(
                    r.id(),
                    r.allocationId(),
                    projects.containsKey(r.projectId())
                        ? projects.get(r.projectId()).title()
                        : r.projectId().toString(),
                    r.amountUsd(),
                    r.date()))
        .toList();
  }

  /** The projects, read through the assistance module's lookup, by id. */
  private Map<UUID, ProjectRef> projects() {
    return projectLookup.all().stream()
        .collect(Collectors.toMap(ProjectRef::id, p -> p, (a, b) -> a));
  }

  /** What the donor's contributions paid for; a donor sees only its own. */
  public DonorView donor(CooperaUser user) {
    Grant grant =
        user.grants().stream()
            .filter(g -> g.role() == Role.DONOR)
            .findFirst()
            .orElseThrow(() -> new AccessDeniedException("donors only"));
    String donor = grant.stateIso3() != null ? grant.stateIso3() : grant.organisationCode();
    List<IncomeLine> contributions =
        jdbc.sql(
                """
                select id, fund_code donor, amount, currency, usd_rate, amount_usd,
                  received_on date
                from fund_contribution
                where coalesce(donor_state, donor_organisation) = ?
                order by received_on, created_at
                """)
            .param(donor)
            .query(IncomeLine.class)
            .list();
    List<DonorFund> funds =
        contributions.stream()
            .map(IncomeLine::donor)
            .distinct()
            .sorted()
            .map(fund -> donorFund(fund, donor))
            .toList();
    return new DonorView(donor, PRO_RATA_METHOD, contributions, funds);
  }

  private DonorFund donorFund(String code, String donor) {
    BigDecimal received = queries.fund(code).received();
    BigDecimal contributed =
        jdbc.sql(
                """
                select coalesce(sum(amount_usd), 0) from fund_contribution
                where fund_code = ? and coalesce(donor_state, donor_organisation) = ?
                """)
            .params(code, donor)
            .query(BigDecimal.class)
            .single();
    BigDecimal share =
        received.signum() == 0
            ? BigDecimal.ZERO
            : contributed.divide(received, 6, RoundingMode.HALF_EVEN);
    List<DonorProject> projects =
        allocations(code).stream()
            .map(
                a ->
                    new DonorProject(
                        a.projectId(),
                        a.projectTitle(),
                        a.state(),
                        a.amountUsd(),
                        received.signum() == 0
                            ? BigDecimal.ZERO
                            : a.amountUsd()
                                .multiply(contributed)
                                .divide(received, 2, RoundingMode.HALF_EVEN)))
            .toList();
    return new DonorFund(code, contributed, received, share, projects);
  }

  /**
   * Money raised against demand (para 15): contributions received by all funds, what was allocated,
   * and the demand, the total budget of the projects answering submitted requests (those budgeted
   * in US dollars), read through {@link ProjectLookup}.
   */
  public PublicFigures publicFigures() {
    List<FundQueries.FundSummary> funds = queries.funds();
    BigDecimal received =
        funds.stream()
            .map(FundQueries.FundSummary::received)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal allocated =
        funds.stream()
            .map(FundQueries.FundSummary::allocated)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    // demand: the budgets in US dollars of the projects that answer States' requests (a
    // project exists only for a submitted request), but those cancelled
    List<ProjectLookup.ProjectRef> answering =
        projectLookup.all().stream()
            .filter(p -> !p.status().equals("CANCELLED") && "USD".equals(p.currency()))
            .toList();
    record Demand(BigDecimal total, long projects) {}
    Demand demand =
        new Demand(
            answering.stream()
                .map(ProjectLookup.ProjectRef::budget)
                .reduce(BigDecimal.ZERO, BigDecimal::add),
            answering.size());
    return new PublicFigures(funds, received, allocated, demand.total(), demand.projects());
  }
}
