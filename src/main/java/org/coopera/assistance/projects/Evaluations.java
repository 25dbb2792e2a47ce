package org.coopera.assistance.projects;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.StoredFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations of a project (principle 5): what changed, the evidence (text and an optional file),
 * and the lag in days between the end of the activities and the measured change (para 100).
 */
@Service
@Transactional
public class Evaluations {

  private final JdbcClient jdbc;
  private final Projects projects;
  private final ProjectWork work;
  private final StoredFiles files;
  private final Clock clock;

  Evaluations(
      JdbcClient jdbc, Projects projects, ProjectWork work, StoredFiles files, Clock clock) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.work = work;
    this.files = files;
    this.clock = clock;
  }

  public record Evaluation(
      UUID id,
      String whatChanged,
      String evidence,
      UUID fileId,
      LocalDate activitiesEnded,
      LocalDate changeMeasured,
      long lagDays) {}

  public record EvaluationDraft(
      String whatChanged, String evidence, LocalDate activitiesEnded, LocalDate changeMeasured) {}

  /** A file attached as evidence. */
  public record Attachment(String fileName, byte[] content) {}

  @Transactional(readOnly = true)
  public List<Evaluation> evaluations(UUID projectId, CooperaUser user) {
    projects.require(projectId, user);
    return jdbc.sql("select * from project_evaluation where project_id = ? order by created_at")
        .param(projectId)
        .query(
            (rs, n) -> {
              LocalDate ended = rs.getObject("activities_ended", LocalDate.class);
              LocalDate measured = rs.getObject("change_measured", LocalDate.class);
              return new Evaluation(
                  rs.getObject("id", UUID.class),
                  rs.getString("what_changed"),
                  rs.getString("evidence"),
                  rs.getObject("file_id", UUID.class),
                  ended,
                  measured,
                  ChronoUnit.DAYS.between(ended, measured));
            })
        .list();
  }

  public Evaluation addEvaluation(
      UUID projectId, EvaluationDraft d, Attachment file, CooperaUser user) {
    work.workable(projectId, user);
    String changed = Texts.required(d.whatChanged(), "whatChanged", 20_000);
    LocalDate ended = Texts.date(d.activitiesEnded(), "activitiesEnded");
    LocalDate measured = Texts.date(d.changeMeasured(), "changeMeasured");
    Texts.inOrder(ended, measured, "changeMeasured");
    UUID fileId =
        file == null || file.content() == null || file.content().length == 0
            ? null
            : files.store(file.fileName(), file.content(), user.accountId()).id();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project_evaluation (id, project_id, what_changed, evidence, file_id,
                activities_ended, change_measured, recorded_by, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            projectId,
            changed,
            Texts.clean(d.evidence()),
            fileId,
            Date.valueOf(ended),
            Date.valueOf(measured),
            user.accountId(),
            Timestamp.from(clock.instant()))
        .update();
    return new Evaluation(
        id,
        changed,
        Texts.clean(d.evidence()),
        fileId,
        ended,
        measured,
        ChronoUnit.DAYS.between(ended, measured));
  }
}
