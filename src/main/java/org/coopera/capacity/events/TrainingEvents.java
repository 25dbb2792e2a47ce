package org.coopera.capacity.events;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.coopera.assistance.ProjectLookup;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training events (train-the-trainers, national courses, workshops, e-learning) with their
 * participants, attendance and pre/post assessment scores. Completing a train-the-trainers event
 * certifies every participant who attended and reached its pass mark onto the roster (a new entry,
 * not listed until its person consents, or the entry the participant already has). Everyone sees
 * the events and their learning gain; participants' names are for administrators, agency officers
 * and trainers.
 */
@Service
@Transactional
public class TrainingEvents {

  public static final List<String> KINDS =
      List.of("TRAIN_THE_TRAINERS", "NATIONAL_COURSE", "WORKSHOP", "E_LEARNING");

  private final JdbcClient jdbc;
  private final ProjectLookup projects;
  private final Clock clock;
  private final EventInput input;

  TrainingEvents(JdbcClient jdbc, ReferenceData reference, ProjectLookup projects, Clock clock) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.clock = clock;
    this.input = new EventInput(reference, projects);
  }

  /** An event with its participants (empty for those who may not see them) and its gain. */
  public record Event(
      UUID id,
      String title,
      String kind,
      String treatyCode,
      String themeCode,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      boolean online,
      String organisers,
      UUID projectId,
      String projectTitle,
      int passMark,
      String status,
      int participantCount,
      int attendedCount,
      LearningGain gain,
      List<Participant> participants,
      long version) {

    public boolean completed() {
      return status.equals("COMPLETED");
    }
  }

  /** A participant; {@code certified} once the completed event certified them. */
  public record Participant(
      UUID id,
      String fullName,
      String email,
      String stateIso3,
      String stateName,
      String institution,
      String role,
      boolean attended,
      Integer preScore,
      Integer postScore,
      boolean certified,
      long version) {}

  /**
   * The learning gain of an event over the participants with both scores: the mean score before and
   * after, their difference, and the share who scored higher after; null means when nobody has both
   * scores.
   */
  public record LearningGain(
      int assessed,
      BigDecimal meanPre,
      BigDecimal meanPost,
      BigDecimal gain,
      BigDecimal shareImproved) {}

  public record EventDraft(
      String title,
      String kind,
      String treaty,
      String theme,
      LocalDate startsOn,
      LocalDate endsOn,
      String place,
      Boolean online,
      String organisers,
      UUID projectId,
      Integer passMark) {}

  public record ParticipantDraft(
      String fullName,
      String email,
      String state,
      String institution,
      String role,
      Boolean attended,
      Integer preScore,
      Integer postScore,
      Long version) {

    /** A participant to add: a new row has no version yet. */
    public ParticipantDraft(
        String fullName,
        String email,
        String state,
        String institution,
        String role,
        Boolean attended,
        Integer preScore,
        Integer postScore) {
      this(fullName, email, state, institution, role, attended, preScore, postScore, null);
    }
  }

  /** An event that does not exist. */
  public static class EventNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EventNotFound(UUID id) {
      super("no event " + id);
    }
  }

  /** A step refused because of where the event stands (completed, or changed meanwhile). */
  public static class EventRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    EventRefused(String messageKey) {
      super(messageKey);
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }

  /** Administrators, agency officers and trainers run events and see their participants. */
  public static boolean mayManage(CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.AGENCY_OFFICER)
            || user.hasRole(Role.TRAINER));
  }

  public Event create(EventDraft d, CooperaUser user) {
    requireManager(user);
    EventInput.CheckedEvent c = input.event(d);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into training_event (id, title, kind, treaty_code, theme_code, starts_on,
              ends_on, place, online, organisers, project_id, pass_mark, created_by, created_at,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            c.title(),
            c.kind(),
            c.treaty(),
            c.theme(),
            c.startsOn(),
            c.endsOn(),
            c.place(),
            c.online(),
            c.organisers(),
            c.projectId(),
            c.passMark(),
            user.accountId(),
            now,
            now)
        .update();
    return find(id, user);
  }

  /**
   * Changes an event not yet completed, from the version read: refused when someone changed it
   * meanwhile (a participant added or scored counts as a change) or once it is completed.
   */
  public Event update(UUID id, long version, EventDraft d, CooperaUser user) {
    requireManager(user);
    Event current = find(id, user);
    if (current.completed()) {
      throw new EventRefused("capacity.error.completed");
    }
    EventInput.CheckedEvent c = input.event(d);
    int changed =
        jdbc.sql(
                """
                update training_event set title = ?, kind = ?, treaty_code = ?, theme_code = ?,
                  starts_on = ?, ends_on = ?, place = ?, online = ?, organisers = ?,
                  project_id = ?, pass_mark = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status = 'PLANNED'
                """)
            .params(
                c.title(),
                c.kind(),
                c.treaty(),
                c.theme(),
                c.startsOn(),
                c.endsOn(),
                c.place(),
                c.online(),
                c.organisers(),
                c.projectId(),
                c.passMark(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new EventRefused("capacity.error.stale-event-change");
    }
    return find(id, user);
  }

  /** Adds a participant to an event not yet completed. */
  public Participant addParticipant(UUID eventId, ParticipantDraft d, CooperaUser user) {
    requireManager(user);
    requireOpen(eventId);
    EventInput.CheckedParticipant c = input.participant(d);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into event_participant (id, event_id, full_name, email, state_iso3, institution,
              role, attended, pre_score, post_score)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            eventId,
            c.name(),
            c.email(),
            c.state(),
            c.institution(),
            c.role(),
            c.attended(),
            c.pre(),
            c.post())
        .update();
    touch(eventId);
    return participants(eventId).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Records a participant's attendance and scores (and corrects their details) before completion,
   * from the version read: a change made meanwhile by someone else is not overwritten.
   */
  public Participant updateParticipant(
      UUID eventId, UUID participantId, ParticipantDraft d, CooperaUser user) {
    requireManager(user);
    requireOpen(eventId);
    EventInput.CheckedParticipant c = input.participant(d);
    if (d.version() == null) {
      throw new InvalidInputException("capacity.error.version", "version");
    }
    int changed =
        jdbc.sql(
                """
                update event_participant set full_name = ?, email = ?, state_iso3 = ?,
                  institution = ?, role = ?, attended = ?, pre_score = ?, post_score = ?,
                  version = version + 1
                where id = ? and event_id = ? and version = ?
                """)
            .params(
                c.name(),
                c.email(),
                c.state(),
                c.institution(),
                c.role(),
                c.attended(),
                c.pre(),
                c.post(),
                participantId,
                eventId,
                d.version())
            .update();
    if (changed == 0) {
      boolean exists =
          jdbc.sql("select count(*) from event_participant where id = ? and event_id = ?")
                  .params(participantId, eventId)
                  .query(Long.class)
                  .single()
              > 0;
      if (!exists) {
        throw new EventNotFound(eventId);
      }
      throw new EventRefused("capacity.error.stale");
    }
    touch(eventId);
    return participants(eventId).stream()
        .filter(p -> p.id().equals(participantId))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Completes an event from the version read. A train-the-trainers event certifies each participant
   * who attended and reached the pass mark: onto their roster entry, or a new one (not listed until
   * the person consents).
   */
  public Event complete(UUID eventId, long version, CooperaUser user) {
    requireManager(user);
    Event event = find(eventId, user);
    int changed =
        jdbc.sql(
                "update training_event set status = 'COMPLETED', completed_at = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ? and status = 'PLANNED'")
            .params(
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), eventId, version)
            .update();
    if (changed == 0) {
      throw new EventRefused(
          event.completed() ? "capacity.error.completed" : "capacity.error.stale-event");
    }
    if (event.kind().equals("TRAIN_THE_TRAINERS")) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      for (Participant p : event.participants()) {
        if (p.attended() && p.postScore() != null && p.postScore() >= event.passMark()) {
          certify(event, p, today, user);
        }
      }
    }
    return find(eventId, user);
  }

  private void certify(Event event, Participant p, LocalDate today, CooperaUser user) {
    UUID trainer =
        jdbc.sql("select trainer_id from event_participant where id = ?")
            .param(p.id())
            .query(UUID.class)
            .optional()
            .orElse(null);
    if (trainer == null && p.email() != null) {
      trainer =
          jdbc.sql("select id from trainer where lower(email) = lower(?) limit 1")
              .param(p.email())
              .query(UUID.class)
              .optional()
              .orElse(null);
    }
    if (trainer == null) {
      trainer = UUID.randomUUID();
      Timestamp now = Timestamp.from(clock.instant());
      jdbc.sql(
              """
              insert into trainer (id, account_id, full_name, email, state_iso3, institution,
                treaties, themes, created_by, created_at, updated_at)
              values (?, (select a.id from account a where lower(a.email) = lower(?)
                            and not exists (select 1 from trainer t where t.account_id = a.id)),
                      ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              trainer,
              p.email() == null ? "" : p.email(),
              p.fullName(),
              p.email(),
              p.stateIso3(),
              p.institution(),
              event.treatyCode() == null ? new String[0] : new String[] {event.treatyCode()},
              event.themeCode() == null ? new String[0] : new String[] {event.themeCode()},
              user.accountId(),
              now,
              now)
          .update();
    }
    jdbc.sql("update event_participant set trainer_id = ? where id = ?")
        .params(trainer, p.id())
        .update();
    jdbc.sql(
            "insert into trainer_certification (id, trainer_id, event_id, certified_on)"
                + " values (?, ?, ?, ?) on conflict do nothing")
        .params(
            UUID.randomUUID(),
            trainer,
            event.id(),
            event.endsOn().isAfter(today) ? today : event.endsOn())
        .update();
  }

  @Transactional(readOnly = true)
  public Event find(UUID id, CooperaUser user) {
    List<Event> found = select("where e.id = ?", id);
    if (found.isEmpty()) {
      throw new EventNotFound(id);
    }
    Event e = found.get(0);
    return mayManage(user) ? withParticipants(e) : e;
  }

  /** Every event, latest first. */
  @Transactional(readOnly = true)
  public List<Event> list() {
    return select("order by e.starts_on desc, e.title");
  }

  private Event withParticipants(Event e) {
    return new Event(
        e.id(),
        e.title(),
        e.kind(),
        e.treatyCode(),
        e.themeCode(),
        e.startsOn(),
        e.endsOn(),
        e.place(),
        e.online(),
        e.organisers(),
        e.projectId(),
        e.projectTitle(),
        e.passMark(),
        e.status(),
        e.participantCount(),
        e.attendedCount(),
        e.gain(),
        participants(e.id()),
        e.version());
  }

  private List<Event> select(String tail, Object... params) {
    return jdbc.sql(
            """
            select e.*,
              (select count(*) from event_participant p where p.event_id = e.id) as participants,
              (select count(*) from event_participant p where p.event_id = e.id and p.attended)
                as attended,
              (select count(*) from event_participant p where p.event_id = e.id
                 and p.pre_score is not null and p.post_score is not null) as assessed,
              (select avg(p.pre_score) from event_participant p where p.event_id = e.id
                 and p.pre_score is not null and p.post_score is not null) as mean_pre,
              (select avg(p.post_score) from event_participant p where p.event_id = e.id
                 and p.pre_score is not null and p.post_score is not null) as mean_post,
              (select count(*) from event_participant p where p.event_id = e.id
                 and p.post_score > p.pre_score) as improved
            from training_event e
            """
                + tail)
        .params(params)
        .query(
            (rs, n) -> {
              UUID project = rs.getObject("project_id", UUID.class);
              int assessed = rs.getInt("assessed");
              BigDecimal pre = scale(rs.getBigDecimal("mean_pre"));
              BigDecimal post = scale(rs.getBigDecimal("mean_post"));
              LearningGain gain =
                  new LearningGain(
                      assessed,
                      pre,
                      post,
                      pre == null ? null : post.subtract(pre),
                      assessed == 0
                          ? null
                          : BigDecimal.valueOf(rs.getInt("improved"))
                              .divide(BigDecimal.valueOf(assessed), 4, RoundingMode.HALF_EVEN));
              return new Event(
                  rs.getObject("id", UUID.class),
                  rs.getString("title"),
                  rs.getString("kind"),
                  rs.getString("treaty_code"),
                  rs.getString("theme_code"),
                  rs.getObject("starts_on", LocalDate.class),
                  rs.getObject("ends_on", LocalDate.class),
                  rs.getString("place"),
                  rs.getBoolean("online"),
                  rs.getString("organisers"),
                  project,
                  project == null
                      ? null
                      : projects.project(project).map(ProjectLookup.ProjectRef::title).orElse(null),
                  rs.getInt("pass_mark"),
                  rs.getString("status"),
                  rs.getInt("participants"),
                  rs.getInt("attended"),
                  gain,
                  List.of(),
                  rs.getLong("version"));
            })
        .list();
  }

  private static BigDecimal scale(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
  }

  List<Participant> participants(UUID eventId) {
    return jdbc.sql(
            """
            select p.*, s.name as state_name,
              exists (select 1 from trainer_certification c
                      where c.event_id = p.event_id and c.trainer_id = p.trainer_id) as certified
            from event_participant p join state s on s.iso3 = p.state_iso3
            where p.event_id = ? order by p.full_name, p.id
            """)
        .param(eventId)
        .query(
            (rs, n) ->
                new Participant(
                    rs.getObject("id", UUID.class),
                    rs.getString("full_name"),
                    rs.getString("email"),
                    rs.getString("state_iso3"),
                    rs.getString("state_name"),
                    rs.getString("institution"),
                    rs.getString("role"),
                    rs.getBoolean("attended"),
                    rs.getObject("pre_score", Integer.class),
                    rs.getObject("post_score", Integer.class),
                    rs.getBoolean("certified"),
                    rs.getLong("version")))
        .list();
  }

  private void requireOpen(UUID eventId) {
    String status =
        jdbc.sql("select status from training_event where id = ? for update")
            .param(eventId)
            .query(String.class)
            .optional()
            .orElseThrow(() -> new EventNotFound(eventId));
    if (status.equals("COMPLETED")) {
      throw new EventRefused("capacity.error.completed");
    }
  }

  private void touch(UUID eventId) {
    jdbc.sql("update training_event set updated_at = ?, version = version + 1 where id = ?")
        .params(Timestamp.from(clock.instant()), eventId)
        .update();
  }

  private static void requireManager(CooperaUser user) {
    if (!mayManage(user)) {
      throw new AccessDeniedException("Administrators, agency officers and trainers run events");
    }
  }
}
