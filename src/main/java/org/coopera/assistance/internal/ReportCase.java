package org.coopera.assistance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One case of technical assistance from paras 80-88 of the Advisory Committee's report, as the demo
 * shows it: the State's request, the needs assessment it agreed (or its waiver) and the project
 * that answered it. Read from {@code demo/assistance/report-cases.json}.
 *
 * @param waiver the State's reason for waiving the assessment, when there is no assessment
 */
record ReportCase(
    String state, Request request, Assessment assessment, String waiver, Project project) {

  /** The file's top level: a note on what the data is, and the cases. */
  record File(String note, List<ReportCase> cases) {}

  /**
   * @param providers the organisations addressed, all of which accept
   */
  record Request(
      String title,
      String summary,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> priorities,
      List<String> providers,
      LocalDate drafted,
      LocalDate submitted) {}

  record Assessment(String findings, String gaps, String baseline, LocalDate from, LocalDate to) {}

  /**
   * @param status {@code ACTIVE} or {@code COMPLETED}: a completed project is completed once its
   *     activities are recorded
   */
  record Project(
      String title,
      String description,
      String status,
      LocalDate start,
      LocalDate end,
      BigDecimal budget,
      List<Partner> partners,
      List<Activity> activities,
      Result outcome,
      Result output,
      Evaluation evaluation) {}

  record Partner(String organisation, int role) {}

  record Activity(
      String kind, String title, LocalDate start, LocalDate end, String place, int participants) {}

  record Result(String title, Indicator indicator) {}

  record Indicator(
      String title,
      String unit,
      boolean ascending,
      BigDecimal baseline,
      LocalDate baselineDate,
      BigDecimal target,
      LocalDate targetDate,
      List<Value> values) {}

  record Value(LocalDate start, LocalDate end, BigDecimal actual) {}

  record Evaluation(
      String whatChanged, String evidence, LocalDate activitiesEnded, LocalDate changeMeasured) {}
}
