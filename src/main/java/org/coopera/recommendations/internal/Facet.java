package org.coopera.recommendations.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.coopera.platform.InvalidParameterException;
import org.coopera.recommendations.Response;

/**
 * The facets of a recommendation search: each is a filter parameter of the same name (several
 * values are alternatives; facets combine) and a count of the matching recommendations per value.
 * The values are those the API uses: ISO 3166 alpha-3 codes for States, M49 codes for regions,
 * {@code supported-in-part} for responses, numbers for cycles, sessions, years and action
 * categories, codes for themes, SDGs and groups.
 */
public enum Facet {
  STATE("state", SearchFields.STATE, Kind.ISO3, 300),
  REGION("region", SearchFields.REGION, Kind.CODE, 50),
  RECOMMENDING_STATE("recommendingState", SearchFields.RECOMMENDING_STATE, Kind.ISO3, 300),
  MECHANISM("mechanism", SearchFields.MECHANISM, Kind.CODE, 100),
  CYCLE("cycle", SearchFields.CYCLE, Kind.NUMBER, 20),
  SESSION("session", SearchFields.SESSION, Kind.NUMBER, 200),
  RESPONSE("response", SearchFields.RESPONSE, Kind.RESPONSE, 10),
  ACTION_CATEGORY("actionCategory", SearchFields.ACTION_CATEGORY, Kind.NUMBER, 10),
  THEME("theme", SearchFields.THEME, Kind.CODE, 200),
  SDG_GOAL("sdgGoal", SearchFields.SDG_GOAL, Kind.CODE, 20),
  SDG_TARGET("sdgTarget", SearchFields.SDG_TARGET, Kind.CODE, 200),
  AFFECTED_GROUP("affectedGroup", SearchFields.AFFECTED_GROUP, Kind.CODE, 100),
  YEAR("year", SearchFields.YEAR, Kind.NUMBER, 100);

  enum Kind {
    ISO3,
    CODE,
    NUMBER,
    RESPONSE
  }

  private static final Pattern ISO3 = Pattern.compile("[A-Za-z]{3}");
  private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

  private final String parameter;
  private final String field;
  private final Kind kind;
  private final int maxValues;

  Facet(String parameter, String field, Kind kind, int maxValues) {
    this.parameter = parameter;
    this.field = field;
    this.kind = kind;
    this.maxValues = maxValues;
  }

  /** The request parameter and the key in the API's {@code facets} object. */
  public String parameter() {
    return parameter;
  }

  String field() {
    return field;
  }

  boolean numeric() {
    return kind == Kind.NUMBER;
  }

  int maxValues() {
    return maxValues;
  }

  public static Optional<Facet> byParameter(String parameter) {
    return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
  }

  /**
   * The facets named by the request parameter {@code parameter} (repeated or comma-separated);
   * empty when it is not given. A name that is no facet's is refused with a message naming the
   * parameter.
   */
  public static Set<Facet> named(String parameter, List<String> entries) {
    Set<Facet> named = EnumSet.noneOf(Facet.class);
    for (String entry : entries) {
      for (String name : entry.split(",")) {
        if (!name.isBlank()) {
          named.add(
              byParameter(name.strip())
                  .orElseThrow(
                      () ->
                          new InvalidParameterException(
                              parameter, "recommendations.search.error.value", name)));
        }
      }
    }
    return named;
  }

  /**
   * The value as the index holds it, from the value of a request parameter; empty when the value
   * cannot be one of this facet's.
   */
  Optional<Object> indexValue(String value) {
    String v = value.strip();
    return switch (kind) {
      case ISO3 ->
          ISO3.matcher(v).matches() ? Optional.of(v.toUpperCase(Locale.ROOT)) : Optional.empty();
      case CODE -> CODE.matcher(v).matches() ? Optional.of(v) : Optional.empty();
      case NUMBER ->
          NUMBER.matcher(v).matches() ? Optional.of(Integer.valueOf(v)) : Optional.empty();
      case RESPONSE -> Response.fromApiName(v).map(Object.class::cast);
    };
  }

  /** The value of a facet count as the API says it. */
  String apiValue(Object indexValue) {
    if (indexValue instanceof Response response) {
      return response.apiName();
    }
    return String.valueOf(indexValue);
  }
}
