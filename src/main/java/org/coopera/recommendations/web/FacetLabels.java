package org.coopera.recommendations.web;

import java.util.Locale;
import org.coopera.recommendations.internal.Facet;
import org.coopera.reference.ReferenceNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person reads for a facet value: a State's or mechanism's name for its code, a region's
 * name in the reader's language, a theme's, SDG's or group's name, a response in words.
 */
@Component
public class FacetLabels {

  private final ReferenceNames names;
  private final MessageSource messages;

  FacetLabels(ReferenceNames names, MessageSource messages) {
    this.names = names;
    this.messages = messages;
  }

  public String label(Facet facet, String value, Locale locale) {
    return switch (facet) {
      case STATE, RECOMMENDING_STATE -> names.state(value);
      case REGION -> messages.getMessage("region." + value, null, value, locale);
      case MECHANISM -> names.mechanism(value);
      case THEME -> themeName(value).equals(value) ? value : value + " " + themeName(value);
      case SDG_GOAL ->
          messages.getMessage(
              "recommendations.sdg-goal",
              new Object[] {
                value, value.matches("\\d{1,2}") ? names.sdg(Integer.parseInt(value)) : ""
              },
              locale);
      case SDG_TARGET ->
          messages.getMessage("recommendations.sdg-target", new Object[] {value}, locale);
      case AFFECTED_GROUP -> names.group(value);
      case RESPONSE ->
          messages.getMessage("recommendations.response." + value, null, value, locale);
      case ACTION_CATEGORY ->
          messages.getMessage("recommendations.action." + value, null, value, locale);
      case CYCLE -> messages.getMessage("recommendations.cycle", new Object[] {value}, locale);
      case SESSION -> messages.getMessage("recommendations.session", new Object[] {value}, locale);
      case YEAR -> value;
    };
  }

  public String stateName(String iso3) {
    return names.state(iso3);
  }

  /** The names of these States, in the order given, separated by commas. */
  public String stateNames(java.util.Collection<String> iso3s) {
    return String.join(", ", iso3s.stream().map(this::stateName).toList());
  }

  public String mechanismName(String code) {
    return names.mechanism(code);
  }

  public String themeName(String code) {
    return names.theme(code);
  }

  public String groupName(String code) {
    return names.group(code);
  }
}
