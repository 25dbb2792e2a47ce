package org.coopera.monitoring.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.StatsScope;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The counts that migration V23 keeps beside the registry give exactly the figures of a direct
 * computation from {@code recommendation} and {@code recommendation_tag}, whatever wrote the rows:
 * the migration's backfill, the importer, a person's curation over HTTP (tags set and removed,
 * responses), {@code COPY} and SQL inserts, updates of responses, tag statuses and codes,
 * recommendations moved to another State or year, deletes, and two transactions tagging or adding
 * at the same time. After each step every cell of the counts equals the aggregate of the rows, and
 * every figure of the dashboard for the world, regions, groups, States and periods equals the one
 * the direct queries give. The regions, groups and States without a period read the counts per
 * State alone (V26), those with one the counts per State and year, the world and the periods the
 * counts per year: each kind of count is held against the rows through the figures.
 */
@CooperaIntegrationTest
class RecommendationCountsIT {

  private static final String PREFIX = "RCIT-";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RecommendationsDashboard dashboard;
  @Autowired RecommendationCounts counts;
  @Autowired ReferenceData reference;

  @AfterEach
  void removeWhatTheTestWrote() {
    jdbc.sql("delete from recommendation where code like ?").param(PREFIX + "%").update();
  }

  @Test
  void theBackfillOfTheMigrationCountsTheRowsAlreadyThere() throws IOException {
    String backfill =
        backfill("V23__recommendation_counts.sql", "-- The counts of the rows already there.");
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              jdbc.sql(
                      "truncate recommendation_count, recommendation_tag_count,"
                          + " recommendation_sdg_goal")
                  .update();
              assertThat(cells("recommendation_count")).isZero();
              assertThat(cells("recommendation_tag_year_count")).isZero();
              assertThat(cells("recommendation_tag_state_count")).isZero();
              run(backfill);
              assertThat(cells("recommendation_count")).isPositive();
              assertThat(cells("recommendation_tag_year_count")).isPositive();
              assertThat(cells("recommendation_tag_state_count")).isPositive();
              assertCountsEqualTheRows("backfill");
              tx.setRollbackOnly();
            });
    assertCountsEqualTheRows("after the backfill's transaction was rolled back");
  }

  /** V26 counts per State the cells of {@code recommendation_tag_count} that V23 left. */
  @Test
  void theBackfillOfTheStateCountsCountsTheCellsAlreadyThere() throws IOException {
    String backfill =
        backfill(
            "V26__recommendation_tag_state_count.sql", "-- The counts of the cells already there.");
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              // a plain delete: recommendation_tag_state_count has no trigger of its own
              jdbc.sql("delete from recommendation_tag_state_count").update();
              assertThat(cells("recommendation_tag_state_count")).isZero();
              run(backfill);
              assertThat(cells("recommendation_tag_state_count")).isPositive();
              assertCountsEqualTheRows("backfill of V26");
              tx.setRollbackOnly();
            });
    assertCountsEqualTheRows("after the backfill's transaction was rolled back");
  }

  private String backfill(String migration, String from) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/db/migration/" + migration)) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sql).contains(from);
      return sql.substring(sql.indexOf(from));
    }
  }

  private void run(String statements) {
    for (String statement : statements.split(";")) {
      if (!statement.strip().replaceAll("(?m)^--.*$", "").isBlank()) {
        jdbc.sql(statement).update();
      }
    }
  }

  @Test
  void everyWritePathKeepsTheCountsExact() throws Exception {
    assertCountsEqualTheRows("demo registry");

    // the importer, then a person's curation over HTTP
    List<String> imported = importTwo();
    assertCountsEqualTheRows("import");
    String first = imported.get(0);
    tag(first, "THEME", "D51");
    tag(first, "SDG", "16");
    tag(first, "SDG", "16.3");
    tag(first, "AFFECTED_GROUP", "women");
    tag(imported.get(1), "SDG", "5.1");
    assertCountsEqualTheRows("tags set over HTTP");
    untag(first, "SDG", "16");
    assertCountsEqualTheRows("goal 16 still counted through its target 16.3");
    untag(first, "SDG", "16.3");
    untag(first, "THEME", "D51");
    respond(first, "noted");
    assertCountsEqualTheRows("tags removed and a response changed over HTTP");

    // COPY and SQL inserts, varied
    Reference ref = new Reference();
    Random random = new Random(20261205);
    List<Rec> recs = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      recs.add(ref.rec(i, random));
    }
    copy(recs.subList(0, 400), ref, random);
    assertCountsEqualTheRows("COPY");
    insert(recs.subList(400, 600), ref, random);
    assertCountsEqualTheRows("SQL inserts");
    copyCountingOnce(recs.subList(600, 800), ref, random);
    assertCountsEqualTheRows("COPY in two statements, the tags counted once after them (V29)");

    // updates
    jdbc.sql(
            "update recommendation set response = 'SUPPORTED', version = version + 1"
                + " where code like ? and response = 'PENDING' and code like '%3'")
        .param(PREFIX + "%")
        .update();
    jdbc.sql("update recommendation set response_comment = 'seen' where code like ?")
        .param(PREFIX + "%")
        .update();
    assertCountsEqualTheRows("responses changed");
    jdbc.sql(
            "update recommendation_tag set status = 'CONFIRMED' where status = 'SUGGESTED'"
                + " and recommendation_id in (select id from recommendation where code like ?)")
        .param(PREFIX + "%1")
        .update();
    jdbc.sql(
            "update recommendation_tag set status = 'REJECTED' where status = 'CONFIRMED'"
                + " and kind = 'SDG' and recommendation_id in"
                + " (select id from recommendation where code like ?)")
        .param(PREFIX + "%2")
        .update();
    jdbc.sql(
            "update recommendation_tag set code = code || '.1' where kind = 'SDG'"
                + " and code not in ('1', '5', '16') and code not like '%.%' and recommendation_id in"
                + " (select id from recommendation where code like ?)")
        .param(PREFIX + "%5")
        .update();
    jdbc.sql(
            "delete from recommendation_tag where kind = 'THEME' and recommendation_id in"
                + " (select id from recommendation where code like ?)")
        .param(PREFIX + "%7")
        .update();
    assertCountsEqualTheRows("tags confirmed, rejected, changed and removed");
    jdbc.sql("update recommendation set year = year + 1 where code like ?")
        .param(PREFIX + "%4")
        .update();
    jdbc.sql("update recommendation set state_iso3 = 'ISL', region_code = '150' where code like ?")
        .param(PREFIX + "%6")
        .update();
    jdbc.sql(
            "update recommendation set state_iso3 = 'FJI', region_code = '009', year = 2011"
                + " where code like ?")
        .param(PREFIX + "%8")
        .update();
    assertCountsEqualTheRows("recommendations moved to another State or year");

    // two transactions at the same time
    concurrently(recs.get(10).id(), recs.get(11).id());
    assertCountsEqualTheRows("two transactions at once");

    // deletes
    jdbc.sql("delete from recommendation where code like ?").param(PREFIX + "%9").update();
    assertCountsEqualTheRows("deletes");
    jdbc.sql("delete from recommendation where code like ?").param(PREFIX + "%").update();
    assertCountsEqualTheRows("every generated recommendation deleted");
  }

  /**
   * Two transactions tag one recommendation with a goal and with a target of it at the same time
   * (the second waits for the first's upsert of the goal, then counts nothing more), and two add
   * recommendations to the same cell.
   */
  private void concurrently(UUID one, UUID other) throws Exception {
    jdbc.sql("delete from recommendation_tag where recommendation_id in (?, ?) and kind = 'SDG'")
        .params(one, other)
        .update();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch firstWrote = new CountDownLatch(1);
      CountDownLatch secondStarted = new CountDownLatch(1);
      Future<?> a =
          pool.submit(
              () ->
                  inTransaction(
                      c -> {
                        tagRow(c, one, "SDG", "10");
                        tagRow(c, other, "SDG", "3");
                        addRow(c, "A");
                        firstWrote.countDown();
                        await(secondStarted);
                        Thread.sleep(300);
                      }));
      Future<?> b =
          pool.submit(
              () ->
                  inTransaction(
                      c -> {
                        await(firstWrote);
                        secondStarted.countDown();
                        tagRow(c, one, "SDG", "10.2");
                        tagRow(c, other, "SDG", "3.4");
                        addRow(c, "B");
                      }));
      a.get(30, TimeUnit.SECONDS);
      b.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql(
                    "select tags from recommendation_sdg_goal where recommendation_id = ?"
                        + " and goal = '10'")
                .param(one)
                .query(Integer.class)
                .single())
        .as("both tags of goal 10 counted on the recommendation, the goal once")
        .isEqualTo(2);
  }

  private interface Work {
    void run(Connection connection) throws Exception;
  }

  private Void inTransaction(Work work) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (Exception e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    return null;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
  }

  private static void tagRow(Connection c, UUID id, String kind, String code) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into recommendation_tag (recommendation_id, kind, code, origin, status)"
                + " values (?, ?, ?, 'PERSON', 'CONFIRMED')")) {
      s.setObject(1, id);
      s.setString(2, kind);
      s.setString(3, code);
      s.executeUpdate();
    }
  }

  private static void addRow(Connection c, String which) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into recommendation (id, code, content_key, mechanism_code, year, state_iso3,"
                + " region_code, original_language, response, created_at, updated_at)"
                + " values (gen_random_uuid(), ?, ?, 'CRC', 2015, 'NOR', '150', 'en', 'PENDING',"
                + " now(), now())")) {
      s.setString(1, PREFIX + "concurrent-" + which);
      s.setString(2, "rcit-concurrent-" + which);
      s.executeUpdate();
    }
  }

  // --- the comparison ---

  private void assertCountsEqualTheRows(String step) {
    assertThat(
            jdbc.sql(
                    """
                    (select state_iso3, year, mechanism_code, upr_cycle, response, count(*)
                     from recommendation group by 1, 2, 3, 4, 5
                     except
                     select state_iso3, year, mechanism_code, upr_cycle, response, n
                     from recommendation_count where n <> 0)
                    union all
                    (select state_iso3, year, mechanism_code, upr_cycle, response, n
                     from recommendation_count where n <> 0
                     except
                     select state_iso3, year, mechanism_code, upr_cycle, response, count(*)
                     from recommendation group by 1, 2, 3, 4, 5)
                    """)
                .query()
                .listOfRows())
        .as("cells of recommendation_count that differ from the rows after %s", step)
        .isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    with direct as (
                        select t.kind,
                               case when t.kind = 'SDG' then split_part(t.code, '.', 1)
                                    else t.code end as tag,
                               r.state_iso3, r.year, count(distinct r.id) as n
                        from recommendation_tag t join recommendation r on r.id = t.recommendation_id
                        where t.status = 'CONFIRMED'
                        group by 1, 2, 3, 4)
                    (select * from direct
                     except select kind, tag, state_iso3, year, n
                     from recommendation_tag_count where n <> 0)
                    union all
                    (select kind, tag, state_iso3, year, n from recommendation_tag_count
                     where n <> 0
                     except select * from direct)
                    """)
                .query()
                .listOfRows())
        .as("cells of recommendation_tag_count that differ from the rows after %s", step)
        .isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    with direct as (
                        select kind, tag, year, sum(n) as n from recommendation_tag_count
                        group by 1, 2, 3 having sum(n) <> 0)
                    (select * from direct
                     except select kind, tag, year, n
                     from recommendation_tag_year_count where n <> 0)
                    union all
                    (select kind, tag, year, n from recommendation_tag_year_count where n <> 0
                     except select * from direct)
                    """)
                .query()
                .listOfRows())
        .as("cells of recommendation_tag_year_count that differ from the others after %s", step)
        .isEmpty();
    assertThat(
            jdbc.sql(
                    """
                    with direct as (
                        select kind, state_iso3, tag, sum(n) as n from recommendation_tag_count
                        group by 1, 2, 3 having sum(n) <> 0)
                    (select * from direct
                     except select kind, state_iso3, tag, n
                     from recommendation_tag_state_count where n <> 0)
                    union all
                    (select kind, state_iso3, tag, n from recommendation_tag_state_count
                     where n <> 0
                     except select * from direct)
                    """)
                .query()
                .listOfRows())
        .as("cells of recommendation_tag_state_count that differ from the others after %s", step)
        .isEmpty();
    for (String table :
        List.of(
            "recommendation_count",
            "recommendation_tag_count",
            "recommendation_tag_year_count",
            "recommendation_tag_state_count")) {
      assertThat(
              jdbc.sql("select count(*) from " + table + " where n < 0").query(Long.class).single())
          .as("cells of %s below zero after %s", table, step)
          .isZero();
    }
    RecommendationsDashboard direct =
        new RecommendationsDashboard(new DirectCounts(jdbc), reference);
    for (Map.Entry<String, StatsScope> scope : scopes().entrySet()) {
      assertThat(dashboard.figures(scope.getValue()))
          .as("figures for %s after %s", scope.getKey(), step)
          .isEqualTo(direct.figures(scope.getValue()));
    }
  }

  private static Map<String, StatsScope> scopes() {
    Map<String, StatsScope> scopes = new LinkedHashMap<>();
    scopes.put("world", StatsScope.world());
    scopes.put("region 002", new StatsScope(null, null, "002", null, null));
    scopes.put("region 150", new StatsScope(null, null, "150", null, null));
    scopes.put("sub-region 155", new StatsScope(null, null, "155", null, null));
    scopes.put("group ldc", new StatsScope(null, null, null, "ldc", null));
    scopes.put("group sids", new StatsScope(null, null, null, "sids", null));
    scopes.put("group observer", new StatsScope(null, null, null, "observer", null));
    scopes.put("ldc in region 002", new StatsScope(null, null, "002", "ldc", null));
    scopes.put("State SVN", StatsScope.ofState("SVN"));
    scopes.put("State CHN", StatsScope.ofState("CHN"));
    scopes.put("State ISL", StatsScope.ofState("ISL"));
    scopes.put("years 2013-2014", new StatsScope(2013, 2014, null, null, null));
    scopes.put("from 2019", new StatsScope(2019, null, null, null, null));
    scopes.put("to 2012", new StatsScope(null, 2012, null, null, null));
    scopes.put("CHN in 2013", new StatsScope(2013, 2013, null, null, "CHN"));
    scopes.put("region 150 2010-2016", new StatsScope(2010, 2016, "150", null, null));
    scopes.put("sids from 2015", new StatsScope(2015, null, null, "sids", null));
    return scopes;
  }

  private long cells(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  // --- writes through the application ---

  private List<String> importTwo() throws Exception {
    String csv =
        "state_under_review,mechanism,session,text,recommending_states,response\r\n"
            + "ISL,UPR,26,Ratify the Optional Protocol to the Convention against Torture"
            + " (RecommendationCountsIT),Denmark,supported\r\n"
            + "ISL,UPR,26,Adopt a national action plan on gender equality and pay"
            + " (RecommendationCountsIT),Spain,noted\r\n";
    String report =
        mvc.perform(
                multipart("/api/v1/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "counts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .with(logins.as(DemoLogins.ADMIN))
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String id = json.readTree(report).get("id").asString();
    mvc.perform(
            post("/api/v1/imports/" + id + "/apply").with(logins.as(DemoLogins.ADMIN)).with(csrf()))
        .andExpect(status().isOk());
    return jdbc.sql(
            "select r.code from recommendation r where r.import_id = ?::uuid order by r.code")
        .param(id)
        .query(String.class)
        .list();
  }

  private long version(String code) {
    return jdbc.sql("select version from recommendation where code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private void tag(String code, String kind, String tag) throws Exception {
    mvc.perform(
            post("/recommendations/" + code + "/tags")
                .param("version", String.valueOf(version(code)))
                .param("kind", kind)
                .param("tag", tag)
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private void untag(String code, String kind, String tag) throws Exception {
    mvc.perform(
            post("/recommendations/" + code + "/tags/remove")
                .param("version", String.valueOf(version(code)))
                .param("kind", kind)
                .param("tag", tag)
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private void respond(String code, String response) throws Exception {
    mvc.perform(
            post("/recommendations/" + code + "/response")
                .param("version", String.valueOf(version(code)))
                .param("response", response)
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  // --- generated recommendations written by COPY and by SQL ---

  record Rec(
      UUID id,
      String code,
      String mechanism,
      Integer session,
      Integer cycle,
      int year,
      String state,
      String region,
      String response) {}

  private final class Reference {
    final List<String[]> states =
        jdbc.sql("select iso3, region_code from state order by iso3")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    final List<int[]> sessions =
        jdbc.sql("select session, cycle, year from upr_session order by session")
            .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)})
            .list();
    final List<String> treatyBodies =
        codes("select code from mechanism where kind = 'TREATY_BODY'");
    final List<String> procedures =
        codes("select code from mechanism where kind = 'SPECIAL_PROCEDURE' order by code limit 5");
    final List<String> themes = codes("select code from theme order by code limit 30");
    final List<String> sdgs =
        codes(
            "select number::text from sdg_goal union all"
                + " (select code from sdg_target where goal in (1, 5, 16) order by code limit 12)");
    final List<String> groups = codes("select code from affected_group order by code limit 8");

    private List<String> codes(String sql) {
      return jdbc.sql(sql + "").query(String.class).list();
    }

    Rec rec(int i, Random random) {
      String[] state = states.get(random.nextInt(states.size()));
      String response =
          List.of("SUPPORTED", "SUPPORTED_IN_PART", "NOTED", "PENDING").get(random.nextInt(4));
      int kind = random.nextInt(10);
      if (kind < 6) {
        int[] session = sessions.get(random.nextInt(sessions.size()));
        return new Rec(
            UUID.randomUUID(),
            PREFIX + i,
            "UPR",
            session[0],
            session[1],
            session[2],
            state[0],
            state[1],
            response);
      }
      String mechanism =
          kind < 9
              ? treatyBodies.get(random.nextInt(treatyBodies.size()))
              : procedures.get(random.nextInt(procedures.size()));
      return new Rec(
          UUID.randomUUID(),
          PREFIX + i,
          mechanism,
          null,
          null,
          2008 + random.nextInt(17),
          state[0],
          state[1],
          response);
    }

    List<String[]> tags(Random random) {
      List<String[]> tags = new ArrayList<>();
      Map<String, Boolean> seen = new LinkedHashMap<>();
      int n = random.nextInt(7);
      for (int t = 0; t < n; t++) {
        int kind = random.nextInt(3);
        String k = List.of("THEME", "SDG", "AFFECTED_GROUP").get(kind);
        List<String> from = kind == 0 ? themes : kind == 1 ? sdgs : groups;
        String code = from.get(random.nextInt(from.size()));
        if (seen.putIfAbsent(k + ":" + code, true) == null) {
          String status = List.of("CONFIRMED", "CONFIRMED", "SUGGESTED", "REJECTED").get(t % 4);
          tags.add(new String[] {k, code, status});
        }
      }
      return tags;
    }
  }

  private void copy(List<Rec> recs, Reference ref, Random random) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      copyRows(c, recs, ref, random);
    }
  }

  /**
   * As an import writes: in one transaction, the tag counts deferred, two {@code COPY}s of
   * recommendations and their tags (nothing counted yet), then their tags counted once; a tag
   * inserted after that counts at once again.
   */
  private void copyCountingOnce(List<Rec> recs, Reference ref, Random random) throws Exception {
    long before =
        jdbc.sql("select coalesce(sum(n), 0) from recommendation_tag_count")
            .query(Long.class)
            .single();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("select set_config('coopera.tag_counts', 'deferred', true)");
      }
      copyRows(c, recs.subList(0, recs.size() / 2), ref, random);
      copyRows(c, recs.subList(recs.size() / 2, recs.size()), ref, random);
      assertThat(sumOfTagCounts(c)).as("nothing counted while deferred").isEqualTo(before);
      try (PreparedStatement p = c.prepareStatement("select recommendation_tags_counted(?)")) {
        p.setArray(1, c.createArrayOf("uuid", recs.stream().map(Rec::id).toArray()));
        p.execute();
      }
      assertThat(sumOfTagCounts(c)).as("counted once").isGreaterThan(before);
      long counted = sumOfTagCounts(c);
      // a theme beyond the 30 the generated tags are drawn from
      String theme =
          jdbc.sql("select code from theme order by code offset 30 limit 1")
              .query(String.class)
              .single();
      tagRow(c, recs.get(0).id(), "THEME", theme);
      assertThat(sumOfTagCounts(c)).as("the deferral ended").isEqualTo(counted + 1);
      c.commit();
    }
  }

  private static long sumOfTagCounts(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select coalesce(sum(n), 0) from recommendation_tag_count")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void copyRows(Connection c, List<Rec> recs, Reference ref, Random random)
      throws Exception {
    StringBuilder rows = new StringBuilder();
    StringBuilder tags = new StringBuilder();
    for (Rec r : recs) {
      rows.append(
          String.join(
                  ",",
                  r.id().toString(),
                  r.code(),
                  "rcit-" + r.code(),
                  r.mechanism(),
                  r.session() == null ? "" : r.session().toString(),
                  r.cycle() == null ? "" : r.cycle().toString(),
                  String.valueOf(r.year()),
                  r.state(),
                  r.region(),
                  "en",
                  r.response(),
                  "2026-12-05 00:00:00+00",
                  "2026-12-05 00:00:00+00")
              + "\n");
      for (String[] t : ref.tags(random)) {
        tags.append(r.id()).append(",").append(String.join(",", t)).append(",IMPORT\n");
      }
    }
    {
      PGConnection pg = c.unwrap(PGConnection.class);
      pg.getCopyAPI()
          .copyIn(
              "copy recommendation (id, code, content_key, mechanism_code, upr_session, upr_cycle,"
                  + " year, state_iso3, region_code, original_language, response, created_at,"
                  + " updated_at) from stdin with (format csv)",
              new StringReader(rows.toString()));
      pg.getCopyAPI()
          .copyIn(
              "copy recommendation_tag (recommendation_id, kind, code, status, origin)"
                  + " from stdin with (format csv)",
              new StringReader(tags.toString()));
    }
  }

  private void insert(List<Rec> recs, Reference ref, Random random) {
    for (Rec r : recs) {
      jdbc.sql(
              """
              insert into recommendation (id, code, content_key, mechanism_code, upr_session,
                  upr_cycle, year, state_iso3, region_code, original_language, response,
                  created_at, updated_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, now(), now())
              """)
          .params(
              r.id(),
              r.code(),
              "rcit-" + r.code(),
              r.mechanism(),
              r.session(),
              r.cycle(),
              r.year(),
              r.state(),
              r.region(),
              r.response())
          .update();
      List<String[]> tags = ref.tags(random);
      if (!tags.isEmpty()) {
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String[] t : tags) {
          values.append(values.length() == 0 ? "" : ", ").append("(?, ?, ?, 'IMPORT', ?)");
          params.addAll(List.of(r.id(), t[0], t[1], t[2]));
        }
        jdbc.sql(
                "insert into recommendation_tag (recommendation_id, kind, code, origin, status)"
                    + " values "
                    + values)
            .params(params)
            .update();
      }
    }
  }
}
