package org.coopera.platform;

import java.util.UUID;

/**
 * A signed-in person as the audit trail names them. The database connection of each transaction
 * carries this identity, so that every row written is attributed without any module having to
 * remember it.
 */
public interface AuditedPrincipal {

  UUID accountId();

  String email();
}
