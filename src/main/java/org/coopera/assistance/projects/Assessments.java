package org.coopera.assistance.projects;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.coopera.assistance.projects.AssistedRequests.RequestFacts;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Needs assessments of a submitted request (principle 3): recorded by an officer of a provider that
 * accepted it or by the State's coordinator, agreed by the State's coordinator; or waived by the
 * State's coordinator with a reason, which the audit trail keeps.
 */
@Service
@Transactional
public class Assessments {

  private final JdbcClient jdbc;
  private final AssistedRequests requests;
  private final Clock clock;

  Assessments(JdbcClient jdbc, AssistedRequests requests, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.clock = clock;
  }

  /** An assessment as the API shows it. */
  public record Assessment(
      UUID id,
      UUID requestId,
      String findings,
      String gaps,
      String baseline,
      LocalDate assessedFrom,
      LocalDate assessedTo,
      List<UUID> recommendations,
      UUID recordedBy,
      UUID agreedBy,
      Instant agreedAt,
      long version) {}

  /** What a person sends to record an assessment. */
  public record Draft(
      String findings,
      String gaps,
      String baseline,
      LocalDate assessedFrom,
      LocalDate assessedTo,
      List<UUID> recommendations) {}

  @Transactional(readOnly = true)
  public List<Assessment> ofRequest(UUID requestId, CooperaUser user) {
    RequestFacts request = requests.require(requestId);
    if (!ProjectAccess.maySeeUnpublished(user, request.stateIso3(), request.accepted())) {
      throw new ProjectNotFound(requestId);
    }
    return load("request_id = ?", requestId);
  }

  public Assessment record(UUID requestId, Draft draft, CooperaUser user) {
    RequestFacts request = requests.require(requestId);
    requireMayRecord(request, user);
    request.requireSubmitted();
    String findings = Texts.required(draft.findings(), "findings", 20_000);
    Texts.inOrder(draft.assessedFrom(), draft.assessedTo(), "assessedTo");
    Set<UUID> recommendations =
        new LinkedHashSet<>(draft.recommendations() == null ? List.of() : draft.recommendations());
    if (!request.recommendations().containsAll(recommendations)) {
      throw new InvalidInputException("projects.error.recommendation", "recommendations");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into needs_assessment (id, request_id, findings, gaps, baseline, assessed_from,
                assessed_to, recorded_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            requestId,
            findings,
            Texts.clean(draft.gaps()),
            Texts.clean(draft.baseline()),
            sqlDate(draft.assessedFrom()),
            sqlDate(draft.assessedTo()),
            user.accountId(),
            now,
            now)
        .update();
    for (UUID recommendation : recommendations) {
      jdbc.sql(
              "insert into needs_assessment_recommendation (assessment_id, recommendation_id)"
                  + " values (?, ?)")
          .params(id, recommendation)
          .update();
    }
    return load("id = ?", id).get(0);
  }

  /** The State's coordinator agrees the assessment, as read at {@code version}. */
  public Assessment agree(UUID assessmentId, long version, CooperaUser user) {
    Assessment current =
        load("id = ?", assessmentId).stream()
            .findFirst()
            .orElseThrow(() -> new ProjectNotFound(assessmentId));
    RequestFacts request = requests.require(current.requestId());
    if (!ProjectAccess.isStateCoordinator(user, request.stateIso3())) {
      throw new AccessDeniedException("Only the State's coordinator agrees an assessment");
    }
    request.requireSubmitted();
    if (current.agreedAt() != null) {
      throw new ProjectRefused("assessment-already-agreed");
    }
    int changed =
        jdbc.sql(
                "update needs_assessment set agreed_by = ?, agreed_at = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ?")
            .params(
                user.accountId(),
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()),
                assessmentId,
                version)
            .update();
    if (changed == 0) {
      throw new StaleEdit(current);
    }
    return load("id = ?", assessmentId).get(0);
  }

  /** The State's coordinator waives the assessment of a submitted request, with a reason. */
  public void waive(UUID requestId, String reason, CooperaUser user) {
    RequestFacts request = requests.require(requestId);
    if (!ProjectAccess.isStateCoordinator(user, request.stateIso3())) {
      throw new AccessDeniedException("Only the State's coordinator waives an assessment");
    }
    request.requireSubmitted();
    String why = Texts.required(reason, "reason", 2_000);
    if (request.waived()) {
      throw new ProjectRefused("assessment-already-waived");
    }
    Timestamp now = Timestamp.from(clock.instant());
    int changed =
        jdbc.sql(
                """
                update assistance_request set assessment_waived_by = ?, assessment_waived_at = ?,
                       assessment_waiver = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(user.accountId(), now, why, now, requestId, request.version())
            .update();
    if (changed == 0) {
      throw new StaleEdit(null);
    }
  }

  private static void requireMayRecord(RequestFacts request, CooperaUser user) {
    if (!ProjectAccess.isStateCoordinator(user, request.stateIso3())
        && !ProjectAccess.isProviderOfficer(user, request.accepted())) {
      throw new AccessDeniedException(
          "Only an accepting provider's officer or the State's coordinator records an assessment");
    }
  }

  private static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private List<Assessment> load(String condition, UUID value) {
    return jdbc.sql(
            "select a.*, array(select recommendation_id from needs_assessment_recommendation r"
                + " where r.assessment_id = a.id) as recs from needs_assessment a where "
                + condition
                + " order by created_at")
        .param(value)
        .query(
            (rs, n) ->
                new Assessment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("request_id", UUID.class),
                    rs.getString("findings"),
                    rs.getString("gaps"),
                    rs.getString("baseline"),
                    rs.getObject("assessed_from", LocalDate.class),
                    rs.getObject("assessed_to", LocalDate.class),
                    List.of((UUID[]) rs.getArray("recs").getArray()),
                    rs.getObject("recorded_by", UUID.class),
                    rs.getObject("agreed_by", UUID.class),
                    rs.getTimestamp("agreed_at") == null
                        ? null
                        : rs.getTimestamp("agreed_at").toInstant(),
                    rs.getLong("version")))
        .list();
  }
}
