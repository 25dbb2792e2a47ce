package org.coopera.implementation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.AccountNames;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.InstitutionKind;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A State's institutions and their focal points. Every method checks who asks: the State's
 * officials read, its coordinators (and administrators) write; an edit names the version it was
 * made from and is refused when someone saved the institution since.
 */
@Service
@Transactional
public class Institutions {

  private final JdbcClient jdbc;
  private final AccountNames accounts;
  private final ReferenceData reference;
  private final Clock clock;

  Institutions(JdbcClient jdbc, AccountNames accounts, ReferenceData reference, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.reference = reference;
    this.clock = clock;
  }

  /** An institution as its pages and the API show it. */
  public record Institution(
      UUID id,
      String stateIso3,
      String name,
      String acronym,
      InstitutionKind kind,
      boolean active,
      List<AccountNames.StateOfficial> focalPoints,
      Instant updatedAt,
      long version) {}

  /** What a person typed into the form (or sent to the API). */
  public record Draft(
      String name, String acronym, String kind, Boolean active, List<UUID> focalPoints) {}

  @Transactional(readOnly = true)
  public List<Institution> list(String stateIso3, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return loadAll("state_iso3 = ?", iso3);
  }

  @Transactional(readOnly = true)
  public Optional<Institution> find(String stateIso3, UUID id, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return load(id).filter(i -> i.stateIso3().equals(iso3));
  }

  public Institution create(String stateIso3, Draft draft, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireEdit(user, iso3);
    Checked checked = check(iso3, draft);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    try {
      jdbc.sql(
              """
              insert into institution (id, state_iso3, name, acronym, kind, active, created_at, updated_at)
              values (?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              iso3,
              checked.name(),
              checked.acronym(),
              checked.kind().name(),
              checked.active(),
              Timestamp.from(now),
              Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("institution.error.name-taken", "name", checked.name());
    }
    setFocalPoints(id, checked.focalPoints());
    return load(id).orElseThrow();
  }

  public Institution update(
      String stateIso3, UUID id, long version, Draft draft, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireEdit(user, iso3);
    Institution current =
        load(id)
            .filter(i -> i.stateIso3().equals(iso3))
            .orElseThrow(() -> new InstitutionNotFound(id));
    Checked checked = check(iso3, draft);
    int changed;
    try {
      changed =
          jdbc.sql(
                  """
                  update institution set name = ?, acronym = ?, kind = ?, active = ?, updated_at = ?,
                         version = version + 1
                  where id = ? and version = ?
                  """)
              .params(
                  checked.name(),
                  checked.acronym(),
                  checked.kind().name(),
                  checked.active(),
                  Timestamp.from(clock.instant()),
                  id,
                  version)
              .update();
    } catch (DuplicateKeyException e) {
      throw new InvalidInputException("institution.error.name-taken", "name", checked.name());
    }
    if (changed == 0) {
      throw new StaleInstitution(current);
    }
    setFocalPoints(id, checked.focalPoints());
    return load(id).orElseThrow();
  }

  /** The accounts that may be named focal points of the State's institutions. */
  @Transactional(readOnly = true)
  public List<AccountNames.StateOfficial> candidates(String stateIso3, CooperaUser user) {
    String iso3 = state(stateIso3);
    Workspace.requireSee(user, iso3);
    return accounts.officialsOf(iso3);
  }

  private record Checked(
      String name, String acronym, InstitutionKind kind, boolean active, Set<UUID> focalPoints) {}

  private Checked check(String iso3, Draft draft) {
    String name = clean(draft.name());
    if (name == null) {
      throw new InvalidInputException("institution.error.name", "name");
    }
    if (name.length() > 300) {
      throw new InvalidInputException("institution.error.name-length", "name", 300);
    }
    String acronym = clean(draft.acronym());
    if (acronym != null && acronym.length() > 30) {
      throw new InvalidInputException("institution.error.acronym-length", "acronym", 30);
    }
    InstitutionKind kind =
        InstitutionKind.fromApiName(draft.kind())
            .orElseThrow(() -> new InvalidInputException("institution.error.kind", "kind"));
    Set<UUID> focalPoints =
        new LinkedHashSet<>(draft.focalPoints() == null ? List.of() : draft.focalPoints());
    Set<UUID> allowed = new LinkedHashSet<>();
    accounts.officialsOf(iso3).forEach(o -> allowed.add(o.id()));
    for (UUID account : focalPoints) {
      if (!allowed.contains(account)) {
        throw new InvalidInputException("institution.error.focal-point", "focalPoints");
      }
    }
    return new Checked(name, acronym, kind, draft.active() == null || draft.active(), focalPoints);
  }

  private void setFocalPoints(UUID id, Set<UUID> focalPoints) {
    List<UUID> now =
        jdbc.sql("select account_id from institution_focal_point where institution_id = ?")
            .param(id)
            .query(UUID.class)
            .list();
    for (UUID gone : now) {
      if (!focalPoints.contains(gone)) {
        jdbc.sql("delete from institution_focal_point where institution_id = ? and account_id = ?")
            .params(id, gone)
            .update();
      }
    }
    for (UUID added : focalPoints) {
      if (!now.contains(added)) {
        jdbc.sql("insert into institution_focal_point (institution_id, account_id) values (?, ?)")
            .params(id, added)
            .update();
      }
    }
  }

  private Optional<Institution> load(UUID id) {
    return loadAll("id = ?", id).stream().findFirst();
  }

  /**
   * The institutions a condition on {@code institution} selects, active first and by name, each
   * with its focal points: three queries whatever their number.
   */
  private List<Institution> loadAll(String condition, Object value) {
    record Row(
        UUID id,
        String stateIso3,
        String name,
        String acronym,
        InstitutionKind kind,
        boolean active,
        Instant updatedAt,
        long version) {}
    List<Row> rows =
        jdbc.sql(
                "select id, state_iso3, name, acronym, kind, active, updated_at, version"
                    + " from institution where "
                    + condition
                    + " order by active desc, lower(name)")
            .param(value)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("state_iso3"),
                        rs.getString("name"),
                        rs.getString("acronym"),
                        InstitutionKind.valueOf(rs.getString("kind")),
                        rs.getBoolean("active"),
                        rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version")))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, Set<UUID>> focal = new HashMap<>();
    jdbc.sql(
            "select institution_id, account_id from institution_focal_point"
                + " where institution_id in (:ids)")
        .param("ids", rows.stream().map(Row::id).toList())
        .query(
            rs -> {
              focal
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(rs.getObject(2, UUID.class));
            });
    Map<String, List<AccountNames.StateOfficial>> officials = new HashMap<>();
    List<Institution> found = new ArrayList<>();
    for (Row r : rows) {
      Set<UUID> ids = focal.getOrDefault(r.id(), Set.of());
      List<AccountNames.StateOfficial> focalPoints =
          officials.computeIfAbsent(r.stateIso3(), accounts::officialsOf).stream()
              .filter(o -> ids.contains(o.id()))
              .toList();
      found.add(
          new Institution(
              r.id(),
              r.stateIso3(),
              r.name(),
              r.acronym(),
              r.kind(),
              r.active(),
              focalPoints,
              r.updatedAt(),
              r.version()));
    }
    return found;
  }

  private String state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference.findState(code).orElseThrow(() -> new WorkspaceNotFound(code)).iso3();
  }

  private static String clean(String value) {
    return value == null || value.isBlank() ? null : value.strip().replaceAll("\\s+", " ");
  }

  /** No such State. */
  public static class WorkspaceNotFound extends RuntimeException {
    public WorkspaceNotFound(String iso3) {
      super("No State " + iso3);
    }
  }

  /** No such institution in this State's workspace. */
  public static class InstitutionNotFound extends RuntimeException {
    public InstitutionNotFound(UUID id) {
      super("No institution " + id);
    }
  }

  /** Someone saved the institution since the edit began; it carries the institution as it is. */
  public static class StaleInstitution extends RuntimeException {
    private final transient Institution current;

    public StaleInstitution(Institution current) {
      super("Institution " + current.id() + " changed");
      this.current = current;
    }

    public Institution current() {
      return current;
    }
  }
}
