package org.coopera.assistance.requests;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * In demo mode, once: Slovenia's submitted request on Roma inclusion, linked to two of its real
 * recommendations of the third UPR cycle and accepted by OHCHR; a draft request of Paraguay; and
 * two published offers (OHCHR, UNDP). The requests and offers are illustrative and titled as demo
 * records; other demo data finds them by title.
 */
@Component
class DemoRequests {

  /** The title of Slovenia's submitted and accepted demo request. */
  static final String SLOVENIA = "Roma inclusion: housing, education and employment (demo)";

  /** The title of Paraguay's draft demo request. */
  static final String PARAGUAY = "A public portal to follow up the recommendations (demo)";

  static final String OHCHR_OFFER =
      "Advice and training on non-discrimination and minority rights (demo)";
  static final String UNDP_OFFER =
      "Support to national human rights institutions and access to justice (demo)";

  private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final boolean demo;

  DemoRequests(
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
  @Order(Ordered.LOWEST_PRECEDENCE - 20)
  void addDemoRequests() {
    if (!demo) {
      return;
    }
    Integer added = transactions.execute(tx -> add());
    if (added != null && added > 0) {
      log.info("Demo data: {} assistance requests and offers", added);
    }
  }

  int add() {
    int added = 0;
    if (!exists("assistance_request", SLOVENIA)) {
      added += slovenia();
    }
    if (!exists("assistance_request", PARAGUAY)) {
      added += paraguay();
    }
    if (!exists("assistance_offer", OHCHR_OFFER)) {
      added +=
          offer(
              "officer.ohchr@demo.coopera.org",
              "OHCHR",
              OHCHR_OFFER,
              "Experts of OHCHR advise on anti-discrimination law and train officials on the rights"
                  + " of minorities, in English, French or Spanish.",
              List.of("LEGISLATION", "POLICE", "EDUCATION", "OTHER"),
              List.of("EXPERT_ADVICE", "TRAINING", "SEMINAR"),
              List.of("en", "fr", "es"),
              List.of("150", "019"),
              List.of("B31", "B32", "A53"),
              new BigDecimal("150000.00"));
    }
    if (!exists("assistance_offer", UNDP_OFFER)) {
      added +=
          offer(
              "officer.undp@demo.coopera.org",
              "UNDP",
              UNDP_OFFER,
              "UNDP supports national human rights institutions and access to justice programmes.",
              List.of("NHRI", "JUSTICE", "TREATY_REPORTING"),
              List.of("NEEDS_ASSESSMENT", "EXPERT_ADVICE", "STUDY_VISIT"),
              List.of("en", "es", "fr"),
              List.of("019", "002", "142"),
              List.of("A45", "A42"),
              new BigDecimal("250000.00"));
    }
    return added;
  }

  private int slovenia() {
    Optional<UUID> focal = account("focal.svn@demo.coopera.org");
    Optional<UUID> coordinator = account("coordinator.svn@demo.coopera.org");
    Optional<UUID> officer = account("officer.ohchr@demo.coopera.org");
    if (focal.isEmpty() || coordinator.isEmpty() || officer.isEmpty()) {
      return 0;
    }
    Instant drafted = clock.instant().minus(Duration.ofDays(60));
    Instant submitted = drafted.plus(Duration.ofDays(7));
    UUID id =
        request(
            "SVN",
            SLOVENIA,
            "Slovenia asks for advice and training to carry out the recommendations of its third"
                + " Universal Periodic Review on the Roma community: access to adequate housing,"
                + " water and sanitation, education of Roma children, and employment.",
            List.of("LEGISLATION", "EDUCATION", "OTHER"),
            List.of("EXPERT_ADVICE", "TRAINING"),
            List.of("en"),
            focal.get(),
            drafted);
    jdbc.sql(
            """
            update assistance_request set status = 'SUBMITTED', submitted_by = ?, submitted_at = ?
            where id = ?
            """)
        .params(coordinator.get(), Timestamp.from(submitted), id)
        .update();
    priorities(
        id,
        "Access of Roma settlements to drinking water and sanitation",
        "Inclusion of Roma children in preschool and primary education",
        "Training of local authorities on non-discrimination");
    jdbc.sql(
            """
            insert into assistance_request_recommendation (request_id, recommendation_id)
            select distinct on (paragraph) ?, id from recommendation
            where state_iso3 = 'SVN' and upr_session = 34 and paragraph in ('122.142', '122.137')
            order by paragraph, code
            """)
        .param(id)
        .update();
    jdbc.sql(
            """
            insert into assistance_request_provider (id, request_id, organisation_code, answer,
                answer_note, answered_by, answered_at)
            values (?, ?, 'OHCHR', 'ACCEPTED', ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            id,
            "OHCHR will send an expert mission and organise a training of local authorities.",
            officer.get(),
            Timestamp.from(submitted.plus(Duration.ofDays(10))))
        .update();
    return 1;
  }

  private int paraguay() {
    Optional<UUID> focal = account("focal.pry@demo.coopera.org");
    if (focal.isEmpty()) {
      return 0;
    }
    UUID id =
        request(
            "PRY",
            PARAGUAY,
            "Paraguay drafts a request to extend its public system for monitoring the"
                + " recommendations (SIMORE) to the follow-up of the Sustainable Development Goals.",
            List.of("TREATY_REPORTING", "OTHER"),
            List.of("EXPERT_ADVICE", "STUDY_VISIT"),
            List.of("es"),
            focal.get(),
            clock.instant().minus(Duration.ofDays(5)));
    priorities(
        id,
        "Link each recommendation to the Sustainable Development Goals",
        "Train the focal points of the ministries");
    jdbc.sql(
            "insert into assistance_request_provider (id, request_id, organisation_code)"
                + " values (?, ?, 'UNDP')")
        .params(UUID.randomUUID(), id)
        .update();
    return 1;
  }

  private UUID request(
      String state,
      String title,
      String summary,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      UUID createdBy,
      Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, summary, areas, forms, languages,
                status, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
            """)
        .params(
            id,
            state,
            title,
            summary,
            areas.toArray(String[]::new),
            forms.toArray(String[]::new),
            languages.toArray(String[]::new),
            createdBy,
            Timestamp.from(at),
            Timestamp.from(at))
        .update();
    return id;
  }

  private void priorities(UUID id, String... texts) {
    for (int i = 0; i < texts.length; i++) {
      jdbc.sql("insert into assistance_request_priority (request_id, rank, text) values (?, ?, ?)")
          .params(id, i + 1, texts[i])
          .update();
    }
  }

  private int offer(
      String email,
      String organisation,
      String title,
      String description,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> regions,
      List<String> themes,
      BigDecimal budget) {
    Optional<UUID> by = account(email);
    if (by.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into assistance_offer (id, organisation_code, title, description, areas, forms,
                languages, regions, themes, budget_amount, budget_currency, published, created_by,
                created_at, updated_at)
            select ?, ?, ?, ?, ?, ?, ?, array(select code from region where code = any(?)),
                   array(select code from theme where code = any(?)), ?, 'USD', true, ?, ?, ?
            """)
        .params(
            UUID.randomUUID(),
            organisation,
            title,
            description,
            areas.toArray(String[]::new),
            forms.toArray(String[]::new),
            languages.toArray(String[]::new),
            regions.toArray(String[]::new),
            themes.toArray(String[]::new),
            budget,
            by.get(),
            now,
            now)
        .update();
    return 1;
  }

  private boolean exists(String table, String title) {
    return jdbc.sql("select count(*) from " + table + " where title = ?")
            .param(title)
            .query(Long.class)
            .single()
        > 0;
  }

  private Optional<UUID> account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .optional();
  }
}
