package org.coopera.assistance.projects;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, the project answering Slovenia's submitted Roma inclusion request that OHCHR
 * accepted (the requests demo adds it): an agreed needs assessment, then a published project with
 * two activities, an outcome and an output with their indicators and values, and an evaluation.
 * Illustrative, marked as demo in its description. Runs after the other demo data, adds nothing
 * when the request is absent or already has a project.
 */
@Component
class DemoProjects {

  private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final boolean demo;

  DemoProjects(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Clock clock,
      @Value("${coopera.demo:false}") boolean demo) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE - 10)
  void addDemoProject() {
    if (!demo) {
      return;
    }
    Boolean added = transactions.execute(tx -> add());
    if (Boolean.TRUE.equals(added)) {
      log.info("Demo data: Slovenia's Roma inclusion project, published with its results");
    }
  }

  /** Adds the demo project when its request is there and has none yet; answers whether it did. */
  boolean add() {
    Optional<UUID> request =
        jdbc.sql(
                """
                select r.id from assistance_request r
                where r.state_iso3 = 'SVN' and r.status = 'SUBMITTED'
                  and exists (select 1 from assistance_request_provider p where p.request_id = r.id
                              and p.organisation_code = 'OHCHR' and p.answer = 'ACCEPTED')
                order by (r.title ilike '%roma%') desc, r.submitted_at limit 1
                """)
            .query(UUID.class)
            .optional();
    Optional<UUID> officer = account("officer.ohchr@demo.coopera.org");
    Optional<UUID> coordinator = account("coordinator.svn@demo.coopera.org");
    if (request.isEmpty()
        || officer.isEmpty()
        || coordinator.isEmpty()
        || jdbc.sql("select exists (select 1 from project where request_id = ?)")
            .param(request.get())
            .query(Boolean.class)
            .single()) {
      return false;
    }
    Timestamp now = Timestamp.from(clock.instant());
    UUID assessment = UUID.randomUUID();
    jdbc.sql(
            """
            insert into needs_assessment (id, request_id, findings, gaps, baseline, assessed_from,
                assessed_to, agreed_by, agreed_at, recorded_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            assessment,
            request.get(),
            "Many Roma settlements lack legal security of tenure and access to water; municipal"
                + " staff know little of the anti-discrimination law. (Demo data.)",
            "No municipal guidance on legalising settlements; no legal aid in Romani.",
            "Legal aid reaches about one settlement in eight.",
            Date.valueOf(LocalDate.of(2025, 9, 1)),
            Date.valueOf(LocalDate.of(2025, 10, 15)),
            coordinator.get(),
            now,
            officer.get(),
            now,
            now)
        .update();
    UUID project = UUID.randomUUID();
    long number =
        jdbc.sql("select count(*) from project where state_iso3 = 'SVN'").query(Long.class).single()
            + 1;
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, description,
                status, start_date, end_date, budget_amount, budget_currency, published, created_by,
                created_at, updated_at)
            values (?, ?, 'SVN', ?, ?, ?, 'ACTIVE', ?, ?, ?, 'USD', true, ?, ?, ?)
            """)
        .params(
            project,
            request.get(),
            "COOPERA-SVN-" + number,
            "Roma inclusion: legal aid and municipal capacity",
            "Training of municipal officials and legal aid clinics in Roma settlements."
                + " Demo data, not official.",
            Date.valueOf(LocalDate.of(2025, 11, 1)),
            Date.valueOf(LocalDate.of(2027, 10, 31)),
            new BigDecimal("180000.00"),
            officer.get(),
            now,
            now)
        .update();
    for (int role : new int[] {2, 4}) {
      jdbc.sql(
              "insert into project_partner (id, project_id, organisation_code, iati_role)"
                  + " values (?, ?, 'OHCHR', ?)")
          .params(UUID.randomUUID(), project, role)
          .update();
    }
    jdbc.sql(
            """
            insert into project_recommendation (project_id, recommendation_id)
            select ?, recommendation_id from assistance_request_recommendation where request_id = ?
            """)
        .params(project, request.get())
        .update();
    activity(
        project,
        officer.get(),
        "TRAINING",
        "Anti-discrimination law for municipal officials",
        LocalDate.of(2026, 2, 9),
        LocalDate.of(2026, 2, 11),
        "Novo mesto",
        34);
    activity(
        project,
        officer.get(),
        "LEGAL_ADVICE",
        "Legal aid clinics in Roma settlements",
        LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 6, 30),
        "Dolenjska and Prekmurje",
        210);
    UUID outcome = result(project, "OUTCOME", "Roma families secure their housing rights", 1);
    UUID outcomeIndicator =
        indicator(
            outcome,
            "Settlements with legal aid",
            "%",
            "12",
            "60",
            LocalDate.of(2025, 10, 15),
            LocalDate.of(2027, 10, 31));
    value(
        outcomeIndicator,
        LocalDate.of(2025, 11, 1),
        LocalDate.of(2026, 6, 30),
        "35",
        officer.get());
    UUID output = result(project, "OUTPUT", "Municipal officials trained", 2);
    UUID outputIndicator =
        indicator(
            output,
            "Officials trained",
            "persons",
            "0",
            "120",
            LocalDate.of(2025, 10, 15),
            LocalDate.of(2027, 10, 31));
    value(
        outputIndicator, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "34", officer.get());
    jdbc.sql(
            """
            insert into project_evaluation (id, project_id, what_changed, evidence, activities_ended,
                change_measured, recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            project,
            "Three municipalities adopted procedures to legalise settlements. (Demo data.)",
            "Municipal council decisions and the legal aid clinics' case records.",
            Date.valueOf(LocalDate.of(2026, 6, 30)),
            Date.valueOf(LocalDate.of(2026, 11, 15)),
            officer.get(),
            now)
        .update();
    return true;
  }

  private void activity(
      UUID project,
      UUID by,
      String kind,
      String title,
      LocalDate start,
      LocalDate end,
      String place,
      int participants) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into project_activity (id, project_id, kind, title, start_date, end_date, place,
                participants, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            project,
            kind,
            title,
            Date.valueOf(start),
            Date.valueOf(end),
            place,
            participants,
            by,
            now,
            now)
        .update();
  }

  private UUID result(UUID project, String level, String title, int position) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into project_result (id, project_id, level, title, position) values (?, ?, ?, ?, ?)")
        .params(id, project, level, title, position)
        .update();
    return id;
  }

  private UUID indicator(
      UUID result,
      String title,
      String unit,
      String baseline,
      String target,
      LocalDate baselineDate,
      LocalDate targetDate) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project_indicator (id, result_id, title, unit, baseline, baseline_date,
                target, target_date) values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            result,
            title,
            unit,
            new BigDecimal(baseline),
            Date.valueOf(baselineDate),
            new BigDecimal(target),
            Date.valueOf(targetDate))
        .update();
    return id;
  }

  private void value(UUID indicator, LocalDate start, LocalDate end, String actual, UUID by) {
    jdbc.sql(
            """
            insert into project_indicator_value (indicator_id, period_start, period_end, actual,
                measured_on, recorded_by) values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            indicator,
            Date.valueOf(start),
            Date.valueOf(end),
            new BigDecimal(actual),
            Date.valueOf(end),
            by)
        .update();
  }

  private Optional<UUID> account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .optional();
  }
}
