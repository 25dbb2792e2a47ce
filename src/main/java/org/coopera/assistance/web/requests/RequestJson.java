package org.coopera.assistance.web.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest;

/** A request as the API answers it. */
record RequestJson(
    UUID id,
    String state,
    String title,
    String summary,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    boolean confidential,
    String status,
    List<String> priorities,
    List<String> recommendations,
    List<UUID> clusters,
    List<ProviderJson> providers,
    Instant submittedAt,
    Instant withdrawnAt,
    String withdrawalReason,
    Instant updatedAt,
    long version) {

  record ProviderJson(String provider, String name, String answer, String note, long version) {}

  static RequestJson of(AssistanceRequest r) {
    return new RequestJson(
        r.id(),
        r.stateIso3(),
        r.title(),
        r.summary(),
        r.areas(),
        r.forms(),
        r.languages(),
        r.confidential(),
        r.status().name(),
        r.priorities(),
        r.recommendations().stream().map(x -> x.code()).toList(),
        r.clusters().stream().map(c -> c.id()).toList(),
        r.providers().stream()
            .map(p -> new ProviderJson(p.key(), p.name(), p.answer(), p.answerNote(), p.version()))
            .toList(),
        r.submittedAt(),
        r.withdrawnAt(),
        r.withdrawalReason(),
        r.updatedAt(),
        r.version());
  }
}
