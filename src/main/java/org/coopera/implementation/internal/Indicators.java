package org.coopera.implementation.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of an assignment: quantitative ones (unit, baseline and target with their dates,
 * the direction in which the value should move) and qualitative ones (milestones), each with a
 * reporting schedule from which its due dates follow. Values come from approved progress updates.
 */
@Service
@Transactional
public class Indicators {

  private final JdbcClient jdbc;
  private final Assignments assignments;
  private final Clock clock;

  Indicators(JdbcClient jdbc, Assignments assignments, Clock clock) {
    this.jdbc = jdbc;
    this.assignments = assignments;
    this.clock = clock;
  }

  /** A milestone of a qualitative indicator. */
  public record Milestone(
      UUID id, int position, String title, LocalDate dueDate, LocalDate achievedOn) {}

  /**
   * An indicator with its schedule and the values approved so far.
   *
   * @param values value by the end of the reporting period it was measured for
   */
  public record Indicator(
      UUID id,
      UUID assignmentId,
      boolean quantitative,
      String name,
      String unit,
      boolean increase,
      BigDecimal baselineValue,
      LocalDate baselineDate,
      BigDecimal targetValue,
      LocalDate targetDate,
      int scheduleMonths,
      LocalDate scheduleStart,
      LocalDate scheduleEnd,
      List<Milestone> milestones,
      List<LocalDate> dueDates,
      Map<LocalDate, BigDecimal> values,
      Instant updatedAt,
      long version) {

    /** The latest approved value, or null. */
    public BigDecimal latest() {
      return values.isEmpty()
          ? null
          : ((TreeMap<LocalDate, BigDecimal>) values).lastEntry().getValue();
    }
  }

  /**
   * What a person typed. Milestones are one per line, each a date and a title ({@code 2027-06-30
   * Bill adopted}).
   */
  public record Draft(
      String kind,
      String name,
      String unit,
      String direction,
      String baselineValue,
      String baselineDate,
      String targetValue,
      String targetDate,
      Integer scheduleMonths,
      String scheduleStart,
      String scheduleEnd,
      String milestones) {}

  @Transactional(readOnly = true)
  public List<Indicator> of(UUID assignmentId) {
    return select("assignment_id = ?", assignmentId);
  }

  @Transactional(readOnly = true)
  Optional<Indicator> load(UUID id) {
    return select("id = ?", id).stream().findFirst();
  }

  @Transactional(readOnly = true)
  public Indicator get(String stateIso3, UUID id, CooperaUser user) {
    Indicator indicator = load(id).orElseThrow(() -> new WorkspaceItemNotFound(id));
    assignments.get(stateIso3, indicator.assignmentId(), user);
    return indicator;
  }

  public Indicator create(String stateIso3, UUID assignmentId, Draft draft, CooperaUser user) {
    Assignments.Assignment assignment = assignments.get(stateIso3, assignmentId, user);
    assignments.requireWork(user, assignment);
    Checked c = check(draft, assignment);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into indicator (id, assignment_id, kind, name, unit, direction, baseline_value,
                baseline_date, target_value, target_date, schedule_months, schedule_start, schedule_end,
                created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            assignmentId,
            c.quantitative() ? "QUANTITATIVE" : "QUALITATIVE",
            c.name(),
            c.unit(),
            c.quantitative() ? (c.increase() ? "INCREASE" : "DECREASE") : null,
            c.baseline(),
            sql(c.baselineDate()),
            c.target(),
            sql(c.targetDate()),
            c.months(),
            sql(c.start()),
            sql(c.end()),
            now,
            now)
        .update();
    insertMilestones(id, c.milestones());
    return load(id).orElseThrow();
  }

  public Indicator update(String stateIso3, UUID id, long version, Draft draft, CooperaUser user) {
    Indicator current = get(stateIso3, id, user);
    Assignments.Assignment assignment = assignments.get(stateIso3, current.assignmentId(), user);
    assignments.requireWork(user, assignment);
    Checked c = check(draft, assignment);
    if (c.quantitative() != current.quantitative()) {
      throw new InvalidInputException("indicator.error.kind-fixed", "kind");
    }
    int changed =
        jdbc.sql(
                """
                update indicator set name = ?, unit = ?, direction = ?, baseline_value = ?,
                       baseline_date = ?, target_value = ?, target_date = ?, schedule_months = ?,
                       schedule_start = ?, schedule_end = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.name(),
                c.unit(),
                c.quantitative() ? (c.increase() ? "INCREASE" : "DECREASE") : null,
                c.baseline(),
                sql(c.baselineDate()),
                c.target(),
                sql(c.targetDate()),
                c.months(),
                sql(c.start()),
                sql(c.end()),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleItem(current);
    }
    if (!c.quantitative()) {
      // milestones keep their achievement when their title and date are unchanged
      Map<String, LocalDate> achieved = new HashMap<>();
      current.milestones().stream()
          .filter(m -> m.achievedOn() != null)
          .forEach(m -> achieved.put(m.dueDate() + " " + m.title(), m.achievedOn()));
      jdbc.sql("delete from indicator_milestone where indicator_id = ?").param(id).update();
      insertMilestones(id, c.milestones());
      achieved.forEach(
          (key, on) ->
              jdbc.sql(
                      "update indicator_milestone set achieved_on = ?"
                          + " where indicator_id = ? and due_date || ' ' || title = ?")
                  .params(Date.valueOf(on), id, key)
                  .update());
    }
    return load(id).orElseThrow();
  }

  private record ParsedMilestone(LocalDate due, String title) {}

  private record Checked(
      boolean quantitative,
      String name,
      String unit,
      boolean increase,
      BigDecimal baseline,
      LocalDate baselineDate,
      BigDecimal target,
      LocalDate targetDate,
      int months,
      LocalDate start,
      LocalDate end,
      List<ParsedMilestone> milestones) {}

  private Checked check(Draft d, Assignments.Assignment assignment) {
    boolean quantitative;
    if ("quantitative".equalsIgnoreCase(WorkspaceDates.text(d.kind()))) {
      quantitative = true;
    } else if ("qualitative".equalsIgnoreCase(WorkspaceDates.text(d.kind()))) {
      quantitative = false;
    } else {
      throw new InvalidInputException("indicator.error.kind", "kind");
    }
    String name = WorkspaceDates.text(d.name());
    if (name == null) {
      throw new InvalidInputException("indicator.error.name", "name");
    }
    if (name.length() > 300) {
      throw new InvalidInputException("indicator.error.name-length", "name", 300);
    }
    String unit = null;
    boolean increase = true;
    BigDecimal baseline = null;
    BigDecimal target = null;
    LocalDate baselineDate = null;
    LocalDate targetDate = null;
    List<ParsedMilestone> milestones = new ArrayList<>();
    if (quantitative) {
      unit = WorkspaceDates.text(d.unit());
      if (unit == null) {
        throw new InvalidInputException("indicator.error.unit", "unit");
      }
      if (unit.length() > 60) {
        throw new InvalidInputException("indicator.error.unit-length", "unit", 60);
      }
      String direction = WorkspaceDates.text(d.direction());
      if (!"increase".equalsIgnoreCase(direction) && !"decrease".equalsIgnoreCase(direction)) {
        throw new InvalidInputException("indicator.error.direction", "direction");
      }
      increase = "increase".equalsIgnoreCase(direction);
      baseline = WorkspaceDates.number(d.baselineValue(), "baselineValue");
      if (baseline == null) {
        throw new InvalidInputException("indicator.error.baseline", "baselineValue");
      }
      baselineDate = WorkspaceDates.requiredDate(d.baselineDate(), "baselineDate");
      target = WorkspaceDates.number(d.targetValue(), "targetValue");
      if (target == null) {
        throw new InvalidInputException("indicator.error.target", "targetValue");
      }
      targetDate = WorkspaceDates.requiredDate(d.targetDate(), "targetDate");
      if (!targetDate.isAfter(baselineDate)) {
        throw new InvalidInputException(
            "indicator.error.target-before-baseline", "targetDate", targetDate, baselineDate);
      }
      if (increase ? target.compareTo(baseline) <= 0 : target.compareTo(baseline) >= 0) {
        throw new InvalidInputException(
            increase ? "indicator.error.target-not-higher" : "indicator.error.target-not-lower",
            "targetValue");
      }
    } else {
      milestones = milestones(d.milestones());
      if (milestones.isEmpty()) {
        throw new InvalidInputException("indicator.error.milestones", "milestones");
      }
    }
    int months = d.scheduleMonths() == null ? 6 : d.scheduleMonths();
    if (months < 1 || months > 60) {
      throw new InvalidInputException("indicator.error.schedule-months", "scheduleMonths", 1, 60);
    }
    LocalDate start = WorkspaceDates.date(d.scheduleStart(), "scheduleStart");
    if (start == null) {
      start = baselineDate != null ? baselineDate : LocalDate.now(clock);
    }
    LocalDate end = WorkspaceDates.date(d.scheduleEnd(), "scheduleEnd");
    if (end == null) {
      end =
          targetDate != null
              ? targetDate
              : assignment.targetDate() != null
                  ? assignment.targetDate()
                  : milestones.stream()
                      .map(ParsedMilestone::due)
                      .max(LocalDate::compareTo)
                      .orElse(start);
    }
    if (end.isBefore(start.plusMonths(months))) {
      throw new InvalidInputException(
          "indicator.error.schedule-short", "scheduleEnd", start, end, months);
    }
    if (ChronoUnit.YEARS.between(start, end) > 30) {
      throw new InvalidInputException("indicator.error.schedule-long", "scheduleEnd", 30);
    }
    return new Checked(
        quantitative,
        name,
        unit,
        increase,
        baseline,
        baselineDate,
        target,
        targetDate,
        months,
        start,
        end,
        milestones);
  }

  private static List<ParsedMilestone> milestones(String typed) {
    List<ParsedMilestone> found = new ArrayList<>();
    if (typed == null) {
      return found;
    }
    int line = 0;
    for (String raw : typed.split("\\R")) {
      line++;
      String text = raw.strip();
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("\\s+", 2);
      LocalDate due;
      try {
        due = LocalDate.parse(parts[0]);
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidInputException("indicator.error.milestone-line", "milestones", line);
      }
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new InvalidInputException("indicator.error.milestone-line", "milestones", line);
      }
      if (parts[1].strip().length() > 300) {
        throw new InvalidInputException("indicator.error.name-length", "milestones", 300);
      }
      found.add(new ParsedMilestone(due, parts[1].strip()));
    }
    found.sort(java.util.Comparator.comparing(ParsedMilestone::due));
    return found;
  }

  private void insertMilestones(UUID indicator, List<ParsedMilestone> milestones) {
    int position = 1;
    for (ParsedMilestone m : milestones) {
      jdbc.sql(
              "insert into indicator_milestone (id, indicator_id, position, title, due_date)"
                  + " values (?, ?, ?, ?, ?)")
          .params(UUID.randomUUID(), indicator, position++, m.title(), Date.valueOf(m.due()))
          .update();
    }
  }

  /** Marks a milestone reached, when an update that names it is approved. */
  void achieve(UUID milestoneId, LocalDate on) {
    jdbc.sql("update indicator_milestone set achieved_on = ? where id = ? and achieved_on is null")
        .params(Date.valueOf(on), milestoneId)
        .update();
  }

  private List<Indicator> select(String condition, Object value) {
    record Row(
        UUID id,
        UUID assignment,
        boolean quantitative,
        String name,
        String unit,
        boolean increase,
        BigDecimal baseline,
        LocalDate baselineDate,
        BigDecimal target,
        LocalDate targetDate,
        int months,
        LocalDate start,
        LocalDate end,
        Instant updatedAt,
        long version) {}
    List<Row> rows =
        jdbc.sql("select * from indicator where " + condition + " order by created_at, name")
            .param(value)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("assignment_id", UUID.class),
                        "QUANTITATIVE".equals(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("unit"),
                        !"DECREASE".equals(rs.getString("direction")),
                        strip(rs.getBigDecimal("baseline_value")),
                        Assignments.localDate(rs, "baseline_date"),
                        strip(rs.getBigDecimal("target_value")),
                        Assignments.localDate(rs, "target_date"),
                        rs.getInt("schedule_months"),
                        Assignments.localDate(rs, "schedule_start"),
                        Assignments.localDate(rs, "schedule_end"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(Row::id).toList();
    Map<UUID, List<Milestone>> milestones = new HashMap<>();
    jdbc.sql("select * from indicator_milestone where indicator_id in (:ids) order by position")
        .param("ids", ids)
        .query(
            rs -> {
              milestones
                  .computeIfAbsent(rs.getObject("indicator_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Milestone(
                          rs.getObject("id", UUID.class),
                          rs.getInt("position"),
                          rs.getString("title"),
                          Assignments.localDate(rs, "due_date"),
                          Assignments.localDate(rs, "achieved_on")));
            });
    Map<UUID, TreeMap<LocalDate, BigDecimal>> values = new HashMap<>();
    jdbc.sql(
            """
            select distinct on (indicator_id, period_end) indicator_id, period_end, measured_value
            from progress_update
            where indicator_id in (:ids) and review in ('APPROVED', 'PUBLISHED')
              and measured_value is not null and period_end is not null
            order by indicator_id, period_end, reviewed_at desc
            """)
        .param("ids", ids)
        .query(
            rs -> {
              values
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeMap<>())
                  .put(rs.getDate(2).toLocalDate(), strip(rs.getBigDecimal(3)));
            });
    return rows.stream()
        .map(
            r ->
                new Indicator(
                    r.id(),
                    r.assignment(),
                    r.quantitative(),
                    r.name(),
                    r.unit(),
                    r.increase(),
                    r.baseline(),
                    r.baselineDate(),
                    r.target(),
                    r.targetDate(),
                    r.months(),
                    r.start(),
                    r.end(),
                    milestones.getOrDefault(r.id(), List.of()),
                    new ReportingSchedule(r.start(), r.months(), r.end()).dueDates(),
                    values.getOrDefault(r.id(), new TreeMap<>()),
                    r.updatedAt(),
                    r.version()))
        .toList();
  }

  private static BigDecimal strip(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static Date sql(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
