package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.assistance.ProjectLookup.ProjectRef;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What fund managers and administrators record: funding lines, pledges, contributions, allocations,
 * disbursements and expenditures. Each write takes a row lock on what it draws from (the fund for
 * an allocation, the allocation for a disbursement or an expenditure), checks the figures with
 * {@link FundRules} and writes, all in one transaction: two concurrent requests cannot overspend,
 * and a refused one writes nothing.
 */
@Service
@Transactional
public class Funds {

  /** A pledge or contribution as entered: one donor, the amount in its currency, the rate. */
  public record Income(
      String donorState,
      String donorOrganisation,
      BigDecimal amount,
      String currency,
      BigDecimal usdRate,
      LocalDate date,
      Integer forYear,
      UUID pledgeId) {}

  /** An allocation, disbursement or expenditure as entered, in US dollars. */
  public record Outgo(
      UUID projectId, BigDecimal amountUsd, LocalDate date, String purpose, Long version) {}

  private final JdbcClient jdbc;
  private final ProjectLookup projects;
  private final FundQueries queries;
  private final java.time.Clock clock;

  Funds(JdbcClient jdbc, ProjectLookup projects, FundQueries queries, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.queries = queries;
    this.clock = clock;
  }

  /** Whether the person records money: fund managers and administrators. */
  public static boolean records(CooperaUser user) {
    return user != null && (user.hasRole(Role.FUND_MANAGER) || user.isAdministrator());
  }

  static void requireRecorder(CooperaUser user) {
    if (!records(user)) {
      throw new AccessDeniedException("funds are recorded by fund managers and administrators");
    }
  }

  /** Adds a bilateral or other funding line. */
  public void addFund(String code, String name, String kind, String description, CooperaUser user) {
    requireRecorder(user);
    if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,30}")) {
      throw new InvalidInputException("funds.error.code", "code");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("funds.error.required", "name");
    }
    if (!"BILATERAL".equals(kind) && !"OTHER".equals(kind)) {
      throw new InvalidInputException("funds.error.kind", "kind");
    }
    int added =
        jdbc.sql(
                """
                insert into fund (code, name, kind, description, created_at)
                values (?, ?, ?, ?, ?) on conflict (code) do nothing
                """)
            .params(code, name.strip(), kind, description, now())
            .update();
    if (added == 0) {
      throw new InvalidInputException("funds.error.code-taken", "code", code);
    }
  }

  public UUID pledge(String fund, Income in, CooperaUser user) {
    requireRecorder(user);
    queries.requireFund(fund);
    Priced priced = price(in);
    int year = in.forYear() != null ? in.forYear() : in.date().getYear();
    if (year < 1990 || year > 2100) {
      throw new InvalidInputException("funds.error.year", "forYear");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into fund_pledge (id, fund_code, donor_state, donor_organisation, amount,
              currency, usd_rate, amount_usd, pledged_on, for_year, recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            fund,
            priced.state,
            priced.organisation,
            priced.amount,
            in.currency(),
            in.usdRate(),
            priced.usd,
            in.date(),
            year,
            user.accountId(),
            now())
        .update();
    return id;
  }

  public UUID contribute(String fund, Income in, CooperaUser user) {
    requireRecorder(user);
    queries.requireFund(fund);
    Priced priced = price(in);
    if (in.pledgeId() != null) {
      requirePledge(fund, in.pledgeId(), priced, in.date());
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into fund_contribution (id, fund_code, pledge_id, donor_state,
              donor_organisation, amount, currency, usd_rate, amount_usd, received_on,
              recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            fund,
            in.pledgeId(),
            priced.state,
            priced.organisation,
            priced.amount,
            in.currency(),
            in.usdRate(),
            priced.usd,
            in.date(),
            user.accountId(),
            now())
        .update();
    return id;
  }

  /** Allocates to a project that accepts new work, within the fund's available balance. */
  public UUID allocate(String fund, Outgo out, CooperaUser user) {
    requireRecorder(user);
    BigDecimal usd = Money.usd(out.amountUsd(), "amountUsd");
    LocalDate decided = required(out.date(), "date");
    if (out.projectId() == null) {
      throw new InvalidInputException("funds.error.required", "projectId");
    }
    ProjectRef project =
        projects
            .project(out.projectId())
            .orElseThrow(() -> new InvalidInputException("funds.error.project", "projectId"));
    requireOpen(project);
    queries.lockFund(fund);
    FundRules.allocation(fund, queries.available(fund), usd);
    UUID id = UUID.randomUUID();
    Timestamp now = now();
    jdbc.sql(
            """
            insert into fund_allocation (id, fund_code, project_id, amount_usd, decided_on, purpose,
              recorded_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, fund, project.id(), usd, decided, out.purpose(), user.accountId(), now, now)
        .update();
    return id;
  }

  /**
   * Changes an allocation's amount, read at {@code version}: up within the fund's available
   * balance, down to what was disbursed; a stale version is refused.
   */
  public void changeAllocation(String fund, UUID allocation, Outgo out, CooperaUser user) {
    requireRecorder(user);
    BigDecimal usd = Money.usd(out.amountUsd(), "amountUsd");
    if (out.version() == null) {
      throw new InvalidInputException("funds.error.required", "version");
    }
    queries.lockFund(fund);
    FundQueries.AllocationRow row = queries.lockAllocation(fund, allocation);
    if (row.version() != out.version()) {
      throw new StaleAllocation(allocation, row.version());
    }
    FundRules.allocationChange(fund, queries.available(fund), row.amount(), row.disbursed(), usd);
    jdbc.sql(
            """
            update fund_allocation set amount_usd = ?, updated_at = ?, version = version + 1
            where id = ? and version = ?
            """)
        .params(usd, now(), allocation, out.version())
        .update();
  }

  /** Disburses from an allocation, within what remains of it, to a project not suspended. */
  public UUID disburse(String fund, UUID allocation, Outgo out, CooperaUser user) {
    requireRecorder(user);
    BigDecimal usd = Money.usd(out.amountUsd(), "amountUsd");
    LocalDate date = required(out.date(), "date");
    FundQueries.AllocationRow row = queries.lockAllocation(fund, allocation);
    projects.project(row.projectId()).ifPresent(this::requireOpen);
    FundRules.notBefore(row.decidedOn(), date, "date");
    FundRules.disbursement(row.amount().subtract(row.disbursed()), usd);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into fund_disbursement (id, allocation_id, amount_usd, disbursed_on,
              recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(id, allocation, usd, date, user.accountId(), now())
        .update();
    return id;
  }

  /** Records what was spent of an allocation, within what was disbursed and not yet spent. */
  public UUID spend(String fund, UUID allocation, Outgo out, CooperaUser user) {
    requireRecorder(user);
    BigDecimal usd = Money.usd(out.amountUsd(), "amountUsd");
    LocalDate date = required(out.date(), "date");
    if (out.purpose() == null || out.purpose().isBlank()) {
      throw new InvalidInputException("funds.error.required", "purpose");
    }
    FundQueries.AllocationRow row = queries.lockAllocation(fund, allocation);
    FundRules.notBefore(row.decidedOn(), date, "date");
    FundRules.expenditure(row.disbursed().subtract(row.spent()), usd);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into fund_expenditure (id, allocation_id, amount_usd, spent_on, description,
              recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, allocation, usd, date, out.purpose().strip(), user.accountId(), now())
        .update();
    return id;
  }

  /** A contribution paying a pledge: the same fund and donor, received on or after the pledge. */
  private void requirePledge(String fund, UUID pledgeId, Priced priced, LocalDate received) {
    record Pledge(String donor, LocalDate pledgedOn) {}
    Pledge pledge =
        jdbc.sql(
                """
                select coalesce(donor_state, donor_organisation) donor, pledged_on
                from fund_pledge where id = ? and fund_code = ?
                """)
            .params(pledgeId, fund)
            .query(Pledge.class)
            .optional()
            .orElseThrow(() -> new InvalidInputException("funds.error.pledge", "pledgeId"));
    String donor = priced.state != null ? priced.state : priced.organisation;
    if (!pledge.donor().equals(donor)) {
      throw new InvalidInputException("funds.error.pledge", "pledgeId");
    }
    if (received.isBefore(pledge.pledgedOn())) {
      throw new InvalidInputException(
          "funds.error.received-before-pledge", "date", received, pledge.pledgedOn());
    }
  }

  private record Priced(String state, String organisation, BigDecimal amount, BigDecimal usd) {}

  private Priced price(Income in) {
    String state = blank(in.donorState());
    String organisation = blank(in.donorOrganisation());
    if ((state == null) == (organisation == null)) {
      throw new InvalidInputException("funds.error.one-donor", "donorState");
    }
    if (state != null
        && jdbc.sql("select count(*) from state where iso3 = ?")
                .param(state)
                .query(Long.class)
                .single()
            == 0) {
      throw new InvalidInputException("funds.error.donor", "donorState", state);
    }
    if (organisation != null
        && jdbc.sql("select count(*) from organisation where code = ?")
                .param(organisation)
                .query(Long.class)
                .single()
            == 0) {
      throw new InvalidInputException("funds.error.donor", "donorOrganisation", organisation);
    }
    Currency currency = Money.currency(in.currency(), "currency");
    BigDecimal amount = Money.amount(in.amount(), currency, "amount");
    BigDecimal rate = Money.rate(in.usdRate(), "usdRate");
    required(in.date(), "date");
    return new Priced(state, organisation, amount, Money.toUsd(amount, rate, "usdRate"));
  }

  private void requireOpen(ProjectRef project) {
    if (!project.acceptsNewWork()) {
      throw new InvalidInputException(
          "funds.error.project-closed",
          "projectId",
          project.title(),
          new DefaultMessageSourceResolvable(
              new String[] {"funds.project-status." + project.status()}, project.status()));
    }
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidInputException("funds.error.required", field);
    }
    return value;
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  /** The allocation was changed by someone else since it was read. */
  public static class StaleAllocation extends RuntimeException {
    private final long current;

    StaleAllocation(UUID id, long current) {
      super("allocation " + id + " is now at version " + current);
      this.current = current;
    }

    public long current() {
      return current;
    }
  }
}
