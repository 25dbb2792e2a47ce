package org.coopera.recommendations.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.coopera.recommendations.internal.Facet;
import org.coopera.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a person reads for a facet value: a State's or mechanism's name for its code, a region's
 * name in the reader's language, a theme's, SDG's or group's name, a response in words.
 */
@Component
public class FacetLabels {

  private final ReferenceData reference;
  private final MessageSource messages;
  private volatile Map<String, String> names;

  FacetLabels(ReferenceData reference, MessageSource messages) {
    this.reference = reference;
    this.messages = messages;
  }

  public String label(Facet facet, String value, Locale locale) {
    return switch (facet) {
      case STATE, RECOMMENDING_STATE -> name("state:" + value, value);
      case REGION -> messages.getMessage("region." + value, null, value, locale);
      case MECHANISM -> name("mechanism:" + value, value);
      case THEME -> value + " " + name("theme:" + value, "");
      case SDG_GOAL ->
          messages.getMessage(
              "recommendations.sdg-goal", new Object[] {value, name("sdg:" + value, "")}, locale);
      case SDG_TARGET ->
          messages.getMessage("recommendations.sdg-target", new Object[] {value}, locale);
      case AFFECTED_GROUP -> name("group:" + value, value);
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
    return name("state:" + iso3, iso3);
  }

  /** The names of these States, in the order given, separated by commas. */
  public String stateNames(java.util.Collection<String> iso3s) {
    return String.join(", ", iso3s.stream().map(this::stateName).toList());
  }

  public String mechanismName(String code) {
    return name("mechanism:" + code, code);
  }

  public String themeName(String code) {
    return name("theme:" + code, code);
  }

  public String groupName(String code) {
    return name("group:" + code, code);
  }

  private String name(String key, String fallback) {
    Map<String, String> all = names;
    if (all == null) {
      all = new HashMap<>();
      for (ReferenceData.State s : reference.allStates()) {
        all.put("state:" + s.iso3(), s.name());
      }
      for (ReferenceData.Mechanism m : reference.mechanisms(null)) {
        all.put("mechanism:" + m.code(), m.name());
      }
      for (ReferenceData.Theme t : reference.themes()) {
        all.put("theme:" + t.code(), t.name());
      }
      for (ReferenceData.SdgGoal g : reference.sdgGoals()) {
        all.put("sdg:" + g.number(), g.shortTitle());
      }
      for (ReferenceData.AffectedGroup g : reference.affectedGroups()) {
        all.put("group:" + g.code(), g.name());
      }
      names = all;
    }
    return all.getOrDefault(key, fallback);
  }
}
