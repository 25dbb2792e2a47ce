package org.coopera.recommendations.internal;

import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;

/**
 * Who may curate a State's recommendations (tags, language versions, clusters): administrators, and
 * the State's own coordinators and focal points.
 */
public final class Curators {

  private Curators() {}

  public static boolean mayCurate(CooperaUser user, String stateIso3) {
    if (user == null) {
      return false;
    }
    return user.isAdministrator()
        || user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3)
        || user.hasRoleForState(Role.STATE_FOCAL_POINT, stateIso3);
  }

  /** Whether this person curates any State's recommendations. */
  public static boolean curatesAny(CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.STATE_COORDINATOR)
            || user.hasRole(Role.STATE_FOCAL_POINT));
  }
}
