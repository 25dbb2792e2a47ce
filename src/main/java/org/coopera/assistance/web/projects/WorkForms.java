package org.coopera.assistance.web.projects;

import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.ProjectWork;

/** The forms of a project's page that record its work, as typed. */
public final class WorkForms {

  private WorkForms() {}

  public record ActivityForm(
      String kind,
      String title,
      String startDate,
      String endDate,
      String place,
      Boolean online,
      String participants,
      String notes) {

    ProjectWork.ActivityDraft draft() {
      return new ProjectWork.ActivityDraft(
          kind,
          title,
          FormValues.date(startDate, "startDate"),
          FormValues.date(endDate, "endDate"),
          place,
          online,
          FormValues.integer(participants, "participants", "projects.error.participants"),
          notes);
    }
  }

  public record IndicatorForm(
      String title,
      String unit,
      String baseline,
      String baselineDate,
      String target,
      String targetDate) {

    ProjectWork.IndicatorDraft draft() {
      return new ProjectWork.IndicatorDraft(
          title,
          unit,
          true,
          FormValues.number(baseline, "indicators.baseline", "projects.error.number"),
          FormValues.date(baselineDate, "indicators.baselineDate"),
          FormValues.number(target, "indicators.target", "projects.error.number"),
          FormValues.date(targetDate, "indicators.targetDate"));
    }
  }

  public record ResultForm(String level, String title, String description) {

    ProjectWork.ResultDraft draft() {
      return new ProjectWork.ResultDraft(level, title, description, null);
    }
  }

  public record ValueForm(String periodStart, String periodEnd, String actual, String measuredOn) {

    ProjectWork.Value value() {
      return new ProjectWork.Value(
          FormValues.date(periodStart, "periodStart"),
          FormValues.date(periodEnd, "periodEnd"),
          FormValues.number(actual, "actual", "projects.error.number"),
          FormValues.date(measuredOn, "measuredOn"));
    }
  }

  public record EvaluationForm(
      String whatChanged, String evidence, String activitiesEnded, String changeMeasured) {

    Evaluations.EvaluationDraft draft() {
      return new Evaluations.EvaluationDraft(
          whatChanged,
          evidence,
          FormValues.date(activitiesEnded, "activitiesEnded"),
          FormValues.date(changeMeasured, "changeMeasured"));
    }
  }
}
