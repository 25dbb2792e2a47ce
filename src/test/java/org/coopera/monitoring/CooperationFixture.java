package org.coopera.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.coopera.support.DemoLogins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small world of technical cooperation in Nauru in 2041 and 2042, a State and years no other test
 * and no demo record uses, so that the dashboard's figures for it can be worked out by hand. The
 * rows are written with SQL, as the funds tests write their projects, because the application dates
 * a submission by its clock and cannot submit a request in 2041.
 *
 * <p>Requests of Nauru (submitted, UTC): R1 2041-03-01 (JUSTICE, MEDIA; TRAINING), R2 2041-06-15
 * (JUSTICE; EXPERT_ADVICE, TRAINING), R3 2042-01-10 closed (NHRI; SEMINAR); never counted: a
 * confidential one (2042), a draft and a withdrawn one (2041), all in POLICE.
 *
 * <p>Projects, published unless said: P1 on R1 from 2041-05-30 (90 days), 100,000 USD, outcomes
 * partly reached (1 of 2); P2 on R2 from 2042-01-10 (209 days), 50,000 USD, reached (1 of 1); P3 on
 * R3 from 2042-03-11 (60 days), 30,000 EUR, not reached (0 of 2, an earlier value did); P6 on R3
 * from 2042-07-10 (181 days), 20,000 USD, not measured. Never counted: P4 unpublished and P5
 * cancelled, each with money, an evaluation or a reached indicator.
 *
 * <p>Evaluations: P1 ended 2041-06-30, change measured 2041-12-31 (184 days); P2 ended 2042-01-31,
 * measured 2042-10-31 (273 days). Allocations: P1 40,000 (2041-04-15); P2 25,000.40 (2042-02-01)
 * and 10,000 (2042-03-01).
 *
 * <p>Training: an event ending 2041-10-10 attended by Ana Tui (entered twice, once in capitals) and
 * Cy Deo of Nauru and Eli Tano of Tuvalu, Ben Ika of Nauru absent; one ending 2042-05-05 attended
 * by Ana Tui and Dee Fa of Nauru.
 */
final class CooperationFixture {

  static final String STATE = "NRU";

  private static final String MARK = "Cooperation dashboard fixture";

  private final JdbcClient jdbc;
  private final UUID account;

  private CooperationFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.account =
        jdbc.sql("select id from account where email = ?")
            .param(DemoLogins.ADMIN)
            .query(UUID.class)
            .single();
  }

  /** Writes the fixture once into the shared database, in one transaction. */
  static synchronized void ensure(JdbcClient jdbc, PlatformTransactionManager transactions) {
    long present =
        jdbc.sql("select count(*) from assistance_request where state_iso3 = ? and title like ?")
            .params(STATE, MARK + "%")
            .query(Long.class)
            .single();
    if (present == 0) {
      new TransactionTemplate(transactions)
          .executeWithoutResult(t -> new CooperationFixture(jdbc).write());
    }
  }

  private void write() {
    UUID r1 = request("R1", "2041-03-01", "{JUSTICE,MEDIA}", "{TRAINING}", "SUBMITTED", false);
    UUID r2 =
        request("R2", "2041-06-15", "{JUSTICE}", "{EXPERT_ADVICE,TRAINING}", "SUBMITTED", false);
    UUID r3 = request("R3", "2042-01-10", "{NHRI}", "{SEMINAR}", "CLOSED", false);
    request("R4 confidential", "2042-02-01", "{POLICE}", "{TRAINING}", "SUBMITTED", true);
    request("R5 draft", null, "{POLICE}", "{TRAINING}", "DRAFT", false);
    request("R6 withdrawn", "2041-05-01", "{POLICE}", "{TRAINING}", "WITHDRAWN", false);

    UUID p1 = project(r1, "P1", "ACTIVE", "2041-05-30", "100000", "USD", true);
    UUID p2 = project(r2, "P2", "COMPLETED", "2042-01-10", "50000", "USD", true);
    UUID p3 = project(r3, "P3", "ACTIVE", "2042-03-11", "30000", "EUR", true);
    UUID p4 = project(r1, "P4 unpublished", "ACTIVE", "2041-09-01", "999999", "USD", false);
    UUID p5 = project(r2, "P5 cancelled", "CANCELLED", "2041-10-01", "5000", "USD", true);
    UUID p6 = project(r3, "P6", "PLANNED", "2042-07-10", "20000", "USD", true);

    UUID p1Outcome = result(p1, "OUTCOME");
    indicator(p1Outcome, true, "10", "2041-06-30:3", "2041-12-31:12");
    indicator(p1Outcome, false, "5", "2041-12-31:7");
    indicator(result(p1, "OUTPUT"), true, "100", "2041-12-31:1");
    indicator(result(p2, "OUTCOME"), true, "100", "2042-12-31:100");
    UUID p3Outcome = result(p3, "OUTCOME");
    indicator(p3Outcome, true, "50", "2042-06-30:60", "2042-12-31:20");
    indicator(p3Outcome, false, "1", "2042-12-31:3");
    indicator(result(p4, "OUTCOME"), true, "1", "2041-12-31:9");
    indicator(result(p6, "OUTCOME"), true, "10");

    evaluation(p1, "2041-06-30", "2041-12-31");
    evaluation(p2, "2042-01-31", "2042-10-31");
    evaluation(p4, "2041-01-01", "2042-12-31");

    String fund =
        ("TNRU" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)).toUpperCase();
    jdbc.sql("insert into fund (code, name, kind, created_at) values (?, ?, 'BILATERAL', now())")
        .params(fund, MARK)
        .update();
    allocation(fund, p1, "40000", "2041-04-15");
    allocation(fund, p2, "25000.40", "2042-02-01");
    allocation(fund, p2, "10000", "2042-03-01");
    allocation(fund, p4, "77777", "2041-10-01");
    allocation(fund, p5, "5000", "2041-10-01");

    UUID t1 = event("2041-10-08", "2041-10-10");
    participant(t1, "Ana Tui", STATE, true);
    participant(t1, "ANA TUI", STATE, true);
    participant(t1, "Ben Ika", STATE, false);
    participant(t1, "Cy Deo", STATE, true);
    participant(t1, "Eli Tano", "TUV", true);
    UUID t2 = event("2042-05-01", "2042-05-05");
    participant(t2, "Ana Tui", STATE, true);
    participant(t2, "Dee Fa", STATE, true);
  }

  private UUID request(
      String name,
      String submitted,
      String areas,
      String forms,
      String status,
      boolean confidential) {
    UUID id = UUID.randomUUID();
    boolean withdrawn = status.equals("WITHDRAWN");
    OffsetDateTime at =
        submitted == null
            ? null
            : LocalDate.parse(submitted).atTime(10, 0).atOffset(ZoneOffset.UTC);
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, areas, forms, confidential,
              status, created_by, submitted_by, submitted_at, assessment_waived_by,
              assessment_waived_at, assessment_waiver, withdrawn_by, withdrawn_at,
              withdrawal_reason, created_at, updated_at)
            values (?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, now(),
              'Fixture: the State waived the assessment', ?, ?, ?, now(), now())
            """)
        .params(
            id,
            STATE,
            MARK + " " + name,
            areas,
            forms,
            confidential,
            status,
            account,
            submitted == null ? null : account,
            at,
            account,
            withdrawn ? account : null,
            withdrawn ? at.plusDays(1) : null,
            withdrawn ? "Fixture: withdrawn" : null)
        .update();
    return id;
  }

  private UUID project(
      UUID request,
      String name,
      String status,
      String start,
      String budget,
      String currency,
      boolean published) {
    UUID id = UUID.randomUUID();
    LocalDate starts = LocalDate.parse(start);
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, status,
              start_date, end_date, budget_amount, budget_currency, published, created_by,
              created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
            """)
        .params(
            id,
            request,
            STATE,
            "XM-FIXTURE-" + id,
            MARK + " " + name,
            status,
            starts,
            starts.plusYears(1),
            new BigDecimal(budget),
            currency,
            published,
            account)
        .update();
    return id;
  }

  private UUID result(UUID project, String level) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into project_result (id, project_id, level, title, position)"
                + " values (?, ?, ?, ?, 1)")
        .params(id, project, level, MARK)
        .update();
    return id;
  }

  /** An indicator with its values, each written {@code period-end:actual}. */
  private void indicator(UUID result, boolean ascending, String target, String... values) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project_indicator (id, result_id, title, unit, ascending, baseline,
              baseline_date, target, target_date)
            values (?, ?, ?, 'count', ?, 0, date '2041-01-01', ?, date '2043-01-01')
            """)
        .params(id, result, MARK, ascending, new BigDecimal(target))
        .update();
    for (String value : values) {
      LocalDate end = LocalDate.parse(value.substring(0, value.indexOf(':')));
      jdbc.sql(
              """
              insert into project_indicator_value (indicator_id, period_start, period_end, actual,
                measured_on, recorded_by)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              end.minusMonths(6),
              end,
              new BigDecimal(value.substring(value.indexOf(':') + 1)),
              end,
              account)
          .update();
    }
  }

  private void evaluation(UUID project, String ended, String measured) {
    jdbc.sql(
            """
            insert into project_evaluation (id, project_id, what_changed, activities_ended,
              change_measured, recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, now())
            """)
        .params(
            UUID.randomUUID(),
            project,
            MARK,
            LocalDate.parse(ended),
            LocalDate.parse(measured),
            account)
        .update();
  }

  private void allocation(String fund, UUID project, String usd, String decided) {
    jdbc.sql(
            """
            insert into fund_allocation (id, fund_code, project_id, amount_usd, decided_on,
              recorded_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, now(), now())
            """)
        .params(
            UUID.randomUUID(),
            fund,
            project,
            new BigDecimal(usd),
            LocalDate.parse(decided),
            account)
        .update();
  }

  private UUID event(String starts, String ends) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into training_event (id, title, kind, starts_on, ends_on, created_by,
              created_at, updated_at)
            values (?, ?, 'NATIONAL_COURSE', ?, ?, ?, now(), now())
            """)
        .params(id, MARK, LocalDate.parse(starts), LocalDate.parse(ends), account)
        .update();
    return id;
  }

  private void participant(UUID event, String name, String state, boolean attended) {
    jdbc.sql(
            """
            insert into event_participant (id, event_id, full_name, state_iso3, attended)
            values (?, ?, ?, ?, ?)
            """)
        .params(UUID.randomUUID(), event, name, state, attended)
        .update();
  }
}
