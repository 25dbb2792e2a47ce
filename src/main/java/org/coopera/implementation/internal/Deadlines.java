package org.coopera.implementation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar of a State's workspace: every date by which something is owed. An action is due by
 * its due date until it is fully implemented or found not implementable; an indicator's value is
 * due at the end of each reporting period until an update for that period is submitted; a milestone
 * is due until it is reached; an assignment's target date stands until its recommendation's
 * rolled-up status is fully implemented. Done items can be shown too, marked so.
 */
@Service
@Transactional(readOnly = true)
public class Deadlines {

  /** How many days ahead an item counts as due soon. */
  public static final int SOON_DAYS = 14;

  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final Clock clock;

  Deadlines(JdbcClient jdbc, ReferenceData reference, Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.clock = clock;
  }

  /** What falls due. */
  public enum Kind {
    ACTION,
    INDICATOR,
    MILESTONE,
    TARGET;

    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
      return "deadlines.kind." + apiName();
    }

    public static Kind fromApiName(String value) {
      for (Kind kind : values()) {
        if (kind.apiName().equalsIgnoreCase(value == null ? "" : value.strip())) {
          return kind;
        }
      }
      return null;
    }
  }

  /**
   * One date by which something is owed.
   *
   * @param key what is due, stable across runs ({@code action:} and its id, and so on)
   * @param title the action's title, the indicator's name, the milestone's title, or the
   *     recommendation or cluster of an assignment's target
   * @param done already done (an implemented action, a reported period, a reached milestone)
   * @param overdue not done and its date is before today
   * @param dueSoon not done and due today or within {@link #SOON_DAYS} days
   */
  public record DueItem(
      String key,
      Kind kind,
      LocalDate date,
      String title,
      String stateIso3,
      UUID assignmentId,
      String assignmentLabel,
      UUID institutionId,
      String institutionName,
      boolean done,
      boolean overdue,
      boolean dueSoon) {

    /** The page of the assignment it belongs to, inside the application. */
    public String link() {
      return "/workspace/" + stateIso3 + "/assignments/" + assignmentId;
    }
  }

  /** What a person asks the calendar for. */
  public record Filter(UUID institution, Kind kind, boolean includeDone) {

    public static Filter none() {
      return new Filter(null, null, false);
    }

    boolean accepts(DueItem item) {
      return (institution == null || institution.equals(item.institutionId()))
          && (kind == null || kind == item.kind())
          && (includeDone || !item.done());
    }
  }

  /**
   * The calendar of a State for one of its officials or an administrator, by date: what is overdue,
   * then what is to come.
   */
  public List<DueItem> calendar(String stateIso3, Filter filter, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return items(iso3, LocalDate.now(clock), filter);
  }

  /** The calendar of a State as it stands on {@code today}, unchecked: for the reminders. */
  List<DueItem> items(String iso3, LocalDate today, Filter filter) {
    List<DueItem> items = new ArrayList<>();
    Map<UUID, List<ImplementationStatus>> actionStatuses = new HashMap<>();
    actions(iso3, today, items, actionStatuses);
    indicatorPeriods(iso3, today, items);
    milestones(iso3, today, items);
    targets(iso3, today, items, actionStatuses);
    return items.stream()
        .filter(filter::accepts)
        .sorted(
            Comparator.comparing(DueItem::date)
                .thenComparing(DueItem::kind)
                .thenComparing(DueItem::title))
        .toList();
  }

  /** The States whose workspace has an assignment: those that may have something due. */
  List<String> statesWithWork() {
    return jdbc.sql("select distinct state_iso3 from assignment order by state_iso3")
        .query(String.class)
        .list();
  }

  private void actions(
      String iso3,
      LocalDate today,
      List<DueItem> items,
      Map<UUID, List<ImplementationStatus>> statuses) {
    jdbc.sql(
            """
            select a.id, a.title, a.due_date, a.status, a.assignment_id, s.subject_label,
                   a.institution_id, i.name as institution_name
            from implementation_action a
            join assignment s on s.id = a.assignment_id
            join institution i on i.id = a.institution_id
            where s.state_iso3 = ?
            """)
        .param(iso3)
        .query(
            rs -> {
              ImplementationStatus status = ImplementationStatus.valueOf(rs.getString("status"));
              UUID assignment = rs.getObject("assignment_id", UUID.class);
              statuses.computeIfAbsent(assignment, k -> new ArrayList<>()).add(status);
              boolean done =
                  status == ImplementationStatus.FULLY_IMPLEMENTED
                      || status == ImplementationStatus.NOT_IMPLEMENTABLE;
              items.add(
                  item(
                      "action:" + rs.getObject("id", UUID.class),
                      Kind.ACTION,
                      Assignments.localDate(rs, "due_date"),
                      rs.getString("title"),
                      iso3,
                      assignment,
                      rs.getString("subject_label"),
                      rs.getObject("institution_id", UUID.class),
                      rs.getString("institution_name"),
                      done,
                      today));
            });
  }

  private void indicatorPeriods(String iso3, LocalDate today, List<DueItem> items) {
    Set<String> reported = new HashSet<>();
    jdbc.sql(
            """
            select distinct u.indicator_id, u.period_end from progress_update u
            where u.state_iso3 = ? and u.indicator_id is not null and u.period_end is not null
              and u.review in ('SUBMITTED', 'APPROVED', 'PUBLISHED')
            """)
        .param(iso3)
        .query(
            rs -> {
              reported.add(
                  rs.getObject(1, UUID.class) + ":" + Assignments.localDate(rs, "period_end"));
            });
    jdbc.sql(
            """
            select n.id, n.name, n.schedule_months, n.schedule_start, n.schedule_end,
                   n.assignment_id, s.subject_label, s.lead_institution_id, i.name as institution_name
            from indicator n
            join assignment s on s.id = n.assignment_id
            join institution i on i.id = s.lead_institution_id
            where s.state_iso3 = ?
            """)
        .param(iso3)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ReportingSchedule schedule =
                  new ReportingSchedule(
                      Assignments.localDate(rs, "schedule_start"),
                      rs.getInt("schedule_months"),
                      Assignments.localDate(rs, "schedule_end"));
              for (LocalDate due : schedule.dueDates()) {
                items.add(
                    item(
                        "indicator:" + id + ":" + due,
                        Kind.INDICATOR,
                        due,
                        rs.getString("name"),
                        iso3,
                        rs.getObject("assignment_id", UUID.class),
                        rs.getString("subject_label"),
                        rs.getObject("lead_institution_id", UUID.class),
                        rs.getString("institution_name"),
                        reported.contains(id + ":" + due),
                        today));
              }
            });
  }

  private void milestones(String iso3, LocalDate today, List<DueItem> items) {
    jdbc.sql(
            """
            select m.id, m.title, m.due_date, m.achieved_on, n.assignment_id, s.subject_label,
                   s.lead_institution_id, i.name as institution_name
            from indicator_milestone m
            join indicator n on n.id = m.indicator_id
            join assignment s on s.id = n.assignment_id
            join institution i on i.id = s.lead_institution_id
            where s.state_iso3 = ?
            """)
        .param(iso3)
        .query(
            rs -> {
              items.add(
                  item(
                      "milestone:" + rs.getObject("id", UUID.class),
                      Kind.MILESTONE,
                      Assignments.localDate(rs, "due_date"),
                      rs.getString("title"),
                      iso3,
                      rs.getObject("assignment_id", UUID.class),
                      rs.getString("subject_label"),
                      rs.getObject("lead_institution_id", UUID.class),
                      rs.getString("institution_name"),
                      rs.getDate("achieved_on") != null,
                      today));
            });
  }

  private void targets(
      String iso3,
      LocalDate today,
      List<DueItem> items,
      Map<UUID, List<ImplementationStatus>> actionStatuses) {
    jdbc.sql(
            """
            select s.id, s.subject_label, s.target_date, s.lead_institution_id,
                   i.name as institution_name
            from assignment s join institution i on i.id = s.lead_institution_id
            where s.state_iso3 = ? and s.target_date is not null
            """)
        .param(iso3)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ImplementationStatus rolledUp =
                  ImplementationStatus.rollUp(actionStatuses.getOrDefault(id, List.of()));
              items.add(
                  item(
                      "assignment:" + id,
                      Kind.TARGET,
                      Assignments.localDate(rs, "target_date"),
                      rs.getString("subject_label"),
                      iso3,
                      id,
                      rs.getString("subject_label"),
                      rs.getObject("lead_institution_id", UUID.class),
                      rs.getString("institution_name"),
                      rolledUp == ImplementationStatus.FULLY_IMPLEMENTED,
                      today));
            });
  }

  private static DueItem item(
      String key,
      Kind kind,
      LocalDate date,
      String title,
      String iso3,
      UUID assignment,
      String assignmentLabel,
      UUID institution,
      String institutionName,
      boolean done,
      LocalDate today) {
    boolean overdue = !done && date.isBefore(today);
    boolean soon = !done && !overdue && !date.isAfter(today.plusDays(SOON_DAYS));
    return new DueItem(
        key,
        kind,
        date,
        title,
        iso3,
        assignment,
        assignmentLabel,
        institution,
        institutionName,
        done,
        overdue,
        soon);
  }

  private String state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference
        .findState(code)
        .orElseThrow(() -> new Institutions.WorkspaceNotFound(code))
        .iso3();
  }
}
