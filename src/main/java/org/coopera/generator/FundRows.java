package org.coopera.generator;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The funds' ledgers, within the funds module's rules: each project receives one allocation from a
 * fund (40–90 % of its budget, decided when it starts); half of it is disbursed a month later, and
 * the rest, in part or whole, for a project that has ended; each disbursement is spent in part or
 * whole two months after it. Donor States' contributions (each with its pledge) add up, per fund,
 * to 110 % of the fund's generated allocations, so that no fund allocates more than it received.
 * Amounts are in US dollars, kept in cents.
 */
final class FundRows {

  private static final int PROJECTS_PER_CONTRIBUTION = 10;

  private final Ids ids;
  private final Reference reference;
  private final People people;
  private final AssistanceRows projects;
  private final List<String> funds;

  FundRows(Ids ids, Reference reference, People people, AssistanceRows projects) {
    this.ids = ids;
    this.reference = reference;
    this.people = people;
    this.projects = projects;
    this.funds = reference.funds();
  }

  int contributions() {
    return funds.isEmpty()
        ? 0
        : Math.max(funds.size(), projects.projects() / PROJECTS_PER_CONTRIBUTION);
  }

  void write(Copier copier) throws SQLException {
    if (funds.isEmpty() || projects.projects() == 0) {
      return;
    }
    long[] allocatedPerFund = new long[funds.size()];
    for (int p = 0; p < projects.projects(); p++) {
      allocatedPerFund[p % funds.size()] += allocationCents(p);
    }
    int contributions = contributions();
    int[] perFund = new int[funds.size()];
    for (int c = 0; c < contributions; c++) {
      perFund[c % funds.size()]++;
    }
    copier.copy(
        "fund_pledge",
        "id, fund_code, donor_state, amount, currency, usd_rate, amount_usd, pledged_on, for_year,"
            + " recorded_by, created_at",
        csv -> {
          for (int c = 0; c < contributions; c++) {
            int f = c % funds.size();
            String amount = money(contributionCents(allocatedPerFund[f], perFund[f]));
            LocalDate on = received(c).minusDays(30);
            csv.row(
                ids.id(Ids.PLEDGE, c),
                funds.get(f),
                donor(c),
                amount,
                "USD",
                "1",
                amount,
                on,
                on.getYear(),
                people.fundManager(),
                WorkspaceRows.timestamp(on));
          }
        });
    copier.copy(
        "fund_contribution",
        "id, fund_code, pledge_id, donor_state, amount, currency, usd_rate, amount_usd,"
            + " received_on, recorded_by, created_at",
        csv -> {
          for (int c = 0; c < contributions; c++) {
            int f = c % funds.size();
            String amount = money(contributionCents(allocatedPerFund[f], perFund[f]));
            csv.row(
                ids.id(Ids.CONTRIBUTION, c),
                funds.get(f),
                ids.id(Ids.PLEDGE, c),
                donor(c),
                amount,
                "USD",
                "1",
                amount,
                received(c),
                people.fundManager(),
                WorkspaceRows.timestamp(received(c)));
          }
        });
    copier.copy(
        "fund_allocation",
        "id, fund_code, project_id, amount_usd, decided_on, purpose, recorded_by, created_at,"
            + " updated_at",
        csv -> {
          for (int p = 0; p < projects.projects(); p++) {
            String at = WorkspaceRows.timestamp(projects.start(p));
            csv.row(
                ids.id(Ids.ALLOCATION, p),
                funds.get(p % funds.size()),
                ids.id(Ids.PROJECT, p),
                money(allocationCents(p)),
                projects.start(p),
                "Project budget (generated)",
                people.fundManager(),
                at,
                at);
          }
        });
    copier.copy(
        "fund_disbursement",
        "id, allocation_id, amount_usd, disbursed_on, recorded_by, created_at",
        csv -> {
          for (int p = 0; p < projects.projects(); p++) {
            long[] tranches = disbursements(p);
            for (int j = 0; j < tranches.length; j++) {
              if (tranches[j] > 0) {
                LocalDate on = disbursedOn(p, j);
                csv.row(
                    ids.id(Ids.DISBURSEMENT, 2L * p + j),
                    ids.id(Ids.ALLOCATION, p),
                    money(tranches[j]),
                    on,
                    people.fundManager(),
                    WorkspaceRows.timestamp(on));
              }
            }
          }
        });
    copier.copy(
        "fund_expenditure",
        "id, allocation_id, amount_usd, spent_on, description, recorded_by, created_at",
        csv -> {
          for (int p = 0; p < projects.projects(); p++) {
            long[] tranches = disbursements(p);
            for (int j = 0; j < tranches.length; j++) {
              long spent =
                  tranches[j] * (60 + ids.random(Ids.EXPENDITURE, 2L * p + j).nextInt(41)) / 100;
              if (spent > 0) {
                LocalDate on = disbursedOn(p, j).plusDays(j == 0 ? 60 : 20);
                csv.row(
                    ids.id(Ids.EXPENDITURE, 2L * p + j),
                    ids.id(Ids.ALLOCATION, p),
                    money(spent),
                    on,
                    "Activities of the project (generated)",
                    people.fundManager(),
                    WorkspaceRows.timestamp(on));
              }
            }
          }
        });
  }

  long allocationCents(int project) {
    SplittableRandom random = ids.random(Ids.ALLOCATION, project);
    return projects.budgetCents(project) * (40 + random.nextInt(51)) / 100;
  }

  /**
   * Half of the allocation a month after the decision; for an ended project, 50–100 % of the rest.
   */
  long[] disbursements(int project) {
    long allocation = allocationCents(project);
    long first = allocation / 2;
    long second = 0;
    if (projects.end(project).isBefore(AssistanceRows.TODAY)) {
      second =
          (allocation - first) * (50 + ids.random(Ids.DISBURSEMENT, project).nextInt(51)) / 100;
    }
    return new long[] {first, second};
  }

  private LocalDate disbursedOn(int project, int tranche) {
    return tranche == 0
        ? projects.start(project).plusDays(30)
        : projects.end(project).minusDays(30);
  }

  private static long contributionCents(long allocated, int contributions) {
    return Math.max(100_000, (allocated * 11 / 10 + contributions - 1) / contributions);
  }

  private String donor(int contribution) {
    return RecommendationRows.pick(reference.states(), ids.random(Ids.CONTRIBUTION, contribution))
        .iso3();
  }

  private LocalDate received(int contribution) {
    return LocalDate.of(2015, 1, 1)
        .plusDays(ids.random(Ids.CONTRIBUTION, contribution).split().nextInt(11 * 365));
  }

  static String money(long cents) {
    return (cents / 100) + "." + String.format(java.util.Locale.ROOT, "%02d", cents % 100);
  }
}
