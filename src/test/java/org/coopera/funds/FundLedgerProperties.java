package org.coopera.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.coopera.funds.internal.Ledger;
import org.coopera.funds.internal.Ledger.AllocationBalance;
import org.coopera.funds.internal.Ledger.FundBalance;
import org.coopera.platform.InvalidInputException;

/**
 * Random sequences of pledges, contributions, allocations, allocation changes, disbursements and
 * expenditures against the ledger the funds service checks with: after every step each balance is
 * consistent (the sum identities hold) and never negative, a step is refused exactly when it would
 * overspend or its amount is not a positive number of cents, and a refused step changes nothing.
 */
class FundLedgerProperties {

  static final List<String> FUNDS = List.of("VFTC", "UPR_VFTA", "UPR_VFP");

  enum Kind {
    PLEDGE,
    CONTRIBUTE,
    ALLOCATE,
    CHANGE,
    DISBURSE,
    SPEND
  }

  record Step(Kind kind, int fund, int allocation, BigDecimal amount) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<BigDecimal> cents =
        Arbitraries.longs()
            .between(1, 2_000_000_00L)
            .withDistribution(RandomDistribution.biased())
            .map(c -> BigDecimal.valueOf(c, 2));
    Arbitrary<BigDecimal> bad =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-100_000, 0).map(c -> BigDecimal.valueOf(c, 2)),
            Arbitraries.longs()
                .between(1, 1_000_000)
                .filter(m -> m % 10 != 0)
                .map(m -> BigDecimal.valueOf(m, 3)));
    Arbitrary<BigDecimal> amounts = Arbitraries.frequencyOf(Tuple.of(9, cents), Tuple.of(1, bad));
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, FUNDS.size() - 1),
                Arbitraries.integers().between(0, 20),
                amounts)
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 1000)
  void everyBalanceStaysConsistentAndRefusedStepsChangeNothing(@ForAll("steps") List<Step> steps) {
    Ledger ledger = new Ledger(FUNDS.toArray(String[]::new));
    for (Step raw : steps) {
      Step step = onExisting(raw, ledger.allocations().size());
      Map<String, FundBalance> funds = ledger.funds();
      Map<Integer, AllocationBalance> allocations = ledger.allocations();
      boolean expectRefusal = refused(step, funds, allocations);
      Runnable apply = () -> apply(ledger, step);
      if (expectRefusal) {
        assertThatThrownBy(apply::run).isInstanceOf(InvalidInputException.class);
        assertThat(ledger.funds()).isEqualTo(funds);
        assertThat(ledger.allocations()).isEqualTo(allocations);
      } else {
        apply.run();
      }
      Statistics.label("outcome").collect(step.kind() + (expectRefusal ? " refused" : " done"));
      assertConsistent(ledger);
    }
  }

  static boolean refused(
      Step step, Map<String, FundBalance> funds, Map<Integer, AllocationBalance> allocations) {
    BigDecimal amount = step.amount();
    if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      return true;
    }
    FundBalance fund = funds.get(FUNDS.get(step.fund()));
    AllocationBalance allocation = allocations.get(allocationOf(step, allocations.size()));
    return switch (step.kind()) {
      case PLEDGE, CONTRIBUTE -> false;
      case ALLOCATE -> amount.compareTo(fund.available()) > 0;
      case CHANGE -> {
        FundBalance of = funds.get(allocation.fund());
        yield amount.compareTo(allocation.disbursed()) < 0
            || amount.compareTo(of.available().add(allocation.amount())) > 0;
      }
      case DISBURSE -> amount.compareTo(allocation.remaining()) > 0;
      case SPEND -> amount.compareTo(allocation.unspent()) > 0;
    };
  }

  private static void apply(Ledger ledger, Step step) {
    String fund = FUNDS.get(step.fund());
    int allocation = allocationOf(step, ledger.allocations().size());
    switch (step.kind()) {
      case PLEDGE -> ledger.pledge(fund, step.amount());
      case CONTRIBUTE -> ledger.contribute(fund, step.amount());
      case ALLOCATE -> ledger.allocate(fund, step.amount());
      case CHANGE -> ledger.changeAllocation(allocation, step.amount());
      case DISBURSE -> ledger.disburse(allocation, step.amount());
      case SPEND -> ledger.spend(allocation, step.amount());
    }
  }

  /** A step on an allocation when none exists yet becomes an allocation. */
  static Step onExisting(Step step, int allocations) {
    boolean onAllocation =
        step.kind() == Kind.CHANGE || step.kind() == Kind.DISBURSE || step.kind() == Kind.SPEND;
    return allocations == 0 && onAllocation
        ? new Step(Kind.ALLOCATE, step.fund(), 0, step.amount())
        : step;
  }

  private static int allocationOf(Step step, int count) {
    return count == 0 ? -1 : step.allocation() % count;
  }

  static void assertConsistent(Ledger ledger) {
    for (Map.Entry<String, FundBalance> e : ledger.funds().entrySet()) {
      FundBalance f = e.getValue();
      List<AllocationBalance> mine =
          ledger.allocations().values().stream().filter(a -> a.fund().equals(e.getKey())).toList();
      assertThat(f.available()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
      assertThat(f.allocated()).isEqualByComparingTo(sum(mine, AllocationBalance::amount));
      assertThat(f.disbursed()).isEqualByComparingTo(sum(mine, AllocationBalance::disbursed));
      assertThat(f.spent()).isEqualByComparingTo(sum(mine, AllocationBalance::spent));
      // money is neither created nor lost: what came in is available, allocated and not yet
      // disbursed, disbursed and not yet spent, or spent
      assertThat(
              f.available()
                  .add(sum(mine, AllocationBalance::remaining))
                  .add(sum(mine, AllocationBalance::unspent))
                  .add(f.spent()))
          .isEqualByComparingTo(f.received());
      for (AllocationBalance a : mine) {
        assertThat(a.remaining()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(a.unspent()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(a.spent()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
      }
    }
  }

  private static BigDecimal sum(
      List<AllocationBalance> allocations,
      java.util.function.Function<AllocationBalance, BigDecimal> figure) {
    return allocations.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
