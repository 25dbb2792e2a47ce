package org.coopera.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.Actions;
import org.coopera.implementation.internal.Assignments;
import org.coopera.implementation.internal.Indicators;
import org.coopera.implementation.internal.ProgressUpdates;
import org.coopera.recommendations.RecommendationLookup;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public view of a State's follow-up shows what was published and nothing else, to everyone;
 * civil society sends input on public assignments, the State's coordinators decide on it, and only
 * accepted input is published beside the State's account.
 */
@CooperaIntegrationTest
class PublicImplementationIT {

  static final String COORDINATOR_SVN = "coordinator.svn@demo.coopera.org";
  static final String FOCAL_POINT_SVN = "focal.svn.public@test.coopera.org";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;
  @Autowired Assignments assignments;
  @Autowired Actions actions;
  @Autowired Indicators indicators;
  @Autowired ProgressUpdates updates;
  @Autowired RecommendationLookup registry;

  /** An assignment of Slovenia with updates at each step of their review, each with a marker. */
  record Fixture(
      UUID assignment,
      String code,
      UUID publishedUpdate,
      UUID publishedFile,
      UUID approvedUpdate,
      UUID approvedFile) {}

  @Test
  void onlyPublishedContentIsShownToAnyone() throws Exception {
    Fixture f = publishedWithUnpublishedAround("SVN", "Ministry of Justice");
    UUID hidden = assign("SVN", "Ministry of Justice");
    UUID hiddenAction = action("SVN", hidden, "Hidden action");
    update("SVN", hidden, "action:" + hiddenAction, "in-progress", "MARK-HIDDEN-APPROVED", 2, null);

    List<RequestPostProcessor> viewers =
        List.of(
            r -> r,
            logins.as(DemoLogins.CIVIL_SOCIETY),
            logins.as(DemoLogins.COORDINATOR_PRY),
            logins.as(DemoLogins.AGENCY_OFFICER));
    for (RequestPostProcessor who : viewers) {
      String list = body(get("/implementation/SVN?lang=en").with(who), 200);
      String csv = body(get("/implementation/SVN/export.csv").with(who), 200);
      String detail =
          body(
              get("/implementation/SVN/assignments/" + f.assignment() + "?lang=en").with(who), 200);
      for (String text : List.of(list, csv, detail)) {
        assertThat(text)
            .doesNotContain(
                "MARK-DRAFT",
                "MARK-SUBMITTED",
                "MARK-APPROVED",
                "MARK-HIDDEN",
                "MARK-DESCRIPTION",
                "9191",
                "77.5");
      }
      assertThat(list).contains("MARK-PUBLISHED");
      assertThat(csv).contains("MARK-PUBLISHED", f.code()).doesNotContain(hidden.toString());
      assertThat(list).doesNotContain(hidden.toString());
      Document page = Jsoup.parse(detail);
      assertThat(page.select(".narrative").eachText())
          .containsExactlyInAnyOrder("MARK-PUBLISHED", "Value published");
      assertThat(page.select("#status").text())
          .as("the approved but unpublished update counts for nothing")
          .isEqualTo("In progress");
      assertThat(page.select(".indicator-value").eachText()).containsExactly("4242");
      assertThat(page.select("a[href*=/evidence/]").eachAttr("href"))
          .containsExactly(
              "/implementation/SVN/evidence/" + f.publishedUpdate() + "/" + f.publishedFile());
      assertThat(page.select(".list-group-item").text())
          .contains("Published action", "Unreported action", "Nothing published yet");
      mvc.perform(get("/implementation/SVN/assignments/" + hidden).with(who))
          .andExpect(status().isNotFound());
    }

    byte[] evidence =
        mvc.perform(
                get(
                    "/implementation/SVN/evidence/"
                        + f.publishedUpdate()
                        + "/"
                        + f.publishedFile()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(evidence, StandardCharsets.UTF_8)).isEqualTo("published evidence");
    mvc.perform(get("/implementation/SVN/evidence/" + f.approvedUpdate() + "/" + f.approvedFile()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/implementation/SVN/evidence/" + f.approvedUpdate() + "/" + f.publishedFile()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/implementation/CHN/evidence/" + f.publishedUpdate() + "/" + f.publishedFile()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/implementation/XYZ")).andExpect(status().isNotFound());

    Document index = Jsoup.parse(body(get("/implementation?lang=en"), 200));
    assertThat(index.select("a[href=/implementation/SVN]").text()).isEqualTo("Slovenia");
    Document profile = Jsoup.parse(body(get("/states/SVN?lang=en"), 200));
    assertThat(profile.select("a[href=/implementation/SVN]")).hasSize(1);
  }

  @Test
  void aStateThatPublishedNothingHasAnEmptyPage() throws Exception {
    Document page = Jsoup.parse(body(get("/implementation/NOR?lang=en"), 200));
    assertThat(page.select(".alert-info").text())
        .isEqualTo("This State has not published any follow-up yet.");
    assertThat(page.select("table")).isEmpty();
  }

  @Test
  void acceptedInputIsPublishedBesideTheStatesAccountDeclinedIsNot() throws Exception {
    Fixture f = publishedWithUnpublishedAround("SVN", "Human Rights Ombudsman");
    String path = "/implementation/SVN/assignments/" + f.assignment();
    UUID accepted =
        sendInput(path, "partially-implemented", "CSO-ACCEPTED statement", "alt.txt", "our view");
    UUID declined = sendInput(path, "", "CSO-DECLINED statement", null, null);

    Document workspace =
        Jsoup.parse(
            body(get("/workspace/SVN/input?lang=en").with(logins.as(COORDINATOR_SVN)), 200));
    List<String> ids = workspace.select("article.input").eachAttr("id");
    assertThat(ids.indexOf("input-" + declined))
        .as("newest first")
        .isLessThan(ids.indexOf("input-" + accepted));
    assertThat(
            body(
                get("/workspace/SVN/input?status=submitted").with(logins.as(focalPointSvn())), 200))
        .contains("CSO-ACCEPTED", "CSO-DECLINED");

    mvc.perform(
            decide(accepted, "accept", "STATE-ANSWER we agree").with(logins.as(focalPointSvn())))
        .andExpect(status().isForbidden());
    mvc.perform(decide(accepted, "accept", "x").with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/workspace/SVN/input").with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/workspace/SVN/input").with(logins.as(DemoLogins.CIVIL_SOCIETY)))
        .andExpect(status().isForbidden());
    assertThat(inputStatus(accepted)).isEqualTo("SUBMITTED");

    mvc.perform(
            decide(accepted, "accept", "STATE-ANSWER we agree").with(logins.as(COORDINATOR_SVN)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            decide(declined, "decline", "STATE-DECLINE-ANSWER").with(logins.as(COORDINATOR_SVN)))
        .andExpect(status().is3xxRedirection());
    Document stale =
        Jsoup.parse(
            body(
                post("/workspace/SVN/input/" + accepted + "?lang=en")
                    .param("version", "0")
                    .param("decision", "decline")
                    .param("answer", "too late")
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()),
                409));
    assertThat(stale.select(".alert-warning").text())
        .contains("Someone decided on this input", "Accepted", "too late");
    assertThat(inputStatus(accepted)).isEqualTo("ACCEPTED");

    Document page = Jsoup.parse(body(get(path + "?lang=en"), 200));
    assertThat(page.select(".civil-input .statement").eachText())
        .containsExactly("CSO-ACCEPTED statement");
    assertThat(page.select(".civil-input .answer").text()).contains("STATE-ANSWER we agree");
    assertThat(page.select(".civil-input .organisation").text())
        .isEqualTo(
            jdbc.sql("select name from organisation where code = 'UPR_INFO'")
                .query(String.class)
                .single());
    assertThat(page.text()).doesNotContain("CSO-DECLINED", "STATE-DECLINE-ANSWER");
    String file = page.select(".civil-input a[href*=/input-files/]").attr("href");
    assertThat(body(get(file), 200)).isEqualTo("our view");
    mvc.perform(get("/implementation/SVN/input-files/" + declined))
        .andExpect(status().isNotFound());

    UUID author = account(DemoLogins.CIVIL_SOCIETY);
    assertThat(
            jdbc.sql(
                    "select message_key from notification where account_id = ? and link = ?"
                        + " order by created_at")
                .params(author, path)
                .query(String.class)
                .list())
        .containsSubsequence("input.notice.accepted", "input.notice.declined");
  }

  @Test
  void civilSocietySendsInputOnlyOnPublicAssignmentsAndOnlyAcceptedFiles() throws Exception {
    UUID hidden = assign("SVN", "National Assembly");
    update(
        "SVN",
        hidden,
        "action:" + action("SVN", hidden, "Not yet published"),
        "in-progress",
        "MARK-NOT-PUBLIC",
        2,
        null);
    long before = jdbc.sql("select count(*) from civil_society_input").query(Long.class).single();
    mvc.perform(
            multipart("/implementation/SVN/assignments/" + hidden + "/input")
                .param("statement", "On a hidden assignment")
                .with(logins.as(DemoLogins.CIVIL_SOCIETY))
                .with(csrf()))
        .andExpect(status().isNotFound());

    Fixture f = publishedWithUnpublishedAround("SVN", "National Assembly");
    String path = "/implementation/SVN/assignments/" + f.assignment();
    mvc.perform(
            multipart(path + "/input")
                .param("statement", "Not civil society")
                .with(logins.as(DemoLogins.AGENCY_OFFICER))
                .with(csrf()))
        .andExpect(status().isForbidden());
    Document refused =
        Jsoup.parse(
            body(
                multipart(path + "/input?lang=en")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "run.exe",
                            "application/octet-stream",
                            new byte[] {'M', 'Z', 0, 1, 2, 3, (byte) 0x90, 0, 0, 0}))
                    .param("statement", "With a program attached")
                    .with(logins.as(DemoLogins.CIVIL_SOCIETY))
                    .with(csrf()),
                400));
    assertThat(refused.select(".alert-danger").text())
        .startsWith("run.exe cannot be attached")
        .contains("Attach a PDF");
    assertThat(refused.select("#statement").val()).isEqualTo("With a program attached");
    Document empty =
        Jsoup.parse(
            body(
                multipart(path + "/input?lang=en")
                    .param("statement", " ")
                    .with(logins.as(DemoLogins.CIVIL_SOCIETY))
                    .with(csrf()),
                400));
    assertThat(empty.select(".alert-danger").text()).isEqualTo("Write your statement.");
    assertThat(jdbc.sql("select count(*) from civil_society_input").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void chartsCountTheAssignmentsByThemeAndInstitutionAndStatus() throws Exception {
    UUID lead = institution("CHN", "Public Ministry of Justice (test)");
    UUID other = institution("CHN", "Public Office of Education (test)");
    record Made(String code, UUID lead, String status) {}
    List<Made> made = new ArrayList<>();
    String[][] plan = {
      {"fully-implemented", "lead"},
      {"in-progress", "lead"},
      {"in-progress", "other"},
      {"not-implementable", "other"},
      {"partially-implemented", "lead"}
    };
    for (String[] p : plan) {
      UUID institution = p[1].equals("lead") ? lead : other;
      UUID assignment = assign("CHN", institution);
      UUID action = action("CHN", assignment, "Action " + p[0]);
      update("CHN", assignment, "action:" + action, p[0], "Narrative " + p[0], 3, null);
      made.add(new Made(codeOf(assignment), institution, p[0]));
    }

    Document page = Jsoup.parse(body(get("/implementation/CHN?lang=en"), 200));
    List<String> statuses =
        Arrays.stream(ImplementationStatus.values()).map(ImplementationStatus::apiName).toList();

    Map<String, long[]> byInstitution = new HashMap<>();
    Map<String, long[]> byTheme = new HashMap<>();
    for (Made m : made) {
      int column = statuses.indexOf(m.status());
      byInstitution.computeIfAbsent(m.lead().toString(), k -> new long[statuses.size()])[column]++;
      Set<String> themes =
          new LinkedHashSet<>(registry.recommendation(m.code()).orElseThrow().themes());
      for (String theme : themes.isEmpty() ? Set.of("") : themes) {
        byTheme.computeIfAbsent(theme, k -> new long[statuses.size()])[column]++;
      }
    }
    assertThat(chart(page, "by-institution")).isEqualTo(asLists(byInstitution));
    assertThat(chart(page, "by-theme")).isEqualTo(asLists(byTheme));
    assertThat(page.select("#by-institution tfoot td").eachText())
        .containsExactly("0", "2", "1", "1", "1", "5");

    Document filtered =
        Jsoup.parse(body(get("/implementation/CHN?lang=en&status=in-progress"), 200));
    assertThat(filtered.select("#assignments tbody tr")).hasSize(2);
    assertThat(filtered.select("#by-institution tfoot td").eachText())
        .containsExactly("0", "2", "0", "0", "0", "2");
    String csv =
        body(
            get("/implementation/CHN/export.csv?institution=" + lead + "&status=in-progress"), 200);
    assertThat(csv.strip().split("\r\n")).hasSize(2);
    assertThat(csv).contains("Narrative in-progress").doesNotContain("Narrative fully");
  }

  // --- fixtures ---

  private Fixture publishedWithUnpublishedAround(String iso3, String leadName) {
    UUID assignment = assign(iso3, institution(iso3, leadName));
    UUID action = action(iso3, assignment, "Published action");
    action(iso3, assignment, "Unreported action");
    UUID other = action(iso3, assignment, "Approved-only action");
    UUID indicator = indicator(iso3, assignment);
    update(iso3, assignment, "action:" + action, "in-progress", "MARK-DRAFT", 0, null);
    update(iso3, assignment, "action:" + action, "in-progress", "MARK-SUBMITTED", 1, null);
    updateValue(iso3, assignment, indicator, "2025-01-01", "4242", "Value published", 3);
    ProgressUpdates.Update published =
        update(
            iso3,
            assignment,
            "action:" + action,
            "in-progress",
            "MARK-PUBLISHED",
            3,
            "published evidence");
    ProgressUpdates.Update approved =
        update(
            iso3,
            assignment,
            "action:" + action,
            "fully-implemented",
            "MARK-APPROVED",
            2,
            "approved evidence");
    update(iso3, assignment, "action:" + other, "fully-implemented", "MARK-APPROVED-2", 2, null);
    updateValue(iso3, assignment, indicator, "2026-01-01", "9191", "MARK-APPROVED-VALUE", 2);
    return new Fixture(
        assignment,
        codeOf(assignment),
        published.id(),
        published.evidence().get(0).id(),
        approved.id(),
        approved.evidence().get(0).id());
  }

  @Test
  void actionsAndUpdatesAreReadInTheReadersLanguageWithTheOriginalMarked() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    UUID assignment = assign("SVN", "Ministry of Justice");
    UUID action = action("SVN", assignment, "Train judges " + mark);
    ProgressUpdates.Update update =
        update(
            "SVN",
            assignment,
            "action:" + action,
            "in-progress",
            "Judges trained " + mark,
            3,
            null);
    String actionPage = "/workspace/SVN/actions/" + action;
    String updatePage = "/workspace/SVN/updates/" + update.id();
    // the State's coordinator writes the Spanish versions in the workspace
    mvc.perform(
            post(actionPage + "/versions")
                .param("language", "es")
                .param("title", "Formar a los jueces " + mark)
                .with(csrf())
                .with(logins.as(COORDINATOR_SVN)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(updatePage + "/versions")
                .param("language", "es")
                .param("narrative", "Jueces formados " + mark)
                .with(csrf())
                .with(logins.as(COORDINATOR_SVN)))
        .andExpect(status().is3xxRedirection());
    // a narrative is required in every version; what was typed stays
    Document refused =
        Jsoup.parse(
            body(
                post(updatePage + "/versions?lang=en")
                    .param("language", "fr")
                    .param("narrative", "  ")
                    .with(csrf())
                    .with(logins.as(COORDINATOR_SVN)),
                400));
    assertThat(refused.selectFirst("#version-new-narrative").attr("aria-invalid"))
        .isEqualTo("true");
    // the public reads them in Spanish; a Russian reader reads the English original, marked
    String publicPage = "/implementation/SVN/assignments/" + assignment;
    Document spanish = Jsoup.parse(body(get(publicPage + "?lang=es"), 200));
    assertThat(spanish.select("span[lang=es]").eachText()).contains("Formar a los jueces " + mark);
    assertThat(spanish.select("p.narrative[lang=es]").eachText())
        .contains("Jueces formados " + mark);
    Document russian = Jsoup.parse(body(get(publicPage + "?lang=ru"), 200));
    assertThat(russian.select("span[lang=en]").eachText()).contains("Train judges " + mark);
    assertThat(russian.select("p.narrative[lang=en]").eachText())
        .contains("Judges trained " + mark);
    assertThat(russian.select(".original-mark")).isNotEmpty();
    // the workspace pages show the reader's version and list the versions
    Document workspace =
        Jsoup.parse(body(get(actionPage + "?lang=es").with(logins.as(COORDINATOR_SVN)), 200));
    assertThat(workspace.selectFirst("h1 span[lang]").text())
        .isEqualTo("Formar a los jueces " + mark);
    assertThat(workspace.select("#version-list a").eachAttr("lang")).containsExactly("es");
    Document original =
        Jsoup.parse(
            body(get(updatePage + "?lang=es&text=en").with(logins.as(COORDINATOR_SVN)), 200));
    assertThat(original.selectFirst("#narrative").text()).isEqualTo("Judges trained " + mark);
    // someone who may not work on the assignment cannot write versions
    mvc.perform(
            post(actionPage + "/versions")
                .param("language", "fr")
                .param("title", "Non")
                .with(csrf())
                .with(logins.as(DemoLogins.COORDINATOR_PRY)))
        .andExpect(status().is4xxClientError());
    assertThat(
            jdbc.sql("select count(*) from content_version where subject_id in (?, ?)")
                .params(action, update.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  private UUID assign(String iso3, String leadName) {
    return assign(iso3, institution(iso3, leadName));
  }

  private UUID assign(String iso3, UUID lead) {
    CooperaUser admin = user(DemoLogins.ADMIN);
    String code =
        assignments.unassigned(iso3, admin).stream()
            .filter(c -> !c.value().startsWith("cluster:"))
            .findFirst()
            .orElseThrow()
            .value();
    return assignments
        .create(iso3, new Assignments.Draft(code, lead, List.of(), null, "medium"), admin)
        .id();
  }

  private UUID action(String iso3, UUID assignment, String title) {
    return actions
        .create(
            iso3,
            assignment,
            new Actions.Draft(
                title,
                "MARK-DESCRIPTION",
                institutionOf(assignment),
                null,
                "2027-12-31",
                null,
                null,
                null),
            user(DemoLogins.ADMIN))
        .id();
  }

  private UUID indicator(String iso3, UUID assignment) {
    return indicators
        .create(
            iso3,
            assignment,
            new Indicators.Draft(
                "quantitative",
                "Shelters opened",
                "shelters",
                "increase",
                "77.5",
                "2024-01-01",
                "200",
                "2028-01-01",
                12,
                "2024-01-01",
                "2028-01-01",
                null),
            user(DemoLogins.ADMIN))
        .id();
  }

  /**
   * An update taken to a step of its review: 0 draft, 1 submitted, 2 approved, 3 published; with a
   * text file as evidence when {@code evidence} is given.
   */
  private ProgressUpdates.Update update(
      String iso3,
      UUID assignment,
      String subject,
      String status,
      String narrative,
      int step,
      String evidence) {
    return step(
        iso3,
        assignment,
        new ProgressUpdates.Draft(subject, status, narrative, null, null, null),
        step,
        evidence);
  }

  private void updateValue(
      String iso3,
      UUID assignment,
      UUID indicator,
      String period,
      String value,
      String narrative,
      int step) {
    step(
        iso3,
        assignment,
        new ProgressUpdates.Draft(
            "indicator:" + indicator, "in-progress", narrative, value, period, null),
        step,
        null);
  }

  private ProgressUpdates.Update step(
      String iso3, UUID assignment, ProgressUpdates.Draft draft, int step, String evidence) {
    CooperaUser coordinator = user(DemoLogins.ADMIN);
    List<ProgressUpdates.Upload> files =
        evidence == null
            ? List.of()
            : List.of(
                new ProgressUpdates.Upload(
                    "evidence.txt", evidence.getBytes(StandardCharsets.UTF_8)));
    ProgressUpdates.Update u =
        updates.create(iso3, assignment, draft, files, step >= 1, coordinator);
    if (step >= 2) {
      u = updates.approve(iso3, u.id(), u.version(), coordinator);
    }
    if (step >= 3) {
      u = updates.publish(iso3, u.id(), u.version(), coordinator);
    }
    return u;
  }

  private UUID sendInput(
      String path, String assessment, String statement, String fileName, String content)
      throws Exception {
    var request =
        multipart(path + "/input")
            .param("assessment", assessment)
            .param("statement", statement)
            .with(logins.as(DemoLogins.CIVIL_SOCIETY))
            .with(csrf());
    if (fileName != null) {
      request.file(
          new MockMultipartFile(
              "file", fileName, "text/plain", content.getBytes(StandardCharsets.UTF_8)));
    }
    mvc.perform(request).andExpect(status().is3xxRedirection());
    return jdbc.sql("select id from civil_society_input where statement = ?")
        .param(statement)
        .query(UUID.class)
        .single();
  }

  private MockHttpServletRequestBuilder decide(UUID input, String decision, String answer) {
    return post("/workspace/SVN/input/" + input)
        .param(
            "version",
            String.valueOf(
                jdbc.sql("select version from civil_society_input where id = ?")
                    .param(input)
                    .query(Long.class)
                    .single()))
        .param("decision", decision)
        .param("answer", answer)
        .with(csrf());
  }

  private String inputStatus(UUID id) {
    return jdbc.sql("select status from civil_society_input where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  /** A focal point of Slovenia (the demo has none), made once. */
  private String focalPointSvn() {
    if (jdbc.sql("select count(*) from account where email = ?")
            .param(FOCAL_POINT_SVN)
            .query(Long.class)
            .single()
        == 0) {
      UUID id = UUID.randomUUID();
      jdbc.sql(
              "insert into account (id, email, display_name, password_hash, created_at)"
                  + " select ?, ?, ?, password_hash, ? from account where email = ?")
          .params(
              id,
              FOCAL_POINT_SVN,
              "Test Focal Point (Slovenia)",
              Timestamp.from(Instant.now()),
              DemoLogins.FOCAL_POINT_PRY)
          .update();
      jdbc.sql(
              "insert into role_assignment (id, account_id, role, state_iso3)"
                  + " values (?, ?, 'STATE_FOCAL_POINT', 'SVN')")
          .params(UUID.randomUUID(), id)
          .update();
    }
    return FOCAL_POINT_SVN;
  }

  private UUID institution(String iso3, String name) {
    List<UUID> found =
        jdbc.sql("select id from institution where state_iso3 = ? and name = ?")
            .params(iso3, name)
            .query(UUID.class)
            .list();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            "insert into institution (id, state_iso3, name, kind, created_at, updated_at)"
                + " values (?, ?, ?, 'MINISTRY', ?, ?)")
        .params(id, iso3, name, now, now)
        .update();
    return id;
  }

  private UUID institutionOf(UUID assignment) {
    return jdbc.sql("select lead_institution_id from assignment where id = ?")
        .param(assignment)
        .query(UUID.class)
        .single();
  }

  private String codeOf(UUID assignment) {
    return jdbc.sql(
            "select r.code from assignment a join recommendation r on r.id = a.recommendation_id"
                + " where a.id = ?")
        .param(assignment)
        .query(String.class)
        .single();
  }

  private UUID account(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private CooperaUser user(String email) {
    return (CooperaUser) users.loadUserByUsername(email);
  }

  private String body(RequestBuilder request, int expected) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(expected))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** The rows of a chart's data table: key, then the count per status and the total. */
  private static Map<String, List<Long>> chart(Document page, String id) {
    Map<String, List<Long>> rows = new HashMap<>();
    for (Element row : page.select("#" + id + " tbody tr")) {
      rows.put(
          row.attr("data-key"), row.select("td").eachText().stream().map(Long::valueOf).toList());
    }
    return rows;
  }

  private static Map<String, List<Long>> asLists(Map<String, long[]> counts) {
    Map<String, List<Long>> rows = new HashMap<>();
    counts.forEach(
        (key, c) -> {
          List<Long> list = new ArrayList<>(Arrays.stream(c).boxed().toList());
          list.add(Arrays.stream(c).sum());
          rows.put(key, list);
        });
    return rows;
  }
}
