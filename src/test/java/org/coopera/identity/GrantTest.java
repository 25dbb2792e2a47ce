package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrantTest {

  @Test
  void eachRoleTakesTheScopeItNeeds() {
    assertThat(Grant.of(Role.ADMINISTRATOR).stateIso3()).isNull();
    assertThat(Grant.forState(Role.STATE_COORDINATOR, "PRY").stateIso3()).isEqualTo("PRY");
    assertThat(Grant.forOrganisation(Role.AGENCY_OFFICER, "OHCHR").organisationCode())
        .isEqualTo("OHCHR");
    assertThat(Grant.forState(Role.DONOR, "NOR").stateIso3()).isEqualTo("NOR");
    assertThat(Grant.forOrganisation(Role.DONOR, "EU").organisationCode()).isEqualTo("EU");
    assertThat(new Grant(Role.TRAINER, " ", "")).isEqualTo(Grant.of(Role.TRAINER));
  }

  @Test
  void aRoleWithTheWrongScopeIsRefused() {
    assertThatThrownBy(() -> Grant.of(Role.STATE_FOCAL_POINT))
        .isInstanceOf(Grant.InvalidGrantException.class);
    assertThatThrownBy(() -> Grant.forState(Role.ADMINISTRATOR, "PRY"))
        .isInstanceOf(Grant.InvalidGrantException.class);
    assertThatThrownBy(() -> Grant.forState(Role.CIVIL_SOCIETY, "PRY"))
        .isInstanceOf(Grant.InvalidGrantException.class);
    assertThatThrownBy(() -> new Grant(Role.DONOR, "NOR", "EU"))
        .isInstanceOf(Grant.InvalidGrantException.class);
    assertThatThrownBy(() -> Grant.of(Role.DONOR)).isInstanceOf(Grant.InvalidGrantException.class);
  }

  @Test
  void aUserActsOnlyForTheStatesOfItsGrants() {
    CooperaUser user =
        new CooperaUser(
            java.util.UUID.randomUUID(),
            "c@example.org",
            "C",
            null,
            true,
            java.util.List.of(Grant.forState(Role.STATE_COORDINATOR, "PRY")));
    assertThat(user.hasRoleForState(Role.STATE_COORDINATOR, "PRY")).isTrue();
    assertThat(user.hasRoleForState(Role.STATE_COORDINATOR, "SVN")).isFalse();
    assertThat(user.hasRoleForState(Role.STATE_FOCAL_POINT, "PRY")).isFalse();
    assertThat(user.actsForState("PRY")).isTrue();
    assertThat(user.isAdministrator()).isFalse();
    assertThat(user.getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_STATE_COORDINATOR");
  }
}
