package org.coopera.recommendations.internal;

import java.util.List;

/** The names of the fields of the recommendation index, shared by the mapping and the queries. */
public final class SearchFields {

  public static final String STATE = "state";
  public static final String REGION = "region";
  public static final String RECOMMENDING_STATE = "recommendingState";
  public static final String MECHANISM = "mechanism";
  public static final String CYCLE = "cycle";
  public static final String SESSION = "session";
  public static final String RESPONSE = "response";
  public static final String ACTION_CATEGORY = "actionCategory";
  public static final String THEME = "theme";
  public static final String SDG_GOAL = "sdgGoal";
  public static final String SDG_TARGET = "sdgTarget";
  public static final String AFFECTED_GROUP = "affectedGroup";
  public static final String YEAR = "year";
  public static final String LANGUAGE = "language";
  public static final String CLUSTER = "cluster";
  public static final String DATE = "sortDate";

  /** The six UN languages, each with a text field of its own analysed for that language. */
  public static final List<String> LANGUAGES = List.of("en", "fr", "es", "ru", "ar", "zh");

  /** Every text field, the six languages and the rest. */
  public static final List<String> TEXT_FIELDS =
      List.of("text_en", "text_fr", "text_es", "text_ru", "text_ar", "text_zh", "text_other");

  private SearchFields() {}

  public static String textField(String language) {
    return LANGUAGES.contains(language) ? "text_" + language : "text_other";
  }
}
