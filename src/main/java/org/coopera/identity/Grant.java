package org.coopera.identity;

import java.util.Objects;

/**
 * One role of an account with its scope: a State (ISO 3166 alpha-3) or an organisation code, as the
 * role requires.
 */
public record Grant(Role role, String stateIso3, String organisationCode)
    implements java.io.Serializable {

  public Grant {
    Objects.requireNonNull(role, "role");
    stateIso3 = blankToNull(stateIso3);
    organisationCode = blankToNull(organisationCode);
    if (!scopeFits(role, stateIso3, organisationCode)) {
      throw new InvalidGrantException(role);
    }
  }

  public static Grant of(Role role) {
    return new Grant(role, null, null);
  }

  public static Grant forState(Role role, String stateIso3) {
    return new Grant(role, stateIso3, null);
  }

  public static Grant forOrganisation(Role role, String organisationCode) {
    return new Grant(role, null, organisationCode);
  }

  private static boolean scopeFits(Role role, String state, String organisation) {
    return switch (role.scope()) {
      case NONE -> state == null && organisation == null;
      case STATE -> state != null && organisation == null;
      case ORGANISATION -> state == null && organisation != null;
      case STATE_OR_ORGANISATION -> (state == null) != (organisation == null);
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A role was given a scope it does not take, or none where it needs one. */
  public static class InvalidGrantException extends IllegalArgumentException {
    private final Role role;

    InvalidGrantException(Role role) {
      super("Role " + role + " needs scope " + role.scope());
      this.role = role;
    }

    public Role role() {
      return role;
    }
  }
}
