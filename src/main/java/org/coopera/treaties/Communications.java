package org.coopera.treaties;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.StatsScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individual communications under the treaty bodies' procedures: registered, pending, decided (with
 * the outcome). Each case is for the administrators who keep the register; the public sees counts
 * only: the backlog at any date, decisions per week against the target the administrators set (para
 * 97: 23 a week), per treaty body.
 */
@Service
@Transactional(readOnly = true)
public class Communications {

  /** How a communication was decided. */
  public enum Outcome {
    VIOLATION,
    NO_VIOLATION,
    INADMISSIBLE,
    DISCONTINUED
  }

  /** What an administrator registers. */
  public record Input(String treatyBody, String iso3, String reference, LocalDate registeredOn) {}

  /** A registered communication. */
  public record Communication(
      UUID id,
      String treatyBody,
      String iso3,
      String stateName,
      String reference,
      LocalDate registeredOn,
      LocalDate decidedOn,
      Outcome outcome,
      boolean demo,
      long version) {}

  /** One treaty body's figures at a date. */
  public record BodyCounts(
      String treatyBody,
      String abbreviation,
      long registered,
      long pending,
      long decided,
      long violations,
      long noViolation,
      long inadmissible,
      long discontinued) {}

  /** Registered and decided in a year, and pending at its end. */
  public record YearCounts(int year, long registered, long decided, long pendingAtEnd) {}

  /** The target of decisions a week. */
  public record Target(BigDecimal decisionsPerWeek, Instant setAt, long version) {}

  private final JdbcClient jdbc;

  Communications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Pending at the end of {@code at}: registered on or before, not decided by then. */
  public long pendingAt(LocalDate at, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("c.state_iso3");
    List<Object> params = new ArrayList<>(List.of(Date.valueOf(at), Date.valueOf(at)));
    params.addAll(states.params());
    return jdbc.sql(
            """
            select count(*) from communication c
            where c.registered_on <= ? and (c.decided_on is null or c.decided_on > ?) and\s"""
                + states.sql())
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Decisions taken from {@code from} to {@code to}, both included. */
  public long decidedBetween(LocalDate from, LocalDate to, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("c.state_iso3");
    List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
    params.addAll(states.params());
    return jdbc.sql(
            "select count(*) from communication c where c.decided_on between ? and ? and "
                + states.sql())
        .params(params)
        .query(Long.class)
        .single();
  }

  /** Decisions per week over a period: decisions divided by its length in weeks. */
  public double weeklyThroughput(LocalDate from, LocalDate to, StatsScope scope) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return decidedBetween(from, to, scope) * 7.0 / days;
  }

  /** Per treaty body, at the end of {@code at}. */
  public List<BodyCounts> byBody(LocalDate at, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("c.state_iso3");
    Date d = Date.valueOf(at);
    List<Object> params = new ArrayList<>(List.of(d, d, d, d, d, d, d, d));
    params.addAll(states.params());
    return jdbc.sql(
            """
            select c.treaty_body_code, m.abbreviation,
              count(*) filter (where c.registered_on <= ?),
              count(*) filter (where c.registered_on <= ? and (c.decided_on is null or c.decided_on > ?)),
              count(*) filter (where c.decided_on <= ?),
              count(*) filter (where c.decided_on <= ? and c.outcome = 'VIOLATION'),
              count(*) filter (where c.decided_on <= ? and c.outcome = 'NO_VIOLATION'),
              count(*) filter (where c.decided_on <= ? and c.outcome = 'INADMISSIBLE'),
              count(*) filter (where c.decided_on <= ? and c.outcome = 'DISCONTINUED')
            from communication c join mechanism m on m.code = c.treaty_body_code
            where\s"""
                + states.sql()
                + " group by c.treaty_body_code, m.abbreviation order by m.abbreviation")
        .params(params)
        .query(
            (rs, n) ->
                new BodyCounts(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getLong(9)))
        .list();
  }

  /**
   * Each year of the range: registered, decided, pending at its end. One pass over the rows: the
   * cases pending at the end of a year are those registered by then less those decided by then (a
   * case is decided on or after its registration).
   */
  public List<YearCounts> byYear(int from, int to, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("c.state_iso3");
    List<Object> params = new ArrayList<>(states.params());
    params.addAll(states.params());
    params.add(from);
    params.add(to);
    return jdbc.sql(
            """
            with registered as (
              select extract(year from c.registered_on)::int as y, count(*) as n
              from communication c where\s"""
                + states.sql()
                + """

              group by 1
            ), decided as (
              select extract(year from c.decided_on)::int as y, count(*) as n
              from communication c where c.decided_on is not null and\s"""
                + states.sql()
                + """

              group by 1
            ), running as (
              select coalesce(r.y, d.y) as y, coalesce(r.n, 0) as registered,
                     coalesce(d.n, 0) as decided,
                     sum(coalesce(r.n, 0) - coalesce(d.n, 0)) over (order by coalesce(r.y, d.y))
                       as pending
              from registered r full join decided d on d.y = r.y
            )
            select g.year, coalesce(r.registered, 0), coalesce(r.decided, 0),
                   coalesce((select p.pending from running p where p.y <= g.year
                             order by p.y desc limit 1), 0)
            from generate_series(?::int, ?::int) as g(year)
            left join running r on r.y = g.year
            order by g.year
            """)
        .params(params)
        .query((rs, n) -> new YearCounts(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  /** The first and last years with a registration or a decision, or empty. */
  public java.util.Optional<int[]> years() {
    return jdbc.sql(
            """
            select min(extract(year from registered_on))::int,
                   greatest(max(extract(year from registered_on)), max(extract(year from decided_on)))::int
            from communication
            """)
        .query((rs, n) -> rs.getObject(1) == null ? null : new int[] {rs.getInt(1), rs.getInt(2)})
        .optional();
  }

  public Target target() {
    return jdbc.sql(
            "select decisions_per_week, set_at, version from communication_target where id = 1")
        .query(
            (rs, n) ->
                new Target(rs.getBigDecimal(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)))
        .single();
  }

  /** Sets the weekly target; administrators only; refused when changed since read. */
  @Transactional
  public void setTarget(BigDecimal perWeek, long version, CooperaUser user) {
    mustAdminister(user);
    if (perWeek == null
        || perWeek.signum() <= 0
        || perWeek.compareTo(BigDecimal.valueOf(10000)) > 0) {
      throw new InvalidInputException("treaties.communications.error.target", "decisionsPerWeek");
    }
    int changed =
        jdbc.sql(
                """
                update communication_target set decisions_per_week = ?, set_by = ?, set_at = now(),
                  version = version + 1
                where id = 1 and version = ?
                """)
            .params(perWeek, user.accountId(), version)
            .update();
    if (changed == 0) {
      throw new InvalidInputException("treaties.communications.error.stale", null);
    }
  }

  /** The register, latest first; administrators only. */
  public List<Communication> list(
      String treatyBody, boolean pendingOnly, int limit, CooperaUser user) {
    mustAdminister(user);
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    if (treatyBody != null) {
      where.append(" and c.treaty_body_code = ?");
      params.add(treatyBody);
    }
    if (pendingOnly) {
      where.append(" and c.decided_on is null");
    }
    params.add(limit);
    return jdbc.sql(
            """
            select c.id, c.treaty_body_code, c.state_iso3, st.name, c.reference, c.registered_on,
                   c.decided_on, c.outcome, c.demo, c.version
            from communication c join state st on st.iso3 = c.state_iso3"""
                + where
                + " order by c.registered_on desc, c.reference limit ?")
        .params(params)
        .query(
            (rs, n) ->
                new Communication(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getObject(7, LocalDate.class),
                    rs.getString(8) == null ? null : Outcome.valueOf(rs.getString(8)),
                    rs.getBoolean(9),
                    rs.getLong(10)))
        .list();
  }

  /** Registers a communication; administrators only. */
  @Transactional
  public UUID register(Input input, CooperaUser user) {
    mustAdminister(user);
    long bodies =
        jdbc.sql("select count(*) from mechanism where code = ? and kind = 'TREATY_BODY'")
            .param(input.treatyBody())
            .query(Long.class)
            .single();
    if (bodies == 0) {
      throw new InvalidInputException("treaties.communications.error.body", "treatyBody");
    }
    long states =
        jdbc.sql("select count(*) from state where iso3 = ?")
            .param(input.iso3())
            .query(Long.class)
            .single();
    if (states == 0) {
      throw new InvalidInputException("treaties.communications.error.state", "state");
    }
    if (input.reference() == null
        || input.reference().isBlank()
        || input.reference().strip().length() > 100) {
      throw new InvalidInputException("treaties.communications.error.reference", "reference");
    }
    if (input.registeredOn() == null || input.registeredOn().isAfter(LocalDate.now())) {
      throw new InvalidInputException("treaties.communications.error.registered", "registeredOn");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.sql(
              """
              insert into communication
                (id, treaty_body_code, state_iso3, reference, registered_on, created_by, created_at,
                 updated_at)
              values (?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              input.treatyBody(),
              input.iso3(),
              input.reference().strip(),
              Date.valueOf(input.registeredOn()),
              user.accountId(),
              now,
              now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("treaties.communications.error.reference-taken", "reference");
    }
    return id;
  }

  /** Records the decision on a pending communication; administrators only. */
  @Transactional
  public void decide(
      UUID id, LocalDate decidedOn, Outcome outcome, long version, CooperaUser user) {
    mustAdminister(user);
    LocalDate registered =
        jdbc.sql("select registered_on from communication where id = ?")
            .param(id)
            .query(LocalDate.class)
            .optional()
            .orElseThrow(
                () -> new InvalidInputException("treaties.communications.error.not-found", null));
    if (outcome == null) {
      throw new InvalidInputException("treaties.communications.error.outcome", "outcome");
    }
    if (decidedOn == null || decidedOn.isBefore(registered) || decidedOn.isAfter(LocalDate.now())) {
      throw new InvalidInputException("treaties.communications.error.decided", "decidedOn");
    }
    int changed =
        jdbc.sql(
                """
                update communication set decided_on = ?, outcome = ?, updated_at = now(),
                  version = version + 1
                where id = ? and version = ? and decided_on is null
                """)
            .params(Date.valueOf(decidedOn), outcome.name(), id, version)
            .update();
    if (changed == 0) {
      throw new InvalidInputException("treaties.communications.error.stale", null);
    }
  }

  private static void mustAdminister(CooperaUser user) {
    if (user == null || !user.isAdministrator()) {
      throw new AccessDeniedException("Administrators keep the register of communications");
    }
  }
}
