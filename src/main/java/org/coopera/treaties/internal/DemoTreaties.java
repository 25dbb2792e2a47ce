package org.coopera.treaties.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.coopera.treaties.Procedures;
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
 * In demo mode, once, after the ratifications: reporting histories for the States of the report's
 * cases (paras 80-88), from each instrument's rule and the State's ratification, and a register of
 * individual communications under the five protocols whose parties the sources give, drawn so that
 * the backlog and the weekly decisions resemble para 97's. Everything is marked demo; none of it is
 * official data. The draw is seeded, so every demo database is the same.
 */
@Component
class DemoTreaties {

  private static final Logger log = LoggerFactory.getLogger(DemoTreaties.class);

  static final List<String> CASE_STATES =
      List.of(
          "MEX", "MMR", "RUS", "LAO", "THA", "HTI", "MAR", "PRY", "TGO", "TUN", "COL", "SLV", "SEN",
          "KHM", "PHL", "LBN", "GTM");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final boolean demo;

  DemoTreaties(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      @Value("${coopera.demo:false}") boolean demo) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 21)
  void addDemoTreaties() {
    if (!demo
        || jdbc.sql("select count(*) from state_report where demo").query(Long.class).single()
            > 0) {
      return;
    }
    transactions.executeWithoutResult(
        tx -> {
          int reports = reports(LocalDate.now());
          int cases = communications(LocalDate.now());
          log.info("Demo data: {} State reports and {} individual communications", reports, cases);
        });
  }

  private record Due(
      String iso3, String instrument, String body, LocalDate due, Integer periodic) {}

  private int reports(LocalDate today) {
    List<Due> dues =
        jdbc.sql(
                """
                select r.state_iso3, r.instrument_code, i.treaty_body_code,
                       (greatest(r.on_date, i.entry_into_force_on)
                        + make_interval(years => rr.initial_years))::date,
                       rr.periodic_years
                from ratification r
                join instrument i on i.code = r.instrument_code
                join reporting_rule rr on rr.instrument_code = r.instrument_code
                where r.event = 'CONSENT' and r.on_date is not null and r.state_iso3 in (:states)
                order by r.state_iso3, r.instrument_code
                """)
            .param("states", CASE_STATES)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        (Integer) rs.getObject(5)))
            .list();
    Random random = new Random(97);
    Timestamp now = Timestamp.from(Instant.now());
    int added = 0;
    for (Due d : dues) {
      LocalDate due = d.due();
      for (int sequence = 1; sequence <= 40 && !due.isAfter(today.plusYears(2)); sequence++) {
        LocalDate submitted = due.plusDays(random.nextInt(4 * 365) - 200L);
        LocalDate reviewed = submitted.plusDays(300 + random.nextInt(2 * 365));
        boolean isSubmitted = !submitted.isAfter(today) && !due.isAfter(today);
        boolean isReviewed = isSubmitted && !reviewed.isAfter(today);
        LocalDate nextDue =
            isReviewed && d.periodic() != null ? reviewed.plusYears(d.periodic()) : null;
        jdbc.sql(
                """
                insert into state_report
                  (id, state_iso3, instrument_code, sequence, due_on, submitted_on, symbol,
                   reviewed_on, review_session, observations_symbol, next_due_on, scheduled, demo,
                   created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, true, ?, ?)
                """)
            .params(
                UUID.randomUUID(),
                d.iso3(),
                d.instrument(),
                sequence,
                Date.valueOf(due),
                isSubmitted ? Date.valueOf(submitted) : null,
                isSubmitted ? d.body() + "/C/" + d.iso3() + "/" + sequence + " (demo)" : null,
                isReviewed ? Date.valueOf(reviewed) : null,
                isReviewed ? String.valueOf(reviewed.getYear()) + " (demo)" : null,
                isReviewed ? d.body() + "/C/" + d.iso3() + "/CO/" + sequence + " (demo)" : null,
                nextDue == null ? null : Date.valueOf(nextDue),
                now,
                now)
            .update();
        added++;
        if (!isReviewed || nextDue == null) {
          break;
        }
        due = nextDue;
      }
    }
    return added;
  }

  private int communications(LocalDate today) {
    Map<String, List<String>> parties = new java.util.HashMap<>();
    Map<String, String> bodies = new java.util.HashMap<>();
    jdbc.sql(
            """
            select r.instrument_code, r.state_iso3, i.treaty_body_code
            from ratification r join instrument i on i.code = r.instrument_code
            where r.event = 'CONSENT' and r.instrument_code in (:protocols)
            order by r.instrument_code, r.state_iso3
            """)
        .param("protocols", Procedures.communicationsProtocols())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .list()
        .forEach(
            p -> {
              parties.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]);
              bodies.put(p[0], p[2]);
            });
    if (parties.isEmpty()) {
      return 0;
    }
    List<String> protocols = new ArrayList<>(parties.keySet());
    protocols.sort(null);
    Random random = new Random(977);
    String[] outcomes = {"VIOLATION", "VIOLATION", "NO_VIOLATION", "INADMISSIBLE", "DISCONTINUED"};
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2010, 1, 1);
    int number = 0;
    for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
      // about 30 registrations a week, a little more each year
      double perDay = 5 + 0.1 * (day.getYear() - 2010);
      int registered = (int) Math.floor(perDay + random.nextDouble());
      if (day.getDayOfWeek().getValue() > 5) {
        continue;
      }
      for (int i = 0; i < registered; i++) {
        String protocol =
            random.nextInt(10) < 7 ? "iccpr_op1" : protocols.get(random.nextInt(protocols.size()));
        List<String> states = parties.getOrDefault(protocol, parties.get(protocols.get(0)));
        String iso3 = states.get(random.nextInt(states.size()));
        String body = bodies.getOrDefault(protocol, "CCPR");
        number++;
        // decided after a wait of two months to fourteen months, or still pending
        LocalDate decided = day.plusDays(60 + random.nextInt(365));
        boolean isDecided = !decided.isAfter(today);
        rows.add(
            new Object[] {
              UUID.randomUUID(),
              body,
              iso3,
              body + "/demo/" + number + "/" + day.getYear(),
              Date.valueOf(day),
              isDecided ? Date.valueOf(decided) : null,
              isDecided ? outcomes[random.nextInt(outcomes.length)] : null,
              now,
              now
            });
      }
    }
    for (int from = 0; from < rows.size(); from += 1000) {
      List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + 1000));
      StringBuilder sql =
          new StringBuilder(
              "insert into communication (id, treaty_body_code, state_iso3, reference,"
                  + " registered_on, decided_on, outcome, created_at, updated_at, demo) values ");
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, true)");
      }
      List<Object> flat = new ArrayList<>();
      for (Object[] r : part) {
        flat.addAll(java.util.Arrays.asList(r));
      }
      jdbc.sql(sql.toString()).params(flat).update();
    }
    return rows.size();
  }
}
