package org.coopera.recommendations.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.TagKind;

/**
 * A recommendation checked and resolved, ready to be created: every code exists in the reference
 * data, the text is not empty, the response is known. {@code contentKey} identifies the same
 * recommendation across imports (see {@link ContentKeys}).
 */
public record RecommendationDraft(
    String contentKey,
    String mechanismCode,
    Integer uprSession,
    Integer uprCycle,
    String documentSymbol,
    String paragraph,
    LocalDate issuedOn,
    int year,
    String stateIso3,
    String language,
    String text,
    List<String> recommendingStates,
    Response response,
    String responseComment,
    String responseSource,
    Integer actionCategory,
    List<DraftTag> tags,
    UUID importId,
    boolean demo) {

  public RecommendationDraft {
    recommendingStates = List.copyOf(recommendingStates);
    tags = List.copyOf(tags);
  }

  /** A tag the source gives. */
  public record DraftTag(TagKind kind, String code) {}

  public RecommendationDraft withImport(UUID importId, boolean demo) {
    return new RecommendationDraft(
        contentKey,
        mechanismCode,
        uprSession,
        uprCycle,
        documentSymbol,
        paragraph,
        issuedOn,
        year,
        stateIso3,
        language,
        text,
        recommendingStates,
        response,
        responseComment,
        responseSource,
        actionCategory,
        tags,
        importId,
        demo);
  }
}
