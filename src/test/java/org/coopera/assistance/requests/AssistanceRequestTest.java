package org.coopera.assistance.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.coopera.assistance.requests.AssistanceRequest.Provider;
import org.coopera.assistance.requests.AssistanceRequest.Status;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.junit.jupiter.api.Test;

/** The rules a request carries: who sees it and acts on it, and which moves its status allows. */
class AssistanceRequestTest {

  static final CooperaUser COORDINATOR = user(Grant.forState(Role.STATE_COORDINATOR, "SVN"));
  static final CooperaUser FOCAL_POINT = user(Grant.forState(Role.STATE_FOCAL_POINT, "SVN"));
  static final CooperaUser OHCHR = user(Grant.forOrganisation(Role.AGENCY_OFFICER, "OHCHR"));
  static final CooperaUser UNDP = user(Grant.forOrganisation(Role.AGENCY_OFFICER, "UNDP"));
  static final CooperaUser FRANCE = user(Grant.forState(Role.STATE_COORDINATOR, "FRA"));
  static final CooperaUser ADMIN = user(Grant.of(Role.ADMINISTRATOR));

  @Test
  void theStateSeesItsRequestsAndAProviderOnlyASubmittedOneAddressedToIt() {
    AssistanceRequest draft = request(Status.DRAFT, true);
    assertThat(draft.visibleTo(COORDINATOR)).isTrue();
    assertThat(draft.visibleTo(FOCAL_POINT)).isTrue();
    assertThat(draft.visibleTo(OHCHR)).as("a draft is the State's own").isFalse();
    AssistanceRequest submitted = request(Status.SUBMITTED, true);
    assertThat(submitted.visibleTo(OHCHR)).isTrue();
    assertThat(submitted.visibleTo(FRANCE)).isTrue();
    assertThat(submitted.visibleTo(UNDP)).isFalse();
    assertThat(submitted.visibleTo(ADMIN)).isFalse();
  }

  @Test
  void onlyTheCoordinatorIsTheStatesVoiceAndOnlyFromTheRightStatus() {
    assertThat(request(Status.DRAFT, false).isCoordinator(COORDINATOR)).isTrue();
    assertThat(request(Status.DRAFT, false).isCoordinator(FOCAL_POINT)).isFalse();
    assertThatCode(() -> request(Status.DRAFT, false).requireSubmittable())
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> request(Status.SUBMITTED, false).requireSubmittable())
        .isInstanceOf(RequestConflict.class);
    assertThatThrownBy(() -> request(Status.DRAFT, false).requireWithdrawable())
        .isInstanceOf(RequestConflict.class);
    for (Status closed : List.of(Status.WITHDRAWN, Status.CLOSED)) {
      AssistanceRequest r = request(closed, false);
      assertThatThrownBy(r::requireEditable).isInstanceOf(RequestConflict.class);
      assertThatThrownBy(r::requireWithdrawable).isInstanceOf(RequestConflict.class);
      assertThatThrownBy(r::requireAnswerable).isInstanceOf(RequestConflict.class);
    }
  }

  private static AssistanceRequest request(Status status, boolean confidential) {
    return new AssistanceRequest(
        UUID.randomUUID(),
        "SVN",
        "Slovenia",
        "Roma inclusion",
        null,
        List.of("EDUCATION"),
        List.of("TRAINING"),
        List.of("en"),
        confidential,
        status,
        List.of("Water and sanitation"),
        List.of(),
        List.of(),
        List.of(
            new Provider(UUID.randomUUID(), "OHCHR", null, "OHCHR", "PENDING", null, null, 0),
            new Provider(UUID.randomUUID(), null, "FRA", "France", "PENDING", null, null, 0)),
        status == Status.DRAFT ? null : Instant.now(),
        null,
        null,
        Instant.now(),
        0);
  }

  private static CooperaUser user(Grant grant) {
    return new CooperaUser(
        UUID.randomUUID(),
        UUID.randomUUID() + "@example.org",
        "Someone",
        null,
        true,
        List.of(grant));
  }
}
