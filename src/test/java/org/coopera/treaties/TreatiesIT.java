package org.coopera.treaties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The treaty system's figures against counts made here independently: ratifications at past dates
 * from the shipped files read by this test, reports and communications from their rows read in
 * plain Java; the reconciliation of sources that disagree; imports refused whole; reports and
 * communications recorded, decided and refused as their rules say.
 */
@CooperaIntegrationTest
class TreatiesIT {

  static final String STATS = "/api/v1/stats/treaties";

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;

  /** iso2 to {iso3, region, un_status} from the reference data, as the test reads it. */
  static Map<String, String[]> states() throws IOException {
    Map<String, String[]> states = new HashMap<>();
    for (String line : StatusCsvParserTest.resource("reference/states.csv").split("\n")) {
      if (line.startsWith("iso3") || line.isBlank()) {
        continue;
      }
      List<String> c = StatusCsvParserTest.csvCells(line);
      states.put(c.get(1), new String[] {c.get(0), c.get(4), c.get(7)});
    }
    return states;
  }

  /**
   * Parties at the end of {@code year} by the shipped status files, counted by this test: rows
   * whose status column says State party, with a year, of Member States (of a region when given).
   */
  static long partiesInFiles(int year, String region) throws IOException {
    Map<String, String[]> states = states();
    long count = 0;
    for (String code : StatusCsvParserTest.INSTRUMENTS) {
      String text = StatusCsvParserTest.resource("treaties/status/hr_status_" + code + ".csv");
      for (String line : text.split("\r?\n")) {
        List<String> c = StatusCsvParserTest.csvCells(line);
        if (c.size() < 7 || !c.get(6).equals("state party") || c.get(3).isEmpty()) {
          continue;
        }
        String[] state = states.get(c.get(0));
        if (state == null && c.get(1).equals("South Sudan")) {
          state = states.get("SS");
        }
        if (state == null && c.get(0).equals("TP")) {
          state = states.get("TL");
        }
        if (state != null
            && state[2].equals("MEMBER")
            && (region == null || state[1].equals(region))
            && Integer.parseInt(c.get(3)) <= year) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void ratificationsAtPastDatesAreThoseOfTheShippedFilesCountedHere() throws Exception {
    for (int year : List.of(1990, 2005, 2015, 2017, 2021)) {
      String world = body(mvc.perform(get(STATS + "?to=" + year)).andExpect(status().isOk()));
      assertThat(JsonPath.<Integer>read(world, "$.figures.ratifications"))
          .as("parties at the end of %s", year)
          .isEqualTo((int) partiesInFiles(year, null));
      String africa =
          body(mvc.perform(get(STATS + "?to=" + year + "&region=002")).andExpect(status().isOk()));
      assertThat(JsonPath.<Integer>read(africa, "$.figures.ratifications"))
          .isEqualTo((int) partiesInFiles(year, "002"));
      assertThat(JsonPath.<Integer>read(africa, "$.figures.universal"))
          .isEqualTo(
              18
                  * count(
                      "select count(*) from state where region_code = '002' and un_status = 'MEMBER'"));
    }
    // the series, year by year, is the same count
    String series = body(mvc.perform(get(STATS + "?from=2000&to=2017")).andExpect(status().isOk()));
    List<String> years =
        JsonPath.read(series, "$.tables[?(@.id == 'ratifications-by-year')].rows[*].key");
    assertThat(years).hasSize(18).startsWith("2000").endsWith("2017");
    List<Integer> parties =
        JsonPath.read(series, "$.tables[?(@.id == 'ratifications-by-year')].rows[*].values[0]");
    for (int i = 0; i < years.size(); i++) {
      assertThat(parties.get(i))
          .isEqualTo((int) partiesInFiles(Integer.parseInt(years.get(i)), null));
    }
    // and the CSV of the table says the same for 2015
    String csv =
        body(
            mvc.perform(
                get("/dashboards/treaties/ratifications-by-year.csv?from=2015&to=2015&lang=en")));
    assertThat(csv.replace("\uFEFF", "").lines().toList())
        .containsExactly(
            "Year,Parties,Universal ratification", "2015," + partiesInFiles(2015, null) + ",3474");
  }

  @Test
  void theSourcesDisagreementsAreListedAndTheRecordKeepsItsValue() throws Exception {
    // the status files say 26 parties to OP-ICESCR, OHCHR's ICESCR export 18: each State of
    // the first that the second leaves out is listed, and stays a party until someone decides
    List<String> listed =
        jdbc.sql(
                """
                select state_iso3 from ratification_discrepancy
                where kind = 'SOURCES_DISAGREE' and instrument_code = 'icescr_op' and event = 'CONSENT'
                """)
            .query(String.class)
            .list();
    assertThat(listed).contains("ITA", "LUX", "CRI", "GAB", "NER", "ARM", "MDV", "CPV");
    for (String iso3 : List.of("ITA", "LUX", "CRI")) {
      assertThat(
              count(
                  "select count(*) from ratification where state_iso3 = '"
                      + iso3
                      + "' and instrument_code = 'icescr_op' and event = 'CONSENT'"))
          .isEqualTo(1);
    }
    // Namibia (code NA) is a party like the others: to each instrument whose file says so
    long namibia = 0;
    for (String code : StatusCsvParserTest.INSTRUMENTS) {
      namibia +=
          StatusCsvParserTest.resource("treaties/status/hr_status_" + code + ".csv")
              .lines()
              .filter(l -> l.startsWith("NA,") && l.contains(",state party"))
              .count();
    }
    assertThat(namibia).isGreaterThan(10);
    assertThat(
            count(
                "select count(*) from ratification where state_iso3 = 'NAM' and event = 'CONSENT'"))
        .isEqualTo((int) namibia);
    // the OHCHR dates make the years of ICESCR precise
    assertThat(
            jdbc.sql(
                    """
                    select on_date from ratification
                    where state_iso3 = 'AFG' and instrument_code = 'icescr' and event = 'CONSENT'
                    """)
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.of(1983, 1, 24));
    // the administrators see each, with its kind
    Document page = Jsoup.parse(body(call(get("/treaties/sources?lang=en"), DemoLogins.ADMIN)));
    assertThat(page.select("#discrepancy-table tr[data-kind=SOURCES_DISAGREE][data-state=ITA]"))
        .isNotEmpty();
    assertThat(page.select("#discrepancy-table tr[data-kind=CONTRADICTING_FLAGS]"))
        .hasSizeGreaterThanOrEqualTo(10);
    // each is worded in the reader's language: where it is and what it means
    assertThat(
            page.select("#discrepancy-table tr[data-kind=CONTRADICTING_FLAGS][data-state=KAZ]")
                .text())
        .contains("hr_status_iccpr_op1.csv, row")
        .contains("the status was taken");
    Document french = Jsoup.parse(body(call(get("/treaties/sources?lang=fr"), DemoLogins.ADMIN)));
    assertThat(
            french
                .select("#discrepancy-table tr[data-kind=SOURCES_DISAGREE][data-state=ITA]")
                .text())
        .contains("L’enregistrement est gardé");
    assertThat(page.select("#discrepancy-table tr[data-kind=UNKNOWN_STATE]").text())
        .contains("Montserrat")
        .contains("Cook Islands");
    // nobody else
    call(get("/treaties/sources"), DemoLogins.COORDINATOR_SVN).andExpect(status().isForbidden());
    mvc.perform(get("/treaties/sources")).andExpect(status().is3xxRedirection());
  }

  @Test
  void aSourceThatDisagreesIsDecidedByAnAdministratorAndAStaleDecisionIsRefused() throws Exception {
    // observer States only, so that no count of Member States moves
    String first =
        "\"Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment"
            + " [Last Updated: 01/02/2026 10:00:00]\",,,,\n"
            + "Country,Date of Signature,Date of Ratification/Accession,Date of acceptance of"
            + " individual communications procedure,Date of acceptance of inquiry procedure\n"
            + "Holy See,,2002-06-26,,\n";
    int imports = count("select count(*) from ratification_import");
    importOhchr("Test source A", "cat-a.csv", first).andExpect(status().isOk());
    assertThat(consent("VAT", "cat")).isEqualTo(LocalDate.of(2002, 6, 26));

    String second = first.replace("2002-06-26", "2003-01-01").replace("01/02/2026", "02/02/2026");
    Document report =
        Jsoup.parse(
            body(importOhchr("Test source B", "cat-b.csv", second).andExpect(status().isOk())));
    assertThat(report.select("#import-report").text()).contains("1 discrepancies");
    assertThat(consent("VAT", "cat")).isEqualTo(LocalDate.of(2002, 6, 26));
    Map<String, Object> d =
        jdbc.sql(
                """
                select id, version from ratification_discrepancy
                where state_iso3 = 'VAT' and instrument_code = 'cat' and kind = 'SOURCES_DISAGREE'
                  and status = 'OPEN'
                """)
            .query()
            .singleRow();
    long version = ((Number) d.get("version")).longValue();
    call(
            post("/treaties/discrepancies/" + d.get("id"))
                .param("decision", "TAKE_SOURCE")
                .param("version", String.valueOf(version))
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    assertThat(consent("VAT", "cat")).isEqualTo(LocalDate.of(2003, 1, 1));
    // the same decision on the version read before is refused and changes nothing
    call(
            post("/treaties/discrepancies/" + d.get("id"))
                .param("decision", "KEEP_RECORD")
                .param("version", String.valueOf(version))
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("select status from ratification_discrepancy where id = ?")
                .param(d.get("id"))
                .query(String.class)
                .single())
        .isEqualTo("TOOK_SOURCE");
    assertThat(count("select count(*) from ratification_import")).isEqualTo(imports + 2);
    // importing the same source again lists nothing new
    importOhchr("Test source B", "cat-b.csv", second).andExpect(status().isOk());
    assertThat(
            count(
                "select count(*) from ratification_discrepancy where state_iso3 = 'VAT' and instrument_code = 'cat'"))
        .isEqualTo(1);
  }

  @Test
  void aSourceWithProblemsIsRefusedWholeWithEveryProblem() throws Exception {
    int imports = count("select count(*) from ratification_import");
    int records = count("select count(*) from ratification");
    String bad =
        "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
            + "FR,France,1,1986,0,0,state party,\n"
            + "DE,Germany,1,20x0,0,0,state party,\n"
            + "IT,Italy,1,1989,0,0,ratified,\n";
    Document page =
        Jsoup.parse(
            body(
                mvc.perform(
                        multipart("/treaties/sources")
                            .file(
                                new MockMultipartFile(
                                    "files",
                                    "hr_status_cat.csv",
                                    "text/csv",
                                    bad.getBytes(StandardCharsets.UTF_8)))
                            .file(
                                new MockMultipartFile(
                                    "files",
                                    "status_of_nothing.csv",
                                    "text/csv",
                                    "a,b\n".getBytes(StandardCharsets.UTF_8)))
                            .param("source", "Broken")
                            .param("format", "STATUS_CSV")
                            .param("asOf", "2024-01-01")
                            .param("lang", "en")
                            .with(logins.as(DemoLogins.ADMIN))
                            .with(csrf()))
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#problems li").eachText())
        .containsExactlyInAnyOrder(
            "hr_status_cat.csv, row 3: \"20x0\" is not a year from 1945 to 2024.",
            "hr_status_cat.csv, row 4: The status \"ratified\" is none of: state party, signatory state, no action.",
            "status_of_nothing.csv: The name does not say which instrument this is: it must be"
                + " hr_status_<instrument>.csv, with one of the 18 instruments’ codes.");
    assertThat(count("select count(*) from ratification_import")).isEqualTo(imports);
    assertThat(count("select count(*) from ratification")).isEqualTo(records);
  }

  @Test
  void reportsStandWhereTheirDatesPutThemAndTheFiguresCountThem() throws Exception {
    // Norway has no demo history. CAT: initial report due 2000-01-01, submitted 2001-06-01,
    // reviewed 2002-05-01 with the next due 2006-05-01, which is never submitted.
    call(
            post("/treaties/states/NOR/reports")
                .param("instrument", "cat")
                .param("sequence", "1")
                .param("dueOn", "2000-01-01")
                .param("submittedOn", "2001-06-01")
                .param("reviewedOn", "2002-05-01")
                .param("observationsSymbol", "CAT/C/NOR/CO/test")
                .param("nextDueOn", "2006-05-01")
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    String base = STATS + "?state=NOR";
    assertThat(figure(base + "&to=2000", "reportsOverdue")).isEqualTo(1);
    assertThat(figure(base + "&to=2001", "reportsOverdue")).isZero();
    assertThat(figure(base + "&to=2001", "reportsPendingReview")).isEqualTo(1);
    assertThat(figure(base + "&to=2003", "reportsPendingReview")).isZero();
    assertThat(figure(base, "reportsOverdue")).isEqualTo(1);
    // the series says the same at the end of each year
    String series = body(mvc.perform(get(base + "&from=1999&to=2007")).andExpect(status().isOk()));
    assertThat(yearRow(series, "reports-by-year", "2000")).containsExactly(0, 1, 0);
    assertThat(yearRow(series, "reports-by-year", "2001")).containsExactly(1, 0, 1);
    assertThat(yearRow(series, "reports-by-year", "2002")).containsExactly(0, 0, 0);
    assertThat(yearRow(series, "reports-by-year", "2006")).containsExactly(0, 1, 0);
    Document page = Jsoup.parse(body(mvc.perform(get("/treaties/states/NOR?lang=en"))));
    assertThat(page.select("#report-table tr[data-status=REVIEWED]")).hasSize(1);
    assertThat(page.select("#report-table tr[data-status=OVERDUE]").text()).contains("2006-05-01");

    // a change from the version read is saved; the same change again from that version is not
    Map<String, Object> recorded =
        jdbc.sql(
                "select id, version from state_report where state_iso3 = 'NOR' and instrument_code = 'cat' and sequence = 1")
            .query()
            .singleRow();
    for (int attempt = 0; attempt < 2; attempt++) {
      call(
              post("/treaties/reports/" + recorded.get("id"))
                  .param("version", recorded.get("version").toString())
                  .param("dueOn", "2000-01-01")
                  .param("submittedOn", attempt == 0 ? "2001-06-02" : "2001-06-03")
                  .param("reviewedOn", "2002-05-01")
                  .param("observationsSymbol", "CAT/C/NOR/CO/test")
                  .param("nextDueOn", "2006-05-01")
                  .with(csrf()),
              DemoLogins.ADMIN)
          .andExpect(status().is3xxRedirection());
    }
    assertThat(
            jdbc.sql("select submitted_on from state_report where id = ?")
                .param(recorded.get("id"))
                .query(LocalDate.class)
                .single())
        .isEqualTo(LocalDate.of(2001, 6, 2));

    // refusals: not a party, a review before the submission, another State's coordinator
    Document notParty =
        Jsoup.parse(
            body(
                call(
                        post("/treaties/states/NOR/reports?lang=en")
                            .param("instrument", "icmw")
                            .param("sequence", "1")
                            .param("dueOn", "2005-01-01")
                            .with(csrf()),
                        DemoLogins.ADMIN)
                    .andExpect(status().isBadRequest())));
    assertThat(notParty.select("#report-error").text())
        .isEqualTo("This State is not a party to ICMW, so it owes no report under it.");
    Document backwards =
        Jsoup.parse(
            body(
                call(
                        post("/treaties/states/NOR/reports?lang=en")
                            .param("instrument", "crc")
                            .param("sequence", "1")
                            .param("dueOn", "1993-01-01")
                            .param("submittedOn", "1994-01-01")
                            .param("reviewedOn", "1993-06-01")
                            .with(csrf()),
                        DemoLogins.ADMIN)
                    .andExpect(status().isBadRequest())));
    assertThat(backwards.select("#reviewedOn.is-invalid")).hasSize(1);
    assertThat(backwards.select("#dueOn").attr("value")).isEqualTo("1993-01-01");
    call(
            post("/treaties/states/NOR/reports")
                .param("instrument", "crc")
                .param("sequence", "1")
                .param("dueOn", "1993-01-01")
                .with(csrf()),
            DemoLogins.COORDINATOR_SVN)
        .andExpect(status().isForbidden());

    // the world's figures today equal a count over every report row, made here
    LocalDate today = LocalDate.now();
    List<Map<String, Object>> rows =
        jdbc.sql("select due_on, submitted_on, reviewed_on from state_report").query().listOfRows();
    long overdue = 0;
    long pending = 0;
    for (Map<String, Object> r : rows) {
      LocalDate due = ((java.sql.Date) r.get("due_on")).toLocalDate();
      LocalDate submitted =
          r.get("submitted_on") == null
              ? null
              : ((java.sql.Date) r.get("submitted_on")).toLocalDate();
      LocalDate reviewed =
          r.get("reviewed_on") == null
              ? null
              : ((java.sql.Date) r.get("reviewed_on")).toLocalDate();
      if (submitted == null || submitted.isAfter(today)) {
        if (due.isBefore(today)) {
          overdue++;
        }
      } else if (reviewed == null || reviewed.isAfter(today)) {
        pending++;
      }
    }
    assertThat(figure(STATS, "reportsOverdue")).isEqualTo((int) overdue);
    assertThat(figure(STATS, "reportsPendingReview")).isEqualTo((int) pending);
  }

  @Test
  void theBacklogAndTheDecisionsAWeekAreThoseCountedOverEveryCommunication() throws Exception {
    call(
            post("/treaties/communications")
                .param("treatyBody", "CCPR")
                .param("state", "NOR")
                .param("reference", "test/" + UUID.randomUUID())
                .param("registeredOn", "2021-03-01")
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    List<Map<String, Object>> rows =
        jdbc.sql("select registered_on, decided_on, state_iso3 from communication")
            .query()
            .listOfRows();
    LocalDate end2021 = LocalDate.of(2021, 12, 31);
    LocalDate from2020 = LocalDate.of(2020, 1, 1);
    long pending = 0;
    long decided = 0;
    long pendingNor = 0;
    for (Map<String, Object> r : rows) {
      LocalDate registered = ((java.sql.Date) r.get("registered_on")).toLocalDate();
      LocalDate decidedOn =
          r.get("decided_on") == null ? null : ((java.sql.Date) r.get("decided_on")).toLocalDate();
      boolean open =
          !registered.isAfter(end2021) && (decidedOn == null || decidedOn.isAfter(end2021));
      if (open) {
        pending++;
        if (r.get("state_iso3").equals("NOR")) {
          pendingNor++;
        }
      }
      if (decidedOn != null && !decidedOn.isBefore(from2020) && !decidedOn.isAfter(end2021)) {
        decided++;
      }
    }
    String figures =
        body(mvc.perform(get(STATS + "?from=2020&to=2021")).andExpect(status().isOk()));
    assertThat(JsonPath.<Integer>read(figures, "$.figures.communicationsPending"))
        .isEqualTo((int) pending);
    double weeks = (java.time.temporal.ChronoUnit.DAYS.between(from2020, end2021) + 1) / 7.0;
    assertThat(JsonPath.<Double>read(figures, "$.figures.decisionsPerWeek"))
        .isEqualTo(Math.round(decided / weeks * 10) / 10.0);
    List<Integer> row2021 = yearRow(figures, "communications-by-year", "2021");
    assertThat(row2021.get(2)).isEqualTo((int) pending);
    assertThat(figure(STATS + "?to=2021&state=NOR", "communicationsPending"))
        .isEqualTo((int) pendingNor);
    assertThat(pendingNor).isGreaterThanOrEqualTo(1);

    // the target: set by an administrator, refused when stale or not a number
    long version = count("select version from communication_target");
    call(
            post("/treaties/communications/target")
                .param("decisionsPerWeek", "31")
                .param("version", String.valueOf(version))
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    assertThat(
            JsonPath.<Double>read(
                body(mvc.perform(get(STATS))), "$.figures.decisionsPerWeekTarget"))
        .isEqualTo(31.0);
    call(
            post("/treaties/communications/target")
                .param("decisionsPerWeek", "40")
                .param("version", String.valueOf(version))
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    call(
            post("/treaties/communications/target")
                .param("decisionsPerWeek", "lots")
                .param("version", String.valueOf(version + 1))
                .with(csrf()),
            DemoLogins.ADMIN)
        .andExpect(status().is3xxRedirection());
    assertThat(
            JsonPath.<Double>read(
                body(mvc.perform(get(STATS))), "$.figures.decisionsPerWeekTarget"))
        .isEqualTo(31.0);
    call(get("/treaties/communications"), DemoLogins.AGENCY_OFFICER)
        .andExpect(status().isForbidden());
  }

  @Test
  void aFilterThatCannotBeUsedIsRefusedNamingIt() throws Exception {
    for (String[] c :
        new String[][] {
          {"?from=20x5", "from"},
          {"?from=2018&to=2015", "to"},
          {"?region=999", "region"},
          {"?group=rich", "group"},
          {"?state=XYZ", "state"}
        }) {
      String problem = body(mvc.perform(get(STATS + c[0])).andExpect(status().isBadRequest()));
      assertThat(JsonPath.<String>read(problem, "$.parameter")).isEqualTo(c[1]);
    }
    Document page =
        Jsoup.parse(
            body(
                mvc.perform(get("/dashboards/treaties?from=20x5&lang=en"))
                    .andExpect(status().isBadRequest())));
    assertThat(page.select("#form-error").text()).contains("\"20x5\" is not one");
    assertThat(page.select("#from").attr("value")).isEqualTo("20x5");
    mvc.perform(get("/api/v1/stats/nothing")).andExpect(status().isNotFound());
  }

  private ResultActions importOhchr(String source, String name, String content) throws Exception {
    return mvc.perform(
        multipart("/treaties/sources")
            .file(
                new MockMultipartFile(
                    "files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
            .param("source", source)
            .param("format", "OHCHR")
            .param("lang", "en")
            .with(logins.as(DemoLogins.ADMIN))
            .with(csrf()));
  }

  /** The values of one year's row of a table in a dashboard's JSON. */
  private static List<Integer> yearRow(String json, String table, String year) {
    List<List<Integer>> rows =
        JsonPath.read(
            json, "$.tables[?(@.id == '" + table + "')].rows[?(@.key == '" + year + "')].values");
    return rows.isEmpty() ? List.of() : rows.get(0);
  }

  private LocalDate consent(String iso3, String instrument) {
    return jdbc.sql(
            "select on_date from ratification where state_iso3 = ? and instrument_code = ? and event = 'CONSENT'")
        .params(iso3, instrument)
        .query(LocalDate.class)
        .single();
  }

  private int figure(String url, String key) throws Exception {
    return JsonPath.<Integer>read(
        body(mvc.perform(get(url)).andExpect(status().isOk())), "$.figures." + key);
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private ResultActions call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String who)
      throws Exception {
    return mvc.perform(request.with(logins.as(who)));
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
