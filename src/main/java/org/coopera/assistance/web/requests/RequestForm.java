package org.coopera.assistance.web.requests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.coopera.assistance.requests.AssistanceRequest;
import org.coopera.assistance.requests.RequestDraft;

/**
 * The request form: lists as checkboxes, and priorities, recommendation codes and provider States
 * one per line.
 */
public record RequestForm(
    String title,
    String summary,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    String priorities,
    String recommendations,
    List<String> clusters,
    List<String> organisations,
    String states,
    Boolean confidential) {

  static RequestForm empty() {
    return new RequestForm(
        null, null, List.of(), List.of(), List.of(), "", "", List.of(), List.of(), "", false);
  }

  static RequestForm of(AssistanceRequest r) {
    return new RequestForm(
        r.title(),
        r.summary(),
        r.areas(),
        r.forms(),
        r.languages(),
        String.join("\n", r.priorities()),
        String.join("\n", r.recommendations().stream().map(x -> x.code()).toList()),
        r.clusters().stream().map(c -> c.id().toString()).toList(),
        r.providers().stream()
            .filter(p -> p.organisationCode() != null)
            .map(p -> p.organisationCode())
            .toList(),
        String.join(
            "\n",
            r.providers().stream()
                .filter(p -> p.providerState() != null)
                .map(p -> p.providerState())
                .toList()),
        r.confidential());
  }

  RequestDraft draft() {
    List<String> providers = new ArrayList<>();
    orEmpty(organisations).forEach(o -> providers.add("org:" + o));
    lines(states).forEach(s -> providers.add("state:" + s));
    return new RequestDraft(
        title,
        summary,
        areas,
        forms,
        languages,
        lines(priorities),
        lines(recommendations),
        orEmpty(clusters),
        providers,
        confidential);
  }

  public boolean has(List<String> values, String code) {
    return values != null && values.contains(code);
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("[\\r\\n,]+"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
