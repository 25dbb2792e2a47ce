package org.coopera.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.junit.jupiter.api.Test;

/** The group-to-role mapping of an identity provider, as an operator writes it. */
class RoleMappingTest {

  private static final RoleMapping MAPPING =
      RoleMapping.parse(
          " svn-coordinators = STATE_COORDINATOR@svn ;"
              + " /coopera/admins=ADMINISTRATOR;"
              + " 5f1c2b7e-0000-4000-8000-000000000001=DONOR@state:NOR, TRAINER;"
              + " undp=AGENCY_OFFICER@UNDP, DONOR@organisation:UNDP;"
              + " svn-coordinators=STATE_FOCAL_POINT@PRY;");

  @Test
  void eachGroupGivesItsGrantsScopedAsTheRoleRequires() {
    assertThat(MAPPING.grantsFor(List.of("svn-coordinators")))
        .containsExactly(
            Grant.forState(Role.STATE_COORDINATOR, "SVN"),
            Grant.forState(Role.STATE_FOCAL_POINT, "PRY"));
    assertThat(MAPPING.grantsFor(List.of("/coopera/admins")))
        .containsExactly(Grant.of(Role.ADMINISTRATOR));
    assertThat(MAPPING.grantsFor(List.of("5f1c2b7e-0000-4000-8000-000000000001")))
        .containsExactly(Grant.forState(Role.DONOR, "NOR"), Grant.of(Role.TRAINER));
    assertThat(MAPPING.grantsFor(List.of("undp")))
        .containsExactly(
            Grant.forOrganisation(Role.AGENCY_OFFICER, "UNDP"),
            Grant.forOrganisation(Role.DONOR, "UNDP"));
  }

  @Test
  void groupsAreComparedExactlyAndUnmappedOnesGiveNothing() {
    assertThat(MAPPING.grantsFor(List.of("SVN-COORDINATORS", "undp-staff", "coopera"))).isEmpty();
    assertThat(MAPPING.grantsFor(List.of())).isEmpty();
    assertThat(RoleMapping.parse(null).grantsFor(List.of("anything"))).isEmpty();
  }

  @Test
  void aGrantGivenByTwoGroupsIsGivenOnce() {
    assertThat(MAPPING.grantsFor(List.of("undp", "5f1c2b7e-0000-4000-8000-000000000001")))
        .hasSize(4)
        .doesNotHaveDuplicates();
  }

  @Test
  void mistakesAreRefusedNamingTheEntry() {
    assertThatThrownBy(() -> RoleMapping.parse("admins=SUPERUSER"))
        .hasMessageContaining("admins=SUPERUSER")
        .hasMessageContaining("no role");
    assertThatThrownBy(() -> RoleMapping.parse("svn=STATE_COORDINATOR"))
        .hasMessageContaining("needs scope STATE");
    assertThatThrownBy(() -> RoleMapping.parse("admins=ADMINISTRATOR@SVN"))
        .hasMessageContaining("needs scope NONE");
    assertThatThrownBy(() -> RoleMapping.parse("donors=DONOR@NOR"))
        .hasMessageContaining("state:ISO3 or organisation:CODE");
    assertThatThrownBy(() -> RoleMapping.parse("ADMINISTRATOR")).hasMessageContaining("group=");
    assertThatThrownBy(() -> RoleMapping.parse("admins=")).hasMessageContaining("no role");
  }
}
