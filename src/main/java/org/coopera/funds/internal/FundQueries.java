package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures of funds read in plain SQL, and the row locks the writes take. */
@Component
public class FundQueries {

  /** A fund with its balances in US dollars. */
  public record FundSummary(
      String code,
      String name,
      String kind,
      boolean active,
      BigDecimal pledged,
      BigDecimal received,
      BigDecimal allocated,
      BigDecimal disbursed,
      BigDecimal spent) {

    /** Contributions received less allocations. */
    public BigDecimal available() {
      return received.subtract(allocated);
    }

    /** Allocations not yet disbursed. */
    public BigDecimal undisbursed() {
      return allocated.subtract(disbursed);
    }

    /** Disbursements not yet spent. */
    public BigDecimal unspent() {
      return disbursed.subtract(spent);
    }
  }

  /** An allocation row as the writes lock it. */
  record AllocationRow(
      UUID id,
      UUID projectId,
      BigDecimal amount,
      BigDecimal disbursed,
      BigDecimal spent,
      LocalDate decidedOn,
      long version) {}

  private static final String SUMMARY =
      """
      select f.code, f.name, f.kind, f.active,
        coalesce((select sum(amount_usd) from fund_pledge p where p.fund_code = f.code), 0) pledged,
        coalesce((select sum(amount_usd) from fund_contribution c where c.fund_code = f.code), 0)
          received,
        coalesce((select sum(amount_usd) from fund_allocation a where a.fund_code = f.code), 0)
          allocated,
        coalesce((select sum(d.amount_usd) from fund_disbursement d
          join fund_allocation a on a.id = d.allocation_id where a.fund_code = f.code), 0) disbursed,
        coalesce((select sum(e.amount_usd) from fund_expenditure e
          join fund_allocation a on a.id = e.allocation_id where a.fund_code = f.code), 0) spent
      from fund f
      """;

  private final JdbcClient jdbc;

  FundQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every fund, the UN voluntary funds first. */
  public List<FundSummary> funds() {
    return jdbc.sql(SUMMARY + " order by f.kind <> 'UN_VOLUNTARY_FUND', f.code")
        .query(FundSummary.class)
        .list();
  }

  public FundSummary fund(String code) {
    return jdbc.sql(SUMMARY + " where f.code = ?")
        .param(code)
        .query(FundSummary.class)
        .optional()
        .orElseThrow(() -> new FundNotFound(code));
  }

  void requireFund(String code) {
    fund(code);
  }

  /** Locks the fund's row until the transaction ends: allocations from it queue. */
  void lockFund(String code) {
    jdbc.sql("select code from fund where code = ? for update")
        .param(code)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new FundNotFound(code));
  }

  /** Contributions received less allocations, in US dollars. */
  BigDecimal available(String code) {
    return jdbc.sql(
            """
            select coalesce((select sum(amount_usd) from fund_contribution where fund_code = ?), 0)
                 - coalesce((select sum(amount_usd) from fund_allocation where fund_code = ?), 0)
            """)
        .params(code, code)
        .query(BigDecimal.class)
        .single();
  }

  /** Locks the allocation's row and reads its figures: disbursements from it queue. */
  AllocationRow lockAllocation(String fund, UUID id) {
    jdbc.sql("select id from fund_allocation where id = ? and fund_code = ? for update")
        .params(id, fund)
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> new AllocationNotFound(id));
    return jdbc.sql(
            """
            select a.id, a.project_id, a.amount_usd amount,
              coalesce((select sum(amount_usd) from fund_disbursement d
                where d.allocation_id = a.id), 0) disbursed,
              coalesce((select sum(amount_usd) from fund_expenditure e
                where e.allocation_id = a.id), 0) spent,
              a.decided_on, a.version
            from fund_allocation a where a.id = ?
            """)
        .param(id)
        .query(AllocationRow.class)
        .single();
  }

  /** No fund has this code. */
  public static class FundNotFound extends RuntimeException {
    FundNotFound(String code) {
      super("no fund " + code);
    }
  }

  /** No allocation of this fund has this id. */
  public static class AllocationNotFound extends RuntimeException {
    AllocationNotFound(UUID id) {
      super("no allocation " + id);
    }
  }
}
