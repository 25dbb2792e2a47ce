package org.coopera.treaties;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.StatsScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports States parties owe the treaty bodies, as recorded: each with its due date, when it
 * was submitted and reviewed, the concluding observations that came of the review (linked to the
 * recommendations registry by their symbol) and when the next one is due. At any date a report is
 * not yet due, overdue (and by how long), pending review, or reviewed. Recording a review schedules
 * the next periodic report (the date the committee set, or the rule's periodicity). Only reports
 * that are recorded are counted: a State party without a recorded history shows the date its
 * initial report fell due, computed from its ratification, and is counted apart.
 */
@Service
@Transactional(readOnly = true)
public class TreatyReports {

  /** Where a report stands at a date. */
  public enum Status {
    DUE,
    OVERDUE,
    PENDING_REVIEW,
    REVIEWED
  }

  /** An instrument's reporting rule. */
  public record Rule(
      String instrument,
      String abbreviation,
      int initialYears,
      Integer periodicYears,
      String article,
      String note) {}

  /** A recorded report and where it stands at the date it was read for. */
  public record Report(
      UUID id,
      String iso3,
      String stateName,
      String instrument,
      String abbreviation,
      int sequence,
      LocalDate dueOn,
      LocalDate submittedOn,
      String symbol,
      LocalDate reviewedOn,
      String reviewSession,
      String observationsSymbol,
      LocalDate nextDueOn,
      boolean scheduled,
      boolean demo,
      long version,
      Status status,
      long daysOverdue) {}

  /** What a person records of a report. */
  public record ReportInput(
      String instrument,
      Integer sequence,
      LocalDate dueOn,
      LocalDate submittedOn,
      String symbol,
      LocalDate reviewedOn,
      String reviewSession,
      String observationsSymbol,
      LocalDate nextDueOn) {}

  /** The reports in a scope at a date, by status, with the mean time overdue. */
  public record Counts(
      long due,
      long overdue,
      long pendingReview,
      long reviewed,
      Double meanYearsOverdue,
      long pairsWithHistory) {}

  /** The reports pending review and overdue at the end of a year. */
  public record YearCounts(int year, long pendingReview, long overdue, long submitted) {}

  private static final String COLUMNS =
      """
      r.id, r.state_iso3, st.name, r.instrument_code, i.abbreviation, r.sequence, r.due_on,
      r.submitted_on, r.symbol, r.reviewed_on, r.review_session, r.observations_symbol,
      r.next_due_on, r.scheduled, r.demo, r.version
      """;

  private final JdbcClient jdbc;

  TreatyReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Rule> rules() {
    return jdbc.sql(
            """
            select r.instrument_code as instrument, i.abbreviation, r.initial_years, r.periodic_years, r.article,
                   r.note
            from reporting_rule r join instrument i on i.code = r.instrument_code
            order by i.adopted_on
            """)
        .query(Rule.class)
        .list();
  }

  /** A State's recorded reports, latest due first, as they stand on {@code at}. */
  public List<Report> ofState(String iso3, LocalDate at) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from state_report r join state st on st.iso3 = r.state_iso3"
                + " join instrument i on i.code = r.instrument_code"
                + " where r.state_iso3 = ? order by i.adopted_on, r.sequence desc")
        .param(iso3)
        .query((rs, n) -> report(rs, at))
        .list();
  }

  public Optional<Report> find(UUID id, LocalDate at) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from state_report r join state st on st.iso3 = r.state_iso3"
                + " join instrument i on i.code = r.instrument_code where r.id = ?")
        .param(id)
        .query((rs, n) -> report(rs, at))
        .optional();
  }

  /** The reports overdue on {@code at} in the scope, longest overdue first. */
  public List<Report> overdue(StatsScope scope, LocalDate at) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    List<Object> params = new ArrayList<>();
    params.add(Date.valueOf(at));
    params.add(Date.valueOf(at));
    params.addAll(states.params());
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from state_report r join state st on st.iso3 = r.state_iso3"
                + " join instrument i on i.code = r.instrument_code"
                + " where r.due_on < ? and (r.submitted_on is null or r.submitted_on > ?) and "
                + states.sql()
                + " order by r.due_on, st.name")
        .params(params)
        .query((rs, n) -> report(rs, at))
        .list();
  }

  /** The reports of the scope by where they stand on {@code at}. */
  public Counts counts(StatsScope scope, LocalDate at) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    Date d = Date.valueOf(at);
    List<Object> params = new ArrayList<>(List.of(d, d, d, d, d, d, d, d, d, d));
    params.addAll(states.params());
    return jdbc.sql(
            """
            select
              count(*) filter (where r.due_on >= ? and (r.submitted_on is null or r.submitted_on > ?)),
              count(*) filter (where r.due_on < ? and (r.submitted_on is null or r.submitted_on > ?)),
              count(*) filter (where r.submitted_on <= ? and (r.reviewed_on is null or r.reviewed_on > ?)),
              count(*) filter (where r.reviewed_on <= ?),
              avg((?::date - r.due_on) / 365.25) filter (
                where r.due_on < ? and (r.submitted_on is null or r.submitted_on > ?)),
              count(distinct (r.state_iso3, r.instrument_code))
            from state_report r where\s"""
                + states.sql())
        .params(params)
        .query(
            (rs, n) ->
                new Counts(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getObject(5) == null ? null : rs.getDouble(5),
                    rs.getLong(6)))
        .single();
  }

  /**
   * Pending review, overdue and submitted-in-year at the end of each year of the range, in one pass
   * over the reports. A report is overdue from the day after it fell due until the day it is
   * submitted, and pending review from its submission until its review: each such span adds one
   * when it opens and takes one away when it closes, and the spans open at the end of a year are
   * the sum of what opened and closed up to that year.
   */
  public List<YearCounts> byYear(int from, int to, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      params.addAll(states.params());
    }
    params.add(from);
    params.add(to);
    String where = states.sql();
    return jdbc.sql(
            """
            with changes as (
              select extract(year from r.due_on + 1)::int as y, count(*) as overdue,
                     0 as pending, 0 as submitted
              from state_report r
              where (r.submitted_on is null or r.submitted_on > r.due_on) and %s group by 1
              union all
              select extract(year from r.submitted_on)::int, -count(*), 0, 0
              from state_report r where r.submitted_on > r.due_on and %s group by 1
              union all
              select extract(year from r.submitted_on)::int, 0, count(*), count(*)
              from state_report r where r.submitted_on is not null and %s group by 1
              union all
              select extract(year from r.reviewed_on)::int, 0, -count(*), 0
              from state_report r where r.reviewed_on is not null and %s group by 1
            ), running as (
              select y, sum(submitted) as submitted,
                     sum(sum(overdue)) over (order by y) as overdue,
                     sum(sum(pending)) over (order by y) as pending
              from changes group by y
            )
            select g.year,
                   coalesce(last.pending, 0), coalesce(last.overdue, 0), coalesce(r.submitted, 0)
            from generate_series(?::int, ?::int) as g(year)
            left join running r on r.y = g.year
            left join lateral (select p.pending, p.overdue from running p where p.y <= g.year
                               order by p.y desc limit 1) last on true
            order by g.year
            """
                .formatted(where, where, where, where))
        .params(params)
        .query((rs, n) -> new YearCounts(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  /**
   * For each instrument with a reporting rule that binds the State with a known date, the date its
   * initial report fell due: the rule's years after the instrument bound it (its consent, or the
   * entry into force if later).
   */
  public Map<String, LocalDate> initialDues(String iso3) {
    Map<String, LocalDate> dues = new java.util.HashMap<>();
    jdbc.sql(
            """
            select r.instrument_code,
                   (greatest(r.on_date, i.entry_into_force_on)
                    + make_interval(years => rr.initial_years))::date
            from ratification r
            join instrument i on i.code = r.instrument_code
            join reporting_rule rr on rr.instrument_code = r.instrument_code
            where r.state_iso3 = ? and r.event = 'CONSENT' and r.on_date is not null
            """)
        .param(iso3)
        .query((rs, n) -> dues.put(rs.getString(1), rs.getObject(2, LocalDate.class)))
        .list();
    return dues;
  }

  /**
   * Records a report of a State party. Administrators and the State's coordinators may.
   *
   * @throws InvalidInputException naming the field that cannot be accepted
   */
  @Transactional
  public UUID record(String iso3, ReportInput input, CooperaUser user) {
    mayRecord(iso3, user);
    Rule rule = validate(iso3, input);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    try {
      jdbc.sql(
              """
              insert into state_report
                (id, state_iso3, instrument_code, sequence, due_on, submitted_on, symbol, reviewed_on,
                 review_session, observations_symbol, next_due_on, created_by, created_at, updated_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              iso3,
              input.instrument(),
              input.sequence(),
              date(input.dueOn()),
              date(input.submittedOn()),
              blankToNull(input.symbol()),
              date(input.reviewedOn()),
              blankToNull(input.reviewSession()),
              blankToNull(input.observationsSymbol()),
              date(input.nextDueOn()),
              user.accountId(),
              now,
              now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("treaties.report.error.sequence-taken", "sequence");
    }
    scheduleNext(iso3, input, rule, user);
    return id;
  }

  /** Changes a recorded report, refused when someone changed it since {@code version} was read. */
  @Transactional
  public void update(UUID id, ReportInput input, long version, CooperaUser user) {
    Report current =
        find(id, LocalDate.now())
            .orElseThrow(() -> new InvalidInputException("treaties.report.error.not-found", null));
    mayRecord(current.iso3(), user);
    ReportInput fixed =
        new ReportInput(
            current.instrument(),
            current.sequence(),
            input.dueOn(),
            input.submittedOn(),
            input.symbol(),
            input.reviewedOn(),
            input.reviewSession(),
            input.observationsSymbol(),
            input.nextDueOn());
    Rule rule = validate(current.iso3(), fixed);
    int changed =
        jdbc.sql(
                """
                update state_report set due_on = ?, submitted_on = ?, symbol = ?, reviewed_on = ?,
                  review_session = ?, observations_symbol = ?, next_due_on = ?, scheduled = false,
                  updated_at = now(), version = version + 1
                where id = ? and version = ?
                """)
            .params(
                date(fixed.dueOn()),
                date(fixed.submittedOn()),
                blankToNull(fixed.symbol()),
                date(fixed.reviewedOn()),
                blankToNull(fixed.reviewSession()),
                blankToNull(fixed.observationsSymbol()),
                date(fixed.nextDueOn()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new InvalidInputException("treaties.report.error.stale", null);
    }
    scheduleNext(current.iso3(), fixed, rule, user);
  }

  /** Whether this person may record the reports of this State. */
  public static boolean mayRecord(CooperaUser user, String iso3) {
    return user != null
        && (user.isAdministrator() || user.hasRoleForState(Role.STATE_COORDINATOR, iso3));
  }

  private static void mayRecord(String iso3, CooperaUser user) {
    if (!mayRecord(user, iso3)) {
      throw new AccessDeniedException("Only administrators and the State's coordinators");
    }
  }

  /** The instrument's rule, once everything typed is acceptable. */
  private Rule validate(String iso3, ReportInput input) {
    Rule rule =
        rules().stream()
            .filter(r -> r.instrument().equals(input.instrument()))
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("treaties.report.error.instrument", "instrument"));
    boolean party =
        jdbc.sql(
                    """
                select count(*) from ratification
                where state_iso3 = ? and instrument_code = ? and event = 'CONSENT'
                """)
                .params(iso3, rule.instrument())
                .query(Long.class)
                .single()
            > 0;
    if (!party) {
      throw new InvalidInputException(
          "treaties.report.error.not-party", "instrument", rule.abbreviation());
    }
    if (input.sequence() == null || input.sequence() < 1 || input.sequence() > 40) {
      throw new InvalidInputException("treaties.report.error.sequence", "sequence");
    }
    if (input.dueOn() == null) {
      throw new InvalidInputException("treaties.report.error.due", "dueOn");
    }
    LocalDate today = LocalDate.now();
    if (input.submittedOn() != null && input.submittedOn().isAfter(today)) {
      throw new InvalidInputException("treaties.report.error.future", "submittedOn");
    }
    if (input.reviewedOn() != null) {
      if (input.submittedOn() == null) {
        throw new InvalidInputException(
            "treaties.report.error.review-before-submission", "reviewedOn");
      }
      if (input.reviewedOn().isBefore(input.submittedOn())) {
        throw new InvalidInputException(
            "treaties.report.error.review-before-submission", "reviewedOn");
      }
      if (input.reviewedOn().isAfter(today)) {
        throw new InvalidInputException("treaties.report.error.future", "reviewedOn");
      }
    } else if (SqlText.present(input.observationsSymbol()) || input.nextDueOn() != null) {
      throw new InvalidInputException(
          "treaties.report.error.observations-without-review", "reviewedOn");
    }
    if (input.nextDueOn() != null && !input.nextDueOn().isAfter(input.reviewedOn())) {
      throw new InvalidInputException("treaties.report.error.next-due", "nextDueOn");
    }
    return rule;
  }

  /** After a review, the next periodic report, unless it is recorded already. */
  private void scheduleNext(String iso3, ReportInput input, Rule rule, CooperaUser user) {
    if (input.reviewedOn() == null) {
      return;
    }
    LocalDate next = input.nextDueOn();
    if (next == null && rule.periodicYears() != null) {
      next = input.reviewedOn().plusYears(rule.periodicYears());
    }
    if (next == null) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into state_report
              (id, state_iso3, instrument_code, sequence, due_on, scheduled, created_by, created_at,
               updated_at)
            values (?, ?, ?, ?, ?, true, ?, ?, ?)
            on conflict (state_iso3, instrument_code, sequence) do nothing
            """)
        .params(
            UUID.randomUUID(),
            iso3,
            input.instrument(),
            input.sequence() + 1,
            Date.valueOf(next),
            user.accountId(),
            now,
            now)
        .update();
  }

  private static Report report(ResultSet rs, LocalDate at) throws SQLException {
    LocalDate due = rs.getObject(7, LocalDate.class);
    LocalDate submitted = rs.getObject(8, LocalDate.class);
    LocalDate reviewed = rs.getObject(10, LocalDate.class);
    Status status;
    if (reviewed != null && !reviewed.isAfter(at)) {
      status = Status.REVIEWED;
    } else if (submitted != null && !submitted.isAfter(at)) {
      status = Status.PENDING_REVIEW;
    } else if (due.isBefore(at)) {
      status = Status.OVERDUE;
    } else {
      status = Status.DUE;
    }
    return new Report(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        due,
        submitted,
        rs.getString(9),
        reviewed,
        rs.getString(11),
        rs.getString(12),
        rs.getObject(13, LocalDate.class),
        rs.getBoolean(14),
        rs.getBoolean(15),
        rs.getLong(16),
        status,
        status == Status.OVERDUE ? ChronoUnit.DAYS.between(due, at) : 0);
  }

  private static Date date(LocalDate value) {
    return value == null ? null : Date.valueOf(value);
  }

  private static String blankToNull(String value) {
    return SqlText.present(value) ? value.strip() : null;
  }

  /** Text fields: blank is nothing. */
  static final class SqlText {
    private SqlText() {}

    static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }
}
