package org.coopera.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.coopera.identity.Role;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, UUID> {

  @EntityGraph(attributePaths = "roles")
  @Query("select a from Account a where lower(a.email) = lower(:email)")
  Optional<Account> findByEmailWithRoles(@Param("email") String email);

  @EntityGraph(attributePaths = "roles")
  @Query("select a from Account a where a.id = :id")
  Optional<Account> findWithRoles(@Param("id") UUID id);

  @Query("select count(a) > 0 from Account a where lower(a.email) = lower(:email)")
  boolean emailTaken(@Param("email") String email);

  @Query(
      "select count(a) > 0 from Account a join a.roles r where r.role = :role and a.enabled ="
          + " true")
  boolean anyEnabledWith(@Param("role") Role role);

  @Modifying
  @Query(
      "update Account a set a.enabled = :enabled, a.version = a.version + 1 where a.demo = true"
          + " and a.enabled <> :enabled")
  int setDemoAccountsEnabled(@Param("enabled") boolean enabled);

  /**
   * Remembers a person's language in one statement: no read of a version to go stale, so two
   * choices at once (two tabs) never fail, the later one stays; the version goes up, so that an
   * edit of the account read before is refused instead of writing the old language back.
   */
  @Modifying
  @Query(
      "update Account a set a.preferredLanguage = :language, a.version = a.version + 1"
          + " where a.id = :id and (a.preferredLanguage is null or a.preferredLanguage <> :language)")
  int preferLanguage(@Param("id") UUID id, @Param("language") String language);

  @EntityGraph(attributePaths = "roles")
  @Query("select a from Account a where a.id in :ids")
  List<Account> findAllWithRoles(@Param("ids") List<UUID> ids);
}
