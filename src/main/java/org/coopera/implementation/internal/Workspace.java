package org.coopera.implementation.internal;

import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who sees and who edits a State's workspace. */
public final class Workspace {

  private Workspace() {}

  /** Administrators and the State's coordinators and focal points. */
  public static boolean maySee(CooperaUser user, String stateIso3) {
    return user != null
        && (user.isAdministrator()
            || user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3)
            || user.hasRoleForState(Role.STATE_FOCAL_POINT, stateIso3));
  }

  /** Administrators and the State's coordinators. */
  public static boolean mayEdit(CooperaUser user, String stateIso3) {
    return user != null
        && (user.isAdministrator() || user.hasRoleForState(Role.STATE_COORDINATOR, stateIso3));
  }

  static void requireSee(CooperaUser user, String stateIso3) {
    if (!maySee(user, stateIso3)) {
      throw new AccessDeniedException("Only the State's officials see its workspace");
    }
  }

  static void requireEdit(CooperaUser user, String stateIso3) {
    if (!mayEdit(user, stateIso3)) {
      throw new AccessDeniedException("Only the State's coordinators edit its workspace");
    }
  }
}
