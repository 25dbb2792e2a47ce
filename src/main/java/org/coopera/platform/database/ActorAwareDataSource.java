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
 */
class ActorAwareDataSource extends HikariDataSource {

  static final String SYSTEM = "system";
  static final String ANONYMOUS = "anonymous";

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = super.getConnection();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select set_config('coopera.actor', ?, false), set_config('coopera.actor_id', ?,"
                + " false)")) {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      statement.setString(1, actor(authentication));
      statement.setString(2, actorId(authentication));
      statement.execute();
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static String actor(Authentication authentication) {
    if (authentication == null) {
      return SYSTEM;
    }
    if (authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated()) {
      return ANONYMOUS;
    }
    if (authentication.getPrincipal() instanceof AuditedPrincipal principal) {
      return principal.email();
    }
    return authentication.getName();
  }

  private static String actorId(Authentication authentication) {
    if (authentication != null
        && authentication.isAuthenticated()
        && authentication.getPrincipal() instanceof AuditedPrincipal principal) {
      return principal.accountId().toString();
    }
    return "";
  }
}
