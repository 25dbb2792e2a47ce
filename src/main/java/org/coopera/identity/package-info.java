/**
 * Accounts, roles scoped to a State or an organisation, sign-in, API tokens and the audit trail.
 * Other modules ask {@link org.coopera.identity.CooperaUser} what the current person may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.coopera.identity;
