package org.coopera.assistance.requests;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coopera.assistance.requests.Offers.Offer;
import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;
import org.coopera.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests published offers for a request, ranked by what they share with it: each area (3 points),
 * form (2), language (1), the requesting State's region (2) and each theme of the linked
 * recommendations (1), with the reasons. Only the requesting State's officials see them.
 */
@Service
@Transactional(readOnly = true)
public class Matching {

  static final int AREA = 3;
  static final int FORM = 2;
  static final int LANGUAGE = 1;
  static final int REGION = 2;
  static final int THEME = 1;

  private final AssistanceRequests requests;
  private final Offers offers;
  private final ReferenceData reference;

  Matching(AssistanceRequests requests, Offers offers, ReferenceData reference) {
    this.requests = requests;
    this.offers = offers;
    this.reference = reference;
  }

  /**
   * Why an offer matches: {@code area}, {@code form}, {@code language}, {@code region}, {@code
   * theme}.
   */
  public record Reason(String kind, String code) {}

  /** A suggested offer, its score and reasons, and whether its provider is already addressed. */
  public record Suggestion(Offer offer, int score, List<Reason> reasons, boolean addressed) {}

  public List<Suggestion> suggestions(UUID requestId, CooperaUser user) {
    AssistanceRequest request = requests.find(requestId, user);
    if (!request.isOfficial(user)) {
      throw new AccessDeniedException("Only the requesting State sees the suggestions");
    }
    Set<String> regions = new LinkedHashSet<>();
    reference
        .findState(request.stateIso3())
        .ifPresent(
            s -> {
              regions.add(s.regionCode());
              regions.add(s.subRegionCode());
              if (s.intermediateRegionCode() != null) {
                regions.add(s.intermediateRegionCode());
              }
            });
    Set<String> themes = new LinkedHashSet<>();
    request.recommendations().forEach(r -> themes.addAll(r.themes()));
    request
        .clusters()
        .forEach(c -> c.members().stream().map(RecommendationRef::themes).forEach(themes::addAll));
    Set<String> addressed = new LinkedHashSet<>();
    request.providers().forEach(p -> addressed.add(p.key()));
    List<Suggestion> found = new ArrayList<>();
    for (Offer offer : offers.published()) {
      if (request.stateIso3().equals(offer.providerState())) {
        continue;
      }
      List<Reason> reasons = new ArrayList<>();
      int score = 0;
      score += shared(request.areas(), offer.areas(), "area", AREA, reasons);
      score += shared(request.forms(), offer.forms(), "form", FORM, reasons);
      score += shared(request.languages(), offer.languages(), "language", LANGUAGE, reasons);
      score += shared(List.copyOf(regions), offer.regions(), "region", REGION, reasons);
      score += shared(List.copyOf(themes), offer.themes(), "theme", THEME, reasons);
      if (score > 0) {
        found.add(new Suggestion(offer, score, reasons, addressed.contains(offer.providerKey())));
      }
    }
    found.sort(
        Comparator.comparingInt(Suggestion::score)
            .reversed()
            .thenComparing(s -> s.offer().title()));
    return found;
  }

  private static int shared(
      List<String> wanted, List<String> offered, String kind, int weight, List<Reason> reasons) {
    int score = 0;
    for (String code : wanted) {
      if (offered.contains(code)) {
        reasons.add(new Reason(kind, code));
        score += weight;
      }
    }
    return score;
  }
}
