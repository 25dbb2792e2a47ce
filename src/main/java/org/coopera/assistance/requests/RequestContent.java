package org.coopera.assistance.requests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.recommendations.RecommendationLookup.ClusterRef;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks what a State typed into a request (its own recommendations and accepted clusters only,
 * providers that exist) and writes the parts kept in their own tables.
 */
@Component
class RequestContent {

  private static final int MAX_PRIORITIES = 20;

  private final JdbcClient jdbc;
  private final RecommendationLookup recommendations;
  private final ReferenceData reference;

  RequestContent(JdbcClient jdbc, RecommendationLookup recommendations, ReferenceData reference) {
    this.jdbc = jdbc;
    this.recommendations = recommendations;
    this.reference = reference;
  }

  record ProviderKey(String organisationCode, String providerState) {
    String key() {
      return organisationCode != null ? "org:" + organisationCode : "state:" + providerState;
    }
  }

  record Checked(
      String title,
      String summary,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> priorities,
      Set<UUID> recommendations,
      Set<UUID> clusters,
      List<ProviderKey> providers,
      boolean confidential) {}

  Checked check(String iso3, RequestDraft draft) {
    String title = Vocabulary.clean(draft.title());
    if (title == null) {
      throw new InvalidInputException("assistance.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("assistance.error.title-length", "title", 300);
    }
    List<String> priorities = new ArrayList<>();
    for (String p : RequestDraft.orEmpty(draft.priorities())) {
      String text = Vocabulary.clean(p);
      if (text == null) {
        continue;
      }
      if (text.length() > 500) {
        throw new InvalidInputException("assistance.error.priority-length", "priorities", 500);
      }
      priorities.add(text);
    }
    if (priorities.size() > MAX_PRIORITIES) {
      throw new InvalidInputException("assistance.error.priorities", "priorities", MAX_PRIORITIES);
    }
    List<String> providerValues = RequestDraft.orEmpty(draft.providers());
    List<ProviderKey> providers = new ArrayList<>();
    for (String value : providerValues) {
      if (value != null && !value.isBlank()) {
        ProviderKey key = provider(iso3, value);
        if (!providers.contains(key)) {
          providers.add(key);
        }
      }
    }
    return new Checked(
        title,
        Vocabulary.clean(draft.summary()),
        Vocabulary.codes(draft.areas(), Vocabulary.AREAS, "areas"),
        Vocabulary.codes(draft.forms(), Vocabulary.FORMS, "forms"),
        Vocabulary.languages(draft.languages()),
        priorities,
        recommendations(iso3, RequestDraft.orEmpty(draft.recommendations())),
        clusters(iso3, RequestDraft.orEmpty(draft.clusters())),
        providers,
        Boolean.TRUE.equals(draft.confidential()));
  }

  /** {@code org:CODE} or {@code state:ISO3}: an organisation or another State. */
  ProviderKey provider(String requestingState, String value) {
    String v = value == null ? "" : value.strip();
    if (v.startsWith("org:")) {
      String code = v.substring(4).strip();
      return reference
          .findOrganisation(code)
          .map(o -> new ProviderKey(o.code(), null))
          .orElseThrow(
              () -> new InvalidInputException("assistance.error.provider", "providers", v));
    }
    if (v.startsWith("state:")) {
      String code = v.substring(6).strip().toUpperCase(Locale.ROOT);
      if (code.equals(requestingState)) {
        throw new InvalidInputException("assistance.error.provider-self", "providers");
      }
      return reference
          .findState(code)
          .map(s -> new ProviderKey(null, s.iso3()))
          .orElseThrow(
              () -> new InvalidInputException("assistance.error.provider", "providers", v));
    }
    throw new InvalidInputException("assistance.error.provider", "providers", v);
  }

  private Set<UUID> recommendations(String iso3, List<String> values) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (String value : values) {
      String v = Vocabulary.clean(value);
      if (v == null) {
        continue;
      }
      Optional<RecommendationRef> found =
          uuid(v)
              .map(id -> recommendations.recommendations(List.of(id)).get(id))
              .or(() -> recommendations.recommendation(v));
      if (found.isEmpty() || !found.get().stateIso3().equals(iso3)) {
        throw new InvalidInputException("assistance.error.recommendation", "recommendations", v);
      }
      ids.add(found.get().id());
    }
    return ids;
  }

  private Set<UUID> clusters(String iso3, List<String> values) {
    Set<UUID> ids = new LinkedHashSet<>();
    for (String value : values) {
      String v = Vocabulary.clean(value);
      if (v == null) {
        continue;
      }
      Optional<ClusterRef> found = uuid(v).flatMap(recommendations::cluster);
      if (found.isEmpty() || !found.get().stateIso3().equals(iso3) || !found.get().accepted()) {
        throw new InvalidInputException("assistance.error.cluster", "clusters", v);
      }
      ids.add(found.get().id());
    }
    return ids;
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the priorities, recommendations and clusters; adds the providers newly named and
   * removes those no longer named that have not answered (an answer is history, kept).
   */
  void write(UUID id, Checked checked) {
    jdbc.sql("delete from assistance_request_priority where request_id = ?").param(id).update();
    for (int i = 0; i < checked.priorities().size(); i++) {
      jdbc.sql("insert into assistance_request_priority (request_id, rank, text) values (?, ?, ?)")
          .params(id, i + 1, checked.priorities().get(i))
          .update();
    }
    jdbc.sql("delete from assistance_request_recommendation where request_id = ?")
        .param(id)
        .update();
    for (UUID r : checked.recommendations()) {
      jdbc.sql(
              "insert into assistance_request_recommendation (request_id, recommendation_id)"
                  + " values (?, ?)")
          .params(id, r)
          .update();
    }
    jdbc.sql("delete from assistance_request_cluster where request_id = ?").param(id).update();
    for (UUID c : checked.clusters()) {
      jdbc.sql("insert into assistance_request_cluster (request_id, cluster_id) values (?, ?)")
          .params(id, c)
          .update();
    }
    List<String> keep = checked.providers().stream().map(ProviderKey::key).toList();
    jdbc.sql(
            """
            delete from assistance_request_provider where request_id = ? and answer = 'PENDING'
            and not (coalesce('org:' || organisation_code, 'state:' || provider_state) = any(?))
            """)
        .params(id, keep.toArray(String[]::new))
        .update();
    for (ProviderKey p : checked.providers()) {
      addProvider(id, p);
    }
  }

  void addProvider(UUID id, ProviderKey p) {
    jdbc.sql(
            """
            insert into assistance_request_provider (id, request_id, organisation_code, provider_state)
            values (?, ?, ?, ?) on conflict do nothing
            """)
        .params(UUID.randomUUID(), id, p.organisationCode(), p.providerState())
        .update();
  }
}
