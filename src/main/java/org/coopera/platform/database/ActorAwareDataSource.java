package org.coopera.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.coopera.platform.AuditedPrincipal;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The connection pool. Each connection handed out carries the current person in the PostgreSQL
 * settings {@code coopera.actor} and {@code coopera.actor_id}, which the audit triggers read: the
 * audit trail is complete by construction, whether a module writes through JPA or plain SQL.
 *
 * <p>The person is resolved before a connection is taken: reading the security context may load the
 * web session, which itself needs a connection. That inner lookup is attributed to the system (it
 * touches only the session tables, which are not audited) instead of recursing.
 */
class ActorAwareDataSource extends HikariDataSource {

  static final String SYSTEM = "system";
  static final String ANONYMOUS = "anonymous";

  private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

  private record Actor(String label, String id) {}

  @Override
  public Connection getConnection() throws SQLException {
    Actor actor = currentActor();
    Connection connection = super.getConnection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select set_config('coopera.actor', ?, false), set_config('coopera.actor_id', ?,"
                + " false)")) {
      statement.setString(1, actor.label());
      statement.setString(2, actor.id());
      statement.execute();
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static Actor currentActor() {
    if (RESOLVING.get() != null) {
      return new Actor(SYSTEM, "");
    }
    RESOLVING.set(Boolean.TRUE);
    try {
      return actorOf(SecurityContextHolder.getContext().getAuthentication());
    } finally {
      RESOLVING.remove();
    }
  }

  private static Actor actorOf(Authentication authentication) {
    if (authentication == null) {
      return new Actor(SYSTEM, "");
    }
    if (authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return new Actor(ANONYMOUS, "");
    }
    if (authentication.getPrincipal() instanceof AuditedPrincipal principal) {
      return new Actor(principal.email(), principal.accountId().toString());
    }
    return new Actor(authentication.getName(), "");
  }
}
