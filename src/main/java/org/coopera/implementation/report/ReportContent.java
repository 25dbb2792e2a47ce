package org.coopera.implementation.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.coopera.implementation.ImplementationStatus;

/**
 * Everything the draft of a State's implementation report holds, gathered from the workspace before
 * it is written out as DOCX or PDF: the review it answers, and for every recommendation or cluster
 * of that review its response, the institutions in charge, the actions, the indicator values and
 * the status. Texts that come from the data (recommendation texts, names, narratives) are as the
 * State entered them; labels (statuses, responses, headings) are for the writers to translate into
 * {@link #language}.
 *
 * @param kind a UPR mid-term report or a treaty body's follow-up
 * @param reviewTitle the review as the report names it (UPR third cycle, a committee's name)
 * @param language the language the report is written in, one the application has
 */
public record ReportContent(
    String stateIso3,
    String stateName,
    Kind kind,
    String reviewTitle,
    Locale language,
    LocalDate preparedOn,
    List<Entry> entries) {

  /** Which report it is. */
  public enum Kind {
    UPR_MID_TERM,
    TREATY_FOLLOW_UP
  }

  /**
   * A recommendation, or a cluster of them treated together.
   *
   * @param reference the recommendation's code, or the cluster's label
   * @param recommendations the codes and texts of the recommendations it covers (one unless a
   *     cluster)
   * @param responseKey the message key of the State's response ({@code
   *     recommendations.response.supported})
   * @param themes names of its themes, already in the report's language where the application has
   *     them
   * @param status rolled up from its actions
   */
  public record Entry(
      String reference,
      List<Recommendation> recommendations,
      String responseKey,
      List<String> themes,
      String leadInstitution,
      List<String> supportingInstitutions,
      LocalDate targetDate,
      ImplementationStatus status,
      List<Action> actions,
      List<Indicator> indicators) {}

  /** One recommendation's code and text. */
  public record Recommendation(String code, String text) {}

  /**
   * A measure and where it stands.
   *
   * @param progress the narratives of its approved progress updates, oldest first
   */
  public record Action(
      String title,
      String institution,
      LocalDate dueDate,
      BigDecimal estimatedCost,
      String currency,
      ImplementationStatus status,
      List<String> progress) {}

  /**
   * An indicator with its values. A qualitative one has no unit, baseline or target values, only
   * milestones.
   *
   * @param increase whether a higher value is better
   */
  public record Indicator(
      String name,
      boolean quantitative,
      String unit,
      boolean increase,
      BigDecimal baseline,
      LocalDate baselineDate,
      BigDecimal target,
      LocalDate targetDate,
      List<Value> values,
      List<Milestone> milestones) {}

  /** A value reported for the period ending on {@code period}. */
  public record Value(LocalDate period, BigDecimal value) {}

  /** A milestone of a qualitative indicator; {@code achievedOn} is null until it is reached. */
  public record Milestone(String title, LocalDate dueDate, LocalDate achievedOn) {}
}
