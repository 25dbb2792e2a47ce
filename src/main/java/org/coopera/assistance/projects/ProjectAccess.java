package org.coopera.assistance.projects;

import java.util.List;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;

/**
 * Who sees and who works on a State's assistance (principle 7): the State's officials, the officers
 * of the providers that accepted its request, administrators; fund managers read every project
 * (they allocate money); everyone reads what is published.
 */
public final class ProjectAccess {

  private ProjectAccess() {}

  /**
   * An officer of one of the accepting providers: an organisation's agency officer, or the
   * coordinator of a providing State.
   */
  public static boolean isProviderOfficer(CooperaUser user, List<Provider> accepted) {
    return user != null
        && accepted.stream()
            .anyMatch(
                p ->
                    p.organisationCode() != null
                        ? user.hasRoleForOrganisation(Role.AGENCY_OFFICER, p.organisationCode())
                        : user.hasRoleForState(Role.STATE_COORDINATOR, p.stateIso3()));
  }

  /** The State's coordinators and focal points. */
  public static boolean isStateOfficial(CooperaUser user, String stateIso3) {
    return user != null
        && (user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3)
            || user.hasRoleForState(Role.STATE_FOCAL_POINT, stateIso3));
  }

  public static boolean isStateCoordinator(CooperaUser user, String stateIso3) {
    return user != null && user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3);
  }

  /** Who sees a request's assessments, and a project before it is published. */
  public static boolean maySeeUnpublished(
      CooperaUser user, String stateIso3, List<Provider> accepted) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.FUND_MANAGER)
            || isStateOfficial(user, stateIso3)
            || isProviderOfficer(user, accepted));
  }

  public static boolean maySee(
      CooperaUser user, String stateIso3, boolean published, List<Provider> accepted) {
    return published || maySeeUnpublished(user, stateIso3, accepted);
  }

  /**
   * Who records a project's activities, results and evaluations: its providers, the State's
   * coordinator, administrators.
   */
  public static boolean mayWork(CooperaUser user, String stateIso3, List<Provider> accepted) {
    return user != null
        && (user.isAdministrator()
            || isStateCoordinator(user, stateIso3)
            || isProviderOfficer(user, accepted));
  }
}
