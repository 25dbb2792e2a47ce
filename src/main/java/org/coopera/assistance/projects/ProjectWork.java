package org.coopera.assistance.projects;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's activities and results framework (principles 1 and 5). A suspended, completed or
 * cancelled project, or one whose request is no longer submitted, takes no new activity.
 */
@Service
@Transactional
public class ProjectWork {

  /** The kinds of activity, as forms offer them. */
  public static final List<String> KINDS =
      List.of(
          "TRAINING",
          "SEMINAR",
          "WORKSHOP",
          "EXPERT_MISSION",
          "FELLOWSHIP",
          "LEGAL_ADVICE",
          "STUDY_VISIT");

  private final JdbcClient jdbc;
  private final Projects projects;
  private final AssistedRequests requests;
  private final Clock clock;

  ProjectWork(JdbcClient jdbc, Projects projects, AssistedRequests requests, Clock clock) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.requests = requests;
    this.clock = clock;
  }

  public record Activity(
      UUID id,
      String kind,
      String title,
      LocalDate startDate,
      LocalDate endDate,
      String place,
      boolean online,
      Integer participants,
      String notes) {}

  public record ActivityDraft(
      String kind,
      String title,
      LocalDate startDate,
      LocalDate endDate,
      String place,
      Boolean online,
      Integer participants,
      String notes) {}

  public record Result(
      UUID id, String level, String title, String description, List<Indicator> indicators) {}

  public record Indicator(
      UUID id,
      String title,
      String unit,
      boolean ascending,
      BigDecimal baseline,
      LocalDate baselineDate,
      BigDecimal target,
      LocalDate targetDate,
      List<Value> values) {}

  public record Value(
      LocalDate periodStart, LocalDate periodEnd, BigDecimal actual, LocalDate measuredOn) {}

  public record ResultDraft(
      String level, String title, String description, List<IndicatorDraft> indicators) {}

  public record IndicatorDraft(
      String title,
      String unit,
      Boolean ascending,
      BigDecimal baseline,
      LocalDate baselineDate,
      BigDecimal target,
      LocalDate targetDate) {}

  @Transactional(readOnly = true)
  public List<Activity> activities(UUID projectId, CooperaUser user) {
    projects.require(projectId, user);
    return jdbc.sql(
            "select * from project_activity where project_id = ? order by start_date, lower(title)")
        .param(projectId)
        .query(
            (rs, n) ->
                new Activity(
                    rs.getObject("id", UUID.class),
                    rs.getString("kind"),
                    rs.getString("title"),
                    rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class),
                    rs.getString("place"),
                    rs.getBoolean("online"),
                    (Integer) rs.getObject("participants"),
                    rs.getString("notes")))
        .list();
  }

  public Activity addActivity(UUID projectId, ActivityDraft d, CooperaUser user) {
    Project project = workable(projectId, user);
    if (!requests.require(project.requestId()).submitted() || !project.acceptsNewWork()) {
      throw new ProjectRefused("project-not-open");
    }
    String kind = d.kind() == null ? "" : d.kind().strip().toUpperCase();
    if (!KINDS.contains(kind)) {
      throw new InvalidInputException("projects.error.kind", "kind");
    }
    String title = Texts.required(d.title(), "title", 300);
    LocalDate start = Texts.date(d.startDate(), "startDate");
    LocalDate end = Texts.date(d.endDate(), "endDate");
    Texts.inOrder(start, end, "endDate");
    if (d.participants() != null && d.participants() < 0) {
      throw new InvalidInputException("projects.error.participants", "participants");
    }
    boolean online = Boolean.TRUE.equals(d.online());
    String place = Texts.clean(d.place());
    if (!online && place == null) {
      throw new InvalidInputException("projects.error.place", "place");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into project_activity (id, project_id, kind, title, start_date, end_date, place,
                online, participants, notes, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            projectId,
            kind,
            title,
            Date.valueOf(start),
            Date.valueOf(end),
            place,
            online,
            d.participants(),
            Texts.clean(d.notes()),
            user.accountId(),
            now,
            now)
        .update();
    return new Activity(
        id, kind, title, start, end, place, online, d.participants(), Texts.clean(d.notes()));
  }

  @Transactional(readOnly = true)
  public List<Result> results(UUID projectId, CooperaUser user) {
    projects.require(projectId, user);
    Map<UUID, List<Value>> values = new HashMap<>();
    jdbc.sql(
            """
            select v.* from project_indicator_value v join project_indicator i on i.id = v.indicator_id
            join project_result r on r.id = i.result_id where r.project_id = ? order by v.period_end
            """)
        .param(projectId)
        .query(
            rs -> {
              values
                  .computeIfAbsent(rs.getObject("indicator_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Value(
                          rs.getObject("period_start", LocalDate.class),
                          rs.getObject("period_end", LocalDate.class),
                          rs.getBigDecimal("actual"),
                          rs.getObject("measured_on", LocalDate.class)));
            });
    Map<UUID, List<Indicator>> indicators = new HashMap<>();
    jdbc.sql(
            """
            select i.* from project_indicator i join project_result r on r.id = i.result_id
            where r.project_id = ? order by lower(i.title)
            """)
        .param(projectId)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              indicators
                  .computeIfAbsent(rs.getObject("result_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new Indicator(
                          id,
                          rs.getString("title"),
                          rs.getString("unit"),
                          rs.getBoolean("ascending"),
                          rs.getBigDecimal("baseline"),
                          rs.getObject("baseline_date", LocalDate.class),
                          rs.getBigDecimal("target"),
                          rs.getObject("target_date", LocalDate.class),
                          List.copyOf(values.getOrDefault(id, List.of()))));
            });
    return jdbc.sql("select * from project_result where project_id = ? order by position")
        .param(projectId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Result(
                  id,
                  rs.getString("level"),
                  rs.getString("title"),
                  rs.getString("description"),
                  List.copyOf(indicators.getOrDefault(id, List.of())));
            })
        .list();
  }

  public UUID addResult(UUID projectId, ResultDraft d, CooperaUser user) {
    workable(projectId, user);
    String level = d.level() == null ? "" : d.level().strip().toUpperCase();
    if (!level.equals("OUTCOME") && !level.equals("OUTPUT")) {
      throw new InvalidInputException("projects.error.level", "level");
    }
    String title = Texts.required(d.title(), "title", 300);
    List<IndicatorDraft> drafts = d.indicators() == null ? List.of() : d.indicators();
    drafts.forEach(ProjectWork::checkIndicator);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project_result (id, project_id, level, title, description, position)
            values (?, ?, ?, ?, ?,
                    (select coalesce(max(position), 0) + 1 from project_result where project_id = ?))
            """)
        .params(id, projectId, level, title, Texts.clean(d.description()), projectId)
        .update();
    for (IndicatorDraft i : drafts) {
      jdbc.sql(
              """
              insert into project_indicator (id, result_id, title, unit, ascending, baseline,
                  baseline_date, target, target_date)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              UUID.randomUUID(),
              id,
              i.title().strip(),
              i.unit().strip(),
              i.ascending() == null || i.ascending(),
              i.baseline(),
              Date.valueOf(i.baselineDate()),
              i.target(),
              Date.valueOf(i.targetDate()))
          .update();
    }
    return id;
  }

  /**
   * Adds an indicator under one of the project's results, with the checks of {@link #addResult}.
   */
  public UUID addIndicator(UUID projectId, UUID resultId, IndicatorDraft i, CooperaUser user) {
    workable(projectId, user);
    boolean ours =
        jdbc.sql("select exists (select 1 from project_result where id = ? and project_id = ?)")
            .params(resultId, projectId)
            .query(Boolean.class)
            .single();
    if (!ours) {
      throw new ProjectNotFound(resultId);
    }
    checkIndicator(i);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project_indicator (id, result_id, title, unit, ascending, baseline,
                baseline_date, target, target_date)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            resultId,
            i.title().strip(),
            i.unit().strip(),
            i.ascending() == null || i.ascending(),
            i.baseline(),
            Date.valueOf(i.baselineDate()),
            i.target(),
            Date.valueOf(i.targetDate()))
        .update();
    return id;
  }

  private static void checkIndicator(IndicatorDraft i) {
    Texts.required(i.title(), "indicators.title", 300);
    Texts.required(i.unit(), "indicators.unit", 100);
    if (i.baseline() == null || i.target() == null) {
      throw new InvalidInputException("projects.error.required", "indicators.target");
    }
    LocalDate baseline = Texts.date(i.baselineDate(), "indicators.baselineDate");
    LocalDate target = Texts.date(i.targetDate(), "indicators.targetDate");
    if (!target.isAfter(baseline)) {
      throw new InvalidInputException("projects.error.dates-order", "indicators.targetDate");
    }
  }

  /** Records the actual value of an indicator over a period. */
  public void addValue(UUID projectId, UUID indicatorId, Value v, CooperaUser user) {
    workable(projectId, user);
    boolean ours =
        jdbc.sql(
                "select exists (select 1 from project_indicator i join project_result r"
                    + " on r.id = i.result_id where i.id = ? and r.project_id = ?)")
            .params(indicatorId, projectId)
            .query(Boolean.class)
            .single();
    if (!ours) {
      throw new ProjectNotFound(indicatorId);
    }
    LocalDate start = Texts.date(v.periodStart(), "periodStart");
    LocalDate end = Texts.date(v.periodEnd(), "periodEnd");
    Texts.inOrder(start, end, "periodEnd");
    if (v.actual() == null) {
      throw new InvalidInputException("projects.error.required", "actual");
    }
    LocalDate measured = v.measuredOn() == null ? end : v.measuredOn();
    try {
      jdbc.sql(
              """
              insert into project_indicator_value (indicator_id, period_start, period_end, actual,
                  measured_on, recorded_by) values (?, ?, ?, ?, ?, ?)
              """)
          .params(
              indicatorId,
              Date.valueOf(start),
              Date.valueOf(end),
              v.actual(),
              Date.valueOf(measured),
              user.accountId())
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("projects.error.period-taken", "periodEnd");
    }
  }

  /** The project, when the caller may record its work. */
  Project workable(UUID projectId, CooperaUser user) {
    Project project = projects.require(projectId, user);
    if (!ProjectAccess.mayWork(user, project.stateIso3(), project.providers())) {
      throw new AccessDeniedException("Only the project's providers and State record its work");
    }
    return project;
  }
}
