package org.coopera.implementation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.internal.Actions;
import org.coopera.implementation.internal.Assignments;
import org.coopera.implementation.internal.Indicators;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.platform.StoredFiles;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;

/**
 * The workspace's assignments, actions, indicators and progress updates as the API answers them;
 * statuses, priorities, reviews and flags by their API names ({@code in-progress}, {@code high}).
 */
final class WorkspaceJson {

  private WorkspaceJson() {}

  /** An institution as an assignment or an action names it. */
  record InstitutionRefJson(UUID id, String name) {

    static InstitutionRefJson of(Assignments.InstitutionRef i) {
      return i == null ? null : new InstitutionRefJson(i.id(), i.name());
    }
  }

  /**
   * An assignment as the list shows it.
   *
   * @param subject the recommendation's code, or the cluster's label
   * @param recommendations the codes of the recommendations it covers
   * @param status rolled up from the statuses of its actions
   */
  record AssignmentJson(
      UUID id,
      String state,
      String subject,
      boolean cluster,
      List<String> recommendations,
      InstitutionRefJson lead,
      List<InstitutionRefJson> supporting,
      LocalDate targetDate,
      String priority,
      String flag,
      String status,
      Instant updatedAt,
      long version) {

    static AssignmentJson of(Assignments.Assignment a, ImplementationStatus status) {
      return new AssignmentJson(
          a.id(),
          a.stateIso3(),
          a.subjectLabel(),
          a.isCluster(),
          a.recommendations().stream().map(RecommendationRef::code).toList(),
          InstitutionRefJson.of(a.lead()),
          a.supporting().stream().map(InstitutionRefJson::of).toList(),
          a.targetDate(),
          a.priority().apiName(),
          a.flag() == null ? null : a.flag().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          status.apiName(),
          a.updatedAt(),
          a.version());
    }
  }

  /** One assignment with its actions, indicators and progress updates (the newest first). */
  record AssignmentDetailJson(
      UUID id,
      String state,
      String subject,
      boolean cluster,
      List<String> recommendations,
      InstitutionRefJson lead,
      List<InstitutionRefJson> supporting,
      LocalDate targetDate,
      String priority,
      String flag,
      String status,
      Instant updatedAt,
      long version,
      List<ActionJson> actions,
      List<IndicatorJson> indicators,
      List<UpdateJson> updates) {

    static AssignmentDetailJson of(
        Assignments.Assignment a,
        List<Actions.Action> actions,
        List<Indicators.Indicator> indicators,
        List<ProgressUpdates.Update> updates) {
      AssignmentJson s =
          AssignmentJson.of(
              a,
              ImplementationStatus.rollUp(actions.stream().map(Actions.Action::status).toList()));
      return new AssignmentDetailJson(
          s.id(),
          s.state(),
          s.subject(),
          s.cluster(),
          s.recommendations(),
          s.lead(),
          s.supporting(),
          s.targetDate(),
          s.priority(),
          s.flag(),
          s.status(),
          s.updatedAt(),
          s.version(),
          actions.stream().map(ActionJson::of).toList(),
          indicators.stream().map(IndicatorJson::of).toList(),
          updates.stream().map(UpdateJson::of).toList());
    }
  }

  /** An action; its status is that of its latest approved progress update. */
  record ActionJson(
      UUID id,
      UUID assignmentId,
      String title,
      String description,
      InstitutionRefJson institution,
      LocalDate startDate,
      LocalDate dueDate,
      BigDecimal estimatedCost,
      String currency,
      String assistanceReference,
      String status,
      Instant updatedAt,
      long version) {

    static ActionJson of(Actions.Action a) {
      return new ActionJson(
          a.id(),
          a.assignmentId(),
          a.title(),
          a.description(),
          new InstitutionRefJson(a.institutionId(), a.institutionName()),
          a.startDate(),
          a.dueDate(),
          a.estimatedCost(),
          a.currency(),
          a.assistanceReference(),
          a.status().apiName(),
          a.updatedAt(),
          a.version());
    }
  }

  /** A value with the date it holds for: a baseline or a target. */
  record DatedValueJson(BigDecimal value, LocalDate date) {}

  /** How often an indicator is reported, from when to when. */
  record ScheduleJson(int months, LocalDate start, LocalDate end) {}

  /** The approved value of an indicator for the reporting period that ends on {@code period}. */
  record PeriodValueJson(LocalDate period, BigDecimal value) {}

  record MilestoneJson(
      UUID id, int position, String title, LocalDate dueDate, LocalDate achievedOn) {}

  /**
   * An indicator: a quantitative one has a unit, a direction, a baseline and a target; a
   * qualitative one has milestones.
   */
  record IndicatorJson(
      UUID id,
      String kind,
      String name,
      String unit,
      String direction,
      DatedValueJson baseline,
      DatedValueJson target,
      ScheduleJson schedule,
      List<LocalDate> dueDates,
      List<PeriodValueJson> values,
      List<MilestoneJson> milestones,
      Instant updatedAt,
      long version) {

    static IndicatorJson of(Indicators.Indicator i) {
      boolean q = i.quantitative();
      return new IndicatorJson(
          i.id(),
          q ? "quantitative" : "qualitative",
          i.name(),
          i.unit(),
          q ? (i.increase() ? "increase" : "decrease") : null,
          q ? new DatedValueJson(i.baselineValue(), i.baselineDate()) : null,
          q ? new DatedValueJson(i.targetValue(), i.targetDate()) : null,
          new ScheduleJson(i.scheduleMonths(), i.scheduleStart(), i.scheduleEnd()),
          i.dueDates(),
          i.values().entrySet().stream()
              .map(e -> new PeriodValueJson(e.getKey(), e.getValue()))
              .toList(),
          i.milestones().stream()
              .map(
                  m ->
                      new MilestoneJson(
                          m.id(), m.position(), m.title(), m.dueDate(), m.achievedOn()))
              .toList(),
          i.updatedAt(),
          i.version());
    }
  }

  /** A person as an update names its author. */
  record AuthorJson(UUID id, String name) {}

  /**
   * An evidence file of an update.
   *
   * @param href where the State's officials download it
   */
  record EvidenceJson(UUID id, String name, String type, long size, String href) {}

  /**
   * A progress update with where its review stands.
   *
   * @param subject {@code action:} or {@code indicator:} and the id, as a request names it
   */
  record UpdateJson(
      UUID id,
      UUID assignmentId,
      String subject,
      String subjectTitle,
      String review,
      String status,
      String narrative,
      BigDecimal measuredValue,
      LocalDate periodEnd,
      UUID milestone,
      String reviewComment,
      AuthorJson author,
      Instant submittedAt,
      Instant reviewedAt,
      Instant publishedAt,
      List<EvidenceJson> evidence,
      Instant updatedAt,
      long version) {

    static UpdateJson of(ProgressUpdates.Update u) {
      return new UpdateJson(
          u.id(),
          u.assignmentId(),
          u.actionId() != null ? "action:" + u.actionId() : "indicator:" + u.indicatorId(),
          u.subjectTitle(),
          u.review().apiName(),
          u.status().apiName(),
          u.narrative(),
          u.measuredValue(),
          u.periodEnd(),
          u.milestoneId(),
          u.reviewComment(),
          new AuthorJson(u.authorId(), u.authorName()),
          u.submittedAt(),
          u.reviewedAt(),
          u.publishedAt(),
          u.evidence().stream().map(f -> evidence(u, f)).toList(),
          u.updatedAt(),
          u.version());
    }

    private static EvidenceJson evidence(ProgressUpdates.Update u, StoredFiles.StoredFile f) {
      return new EvidenceJson(
          f.id(),
          f.fileName(),
          f.mediaType(),
          f.size(),
          "/workspace/" + u.stateIso3() + "/updates/" + u.id() + "/evidence/" + f.id());
    }
  }

  /** What a stale edit answers as {@code current}: the item as it now is, or null. */
  static Object current(Object item) {
    if (item instanceof Actions.Action a) {
      return ActionJson.of(a);
    }
    if (item instanceof ProgressUpdates.Update u) {
      return UpdateJson.of(u);
    }
    return null;
  }
}
