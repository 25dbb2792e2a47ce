package org.coopera;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.coopera.support.HttpBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No lost update: for the aggregates of each module that two people edit, {@value #WRITERS} writers
 * over real HTTP each read the same version and send a change of their own at the same moment.
 * Exactly one is acknowledged; every other is refused as stale (409 in the API, the page with the
 * message and the person's text in it), in the writer's language, and changes nothing; what is
 * stored is the acknowledged change, written once in the audit trail. Then the writers retry on
 * refusal (read again, add their marker to what they read) until acknowledged: at the end every
 * marker is stored exactly once, and the audit trail holds one change per acknowledged write.
 */
@CooperaIntegrationTest
class ParallelWritersIT {

  static final int WRITERS = 8;
  private static final List<String> LANGUAGES = List.of("en", "fr", "es", "ru", "zh", "ar");
  private static final String TOKEN_NAME = "parallel writers test";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DemoLogins logins;
  @Autowired JsonMapper json;
  @Autowired MessageSource messages;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new HashMap<>();

  /** What the recommendation's response said before the test, put back for the other tests. */
  private static final List<Runnable> RESTORE = new ArrayList<>();

  @AfterAll
  static void restore() {
    RESTORE.forEach(Runnable::run);
    RESTORE.clear();
  }

  @Test
  void anAssistanceRequestLosesNoUpdate() throws Exception {
    String body =
        """
        {"state":"SVN","title":"Parallel %s","summary":"Why","areas":["POLICE"],
         "forms":["TRAINING"],"languages":["en"],"priorities":["First"],"providers":["org:OHCHR"],
         "confidential":false}
        """
            .formatted(UUID.randomUUID());
    String id =
        send("POST", "/api/v1/assistance/requests", DemoLogins.COORDINATOR_SVN, "en", body)
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "assistance_request",
            id,
            "/api/v1/assistance/requests/" + id,
            DemoLogins.COORDINATOR_SVN,
            "title",
            "assistance.error.stale",
            (version, text) ->
                body.replace("{\"state\"", "{\"version\":" + version + ",\"state\"")
                    .replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"" + text + "\"")));
  }

  /**
   * Submitting and withdrawing take no version, so they are guarded by the status they leave: of
   * eight coordinators submitting at once one is acknowledged; of eight withdrawing at once, each
   * with a reason, one is acknowledged and its reason kept; the others are told, in their language.
   */
  @Test
  void aRequestIsSubmittedAndWithdrawnOnce() throws Exception {
    String id = draftRequestOfSlovenia("Parallel transitions");
    String path = "/api/v1/assistance/requests/" + id;
    for (String step : List.of("submit", "withdraw")) {
      long mark = lastAudit();
      List<Answer> answers =
          postAtOnce(
              path + "/" + step,
              DemoLogins.COORDINATOR_SVN,
              w -> "{\"reason\": \"" + marker(1, w) + "\"}");
      List<Integer> acknowledged =
          theOneAcknowledged(
              answers,
              step.equals("submit")
                  ? "assistance.error.not-draft"
                  : "assistance.error.not-submitted");
      assertThat(auditedChanges("assistance_request", id, mark))
          .as("audited %s", step)
          .isEqualTo(1);
      if (step.equals("withdraw")) {
        assertThat(
                jdbc.sql("select withdrawal_reason from assistance_request where id = ?::uuid")
                    .param(id)
                    .query(String.class)
                    .single())
            .isEqualTo(marker(1, acknowledged.get(0)));
      }
    }
  }

  /**
   * Officers of the same provider answer a request at once, each with the version of the answer
   * they read: one answer is kept, the others are refused in their language, and none overwrites
   * it; an answer with the version read afterwards changes it.
   */
  @Test
  void aProviderAnswersOnce() throws Exception {
    String id = draftRequestOfSlovenia("Parallel answers");
    String path = "/api/v1/assistance/requests/" + id;
    send("POST", path + "/submit", DemoLogins.COORDINATOR_SVN, "en", null);
    long read =
        send("GET", path, DemoLogins.AGENCY_OFFICER, "en", null)
            .get("providers")
            .get(0)
            .get("version")
            .asLong();
    long mark = lastAudit();
    List<Answer> answers =
        postAtOnce(
            path + "/answer",
            DemoLogins.AGENCY_OFFICER,
            w ->
                "{\"answer\": \"%s\", \"note\": \"%s\", \"version\": %d}"
                    .formatted(w % 2 == 0 ? "accepted" : "declined", marker(1, w), read));
    List<Integer> acknowledged = theOneAcknowledged(answers, "assistance.error.answered-meanwhile");
    String providerRow =
        jdbc.sql("select id::text from assistance_request_provider where request_id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
    assertThat(
            jdbc.sql("select answer_note from assistance_request_provider where id = ?::uuid")
                .param(providerRow)
                .query(String.class)
                .single())
        .isEqualTo(marker(1, acknowledged.get(0)));
    assertThat(auditedChanges("assistance_request_provider", providerRow, mark)).isEqualTo(1);
    // the stale version is still refused; the version read now changes the answer
    assertThat(
            call(
                    "POST",
                    path + "/answer",
                    DemoLogins.AGENCY_OFFICER,
                    "en",
                    "{\"answer\": \"declined\", \"version\": %d}".formatted(read))
                .statusCode())
        .isEqualTo(409);
    long now =
        send("GET", path, DemoLogins.AGENCY_OFFICER, "en", null)
            .get("providers")
            .get(0)
            .get("version")
            .asLong();
    assertThat(now).isEqualTo(read + 1);
    assertThat(
            send(
                    "POST",
                    path + "/answer",
                    DemoLogins.AGENCY_OFFICER,
                    "en",
                    "{\"answer\": \"declined\", \"note\": \"second thoughts\", \"version\": %d}"
                        .formatted(now))
                .get("providers")
                .get(0)
                .get("note")
                .asString())
        .isEqualTo("second thoughts");
  }

  @Test
  void aProjectLosesNoUpdate() throws Exception {
    // a request submitted by Slovenia and accepted by OHCHR, its assessment waived by the State
    UUID request = UUID.randomUUID();
    UUID coordinator =
        jdbc.sql("select id from account where email = ?")
            .param(DemoLogins.COORDINATOR_SVN)
            .query(UUID.class)
            .single();
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, status, created_by, submitted_by,
                submitted_at, created_at, updated_at, assessment_waived_by, assessment_waived_at,
                assessment_waiver)
            values (?, 'SVN', ?, 'SUBMITTED', ?, ?, now(), now(), now(), ?, now(),
                    'Test: the State waived the assessment')
            """)
        .params(
            request, "Parallel project request " + request, coordinator, coordinator, coordinator)
        .update();
    jdbc.sql(
            "insert into assistance_request_provider (id, request_id, organisation_code, answer)"
                + " values (?, ?, 'OHCHR', 'ACCEPTED')")
        .params(UUID.randomUUID(), request)
        .update();
    String project =
        """
        {"title": "%s", "description": "Training of judges", "status": "ACTIVE",
         "startDate": "2031-03-01", "endDate": "2032-02-28", "budgetAmount": 120000.00,
         "budgetCurrency": "USD",
         "partners": [{"organisation": "OHCHR", "role": 2}, {"organisation": "OHCHR", "role": 4}]}
        """;
    String id =
        send(
                "POST",
                "/api/v1/projects",
                DemoLogins.AGENCY_OFFICER,
                "en",
                "{\"requestId\": \""
                    + request
                    + "\", \"project\": "
                    + project.formatted("Parallel project")
                    + "}")
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "project",
            id,
            "/api/v1/projects/" + id,
            DemoLogins.AGENCY_OFFICER,
            "title",
            "projects.error.stale",
            (version, text) ->
                "{\"version\": " + version + ", \"project\": " + project.formatted(text) + "}"));
  }

  @Test
  void anOfferLosesNoUpdate() throws Exception {
    String id =
        send(
                "POST",
                "/api/v1/assistance/offers",
                DemoLogins.AGENCY_OFFICER,
                "en",
                """
                {"title": "Parallel offer", "areas": ["MEDIA"], "forms": ["SEMINAR"],
                 "languages": ["en"]}
                """)
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "assistance_offer",
            id,
            "/api/v1/assistance/offers/" + id,
            DemoLogins.AGENCY_OFFICER,
            "title",
            "assistance.error.offer-stale",
            (version, text) ->
                """
                {"title": "%s", "areas": ["MEDIA"], "forms": ["SEMINAR"], "languages": ["en"],
                 "version": %d}
                """
                    .formatted(text, version)));
  }

  @Test
  void anInstitutionLosesNoUpdate() throws Exception {
    String base = "/api/v1/workspaces/SVN/institutions";
    String id =
        send(
                "POST",
                base,
                DemoLogins.COORDINATOR_SVN,
                "en",
                "{\"name\": \"Parallel office " + UUID.randomUUID() + "\", \"kind\": \"agency\"}")
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "institution",
            id,
            base + "/" + id,
            DemoLogins.COORDINATOR_SVN,
            "name",
            "institution.error.stale",
            (version, text) ->
                "{\"version\": "
                    + version
                    + ", \"name\": \""
                    + text
                    + "\", \"kind\": \"agency\"}"));
  }

  @Test
  void aWorkspaceActionLosesNoUpdate() throws Exception {
    String base = "/api/v1/workspaces/SVN";
    String recommendation =
        jdbc.sql(
                """
                select r.code from recommendation r
                where r.state_iso3 = 'SVN' and r.cluster_id is null
                  and not exists (select 1 from assignment a where a.recommendation_id = r.id)
                order by r.code desc limit 1
                """)
            .query(String.class)
            .single();
    String justice =
        jdbc.sql(
                "select id::text from institution where state_iso3 = 'SVN'"
                    + " and name = 'Ministry of Justice'")
            .query(String.class)
            .single();
    String assignment =
        send(
                "POST",
                base + "/assignments",
                DemoLogins.COORDINATOR_SVN,
                "en",
                """
                {"subject": "%s", "lead": "%s", "priority": "medium"}
                """
                    .formatted(recommendation, justice))
            .get("id")
            .asString();
    String action =
        """
        {"version": %s, "title": "%s", "institution": "%s", "dueDate": "2031-03-31",
         "estimatedCost": 12000, "currency": "eur"}
        """;
    String id =
        send(
                "POST",
                base + "/assignments/" + assignment + "/actions",
                DemoLogins.COORDINATOR_SVN,
                "en",
                action.formatted("null", "Parallel action", justice))
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "implementation_action",
            id,
            base + "/actions/" + id,
            DemoLogins.COORDINATOR_SVN,
            "title",
            "workspace.error.stale",
            (version, text) -> action.formatted(version, text, justice)));
  }

  @Test
  void aPracticeLosesNoUpdate() throws Exception {
    String practice =
        """
        {"state": "SVN", "title": "%s", "whatDone": "A national mechanism was set up",
         "context": "After the review", "forms": ["TRAINING", "EXPERT_ADVICE"],
         "results": "Reports on time", "challenges": "Staff turnover",
         "contact": "focal@gov.example", "themes": ["A22"]%s}
        """;
    String id =
        send(
                "POST",
                "/api/v1/practices",
                DemoLogins.FOCAL_POINT_SVN,
                "en",
                practice.formatted("Parallel practice", ""))
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "practice",
            id,
            "/api/v1/practices/" + id,
            DemoLogins.FOCAL_POINT_SVN,
            "title",
            "exchange.error.stale",
            (version, text) -> practice.formatted(text, ", \"version\": " + version)));
  }

  @Test
  void aTrainingEventLosesNoUpdate() throws Exception {
    String event =
        """
        {"title": "%s", "kind": "WORKSHOP", "treaty": "crpd", "startsOn": "2034-04-01",
         "endsOn": "2034-04-02", "place": "Dakar", "organisers": "OHCHR", "passMark": 70%s}
        """;
    String id =
        send(
                "POST",
                "/api/v1/capacity/events",
                DemoLogins.AGENCY_OFFICER,
                "en",
                event.formatted("Parallel workshop", ""))
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "training_event",
            id,
            "/api/v1/capacity/events/" + id,
            DemoLogins.AGENCY_OFFICER,
            "title",
            "capacity.error.stale-event-change",
            (version, text) -> event.formatted(text, ", \"version\": " + version)));
  }

  /**
   * A participant's details and scores, changed by several who run the event at once (in 2041,
   * outside the periods whose reach figures other tests work out by hand).
   */
  @Test
  void aParticipantLosesNoUpdate() throws Exception {
    String id =
        send(
                "POST",
                "/api/v1/capacity/events",
                DemoLogins.AGENCY_OFFICER,
                "en",
                """
                {"title": "Parallel scores", "kind": "WORKSHOP", "treaty": "crpd",
                 "startsOn": "2041-05-01", "endsOn": "2041-05-02", "place": "Dakar",
                 "organisers": "OHCHR", "passMark": 70}
                """)
            .get("id")
            .asString();
    String participant =
        "{\"fullName\": \"Awa Diop\", \"state\": \"SEN\", \"institution\": \"%s\"%s}";
    String pid =
        send(
                "POST",
                "/api/v1/capacity/events/" + id + "/participants",
                DemoLogins.AGENCY_OFFICER,
                "en",
                participant.formatted("Ministry of Justice", ""))
            .get("id")
            .asString();
    String path = "/api/v1/capacity/events/" + id + "/participants/" + pid;
    race(
        new ApiSubject(
            "event_participant",
            pid,
            path,
            DemoLogins.AGENCY_OFFICER,
            "institution",
            "capacity.error.stale",
            (version, text) ->
                participant.formatted(text, ", \"attended\": true, \"version\": " + version)) {
          @Override
          public Read read(int w) throws Exception {
            JsonNode event =
                send(
                    "GET",
                    "/api/v1/capacity/events/" + id,
                    DemoLogins.AGENCY_OFFICER,
                    language(w),
                    null);
            for (JsonNode p : event.get("participants")) {
              if (p.get("id").asString().equals(pid)) {
                return new Read(p.get("version").asLong(), p.get("institution").asString());
              }
            }
            throw new AssertionError("the event does not list participant " + pid);
          }
        });
  }

  @Test
  void aLibraryResourceLosesNoUpdate() throws Exception {
    String resource = "{\"title\": \"%s\", \"kind\": \"GUIDE\", \"audience\": \"TRAINERS\"%s}";
    String id =
        send(
                "POST",
                "/api/v1/capacity/resources",
                DemoLogins.TRAINER,
                "en",
                resource.formatted("Parallel guide", ""))
            .get("id")
            .asString();
    race(
        new ApiSubject(
            "library_resource",
            id,
            "/api/v1/capacity/resources/" + id,
            DemoLogins.TRAINER,
            "title",
            "library.error.stale",
            (version, text) -> resource.formatted(text, ", \"version\": " + version)));
  }

  @Test
  void aRecommendationsResponseLosesNoUpdateOnItsPage() throws Exception {
    Map<String, Object> chosen =
        jdbc.sql(
                """
                select id, code, response_comment, response_source from recommendation
                where state_iso3 = 'SVN' order by code desc limit 1
                """)
            .query()
            .singleRow();
    UUID id = (UUID) chosen.get("id");
    Object comment = chosen.get("response_comment");
    Object source = chosen.get("response_source");
    RESTORE.add(
        () ->
            jdbc.sql(
                    "update recommendation set response_comment = ?, response_source = ? where id = ?")
                .params(comment, source, id)
                .update());
    race(new ResponsePage(id.toString(), (String) chosen.get("code")));
  }

  /**
   * One person choosing languages in several tabs at once: every page answers, none fails on the
   * account's version, and the account keeps one of the languages chosen.
   */
  @Test
  void languagesChosenAtOnceNeverFail() throws Exception {
    String before =
        jdbc.sql("select preferred_language from account where email = ?")
            .param(DemoLogins.FOCAL_POINT_PRY)
            .query(String.class)
            .list()
            .get(0);
    List<HttpBrowser> tabs = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      HttpBrowser tab = new HttpBrowser(port);
      tab.signIn(DemoLogins.FOCAL_POINT_PRY, DemoLogins.PASSWORD);
      tabs.add(tab);
    }
    List<Answer> answers =
        parallel(
            w ->
                new Prepared(
                    () -> {
                      HttpResponse<String> page = tabs.get(w).get("/profile?lang=" + language(w));
                      return new Answer(page.statusCode() == 200, page.statusCode(), null, "");
                    }));
    assertThat(answers).extracting(Answer::status).containsOnly(200);
    assertThat(
            jdbc.sql("select preferred_language from account where email = ?")
                .param(DemoLogins.FOCAL_POINT_PRY)
                .query(String.class)
                .single())
        .isIn(LANGUAGES);
    jdbc.sql("update account set preferred_language = ? where email = ?")
        .params(before, DemoLogins.FOCAL_POINT_PRY)
        .update();
  }

  // --- the race ---

  /** What a writer read: the version and the text it will change. */
  record Read(long version, String text) {}

  /** The answer to a write: acknowledged, or refused with the message the writer was shown. */
  record Answer(boolean acknowledged, int status, String message, String body) {}

  /** An aggregate that writers change over HTTP, each as writer number {@code w}. */
  interface Subject {
    String table();

    String recordId();

    Read read(int w) throws Exception;

    Answer write(int w, long version, String text) throws Exception;

    /** The text as the database holds it. */
    String stored();

    /** The refusal that a stale write must get, in the writer's language. */
    String staleMessage(int w);

    /** The status a refused write must answer with. */
    int refusedStatus();
  }

  private void race(Subject s) throws Exception {
    // round 1: everybody writes on top of the same version
    long mark = lastAudit();
    Read first = s.read(0);
    List<Answer> answers =
        parallel(
            w -> {
              Read mine = s.read(w);
              assertThat(mine.version()).isEqualTo(first.version());
              return new Prepared(() -> s.write(w, mine.version(), marker(1, w)));
            });
    List<Integer> acknowledged = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Answer a = answers.get(w);
      if (a.acknowledged()) {
        acknowledged.add(w);
      } else {
        assertRefused(s, w, a);
      }
    }
    assertThat(acknowledged).as("writers acknowledged on version %d", first.version()).hasSize(1);
    assertThat(s.stored()).isEqualTo(marker(1, acknowledged.get(0)));
    assertThat(auditedChanges(s, mark)).as("audited changes of round 1").isEqualTo(1);

    // round 2: each writer reads again after a refusal and adds its marker to what it read
    mark = lastAudit();
    List<Answer> finals =
        parallel(
            w ->
                new Prepared(
                    () -> {
                      for (int attempt = 0; attempt < 20 * WRITERS; attempt++) {
                        Read now = s.read(w);
                        Answer a = s.write(w, now.version(), now.text() + " " + marker(2, w));
                        if (a.acknowledged()) {
                          return a;
                        }
                        assertRefused(s, w, a);
                      }
                      throw new AssertionError("writer " + w + " never got through");
                    }));
    assertThat(finals).allMatch(Answer::acknowledged);
    String stored = s.stored();
    for (int w = 0; w < WRITERS; w++) {
      String m = marker(2, w);
      assertThat(stored.indexOf(m))
          .as("%s holds the acknowledged %s once: %s", s.table(), m, stored)
          .isNotNegative()
          .isEqualTo(stored.lastIndexOf(m));
    }
    assertThat(auditedChanges(s, mark)).as("audited changes of round 2").isEqualTo(WRITERS);
  }

  private void assertRefused(Subject s, int w, Answer a) {
    assertThat(a.status())
        .as("writer %d refused (never a server error): %s", w, a.body())
        .isEqualTo(s.refusedStatus());
    assertThat(a.message()).as("writer %d is told in its language", w).isEqualTo(s.staleMessage(w));
  }

  /** A write made ready before the start, so that every writer sends at the same moment. */
  record Prepared(Write write) {}

  interface Write {
    Answer send() throws Exception;
  }

  interface Preparation {
    Prepared prepare(int w) throws Exception;
  }

  /** A draft request of Slovenia's coordinator addressed to OHCHR; its id. */
  private String draftRequestOfSlovenia(String title) throws Exception {
    String body =
        """
        {"state":"SVN","title":"%s %s","summary":"Why","areas":["POLICE"],
         "forms":["TRAINING"],"languages":["en"],"priorities":["First"],"providers":["org:OHCHR"],
         "confidential":false}
        """
            .formatted(title, UUID.randomUUID());
    return send("POST", "/api/v1/assistance/requests", DemoLogins.COORDINATOR_SVN, "en", body)
        .get("id")
        .asString();
  }

  /** Every writer posts its body to the same path at the same moment, in its language. */
  private List<Answer> postAtOnce(String path, String who, IntFunction<String> bodyOf)
      throws Exception {
    return parallel(
        w ->
            new Prepared(
                () -> {
                  HttpResponse<String> r = call("POST", path, who, language(w), bodyOf.apply(w));
                  String detail =
                      r.statusCode() == 409
                          ? json.readTree(r.body()).get("detail").asString()
                          : null;
                  return new Answer(r.statusCode() == 200, r.statusCode(), detail, r.body());
                }));
  }

  /**
   * The writers whose write was acknowledged, which must be exactly one; every other was refused
   * with {@code 409} and the message of {@code refusal} in its language.
   */
  private List<Integer> theOneAcknowledged(List<Answer> answers, String refusal) {
    List<Integer> acknowledged = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      Answer a = answers.get(w);
      if (a.acknowledged()) {
        acknowledged.add(w);
      } else {
        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.message()).isEqualTo(message(refusal, w));
      }
    }
    assertThat(acknowledged).as("writes acknowledged").hasSize(1);
    return acknowledged;
  }

  private List<Answer> parallel(Preparation preparation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CountDownLatch ready = new CountDownLatch(WRITERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  Prepared p;
                  try {
                    p = preparation.prepare(writer);
                  } finally {
                    ready.countDown();
                  }
                  start.await();
                  return p.write().send();
                }));
      }
      assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> f : futures) {
        answers.add(f.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String marker(int round, int w) {
    return "[r" + round + "w" + w + "]";
  }

  private static String language(int w) {
    return LANGUAGES.get(w % LANGUAGES.size());
  }

  private String message(String key, int w) {
    return messages.getMessage(key, null, Locale.forLanguageTag(language(w)));
  }

  private long lastAudit() {
    return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
  }

  /** How many transactions changed the record since {@code mark}, as the audit trail says. */
  private long auditedChanges(Subject s, long mark) {
    return auditedChanges(s.table(), s.recordId(), mark);
  }

  /** How many transactions changed this row since {@code mark}, as the audit trail says. */
  private long auditedChanges(String table, String recordId, long mark) {
    return jdbc.sql(
            """
            select count(distinct transaction_id) from audit_entry
            where table_name = ? and record_id = ? and operation = 'UPDATE' and id > ?
            """)
        .params(table, recordId, mark)
        .query(Long.class)
        .single();
  }

  // --- the API ---

  interface BodyOf {
    String body(long version, String text);
  }

  /** An aggregate changed with PUT over the API by the bearer of a personal token. */
  class ApiSubject implements Subject {
    private final String table;
    private final String id;
    private final String path;
    private final String who;
    private final String field;
    private final String staleKey;
    private final BodyOf bodyOf;

    ApiSubject(
        String table,
        String id,
        String path,
        String who,
        String field,
        String staleKey,
        BodyOf bodyOf) {
      this.table = table;
      this.id = id;
      this.path = path;
      this.who = who;
      this.field = field;
      this.staleKey = staleKey;
      this.bodyOf = bodyOf;
    }

    @Override
    public String table() {
      return table;
    }

    @Override
    public String recordId() {
      return id;
    }

    @Override
    public Read read(int w) throws Exception {
      JsonNode node = send("GET", path, who, language(w), null);
      return new Read(node.get("version").asLong(), node.get(field).asString());
    }

    @Override
    public Answer write(int w, long version, String text) throws Exception {
      HttpResponse<String> r = call("PUT", path, who, language(w), bodyOf.body(version, text));
      if (r.statusCode() == 200) {
        return new Answer(true, 200, null, r.body());
      }
      String detail = null;
      if (r.body().startsWith("{")) {
        JsonNode problem = json.readTree(r.body());
        detail = problem.has("detail") ? problem.get("detail").asString() : null;
      }
      return new Answer(false, r.statusCode(), detail, r.body());
    }

    @Override
    public String stored() {
      return jdbc.sql("select " + field + " from " + table + " where id = ?::uuid")
          .param(id)
          .query(String.class)
          .single();
    }

    @Override
    public String staleMessage(int w) {
      return message(staleKey, w);
    }

    @Override
    public int refusedStatus() {
      return 409;
    }
  }

  private JsonNode send(String method, String path, String who, String language, String body)
      throws Exception {
    HttpResponse<String> r = call(method, path, who, language, body);
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isBetween(200, 201);
    return json.readTree(r.body());
  }

  private HttpResponse<String> call(
      String method, String path, String who, String language, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token(who))
            .header("Accept-Language", language)
            .header("Accept", "application/json, application/problem+json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private synchronized String token(String email) throws Exception {
    String known = tokens.get(email);
    if (known != null) {
      return known;
    }
    boolean secondFactor =
        jdbc.sql(
                    "select count(*) from two_factor t join account a on a.id = t.account_id"
                        + " where a.email = ?")
                .param(email)
                .query(Long.class)
                .single()
            > 0;
    String request =
        "{\"email\": \""
            + email
            + "\", \"password\": \""
            + DemoLogins.PASSWORD
            + "\", "
            + (secondFactor ? "\"code\": \"" + logins.unusedCode(email) + "\", " : "")
            + "\"scope\": \"read-write\", \"name\": \""
            + TOKEN_NAME
            + "\"}";
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = json.readTree(created.body()).get("token").asString();
    tokens.put(email, token);
    return token;
  }

  @org.junit.jupiter.api.AfterEach
  void revokeTokens() {
    jdbc.sql("delete from api_token where name = ?").param(TOKEN_NAME).update();
    tokens.clear();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  // --- a page ---

  /**
   * The response of a recommendation, changed on its page by the State's coordinator: each writer a
   * browser of its own, signed in, in its own language.
   */
  final class ResponsePage implements Subject {
    private final String id;
    private final String code;
    private final List<HttpBrowser> browsers = new ArrayList<>();
    private final List<Document> pages = new ArrayList<>();

    ResponsePage(String id, String code) throws Exception {
      this.id = id;
      this.code = code;
      for (int w = 0; w < WRITERS; w++) {
        HttpBrowser browser = new HttpBrowser(port);
        browser.signIn(DemoLogins.COORDINATOR_SVN, DemoLogins.PASSWORD);
        browsers.add(browser);
        pages.add(null);
      }
    }

    @Override
    public String table() {
      return "recommendation";
    }

    @Override
    public String recordId() {
      return id;
    }

    private String page() {
      return "/recommendations/" + code;
    }

    @Override
    public Read read(int w) throws Exception {
      Document page = open(w, page() + "?lang=" + language(w));
      Element form = responseForm(page);
      return new Read(
          Long.parseLong(form.selectFirst("input[name=version]").val()),
          form.selectFirst("textarea[name=comment]").text());
    }

    private Document open(int w, String path) throws Exception {
      HttpResponse<String> r = browsers.get(w).get(path);
      assertThat(r.statusCode()).isEqualTo(200);
      Document page = Jsoup.parse(r.body());
      pages.set(w, page);
      return page;
    }

    private Element responseForm(Document page) {
      Element form = page.selectFirst("form[action$=/response]");
      assertThat(form).as("the coordinator sees the response form").isNotNull();
      return form;
    }

    @Override
    public Answer write(int w, long version, String text) throws Exception {
      Element form = responseForm(pages.get(w));
      String response = form.selectFirst("select[name=response] option[selected]").val();
      HttpResponse<String> posted =
          browsers
              .get(w)
              .post(
                  "/recommendations/" + code + "/response",
                  "version",
                  Long.toString(version),
                  "response",
                  response,
                  "comment",
                  text,
                  "source",
                  "");
      if (posted.statusCode() != 302) {
        return new Answer(false, posted.statusCode(), null, posted.body());
      }
      Document after = open(w, HttpBrowser.location(posted).replaceFirst("^https?://[^/]+", ""));
      Element error = after.selectFirst("[role=alert]");
      if (error == null) {
        return new Answer(true, 302, null, after.text());
      }
      // refused: the message in the writer's language, and the form keeps what it typed
      assertThat(responseForm(after).selectFirst("textarea[name=comment]").text())
          .as("writer %d's text kept in the form", w)
          .isEqualTo(text);
      return new Answer(false, 302, error.text(), after.text());
    }

    @Override
    public String stored() {
      return jdbc.sql("select response_comment from recommendation where id = ?::uuid")
          .param(id)
          .query(String.class)
          .single();
    }

    @Override
    public String staleMessage(int w) {
      return message("curation.error.stale", w);
    }

    @Override
    public int refusedStatus() {
      return 302;
    }
  }
}
