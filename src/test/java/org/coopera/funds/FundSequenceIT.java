package org.coopera.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.funds.FundLedgerProperties.Step;
import org.coopera.funds.internal.FundQueries;
import org.coopera.funds.internal.Funds;
import org.coopera.funds.internal.Ledger;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property of {@link FundLedgerProperties} against the real service and database: random
 * sequences (drawn by jqwik's generators) of pledges, contributions, allocations, allocation
 * changes, disbursements and expenditures; after every step the database's balances equal the
 * in-memory ledger's, the service refuses exactly the steps the ledger refuses, and a refused step
 * writes nothing.
 */
@CooperaIntegrationTest
class FundSequenceIT {

  static final int SEQUENCES = 6;
  static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Funds funds;
  @Autowired FundQueries queries;
  @Autowired UserDetailsService users;

  @Test
  void randomSequencesKeepTheDatabaseEqualToTheLedger() throws Exception {
    FundTestSupport t = new FundTestSupport(mvc, logins, jdbc, json);
    CooperaUser manager = (CooperaUser) users.loadUserByUsername(DemoLogins.FUND_MANAGER);
    List<List<Step>> sequences =
        new FundLedgerProperties().steps().sampleStream().limit(SEQUENCES).toList();
    int steps = 0;
    for (List<Step> sequence : sequences) {
      List<String> codes = List.of(t.newFund(), t.newFund(), t.newFund());
      UUID project = t.project("ACTIVE");
      Ledger ledger = new Ledger(FundLedgerProperties.FUNDS.toArray(String[]::new));
      List<UUID> allocations = new ArrayList<>();
      for (Step raw : sequence) {
        Step step = FundLedgerProperties.onExisting(raw, ledger.allocations().size());
        boolean refused = FundLedgerProperties.refused(step, ledger.funds(), ledger.allocations());
        long rows = codes.stream().mapToLong(t::rows).sum();
        boolean dbRefused = false;
        try {
          apply(step, codes, allocations, project, manager);
        } catch (InvalidInputException e) {
          dbRefused = true;
        }
        assertThat(dbRefused).as(step.toString()).isEqualTo(refused);
        if (refused) {
          assertThat(codes.stream().mapToLong(t::rows).sum()).isEqualTo(rows);
        } else {
          mirror(ledger, step);
        }
        assertSame(ledger, codes, allocations);
        FundLedgerProperties.assertConsistent(ledger);
        steps++;
      }
    }
    assertThat(steps).isGreaterThanOrEqualTo(SEQUENCES);
  }

  private void apply(
      Step step, List<String> codes, List<UUID> allocations, UUID project, CooperaUser user) {
    String fund = codes.get(step.fund());
    UUID allocation =
        allocations.isEmpty() ? null : allocations.get(step.allocation() % allocations.size());
    String of = allocation == null ? null : fundOf(allocation);
    BigDecimal amount = step.amount();
    switch (step.kind()) {
      case PLEDGE -> funds.pledge(fund, income(amount), user);
      case CONTRIBUTE -> funds.contribute(fund, income(amount), user);
      case ALLOCATE ->
          allocations.add(
              funds.allocate(fund, new Funds.Outgo(project, amount, DECIDED, null, null), user));
      case CHANGE -> {
        long version =
            jdbc.sql("select version from fund_allocation where id = ?")
                .param(allocation)
                .query(Long.class)
                .single();
        funds.changeAllocation(
            of, allocation, new Funds.Outgo(null, amount, null, null, version), user);
      }
      case DISBURSE ->
          funds.disburse(of, allocation, new Funds.Outgo(null, amount, DECIDED, null, null), user);
      case SPEND ->
          funds.spend(of, allocation, new Funds.Outgo(null, amount, DECIDED, "Costs", null), user);
    }
  }

  private static void mirror(Ledger ledger, Step step) {
    String fund = FundLedgerProperties.FUNDS.get(step.fund());
    int allocation =
        ledger.allocations().isEmpty() ? -1 : step.allocation() % ledger.allocations().size();
    switch (step.kind()) {
      case PLEDGE -> ledger.pledge(fund, step.amount());
      case CONTRIBUTE -> ledger.contribute(fund, step.amount());
      case ALLOCATE -> ledger.allocate(fund, step.amount());
      case CHANGE -> ledger.changeAllocation(allocation, step.amount());
      case DISBURSE -> ledger.disburse(allocation, step.amount());
      case SPEND -> ledger.spend(allocation, step.amount());
    }
  }

  private String fundOf(UUID allocation) {
    return jdbc.sql("select fund_code from fund_allocation where id = ?")
        .param(allocation)
        .query(String.class)
        .single();
  }

  private static Funds.Income income(BigDecimal amount) {
    return new Funds.Income("NOR", null, amount, "USD", BigDecimal.ONE, DECIDED, null, null);
  }

  private void assertSame(Ledger ledger, List<String> codes, List<UUID> allocations) {
    for (int i = 0; i < codes.size(); i++) {
      Ledger.FundBalance expected = ledger.funds().get(FundLedgerProperties.FUNDS.get(i));
      FundQueries.FundSummary actual = queries.fund(codes.get(i));
      assertThat(actual.pledged()).isEqualByComparingTo(expected.pledged());
      assertThat(actual.received()).isEqualByComparingTo(expected.received());
      assertThat(actual.allocated()).isEqualByComparingTo(expected.allocated());
      assertThat(actual.available()).isEqualByComparingTo(expected.available());
      assertThat(actual.disbursed()).isEqualByComparingTo(expected.disbursed());
      assertThat(actual.spent()).isEqualByComparingTo(expected.spent());
    }
    Map<Integer, Ledger.AllocationBalance> expected = ledger.allocations();
    for (int i = 0; i < allocations.size(); i++) {
      BigDecimal amount =
          jdbc.sql("select amount_usd from fund_allocation where id = ?")
              .param(allocations.get(i))
              .query(BigDecimal.class)
              .single();
      assertThat(amount).isEqualByComparingTo(expected.get(i).amount());
    }
  }
}
