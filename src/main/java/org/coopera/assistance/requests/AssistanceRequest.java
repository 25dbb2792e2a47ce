package org.coopera.assistance.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.recommendations.RecommendationLookup.ClusterRef;
import org.coopera.recommendations.RecommendationLookup.RecommendationRef;

/**
 * A State's request for assistance as its pages and the API show it, with the rules of who may do
 * what to it: the State's officials draft and edit, only its coordinator submits (the State's
 * request and consent) and withdraws, and only an addressed provider answers.
 */
public record AssistanceRequest(
    UUID id,
    String stateIso3,
    String stateName,
    String title,
    String summary,
    List<String> areas,
    List<String> forms,
    List<String> languages,
    boolean confidential,
    Status status,
    List<String> priorities,
    List<RecommendationRef> recommendations,
    List<ClusterRef> clusters,
    List<Provider> providers,
    Instant submittedAt,
    Instant withdrawnAt,
    String withdrawalReason,
    Instant updatedAt,
    long version) {

  /** Where a request stands. */
  public enum Status {
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    CLOSED;

    /** Whether the State may still change the request. */
    public boolean editable() {
      return this == DRAFT || this == SUBMITTED;
    }
  }

  /** A provider the request addresses (an organisation or a State), and its answer. */
  public record Provider(
      UUID id,
      String organisationCode,
      String providerState,
      String name,
      String answer,
      String answerNote,
      Instant answeredAt,
      long version) {

    /** {@code org:OHCHR} or {@code state:FRA}, as forms and the API name a provider. */
    public String key() {
      return organisationCode != null ? "org:" + organisationCode : "state:" + providerState;
    }

    /** Whether this person answers for this provider. */
    public boolean answeredBy(CooperaUser user) {
      return organisationCode != null
          ? user.hasRoleForOrganisation(Role.AGENCY_OFFICER, organisationCode)
          : user.hasRoleForState(Role.STATE_COORDINATOR, providerState);
    }
  }

  /** Whether this person is one of the requesting State's officials. */
  public static boolean official(CooperaUser user, String stateIso3) {
    return user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3)
        || user.hasRoleForState(Role.STATE_FOCAL_POINT, stateIso3);
  }

  public boolean isOfficial(CooperaUser user) {
    return official(user, stateIso3);
  }

  public boolean isCoordinator(CooperaUser user) {
    return user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3);
  }

  /** Whether this person answers for a provider the submitted request addresses. */
  /** The version of the first provider row this person answers for, or null if none. */
  public Long answerVersion(CooperaUser user) {
    return providers.stream()
        .filter(p -> p.answeredBy(user))
        .map(Provider::version)
        .findFirst()
        .orElse(null);
  }

  public boolean isAddressedProvider(CooperaUser user) {
    return status != Status.DRAFT && providers.stream().anyMatch(p -> p.answeredBy(user));
  }

  /**
   * The State's officials see their requests; a provider sees a submitted request addressed to it;
   * nobody else sees a request here (the public sees the non-confidential ones in aggregate).
   */
  public boolean visibleTo(CooperaUser user) {
    return isOfficial(user) || isAddressedProvider(user);
  }

  public boolean accepted() {
    return providers.stream().anyMatch(p -> p.answer().equals("ACCEPTED"));
  }

  /** The edit of a request that no longer accepts one is refused. */
  void requireEditable() {
    if (!status.editable()) {
      throw new RequestConflict("assistance.error.closed", status);
    }
  }

  /** Submission: from a draft only. */
  void requireSubmittable() {
    if (status != Status.DRAFT) {
      throw new RequestConflict("assistance.error.not-draft", status);
    }
  }

  /** Withdrawal of consent: of a submitted request (a draft never gave it). */
  void requireWithdrawable() {
    if (status != Status.SUBMITTED) {
      throw new RequestConflict("assistance.error.not-submitted", status);
    }
  }

  /** An answer: to a submitted request only. */
  void requireAnswerable() {
    if (status != Status.SUBMITTED) {
      throw new RequestConflict("assistance.error.not-submitted", status);
    }
  }
}
