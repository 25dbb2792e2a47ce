package org.coopera.assistance.web.requests;

import java.util.List;
import java.util.UUID;
import org.coopera.assistance.projects.Assessments;
import org.coopera.assistance.web.projects.FormValues;

/** The needs assessment form, as typed: the recommendations concerned are the request's. */
public record AssessmentForm(
    String findings,
    String gaps,
    String baseline,
    String assessedFrom,
    String assessedTo,
    List<UUID> recommendations) {

  /** Whether the recommendation was ticked. */
  public boolean concerns(UUID recommendation) {
    return recommendations != null && recommendations.contains(recommendation);
  }

  Assessments.Draft draft() {
    return new Assessments.Draft(
        findings,
        gaps,
        baseline,
        FormValues.date(assessedFrom, "assessedFrom"),
        FormValues.date(assessedTo, "assessedTo"),
        recommendations);
  }
}
