package org.coopera.identity;

/** What an account may do, and to what its power is limited. */
public enum Role {
  ADMINISTRATOR(Scope.NONE),
  STATE_COORDINATOR(Scope.STATE),
  STATE_FOCAL_POINT(Scope.STATE),
  AGENCY_OFFICER(Scope.ORGANISATION),
  FUND_MANAGER(Scope.NONE),
  DONOR(Scope.STATE_OR_ORGANISATION),
  TRAINER(Scope.NONE),
  CIVIL_SOCIETY(Scope.ORGANISATION);

  /** The kind of scope a role needs. */
  public enum Scope {
    NONE,
    STATE,
    ORGANISATION,
    STATE_OR_ORGANISATION
  }

  private final Scope scope;

  Role(Scope scope) {
    this.scope = scope;
  }

  public Scope scope() {
    return scope;
  }

  /** The Spring Security authority of this role, e.g. {@code ROLE_ADMINISTRATOR}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
