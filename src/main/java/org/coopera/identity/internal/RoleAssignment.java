package org.coopera.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One role held by an account, with its scope and where it came from: granted in Coopera, or by the
 * group mapping of an identity provider ({@link #grantedBy()}). Part of the {@link Account}
 * aggregate.
 */
@Entity
@Table(name = "role_assignment")
class RoleAssignment {

  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "account_id")
  private Account account;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "state_iso3", length = 3)
  @JdbcTypeCode(SqlTypes.CHAR)
  private String stateIso3;

  @Column(name = "organisation_code")
  private String organisationCode;

  /** The issuer of the identity provider whose group mapping granted it; null if granted here. */
  @Column(name = "granted_by")
  private String grantedBy;

  protected RoleAssignment() {}

  RoleAssignment(Account account, Grant grant) {
    this(account, grant, null);
  }

  RoleAssignment(Account account, Grant grant, String grantedBy) {
    this.id = UUID.randomUUID();
    this.grantedBy = grantedBy;
    this.account = account;
    this.role = grant.role();
    this.stateIso3 = grant.stateIso3();
    this.organisationCode = grant.organisationCode();
  }

  Role role() {
    return role;
  }

  String grantedBy() {
    return grantedBy;
  }

  Grant toGrant() {
    return new Grant(role, stateIso3, organisationCode);
  }
}
