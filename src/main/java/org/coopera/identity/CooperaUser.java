package org.coopera.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.coopera.platform.AuditedPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: their account, their roles and the scope of each. */
public final class CooperaUser implements UserDetails, CredentialsContainer, AuditedPrincipal {

  /**
   * Sessions are stored in the database in Java serialisation: keep this value while the fields
   * stay compatible, so that a deployment does not invalidate the sessions of everyone signed in.
   */
  private static final long serialVersionUID = 1L;

  private final UUID accountId;
  private final String email;
  private final String displayName;
  private final boolean enabled;
  private final List<Grant> grants;
  private String passwordHash;

  public CooperaUser(
      UUID accountId,
      String email,
      String displayName,
      String passwordHash,
      boolean enabled,
      List<Grant> grants) {
    this.accountId = Objects.requireNonNull(accountId);
    this.email = Objects.requireNonNull(email);
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.grants = List.copyOf(grants);
  }

  @Override
  public UUID accountId() {
    return accountId;
  }

  @Override
  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public List<Grant> grants() {
    return grants;
  }

  public boolean hasRole(Role role) {
    return grants.stream().anyMatch(g -> g.role() == role);
  }

  public boolean isAdministrator() {
    return hasRole(Role.ADMINISTRATOR);
  }

  /** Whether this person holds the role for the given State (ISO 3166 alpha-3). */
  public boolean hasRoleForState(Role role, String stateIso3) {
    return grants.stream().anyMatch(g -> g.role() == role && stateIso3.equals(g.stateIso3()));
  }

  /** Whether this person holds the role for the given organisation. */
  public boolean hasRoleForOrganisation(Role role, String organisationCode) {
    return grants.stream()
        .anyMatch(g -> g.role() == role && organisationCode.equals(g.organisationCode()));
  }

  /** Whether this person acts for the given State in any State-scoped role. */
  public boolean actsForState(String stateIso3) {
    return grants.stream().anyMatch(g -> stateIso3.equals(g.stateIso3()));
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return grants.stream()
        .map(g -> g.role().authority())
        .distinct()
        .map(SimpleGrantedAuthority::new)
        .toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CooperaUser user && user.accountId.equals(accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }

  @Override
  public String toString() {
    return "CooperaUser[" + email + "]";
  }
}
