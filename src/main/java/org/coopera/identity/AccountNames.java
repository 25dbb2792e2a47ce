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

  /** An official of a State: an enabled account with a State role for it. */
  public record StateOfficial(UUID id, String displayName, String email, boolean coordinator) {}

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

  /**
   * The language each of these accounts chose for the interface (an ISO 639-1 code such as {@code
   * fr}), for mail written to them; an account that chose none is left out.
   */
  public Map<UUID, String> languages(Collection<UUID> ids) {
    Map<UUID, String> languages = new HashMap<>();
    List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return languages;
    }
    jdbc.sql(
            "select id, preferred_language from account"
                + " where id in (:ids) and preferred_language is not null")
        .param("ids", wanted)
        .query(
            rs -> {
              languages.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
    return languages;
  }

  /**
   * The enabled accounts that coordinate a State or are its focal points, by name: the people a
   * State's workspace may name as focal points.
   */
  public List<StateOfficial> officialsOf(String stateIso3) {
    return jdbc.sql(
            """
            select a.id, a.display_name, a.email, bool_or(g.role = 'STATE_COORDINATOR') as coordinator
            from account a join role_assignment g on g.account_id = a.id
            where a.enabled and g.state_iso3 = ? and g.role in ('STATE_COORDINATOR', 'STATE_FOCAL_POINT')
            group by a.id, a.display_name, a.email
            order by a.display_name, a.email
            """)
        .param(stateIso3)
        .query(
            (rs, n) ->
                new StateOfficial(
                    rs.getObject("id", UUID.class),
                    rs.getString("display_name"),
                    rs.getString("email"),
                    rs.getBoolean("coordinator")))
        .list();
  }

  /** The enabled accounts that hold this role for this organisation (its agency officers). */
  public List<UUID> holdersFor(Role role, String organisationCode) {
    return jdbc.sql(
            """
            select distinct a.id from account a join role_assignment g on g.account_id = a.id
            where a.enabled and g.role = ? and g.organisation_code = ?
            """)
        .params(role.name(), organisationCode)
        .query(UUID.class)
        .list();
  }

  /** The enabled accounts that hold this role, whatever its scope (e.g. the administrators). */
  public List<UUID> holdersOf(Role role) {
    return jdbc.sql(
            """
            select distinct a.id from account a join role_assignment g on g.account_id = a.id
            where a.enabled and g.role = ?
            """)
        .param(role.name())
        .query(UUID.class)
        .list();
  }
}
