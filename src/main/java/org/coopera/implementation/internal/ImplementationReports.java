package org.coopera.implementation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.report.ReportContent;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.coopera.recommendations.RecommendationLookup.ReviewRef;
import org.coopera.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers the draft of a State's implementation report for one review: every recommendation of the
 * review (those of an assigned cluster together, as the cluster), with its response, the
 * institutions in charge, the actions and their approved progress, the indicators with their
 * approved values, and the status rolled up from the actions. Only approved (and published) updates
 * count: drafts and updates under review stay out of a report.
 */
@Service
@Transactional(readOnly = true)
public class ImplementationReports {

  private final Assignments assignments;
  private final Actions actions;
  private final Indicators indicators;
  private final ProgressUpdates updates;
  private final RecommendationLookup registry;
  private final ReferenceData reference;
  private final MessageSource messages;
  private final Clock clock;

  ImplementationReports(
      Assignments assignments,
      Actions actions,
      Indicators indicators,
      ProgressUpdates updates,
      RecommendationLookup registry,
      ReferenceData reference,
      MessageSource messages,
      Clock clock) {
    this.assignments = assignments;
    this.actions = actions;
    this.indicators = indicators;
    this.updates = updates;
    this.registry = registry;
    this.reference = reference;
    this.messages = messages;
    this.clock = clock;
  }

  /** A review a report can be drafted for, as the form offers it. */
  public record ReviewChoice(
      String value, String mechanismCode, Integer uprCycle, String title, int recommendations) {}

  public List<ReviewChoice> reviews(String stateIso3, CooperaUser user, Locale language) {
    String iso3 = stateIso3.toUpperCase(Locale.ROOT);
    Workspace.requireSee(user, iso3);
    reference.findState(iso3).orElseThrow(() -> new Institutions.WorkspaceNotFound(iso3));
    List<ReviewChoice> choices = new ArrayList<>();
    for (ReviewRef r : registry.reviewsOf(iso3)) {
      String value = r.uprCycle() != null ? "UPR-" + r.uprCycle() : r.mechanismCode();
      choices.add(
          new ReviewChoice(
              value,
              r.mechanismCode(),
              r.uprCycle(),
              title(r.mechanismCode(), r.uprCycle(), language),
              r.recommendations()));
    }
    return choices;
  }

  /** The content of the report for the review chosen ({@code UPR-3}, or a mechanism's code). */
  public ReportContent content(String stateIso3, String review, Locale language, CooperaUser user) {
    String iso3 = stateIso3.toUpperCase(Locale.ROOT);
    Workspace.requireSee(user, iso3);
    ReviewChoice chosen =
        reviews(iso3, user, language).stream()
            .filter(r -> r.value().equals(review))
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("report.error.review", "review"));
    List<RecommendationRef> recommendations =
        registry.ofReview(iso3, chosen.mechanismCode(), chosen.uprCycle());
    Map<String, String> themeNames = new HashMap<>();
    reference
        .themes()
        .forEach(
            t ->
                themeNames.put(
                    t.code(),
                    messages.getMessage("name.theme." + t.code(), null, t.name(), language)));

    List<Assignments.Assignment> all = assignments.allOf(iso3);
    Map<UUID, Assignments.Assignment> byRecommendation = new HashMap<>();
    Map<UUID, Assignments.Assignment> byCluster = new HashMap<>();
    for (Assignments.Assignment a : all) {
      if (a.recommendationId() != null) {
        byRecommendation.put(a.recommendationId(), a);
      } else if (a.clusterId() != null) {
        byCluster.put(a.clusterId(), a);
      }
    }
    List<ReportContent.Entry> entries = new ArrayList<>();
    Set<UUID> clustersDone = new HashSet<>();
    for (RecommendationRef r : recommendations) {
      Assignments.Assignment assignment = byRecommendation.get(r.id());
      if (assignment == null && r.clusterId() != null && byCluster.containsKey(r.clusterId())) {
        if (!clustersDone.add(r.clusterId())) {
          continue;
        }
        assignment = byCluster.get(r.clusterId());
      }
      entries.add(entry(r, assignment, themeNames));
    }
    return new ReportContent(
        iso3,
        reference.findState(iso3).orElseThrow().name(),
        chosen.uprCycle() != null
            ? ReportContent.Kind.UPR_MID_TERM
            : ReportContent.Kind.TREATY_FOLLOW_UP,
        chosen.title(),
        language,
        LocalDate.now(clock),
        entries);
  }

  private ReportContent.Entry entry(
      RecommendationRef single, Assignments.Assignment assignment, Map<String, String> themeNames) {
    List<RecommendationRef> covered =
        assignment != null && assignment.isCluster() && !assignment.recommendations().isEmpty()
            ? assignment.recommendations()
            : List.of(single);
    List<String> themes =
        covered.stream()
            .flatMap(r -> r.themes().stream())
            .distinct()
            .map(code -> themeNames.getOrDefault(code, code))
            .toList();
    List<ReportContent.Recommendation> texts =
        covered.stream().map(r -> new ReportContent.Recommendation(r.code(), r.text())).toList();
    String responseKey = "recommendations.response." + single.response().apiName();
    if (assignment == null) {
      return new ReportContent.Entry(
          single.code(),
          texts,
          responseKey,
          themes,
          null,
          List.of(),
          null,
          ImplementationStatus.NOT_STARTED,
          List.of(),
          List.of());
    }
    List<ProgressUpdates.Update> approved =
        updates.of(assignment.id()).stream().filter(u -> u.review().counts()).toList();
    List<Actions.Action> actionList = actions.of(assignment.id());
    List<ReportContent.Action> reportActions = new ArrayList<>();
    for (Actions.Action a : actionList) {
      List<String> progress =
          approved.stream()
              .filter(u -> a.id().equals(u.actionId()))
              .sorted(java.util.Comparator.comparing(ProgressUpdates.Update::reviewedAt))
              .map(ProgressUpdates.Update::narrative)
              .toList();
      reportActions.add(
          new ReportContent.Action(
              a.title(),
              a.institutionName(),
              a.dueDate(),
              a.estimatedCost(),
              a.currency(),
              a.status(),
              progress));
    }
    List<ReportContent.Indicator> reportIndicators = new ArrayList<>();
    for (Indicators.Indicator i : indicators.of(assignment.id())) {
      reportIndicators.add(
          new ReportContent.Indicator(
              i.name(),
              i.quantitative(),
              i.unit(),
              i.increase(),
              i.baselineValue(),
              i.baselineDate(),
              i.targetValue(),
              i.targetDate(),
              i.values().entrySet().stream()
                  .map(e -> new ReportContent.Value(e.getKey(), e.getValue()))
                  .toList(),
              i.milestones().stream()
                  .map(m -> new ReportContent.Milestone(m.title(), m.dueDate(), m.achievedOn()))
                  .toList()));
    }
    return new ReportContent.Entry(
        assignment.isCluster() ? assignment.subjectLabel() : single.code(),
        texts,
        responseKey,
        themes,
        assignment.lead().name(),
        assignment.supporting().stream().map(Assignments.InstitutionRef::name).toList(),
        assignment.targetDate(),
        ImplementationStatus.rollUp(actionList.stream().map(Actions.Action::status).toList()),
        reportActions,
        reportIndicators);
  }

  private String title(String mechanism, Integer cycle, Locale language) {
    if (cycle != null) {
      return messages.getMessage("report.review.upr", new Object[] {cycle}, language);
    }
    return reference.mechanisms(null).stream()
        .filter(m -> m.code().equals(mechanism))
        .map(m -> messages.getMessage("name.mechanism." + m.code(), null, m.name(), language))
        .findFirst()
        .orElse(mechanism);
  }
}
