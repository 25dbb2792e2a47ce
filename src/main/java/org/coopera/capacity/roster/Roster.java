package org.coopera.capacity.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.capacity.internal.Texts;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster of trainers (para 90(b)). A person is listed only while their consent stands, given by
 * themselves or recorded by an administrator or agency officer; withdrawing it takes them off every
 * listing and keeps the record. Names, e-mails and institutions are seen by the trainer themself,
 * administrators and agency officers only; everyone else sees counts.
 */
@Service
@Transactional
public class Roster {

  public static final List<String> AVAILABILITY = List.of("AVAILABLE", "LIMITED", "UNAVAILABLE");

  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final Clock clock;

  Roster(JdbcClient jdbc, ReferenceData reference, Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.clock = clock;
  }

  /** A roster entry, as those who may see it see it. */
  public record Trainer(
      UUID id,
      UUID accountId,
      String fullName,
      String email,
      String stateIso3,
      String stateName,
      String institution,
      List<String> treaties,
      List<String> themes,
      List<String> languages,
      String availability,
      boolean listed,
      Instant consentedAt,
      Instant consentWithdrawnAt,
      List<Certification> certifications,
      long version) {}

  /** A certification earned at a train-the-trainers event. */
  public record Certification(UUID eventId, String eventTitle, LocalDate certifiedOn) {}

  /** What was typed for an entry. */
  public record TrainerDraft(
      String fullName,
      String email,
      String state,
      String institution,
      List<String> treaties,
      List<String> themes,
      List<String> languages,
      String availability) {}

  /**
   * The roster's filters, all optional.
   *
   * @param region an M49 region, sub-region or intermediate region code (West Africa is 011)
   */
  public record Filter(
      String treaty,
      String theme,
      String language,
      String region,
      String state,
      String availability) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  /** What everyone may know of the roster: how many are listed, by treaty, language and region. */
  public record Aggregates(
      long listed,
      Map<String, Long> byTreaty,
      Map<String, Long> byLanguage,
      Map<String, Long> byRegion) {}

  /** A change made on a version that is no longer the current one. */
  public static class StaleTrainer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Trainer current;

    StaleTrainer(Trainer current) {
      super("stale trainer " + current.id());
      this.current = current;
    }

    public Trainer current() {
      return current;
    }
  }

  /** An entry that does not exist or that this person may not see. */
  public static class TrainerNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TrainerNotFound(UUID id) {
      super("no trainer " + id);
    }
  }

  /** Administrators and agency officers keep the roster and see everyone on it. */
  public static boolean mayManage(CooperaUser user) {
    return user != null && (user.isAdministrator() || user.hasRole(Role.AGENCY_OFFICER));
  }

  /** Whether this person sees this entry's personal details. */
  public static boolean maySee(Trainer trainer, CooperaUser user) {
    return mayManage(user)
        || user != null
            && trainer.accountId() != null
            && trainer.accountId().equals(user.accountId());
  }

  /** Adds a person to the roster, not yet listed: their consent comes next. */
  public Trainer add(TrainerDraft draft, CooperaUser user) {
    if (!mayManage(user)) {
      throw new AccessDeniedException("Administrators and agency officers keep the roster");
    }
    Checked c = check(draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into trainer (id, account_id, full_name, email, state_iso3, institution,
              treaties, themes, languages, availability, created_by, created_at, updated_at)
            values (?, (select a.id from account a where lower(a.email) = lower(?)
                          and not exists (select 1 from trainer t where t.account_id = a.id)),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            c.email() == null ? "" : c.email(),
            c.fullName(),
            c.email(),
            c.state(),
            c.institution(),
            c.treaties(),
            c.themes(),
            c.languages(),
            c.availability(),
            user.accountId(),
            now,
            now)
        .update();
    return load(id);
  }

  /** Changes an entry: its person or those who keep the roster; refused when stale. */
  public Trainer update(UUID id, long version, TrainerDraft draft, CooperaUser user) {
    Trainer current = find(id, user);
    Checked c = check(draft);
    int changed =
        jdbc.sql(
                """
                update trainer set full_name = ?, email = ?, state_iso3 = ?, institution = ?,
                  treaties = ?, themes = ?, languages = ?, availability = ?, updated_at = ?,
                  version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.fullName(),
                c.email(),
                c.state(),
                c.institution(),
                c.treaties(),
                c.themes(),
                c.languages(),
                c.availability(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleTrainer(current);
    }
    return load(id);
  }

  /**
   * Gives or withdraws consent to be listed: the person themself, or an administrator or agency
   * officer recording it. Withdrawing keeps the entry and its certifications.
   */
  public Trainer consent(UUID id, long version, boolean consents, CooperaUser user) {
    Trainer current = find(id, user);
    Timestamp now = Timestamp.from(clock.instant());
    int changed =
        jdbc.sql(
                consents
                    ? "update trainer set consented_at = ?, consent_withdrawn_at = null,"
                        + " updated_at = ?, version = version + 1 where id = ? and version = ?"
                    : "update trainer set consent_withdrawn_at = ?, updated_at = ?,"
                        + " version = version + 1 where id = ? and version = ?")
            .params(now, now, id, version)
            .update();
    if (changed == 0) {
      throw new StaleTrainer(current);
    }
    return load(id);
  }

  /** An entry, for its person, administrators and agency officers; not found for anyone else. */
  @Transactional(readOnly = true)
  public Trainer find(UUID id, CooperaUser user) {
    Trainer trainer = id == null ? null : load(id);
    if (trainer == null || !maySee(trainer, user)) {
      throw new TrainerNotFound(id);
    }
    return trainer;
  }

  /** The entry of the signed-in trainer, if they have one. */
  @Transactional(readOnly = true)
  public java.util.Optional<Trainer> mine(CooperaUser user) {
    if (user == null) {
      return java.util.Optional.empty();
    }
    return jdbc.sql("select id from trainer where account_id = ?")
        .param(user.accountId())
        .query(UUID.class)
        .optional()
        .map(this::load);
  }

  /**
   * The listed trainers that match, by name; for administrators and agency officers only (the
   * public sees {@link #aggregates()}). With {@code everyone}, also those not or no longer listed.
   */
  @Transactional(readOnly = true)
  public List<Trainer> search(Filter filter, boolean everyone, CooperaUser user) {
    if (!mayManage(user)) {
      throw new AccessDeniedException("Only administrators and agency officers see the roster");
    }
    filter = check(filter);
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (!everyone) {
      where.add(LISTED);
    }
    add(where, params, "treaty", filter.treaty(), ":treaty = any(t.treaties)");
    add(where, params, "theme", filter.theme(), ":theme = any(t.themes)");
    add(where, params, "language", filter.language(), ":language = any(t.languages)");
    add(where, params, "state", filter.state(), "t.state_iso3 = :state");
    add(where, params, "availability", filter.availability(), "t.availability = :availability");
    add(
        where,
        params,
        "region",
        filter.region(),
        ":region in (s.region_code, s.sub_region_code, s.intermediate_region_code)");
    String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    return select(condition + " order by t.full_name, t.id", params);
  }

  /** Counts of the listed trainers, for everyone. */
  @Transactional(readOnly = true)
  public Aggregates aggregates() {
    long listed =
        jdbc.sql("select count(*) from trainer t where " + LISTED).query(Long.class).single();
    return new Aggregates(
        listed,
        counts(
            "select u, count(*) from trainer t, unnest(t.treaties) u where "
                + LISTED
                + " group by u order by 2 desc, 1"),
        counts(
            "select u, count(*) from trainer t, unnest(t.languages) u where "
                + LISTED
                + " group by u order by 2 desc, 1"),
        counts(
            "select r.name, count(*) from trainer t join state s on s.iso3 = t.state_iso3"
                + " join region r on r.code = s.region_code where "
                + LISTED
                + " group by r.name order by 2 desc, 1"));
  }

  /** The filter with each code known and in its usual case; an unknown one refused, named. */
  public Filter check(Filter f) {
    String treaty = Texts.clean(f.treaty());
    if (treaty != null
        && reference.instruments().stream().noneMatch(i -> i.code().equals(treaty))) {
      throw new InvalidInputException("capacity.error.treaty", "treaty", treaty);
    }
    String theme = Texts.clean(f.theme());
    if (theme != null && reference.themes().stream().noneMatch(t -> t.code().equals(theme))) {
      throw new InvalidInputException("capacity.error.theme", "theme", theme);
    }
    String language = Texts.clean(f.language());
    if (language != null) {
      language = Texts.languages(List.of(language), "language").get(0);
    }
    String region = Texts.clean(f.region());
    if (region != null && reference.findRegion(region).isEmpty()) {
      throw new InvalidInputException("capacity.error.region", "region", region);
    }
    String state = Texts.clean(f.state());
    if (state != null) {
      state = state.toUpperCase(java.util.Locale.ROOT);
      if (reference.findState(state).isEmpty()) {
        throw new InvalidInputException("capacity.error.unknown-state", "state", state);
      }
    }
    String availability = Texts.clean(f.availability());
    if (availability != null && !AVAILABILITY.contains(availability)) {
      throw new InvalidInputException("capacity.error.availability", "availability");
    }
    return new Filter(treaty, theme, language, region, state, availability);
  }

  private static final String LISTED =
      "t.consented_at is not null and t.consent_withdrawn_at is null";

  private Map<String, Long> counts(String sql) {
    Map<String, Long> found = new LinkedHashMap<>();
    jdbc.sql(sql)
        .query(
            rs -> {
              found.put(rs.getString(1), rs.getLong(2));
            });
    return found;
  }

  private static void add(
      List<String> where, Map<String, Object> params, String name, String value, String sql) {
    String v = Texts.clean(value);
    if (v != null) {
      params.put(name, v);
      where.add(sql);
    }
  }

  Trainer load(UUID id) {
    return select(" where t.id = :id", Map.of("id", id)).stream().findFirst().orElse(null);
  }

  /** The entries that match, with their certifications: two statements, however many entries. */
  private List<Trainer> select(String tail, Map<String, Object> params) {
    List<Row> rows =
        jdbc.sql(
                "select t.*, s.name as state_name from trainer t join state s on s.iso3 ="
                    + " t.state_iso3"
                    + tail)
            .params(params)
            .query(
                (rs, n) -> {
                  Timestamp consented = rs.getTimestamp("consented_at");
                  Timestamp withdrawn = rs.getTimestamp("consent_withdrawn_at");
                  return new Row(
                      rs.getObject("id", UUID.class),
                      rs.getObject("account_id", UUID.class),
                      rs.getString("full_name"),
                      rs.getString("email"),
                      rs.getString("state_iso3"),
                      rs.getString("state_name"),
                      rs.getString("institution"),
                      List.of((String[]) rs.getArray("treaties").getArray()),
                      List.of((String[]) rs.getArray("themes").getArray()),
                      List.of((String[]) rs.getArray("languages").getArray()),
                      rs.getString("availability"),
                      consented == null ? null : consented.toInstant(),
                      withdrawn == null ? null : withdrawn.toInstant(),
                      rs.getLong("version"));
                })
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Certification>> certifications = new HashMap<>();
    jdbc.sql(
            """
            select c.trainer_id, c.event_id, e.title, c.certified_on from trainer_certification c
            join training_event e on e.id = c.event_id
            where c.trainer_id = any(cast(? as uuid[])) order by c.certified_on, e.title
            """)
        .param(rows.stream().map(r -> r.id().toString()).toArray(String[]::new))
        .query(
            rs -> {
              certifications
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Certification(
                          rs.getObject(2, UUID.class),
                          rs.getString(3),
                          rs.getObject(4, LocalDate.class)));
            });
    return rows.stream()
        .map(r -> r.trainer(certifications.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private record Row(
      UUID id,
      UUID accountId,
      String fullName,
      String email,
      String stateIso3,
      String stateName,
      String institution,
      List<String> treaties,
      List<String> themes,
      List<String> languages,
      String availability,
      Instant consentedAt,
      Instant consentWithdrawnAt,
      long version) {

    Trainer trainer(List<Certification> certifications) {
      return new Trainer(
          id,
          accountId,
          fullName,
          email,
          stateIso3,
          stateName,
          institution,
          treaties,
          themes,
          languages,
          availability,
          consentedAt != null && consentWithdrawnAt == null,
          consentedAt,
          consentWithdrawnAt,
          List.copyOf(certifications),
          version);
    }
  }

  private record Checked(
      String fullName,
      String email,
      String state,
      String institution,
      String[] treaties,
      String[] themes,
      String[] languages,
      String availability) {}

  private Checked check(TrainerDraft d) {
    String name = Texts.clean(d.fullName());
    if (name == null) {
      throw new InvalidInputException("capacity.error.name", "fullName");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("capacity.error.name-length", "fullName", 200);
    }
    String email = Texts.clean(d.email());
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException("capacity.error.email", "email");
    }
    String state = Texts.clean(d.state());
    if (state == null || reference.findState(state.toUpperCase(java.util.Locale.ROOT)).isEmpty()) {
      throw new InvalidInputException("capacity.error.state", "state");
    }
    String availability = Texts.clean(d.availability());
    if (availability == null) {
      availability = "AVAILABLE";
    }
    if (!AVAILABILITY.contains(availability)) {
      throw new InvalidInputException("capacity.error.availability", "availability");
    }
    return new Checked(
        name,
        email,
        state.toUpperCase(java.util.Locale.ROOT),
        Texts.clean(d.institution()),
        Texts.codes(
                d.treaties(),
                code -> reference.instruments().stream().anyMatch(i -> i.code().equals(code)),
                "capacity.error.treaty",
                "treaties")
            .toArray(String[]::new),
        Texts.codes(
                d.themes(),
                code -> reference.themes().stream().anyMatch(t -> t.code().equals(code)),
                "capacity.error.theme",
                "themes")
            .toArray(String[]::new),
        Texts.languages(d.languages(), "languages").toArray(String[]::new),
        availability);
  }
}
