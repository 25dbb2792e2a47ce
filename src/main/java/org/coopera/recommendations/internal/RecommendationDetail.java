package org.coopera.recommendations.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.recommendations.Response;

/** Everything about one recommendation, read in one go for its page. */
public record RecommendationDetail(
    String code,
    long version,
    String stateIso3,
    String mechanism,
    Integer session,
    Integer cycle,
    int year,
    LocalDate date,
    String documentSymbol,
    String paragraph,
    String originalLanguage,
    Map<String, String> texts,
    Response response,
    String responseComment,
    String responseSource,
    Integer actionCategory,
    List<String> recommendingStates,
    List<Tag> tags,
    UUID clusterId,
    int clusterSize,
    boolean demo) {

  static RecommendationDetail of(Recommendation r, int clusterSize) {
    return new RecommendationDetail(
        r.code(),
        r.version(),
        r.stateIso3(),
        r.mechanismCode(),
        r.uprSession(),
        r.uprCycle(),
        r.year(),
        r.issuedOn(),
        r.documentSymbol(),
        r.paragraph(),
        r.originalLanguage(),
        new java.util.TreeMap<>(r.texts()),
        r.response(),
        r.responseComment(),
        r.responseSource(),
        r.actionCategory(),
        r.recommendingStates().stream().sorted().toList(),
        r.tags(),
        r.clusterId(),
        clusterSize,
        r.demo());
  }

  /** The text for a reader of {@code language}: theirs when there is one, else the original. */
  public String textFor(String language) {
    return texts.getOrDefault(language, texts.get(originalLanguage));
  }

  public boolean hasVersionIn(String language) {
    return texts.containsKey(language);
  }

  public List<Tag> confirmed() {
    return tags.stream().filter(t -> t.status() == Tag.Status.CONFIRMED).toList();
  }

  public List<Tag> suggested() {
    return tags.stream()
        .filter(t -> t.status() == Tag.Status.SUGGESTED)
        .sorted(java.util.Comparator.comparing(Tag::confidence).reversed())
        .toList();
  }
}
