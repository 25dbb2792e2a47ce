package org.coopera.identity.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;

/** An account: a person who signs in, with the roles they hold. */
@Entity
@Table(name = "account")
class Account {

  @Id private UUID id;

  @Column(nullable = false)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  private boolean enabled;

  @Column(name = "preferred_language")
  private String preferredLanguage;

  private boolean demo;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @OneToMany(
      mappedBy = "account",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.LAZY)
  private Set<RoleAssignment> roles = new LinkedHashSet<>();

  protected Account() {}

  Account(String email, String displayName, String passwordHash, boolean demo, Instant now) {
    this.id = UUID.randomUUID();
    this.email = normaliseEmail(email);
    this.displayName = displayName.strip();
    this.passwordHash = passwordHash;
    this.enabled = true;
    this.demo = demo;
    this.createdAt = now;
  }

  static String normaliseEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  UUID id() {
    return id;
  }

  String email() {
    return email;
  }

  String displayName() {
    return displayName;
  }

  boolean enabled() {
    return enabled;
  }

  boolean demo() {
    return demo;
  }

  Instant createdAt() {
    return createdAt;
  }

  long version() {
    return version;
  }

  String passwordHash() {
    return passwordHash;
  }

  String preferredLanguage() {
    return preferredLanguage;
  }

  List<Grant> grants() {
    return roles.stream().map(RoleAssignment::toGrant).toList();
  }

  boolean holds(Role role) {
    return roles.stream().anyMatch(r -> r.role() == role);
  }

  void rename(String displayName) {
    this.displayName = displayName.strip();
  }

  void changeEmail(String email) {
    this.email = normaliseEmail(email);
  }

  void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void disable() {
    this.enabled = false;
  }

  void enable() {
    this.enabled = true;
  }

  /** Replaces the roles with the given grants, keeping the rows of those that stay. */
  void replaceGrants(Collection<Grant> grants) {
    Set<Grant> wanted = new LinkedHashSet<>(grants);
    roles.removeIf(r -> !wanted.contains(r.toGrant()));
    List<Grant> held = new ArrayList<>(roles.stream().map(RoleAssignment::toGrant).toList());
    for (Grant grant : wanted) {
      if (!held.contains(grant)) {
        roles.add(new RoleAssignment(this, grant));
      }
    }
  }

  /**
   * Makes the roles granted by an identity provider's group mapping the given ones: those it
   * granted before and no longer maps are removed, those it maps and the account does not hold are
   * added as granted by it. Roles granted in Coopera are never removed here, and a role the account
   * already holds stays as it was granted. Whether anything changed.
   */
  boolean syncGrantsFrom(String issuer, Collection<Grant> mapped) {
    Set<Grant> wanted = new LinkedHashSet<>(mapped);
    boolean changed =
        roles.removeIf(r -> issuer.equals(r.grantedBy()) && !wanted.contains(r.toGrant()));
    List<Grant> held = grants();
    for (Grant grant : wanted) {
      if (!held.contains(grant)) {
        roles.add(new RoleAssignment(this, grant, issuer));
        changed = true;
      }
    }
    return changed;
  }

  /** Whether the account would hold any role once {@link #syncGrantsFrom} had run. */
  boolean wouldHoldRolesAfterSync(String issuer, Collection<Grant> mapped) {
    return !mapped.isEmpty() || roles.stream().anyMatch(r -> !issuer.equals(r.grantedBy()));
  }

  void grant(Grant grant) {
    if (!grants().contains(grant)) {
      roles.add(new RoleAssignment(this, grant));
    }
  }

  CooperaUser toUser() {
    return new CooperaUser(id, email, displayName, passwordHash, enabled, grants());
  }
}
