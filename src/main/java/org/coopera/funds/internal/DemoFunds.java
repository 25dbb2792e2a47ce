package org.coopera.funds.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, pledges and contributions of Norway, Switzerland and the European Union to the
 * technical cooperation fund and the UPR implementation fund, in their own currencies with the
 * rates used, once (when no contribution exists yet); when Slovenia has a demo project open to new
 * work, an allocation to it with a first disbursement; and allocations from the technical
 * cooperation fund, each partly disbursed, to several active projects of the report's cases (each
 * once). Demo figures, not official data.
 */
@Component
class DemoFunds {

  private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);

  private record Demo(
      String fund,
      String state,
      String organisation,
      String amount,
      String currency,
      String rate) {}

  private static final List<Demo> INCOME =
      List.of(
          new Demo("VFTC", "NOR", null, "25000000", "NOK", "0.09150000"),
          new Demo("UPR_VFTA", "NOR", null, "5000000", "NOK", "0.09150000"),
          new Demo("VFTC", "CHE", null, "1500000", "CHF", "1.12500000"),
          new Demo("UPR_VFTA", "CHE", null, "400000", "CHF", "1.12500000"),
          new Demo("VFTC", null, "EU", "2000000", "EUR", "1.08500000"));

  /** An allocation from the technical cooperation fund to a State's active demo project. */
  private record CaseMoney(
      String state, String amount, LocalDate decided, String disbursed, String purpose) {}

  private static final List<CaseMoney> CASES =
      List.of(
          new CaseMoney(
              "PRY",
              "120000.00",
              LocalDate.of(2026, 2, 16),
              "60000.00",
              "Demo: training of the institutions' focal points on the monitoring portal"),
          new CaseMoney(
              "COL",
              "250000.00",
              LocalDate.of(2026, 3, 9),
              "100000.00",
              "Demo: protection of land claimants and training of restitution judges"),
          new CaseMoney(
              "SLV",
              "150000.00",
              LocalDate.of(2026, 1, 19),
              "75000.00",
              "Demo: training of investigators in the femicide protocol"),
          new CaseMoney(
              "PHL",
              "180000.00",
              LocalDate.of(2026, 4, 13),
              "90000.00",
              "Demo: consultation of communities affected by typhoon Yolanda"),
          new CaseMoney(
              "HTI",
              "160000.00",
              LocalDate.of(2026, 2, 2),
              "40000.00",
              "Demo: secretariat of the interministerial human rights committee"),
          new CaseMoney(
              "LBN",
              "100000.00",
              LocalDate.of(2026, 5, 4),
              "50000.00",
              "Demo: information sessions for migrant domestic workers"));

  private final JdbcClient jdbc;
  private final org.coopera.assistance.ProjectLookup projects;
  private final Funds funds;
  private final boolean demo;

  DemoFunds(
      JdbcClient jdbc,
      Funds funds,
      org.coopera.assistance.ProjectLookup projects,
      @Value("${coopera.demo:false}") boolean demo) {
    this.projects = projects;
    this.jdbc = jdbc;
    this.funds = funds;
    this.demo = demo;
  }

  /** After the other modules' demo data, so that Slovenia's demo project may already exist. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  void addDemoFunds() {
    if (!demo) {
      return;
    }
    Optional<UUID> manager =
        jdbc.sql("select id from account where email = 'fund.manager@demo.coopera.org'")
            .query(UUID.class)
            .optional();
    if (manager.isEmpty()) {
      return;
    }
    CooperaUser user =
        new CooperaUser(
            manager.get(),
            "fund.manager@demo.coopera.org",
            "Demo Fund Manager",
            null,
            true,
            List.of(Grant.of(Role.FUND_MANAGER)));
    if (jdbc.sql("select count(*) from fund_contribution").query(Long.class).single() == 0) {
      LocalDate pledged = LocalDate.of(2026, 1, 15);
      for (Demo d : INCOME) {
        Funds.Income in =
            new Funds.Income(
                d.state(),
                d.organisation(),
                new BigDecimal(d.amount()),
                d.currency(),
                new BigDecimal(d.rate()),
                pledged,
                2026,
                null);
        UUID pledge = funds.pledge(d.fund(), in, user);
        funds.contribute(
            d.fund(),
            new Funds.Income(
                d.state(),
                d.organisation(),
                in.amount(),
                d.currency(),
                in.usdRate(),
                LocalDate.of(2026, 3, 2),
                null,
                pledge),
            user);
      }
      log.info("Demo data: {} pledges and contributions to the voluntary funds", INCOME.size());
    }
    allocateToSlovenia(user);
    allocateToCases(user);
  }

  private void allocateToSlovenia(CooperaUser user) {
    if (jdbc.sql("select count(*) from fund_allocation").query(Long.class).single() > 0) {
      return;
    }
    Optional<UUID> project =
        projects.all().stream()
            .filter(p -> p.stateIso3().equals("SVN") && p.acceptsNewWork())
            .map(org.coopera.assistance.ProjectLookup.ProjectRef::id)
            .findFirst();
    if (project.isEmpty()) {
      return;
    }
    LocalDate decided = LocalDate.of(2026, 4, 1);
    UUID allocation =
        funds.allocate(
            "UPR_VFTA",
            new Funds.Outgo(
                project.get(),
                new BigDecimal("150000.00"),
                decided,
                "Demo: support to the follow-up of the UPR recommendations",
                null),
            user);
    funds.disburse(
        "UPR_VFTA",
        allocation,
        new Funds.Outgo(null, new BigDecimal("60000.00"), decided.plusDays(30), null, null),
        user);
    log.info("Demo data: an allocation from UPR_VFTA to Slovenia's project, partly disbursed");
  }

  /**
   * From the technical cooperation fund, to the active demo project (titled as such) of each State
   * of {@link #CASES} that has no allocation from it yet.
   */
  private void allocateToCases(CooperaUser user) {
    List<org.coopera.assistance.ProjectLookup.ProjectRef> all = projects.all();
    int added = 0;
    for (CaseMoney money : CASES) {
      Optional<UUID> project =
          all.stream()
              .filter(
                  p ->
                      p.stateIso3().equals(money.state())
                          && p.acceptsNewWork()
                          && p.title().endsWith("(demo)"))
              .map(org.coopera.assistance.ProjectLookup.ProjectRef::id)
              .findFirst();
      if (project.isEmpty() || hasAllocation("VFTC", project.get())) {
        continue;
      }
      UUID allocation =
          funds.allocate(
              "VFTC",
              new Funds.Outgo(
                  project.get(),
                  new BigDecimal(money.amount()),
                  money.decided(),
                  money.purpose(),
                  null),
              user);
      funds.disburse(
          "VFTC",
          allocation,
          new Funds.Outgo(
              null, new BigDecimal(money.disbursed()), money.decided().plusDays(21), null, null),
          user);
      added++;
    }
    if (added > 0) {
      log.info(
          "Demo data: {} allocations from VFTC to the report's cases, partly disbursed", added);
    }
  }

  private boolean hasAllocation(String fund, UUID project) {
    return jdbc.sql(
            "select exists (select 1 from fund_allocation where fund_code = ? and project_id = ?)")
        .params(fund, project)
        .query(Boolean.class)
        .single();
  }
}
