package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, Slovenia's plan for four recommendations of its third UPR cycle (session 34, 2019),
 * as the demo officials would have entered it: assignments, actions, indicators and progress
 * updates at every step of the review, some published. The recommendations are real; the plan is
 * illustrative, except where a narrative reports a public fact (the 2021 amendment of the Criminal
 * Code defining rape by the lack of consent). Dates near today make the calendar and the reminders
 * show something due soon and something overdue.
 */
@Component
class DemoWorkspace {

  private static final String STATE = "SVN";

  private final JdbcClient jdbc;
  private final Actions actions;
  private final Clock clock;

  DemoWorkspace(JdbcClient jdbc, Actions actions, Clock clock) {
    this.jdbc = jdbc;
    this.actions = actions;
    this.clock = clock;
  }

  /** Adds the plan when the demo recommendations and institutions are there; answers how many. */
  int add() {
    LocalDate today = LocalDate.now(clock);
    Optional<UUID> focal = account("focal.svn@demo.coopera.org");
    Optional<UUID> coordinator = account("coordinator.svn@demo.coopera.org");
    if (focal.isEmpty() || coordinator.isEmpty()) {
      return 0;
    }
    int added = 0;

    Optional<UUID> rape =
        assign(
            "121.33",
            "Ministry of Justice",
            "HIGH",
            LocalDate.of(2021, 12, 31),
            "Ministry of Labour, Family, Social Affairs and Equal Opportunities");
    if (rape.isPresent()) {
      UUID action =
          action(
              rape.get(),
              "Amend the Criminal Code so that rape is defined by the lack of consent",
              "Ministry of Justice",
              LocalDate.of(2020, 9, 1),
              LocalDate.of(2021, 6, 30),
              null,
              null,
              null);
      update(
          rape.get(),
          action,
          null,
          null,
          "FULLY_IMPLEMENTED",
          "The National Assembly adopted the amendment of the Criminal Code (KZ-1H) on 4 June 2021:"
              + " sexual violence and rape are now defined by the lack of consent.",
          null,
          Review.PUBLISHED,
          focal.get(),
          coordinator.get(),
          null);
      added++;
    }

    Optional<UUID> roma =
        assign(
            "122.142",
            "Government Office for National Minorities",
            "HIGH",
            today.plusYears(1),
            "Ministry of Labour, Family, Social Affairs and Equal Opportunities");
    if (roma.isPresent()) {
      UUID assistants =
          action(
              roma.get(),
              "Fund Roma teaching assistants in kindergartens and primary schools",
              "Ministry of Labour, Family, Social Affairs and Equal Opportunities",
              today.minusYears(1),
              today.plusDays(10),
              new BigDecimal("450000"),
              "EUR",
              "OHCHR advisory services, 2025 request");
      action(
          roma.get(),
          "Open two kindergarten units in Roma settlements of south-eastern Slovenia",
          "Government Office for National Minorities",
          today.minusMonths(8),
          today.minusDays(20),
          new BigDecimal("1200000"),
          "EUR",
          null);
      update(
          roma.get(),
          assistants,
          null,
          null,
          "IN_PROGRESS",
          "Thirty-two Roma teaching assistants were employed for the school year, twelve more than the year before.",
          null,
          Review.PUBLISHED,
          focal.get(),
          coordinator.get(),
          null);
      update(
          roma.get(),
          assistants,
          null,
          null,
          "PARTIALLY_IMPLEMENTED",
          "Funding for the coming school year is agreed with the municipalities; eight assistants remain to be recruited.",
          null,
          Review.SUBMITTED,
          focal.get(),
          null,
          null);
      LocalDate baseline = today.minusMonths(13).withDayOfMonth(1);
      UUID enrolment =
          indicator(
              roma.get(),
              "Roma children aged 3 to 5 enrolled in kindergarten",
              "%",
              new BigDecimal("45"),
              baseline,
              new BigDecimal("70"),
              baseline.plusYears(3),
              6);
      update(
          roma.get(),
          null,
          enrolment,
          baseline.plusMonths(6),
          "IN_PROGRESS",
          "Enrolment counted by the municipalities at the start of the school year.",
          new BigDecimal("49"),
          Review.PUBLISHED,
          focal.get(),
          coordinator.get(),
          null);
      update(
          roma.get(),
          null,
          enrolment,
          baseline.plusMonths(12),
          "IN_PROGRESS",
          "Second count, after the information campaign in the settlements.",
          new BigDecimal("53"),
          Review.APPROVED,
          focal.get(),
          coordinator.get(),
          null);
      added++;
    }

    Optional<UUID> ombudsman =
        assign("122.14", "Ministry of Justice", "MEDIUM", today.plusMonths(18), null);
    if (ombudsman.isPresent()) {
      UUID budget =
          action(
              ombudsman.get(),
              "Amend the Public Finance Act so that the Ombudsman proposes its budget directly to the National Assembly",
              "Ministry of Justice",
              today.minusMonths(2),
              today.plusDays(200),
              null,
              null,
              null);
      update(
          ombudsman.get(),
          budget,
          null,
          null,
          "IN_PROGRESS",
          "A draft amendment was sent to the Ministry of Finance for comments.",
          null,
          Review.DRAFT,
          focal.get(),
          null,
          null);
      added++;
    }

    Optional<UUID> hate = assign("122.44", "Ministry of Justice", "LOW", today.plusYears(2), null);
    if (hate.isPresent()) {
      UUID training =
          action(
              hate.get(),
              "Train judges and prosecutors on hate crime and hate speech",
              "Ministry of Justice",
              today.minusMonths(3),
              today.plusMonths(9),
              new BigDecimal("60000"),
              "EUR",
              null);
      UUID module =
          indicator(
              hate.get(),
              "Training on hate crime for the judiciary",
              null,
              null,
              today.minusMonths(3),
              null,
              null,
              6);
      milestone(
          module,
          1,
          "Training module drafted with the Judicial Training Centre",
          today.plusMonths(1));
      milestone(module, 2, "First hundred judges and prosecutors trained", today.plusMonths(9));
      update(
          hate.get(),
          training,
          null,
          null,
          "IN_PROGRESS",
          "Work has started.",
          null,
          Review.RETURNED,
          focal.get(),
          coordinator.get(),
          "Say what was done: who drafts the module, and when the first session is planned.");
      added++;
    }
    return added;
  }

  private Optional<UUID> account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .optional();
  }

  private Optional<UUID> institution(String name) {
    return jdbc.sql("select id from institution where state_iso3 = ? and name = ?")
        .params(STATE, name)
        .query(UUID.class)
        .optional();
  }

  private Optional<UUID> assign(
      String paragraph, String lead, String priority, LocalDate target, String supporting) {
    Optional<UUID> recommendation =
        jdbc.sql(
                "select id from recommendation where state_iso3 = ? and upr_session = 34"
                    + " and paragraph = ? order by code limit 1")
            .params(STATE, paragraph)
            .query(UUID.class)
            .optional();
    Optional<UUID> leadId = institution(lead);
    if (recommendation.isEmpty() || leadId.isEmpty()) {
      return Optional.empty();
    }
    String code =
        jdbc.sql("select code from recommendation where id = ?")
            .param(recommendation.get())
            .query(String.class)
            .single();
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into assignment (id, state_iso3, recommendation_id, subject_label, lead_institution_id,
                                    target_date, priority, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            STATE,
            recommendation.get(),
            code,
            leadId.get(),
            Date.valueOf(target),
            priority,
            now,
            now)
        .update();
    if (supporting != null) {
      institution(supporting)
          .ifPresent(
              s ->
                  jdbc.sql(
                          "insert into assignment_supporting (assignment_id, institution_id) values (?, ?)")
                      .params(id, s)
                      .update());
    }
    return Optional.of(id);
  }

  private UUID action(
      UUID assignment,
      String title,
      String institution,
      LocalDate start,
      LocalDate due,
      BigDecimal cost,
      String currency,
      String reference) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into implementation_action (id, assignment_id, title, institution_id, start_date,
                due_date, estimated_cost, currency, assistance_reference, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignment,
            title,
            institution(institution).orElseThrow(),
            Date.valueOf(start),
            Date.valueOf(due),
            cost,
            currency,
            reference,
            now,
            now)
        .update();
    return id;
  }

  private UUID indicator(
      UUID assignment,
      String name,
      String unit,
      BigDecimal baseline,
      LocalDate start,
      BigDecimal target,
      LocalDate targetDate,
      int months) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    boolean quantitative = unit != null;
    LocalDate end = quantitative ? targetDate : start.plusYears(2);
    jdbc.sql(
            """
            insert into indicator (id, assignment_id, kind, name, unit, direction, baseline_value,
                baseline_date, target_value, target_date, schedule_months, schedule_start, schedule_end,
                created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignment,
            quantitative ? "QUANTITATIVE" : "QUALITATIVE",
            name,
            unit,
            quantitative ? "INCREASE" : null,
            baseline,
            quantitative ? Date.valueOf(start) : null,
            target,
            quantitative ? Date.valueOf(targetDate) : null,
            months,
            Date.valueOf(start),
            Date.valueOf(end),
            now,
            now)
        .update();
    return id;
  }

  private void milestone(UUID indicator, int position, String title, LocalDate due) {
    jdbc.sql(
            "insert into indicator_milestone (id, indicator_id, position, title, due_date)"
                + " values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), indicator, position, title, Date.valueOf(due))
        .update();
  }

  private void update(
      UUID assignment,
      UUID action,
      UUID indicator,
      LocalDate period,
      String status,
      String narrative,
      BigDecimal value,
      Review review,
      UUID author,
      UUID reviewer,
      String comment) {
    Instant now = clock.instant();
    Timestamp created = Timestamp.from(now.minus(30, ChronoUnit.DAYS));
    Timestamp submitted =
        review == Review.DRAFT ? null : Timestamp.from(now.minus(20, ChronoUnit.DAYS));
    Timestamp reviewed =
        review == Review.DRAFT || review == Review.SUBMITTED
            ? null
            : Timestamp.from(now.minus(10, ChronoUnit.DAYS));
    Timestamp published =
        review == Review.PUBLISHED ? Timestamp.from(now.minus(5, ChronoUnit.DAYS)) : null;
    jdbc.sql(
            """
            insert into progress_update (id, state_iso3, assignment_id, action_id, indicator_id, period_end,
                status, narrative, measured_value, review, review_comment, author_id, reviewer_id,
                submitted_at, reviewed_at, published_at, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            STATE,
            assignment,
            action,
            indicator,
            period == null ? null : Date.valueOf(period),
            status,
            narrative,
            value,
            review.name(),
            comment,
            author,
            reviewer,
            submitted,
            reviewed,
            published,
            created,
            created)
        .update();
    if (action != null && review.counts()) {
      actions.rollUp(action);
    }
  }
}
