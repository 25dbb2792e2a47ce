package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The money of funds in memory, with the same rules as the database service ({@link FundRules}):
 * what the property-based tests drive with random sequences. Every figure is in US dollars.
 */
public final class Ledger {

  /** A fund's figures. */
  public record FundBalance(
      BigDecimal pledged,
      BigDecimal received,
      BigDecimal allocated,
      BigDecimal disbursed,
      BigDecimal spent) {

    static final FundBalance ZERO =
        new FundBalance(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Contributions received less allocations. */
    public BigDecimal available() {
      return received.subtract(allocated);
    }
  }

  /** An allocation's figures. */
  public record AllocationBalance(
      String fund, BigDecimal amount, BigDecimal disbursed, BigDecimal spent) {

    public BigDecimal remaining() {
      return amount.subtract(disbursed);
    }

    public BigDecimal unspent() {
      return disbursed.subtract(spent);
    }
  }

  private final Map<String, FundBalance> funds = new LinkedHashMap<>();
  private final Map<Integer, AllocationBalance> allocations = new LinkedHashMap<>();

  public Ledger(String... codes) {
    for (String code : codes) {
      funds.put(code, FundBalance.ZERO);
    }
  }

  public Map<String, FundBalance> funds() {
    return Map.copyOf(funds);
  }

  public Map<Integer, AllocationBalance> allocations() {
    return Map.copyOf(allocations);
  }

  public void pledge(String fund, BigDecimal usd) {
    FundBalance f = fund(fund);
    funds.put(
        fund,
        new FundBalance(
            f.pledged().add(positive(usd)), f.received(), f.allocated(), f.disbursed(), f.spent()));
  }

  public void contribute(String fund, BigDecimal usd) {
    FundBalance f = fund(fund);
    funds.put(
        fund,
        new FundBalance(
            f.pledged(), f.received().add(positive(usd)), f.allocated(), f.disbursed(), f.spent()));
  }

  /** Allocates from the fund; answers the new allocation's number. */
  public int allocate(String fund, BigDecimal usd) {
    FundBalance f = fund(fund);
    FundRules.allocation(fund, f.available(), positive(usd));
    funds.put(
        fund,
        new FundBalance(
            f.pledged(), f.received(), f.allocated().add(usd), f.disbursed(), f.spent()));
    int id = allocations.size();
    allocations.put(id, new AllocationBalance(fund, usd, BigDecimal.ZERO, BigDecimal.ZERO));
    return id;
  }

  public void disburse(int allocation, BigDecimal usd) {
    AllocationBalance a = allocation(allocation);
    FundRules.disbursement(a.remaining(), positive(usd));
    allocations.put(
        allocation, new AllocationBalance(a.fund(), a.amount(), a.disbursed().add(usd), a.spent()));
    FundBalance f = fund(a.fund());
    funds.put(
        a.fund(),
        new FundBalance(
            f.pledged(), f.received(), f.allocated(), f.disbursed().add(usd), f.spent()));
  }

  public void spend(int allocation, BigDecimal usd) {
    AllocationBalance a = allocation(allocation);
    FundRules.expenditure(a.unspent(), positive(usd));
    allocations.put(
        allocation, new AllocationBalance(a.fund(), a.amount(), a.disbursed(), a.spent().add(usd)));
    FundBalance f = fund(a.fund());
    funds.put(
        a.fund(),
        new FundBalance(
            f.pledged(), f.received(), f.allocated(), f.disbursed(), f.spent().add(usd)));
  }

  /** Changes an allocation's amount (up within the fund's available balance, down to disbursed). */
  public void changeAllocation(int allocation, BigDecimal usd) {
    AllocationBalance a = allocation(allocation);
    FundBalance f = fund(a.fund());
    FundRules.allocationChange(a.fund(), f.available(), a.amount(), a.disbursed(), positive(usd));
    allocations.put(allocation, new AllocationBalance(a.fund(), usd, a.disbursed(), a.spent()));
    funds.put(
        a.fund(),
        new FundBalance(
            f.pledged(),
            f.received(),
            f.allocated().subtract(a.amount()).add(usd),
            f.disbursed(),
            f.spent()));
  }

  private FundBalance fund(String code) {
    return Objects.requireNonNull(funds.get(code), code);
  }

  private AllocationBalance allocation(int id) {
    return Objects.requireNonNull(allocations.get(id), "allocation " + id);
  }

  private static BigDecimal positive(BigDecimal usd) {
    return Money.usd(usd, "amountUsd");
  }
}
