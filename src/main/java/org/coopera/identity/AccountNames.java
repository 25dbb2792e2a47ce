package org.coopera.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names other modules show for the accounts that did something (who uploaded an import, who
 * approved an update): display name and e-mail, nothing else.
 */
@Service
@Transactional(readOnly = true)
public class AccountNames {

  /** How an account is named on a page. */
  public record Name(String displayName, String email) {}

  private final JdbcClient jdbc;

  AccountNames(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The names of these accounts; an id with no account is left out. */
  public Map<UUID, Name> of(Collection<UUID> ids) {
    Map<UUID, Name> names = new HashMap<>();
    List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return names;
    }
    jdbc.sql("select id, display_name, email from account where id in (:ids)")
        .param("ids", wanted)
        .query(
            rs -> {
              names.put(
                  rs.getObject("id", UUID.class),
                  new Name(rs.getString("display_name"), rs.getString("email")));
            });
    return names;
  }
}
