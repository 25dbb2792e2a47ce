package org.coopera.assistance.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.coopera.assistance.projects.Assessments;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.assistance.projects.Projects;
import org.coopera.assistance.requests.AssistanceRequests;
import org.coopera.assistance.requests.RequestDraft;
import org.coopera.identity.CooperaUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * In demo mode, the report's own cases of technical assistance (paras 80-88), each added once and
 * found by its request's title: the State's coordinator drafts and submits the request, every
 * provider it addresses accepts, the State agrees a needs assessment (or waives it with a reason),
 * and an OHCHR officer publishes the project with its activities, results framework and, for a
 * completed one, its evaluation. Everything goes through the services as those accounts, so the
 * principles hold as they do for real users; only the dates of the request, answers and assessment
 * are then set back to the case's years. Runs after the requests' and projects' demo data and
 * before the funds', which allocates money to some of these projects.
 */
@Component
public class DemoCases {

  static final String RESOURCE = "demo/assistance/report-cases.json";

  private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final UserDetailsService users;
  private final AssistanceRequests requests;
  private final Assessments assessments;
  private final Projects projects;
  private final ProjectWork work;
  private final Evaluations evaluations;
  private final boolean demo;

  DemoCases(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      UserDetailsService users,
      AssistanceRequests requests,
      Assessments assessments,
      Projects projects,
      ProjectWork work,
      Evaluations evaluations,
      @Value("${coopera.demo:false}") boolean demo) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.users = users;
    this.requests = requests;
    this.assessments = assessments;
    this.projects = projects;
    this.work = work;
    this.evaluations = evaluations;
    this.demo = demo;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE - 5)
  void addDemoCases() {
    if (!demo) {
      return;
    }
    int added = add();
    if (added > 0) {
      log.info("Demo data: {} cases of the report, each a request with its project", added);
    }
  }

  /** The report's cases, as the demo file holds them. */
  public static List<ReportCase> cases() {
    JsonMapper json =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      return json.readValue(in, ReportCase.File.class).cases();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The titles of the cases' projects, for the tests and the funds' demo. */
  public static List<String> projectTitles() {
    return cases().stream().map(c -> c.project().title()).toList();
  }

  /**
   * Adds each case whose request is not there yet, each in its own transaction; answers how many it
   * added. A case whose accounts are missing is left out.
   */
  public int add() {
    int added = 0;
    for (ReportCase c : cases()) {
      if (!exists(c) && accountsExist(c)) {
        transactions.executeWithoutResult(tx -> add(c));
        added++;
      }
    }
    return added;
  }

  private void add(ReportCase c) {
    CooperaUser coordinator = user(coordinator(c.state()));
    CooperaUser officer = user(officer(c.request().providers().get(0)));
    UUID request = request(c, coordinator);
    if (c.assessment() != null) {
      ReportCase.Assessment a = c.assessment();
      Assessments.Assessment recorded =
          assessments.record(
              request,
              new Assessments.Draft(
                  a.findings(), a.gaps(), a.baseline(), a.from(), a.to(), List.of()),
              officer);
      assessments.agree(recorded.id(), recorded.version(), coordinator);
    } else {
      assessments.waive(request, c.waiver(), coordinator);
    }
    project(request, c.project(), officer);
    backdate(request, c);
  }

  /** The coordinator drafts and submits the request; each provider addressed accepts it. */
  private UUID request(ReportCase c, CooperaUser coordinator) {
    ReportCase.Request r = c.request();
    UUID id =
        requests
            .create(
                c.state(),
                new RequestDraft(
                    r.title(),
                    r.summary(),
                    r.areas(),
                    r.forms(),
                    r.languages(),
                    r.priorities(),
                    List.of(),
                    List.of(),
                    r.providers().stream().map(p -> "org:" + p).toList(),
                    false),
                coordinator)
            .id();
    requests.submit(id, coordinator);
    for (String provider : r.providers()) {
      requests.answer(id, "ACCEPTED", null, user(officer(provider)));
    }
    return id;
  }

  /**
   * The published project with its activities and results; a completed one gets its evaluation and
   * is completed last, since a completed project takes no new activity.
   */
  private void project(UUID request, ReportCase.Project p, CooperaUser officer) {
    Project created =
        projects.create(
            request,
            new Projects.Draft(
                p.title(),
                p.description(),
                "ACTIVE",
                p.start(),
                p.end(),
                p.budget(),
                "USD",
                true,
                p.partners().stream()
                    .map(x -> new Projects.PartnerDraft(x.organisation(), null, x.role()))
                    .toList(),
                List.of()),
            officer);
    UUID id = created.id();
    for (ReportCase.Activity a : p.activities()) {
      work.addActivity(
          id,
          new ProjectWork.ActivityDraft(
              a.kind(), a.title(), a.start(), a.end(), a.place(), false, a.participants(), null),
          officer);
    }
    result(id, "OUTCOME", p.outcome(), officer);
    result(id, "OUTPUT", p.output(), officer);
    if (p.evaluation() != null) {
      ReportCase.Evaluation e = p.evaluation();
      evaluations.addEvaluation(
          id,
          new Evaluations.EvaluationDraft(
              e.whatChanged(), e.evidence(), e.activitiesEnded(), e.changeMeasured()),
          null,
          officer);
    }
    if (!p.status().equals("ACTIVE")) {
      projects.update(
          id,
          projects.require(id, officer).version(),
          new Projects.Draft(
              p.title(),
              p.description(),
              p.status(),
              p.start(),
              p.end(),
              p.budget(),
              "USD",
              true,
              null,
              null),
          officer);
    }
  }

  private void result(UUID project, String level, ReportCase.Result r, CooperaUser officer) {
    UUID result =
        work.addResult(project, new ProjectWork.ResultDraft(level, r.title(), null, null), officer);
    ReportCase.Indicator i = r.indicator();
    UUID indicator =
        work.addIndicator(
            project,
            result,
            new ProjectWork.IndicatorDraft(
                i.title(),
                i.unit(),
                i.ascending(),
                i.baseline(),
                i.baselineDate(),
                i.target(),
                i.targetDate()),
            officer);
    for (ReportCase.Value v : i.values()) {
      work.addValue(
          project, indicator, new ProjectWork.Value(v.start(), v.end(), v.actual(), null), officer);
    }
  }

  /**
   * Sets the request's drafting, submission and answers, and the assessment or waiver, back to the
   * case's dates (the services record the time they run).
   */
  private void backdate(UUID request, ReportCase c) {
    LocalDate submitted = c.request().submitted();
    LocalDate answered = submitted.plusDays(5);
    jdbc.sql(
            """
            update assistance_request set created_at = ?, submitted_at = ?, updated_at = ?,
                   assessment_waived_at = case when assessment_waived_at is null then null
                                               else cast(? as timestamptz) end
            where id = ?
            """)
        .params(at(c.request().drafted()), at(submitted), at(answered), at(answered), request)
        .update();
    jdbc.sql("update assistance_request_provider set answered_at = ? where request_id = ?")
        .params(at(answered), request)
        .update();
    if (c.assessment() != null) {
      jdbc.sql(
              "update needs_assessment set created_at = ?, updated_at = ?, agreed_at = ?"
                  + " where request_id = ?")
          .params(
              at(c.assessment().from()), at(c.assessment().to()), at(c.assessment().to()), request)
          .update();
    }
    jdbc.sql("update project set created_at = ? where request_id = ?")
        .params(at(c.project().start().minusDays(7)), request)
        .update();
  }

  private boolean exists(ReportCase c) {
    return jdbc.sql(
            "select exists (select 1 from assistance_request where state_iso3 = ? and title = ?)")
        .params(c.state(), c.request().title())
        .query(Boolean.class)
        .single();
  }

  private boolean accountsExist(ReportCase c) {
    List<String> emails =
        Stream.concat(
                Stream.of(coordinator(c.state())),
                c.request().providers().stream().map(DemoCases::officer))
            .toList();
    return jdbc.sql("select count(*) from account where email in (:emails) and enabled")
            .param("emails", emails)
            .query(Long.class)
            .single()
        == emails.size();
  }

  private CooperaUser user(String email) {
    return (CooperaUser) users.loadUserByUsername(email);
  }

  static String coordinator(String iso3) {
    return "coordinator." + iso3.toLowerCase(Locale.ROOT) + "@demo.coopera.org";
  }

  static String officer(String organisation) {
    return "officer." + organisation.toLowerCase(Locale.ROOT) + "@demo.coopera.org";
  }

  private static Timestamp at(LocalDate date) {
    return Timestamp.from(date.atTime(10, 0).toInstant(ZoneOffset.UTC));
  }
}
