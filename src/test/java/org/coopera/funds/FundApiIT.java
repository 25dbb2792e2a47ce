package org.coopera.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coopera.funds.internal.Funds;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The funds over HTTP as each role: only fund managers and administrators record money, a donor
 * sees only what its own contributions paid for, the public sees aggregates; every bad input is
 * refused with the reason and the figures and changes nothing; two concurrent disbursements cannot
 * overspend one allocation; the board report carries the figures of the ledger.
 */
@CooperaIntegrationTest
class FundApiIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Funds funds;
  @Autowired UserDetailsService users;
  @Autowired MessageSource messages;

  FundTestSupport t;

  @BeforeEach
  void support() {
    t = new FundTestSupport(mvc, logins, jdbc, json);
  }

  @Test
  void theUnVoluntaryFundsExistWithTheDemoContributions() throws Exception {
    JsonNode list = t.read(t.get("/api/v1/funds", null).andExpect(status().isOk()));
    assertThat(list.findValuesAsString("code")).contains("VFTC", "UPR_VFTA", "UPR_VFP");
    // Norway NOK 25,000,000 at 0.0915, Switzerland CHF 1,500,000 at 1.125, the EU EUR 2,000,000
    // at 1.085
    JsonNode vftc = t.balances("VFTC");
    assertThat(vftc.get("received").decimalValue())
        .isGreaterThanOrEqualTo(new BigDecimal("2287500.00").add(new BigDecimal("1687500.00")));
  }

  @Test
  void onlyFundManagersAndAdministratorsRecordMoney() throws Exception {
    String fund = t.newFund();
    String body =
        """
        {"donorState": "NOR", "amount": 1000, "currency": "NOK", "usdRate": 0.0915,
         "date": "2026-02-01"}
        """;
    for (String who :
        List.of(
            DemoLogins.DONOR,
            DemoLogins.AGENCY_OFFICER,
            DemoLogins.COORDINATOR_SVN,
            DemoLogins.CIVIL_SOCIETY)) {
      t.post("/api/v1/funds/" + fund + "/contributions", body, who)
          .andExpect(status().isForbidden());
      t.post(
              "/api/v1/funds",
              "{\"code\": \"XX_%s\", \"name\": \"x\", \"kind\": \"OTHER\"}".formatted(fund),
              who)
          .andExpect(status().isForbidden());
    }
    t.post("/api/v1/funds/" + fund + "/contributions", body, null)
        .andExpect(status().is4xxClientError());
    assertThat(t.rows(fund)).isZero();

    t.post("/api/v1/funds/" + fund + "/contributions", body, DemoLogins.FUND_MANAGER)
        .andExpect(status().isCreated());
    t.post("/api/v1/funds/" + fund + "/pledges", body, DemoLogins.ADMIN)
        .andExpect(status().isCreated());
    JsonNode balances = t.balances(fund);
    assertThat(balances.get("received").decimalValue()).isEqualByComparingTo("91.50");
    assertThat(balances.get("pledged").decimalValue()).isEqualByComparingTo("91.50");
  }

  @Test
  void thePublicSeesAggregatesAndOnlyFundManagersTheLedger() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "1000000", "NOK", "0.0915");
    t.get("/api/v1/funds/" + fund, null).andExpect(status().isOk());
    String page =
        t.get("/funds?lang=en", null)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Funds raised against demand", "Test line " + fund, "91,500.00");

    for (String who : List.of(DemoLogins.FUND_MANAGER, DemoLogins.ADMIN)) {
      JsonNode ledger =
          t.read(t.get("/api/v1/funds/" + fund + "/ledger", who).andExpect(status().isOk()));
      assertThat(ledger.get("contributions").get(0).get("donor").asString()).isEqualTo("NOR");
      t.get("/funds/" + fund, who).andExpect(status().isOk());
    }
    for (String who :
        List.of(DemoLogins.DONOR, DemoLogins.AGENCY_OFFICER, DemoLogins.COORDINATOR_SVN)) {
      t.get("/api/v1/funds/" + fund + "/ledger", who).andExpect(status().isForbidden());
      t.get("/api/v1/funds/" + fund + "/report.xlsx", who).andExpect(status().isForbidden());
      t.get("/funds/" + fund, who).andExpect(status().isForbidden());
    }
    t.get("/api/v1/funds/" + fund + "/ledger", null).andExpect(status().is4xxClientError());
    t.get("/api/v1/funds/NOPE_NOPE", null).andExpect(status().isNotFound());
  }

  @Test
  void aDonorSeesWhatItsOwnContributionsPaidForProRata() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "300000", "USD", "1");
    t.contribute(fund, "CHE", "100000", "USD", "1");
    UUID project = t.project("ACTIVE");
    t.allocate(fund, project, "80000", "2026-03-01");

    JsonNode view =
        t.read(t.get("/api/v1/donor/funds", DemoLogins.DONOR).andExpect(status().isOk()));
    assertThat(view.get("donor").asString()).isEqualTo("NOR");
    assertThat(view.get("method").asString()).startsWith("pro rata");
    assertThat(view.findValuesAsString("currency")).doesNotContain("CHF");
    JsonNode mine = null;
    for (JsonNode f : view.get("funds")) {
      if (f.get("fund").asString().equals(fund)) {
        mine = f;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("contributed").decimalValue()).isEqualByComparingTo("300000");
    assertThat(mine.get("share").decimalValue()).isEqualByComparingTo("0.75");
    JsonNode paid = mine.get("projects").get(0);
    assertThat(paid.get("projectId").asString()).isEqualTo(project.toString());
    assertThat(paid.get("attributed").decimalValue()).isEqualByComparingTo("60000.00");
    // the other donor's figures are not in Norway's view
    assertThat(view.toString()).doesNotContain("\"CHE\"");

    String page =
        t.get("/funds/donor?lang=en", DemoLogins.DONOR)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("What the contributions of NOR paid for", "pro rata", "60,000.00");
    for (String who : List.of(DemoLogins.FUND_MANAGER, DemoLogins.COORDINATOR_SVN)) {
      t.get("/api/v1/donor/funds", who).andExpect(status().isForbidden());
      t.get("/funds/donor", who).andExpect(status().isForbidden());
    }
  }

  @Test
  void badInputIsRefusedWithTheReasonAndChangesNothing() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "1200", "USD", "1");
    UUID active = t.project("ACTIVE");
    UUID suspended = t.project("SUSPENDED");
    UUID allocation = t.allocate(fund, active, "1000", "2026-03-01");
    t.disburse(fund, allocation, "400", "2026-03-15");
    String base = "/api/v1/funds/" + fund;
    UUID pledge =
        t.id(
            t.post(base + "/pledges", income("NOK", "1000", "0.0915"), DemoLogins.FUND_MANAGER)
                .andExpect(status().isCreated()));
    String allocations = base + "/allocations";
    String disbursements = allocations + "/" + allocation + "/disbursements";
    String expenditures = allocations + "/" + allocation + "/expenditures";

    record Bad(String path, String body, String field, String says) {}
    List<Bad> bad =
        List.of(
            new Bad(
                base + "/contributions",
                income("JPY", "1500.5", "0.0067"),
                "amount",
                "An amount in JPY has at most 0 decimals"),
            new Bad(
                base + "/contributions",
                income("EUR", "10.001", "1.08"),
                "amount",
                "An amount in EUR has at most 2 decimals"),
            new Bad(base + "/contributions", income("XYZ", "10", "1"), "currency", "XYZ"),
            new Bad(base + "/pledges", income("NOK", "-5", "0.09"), "amount", "positive"),
            new Bad(
                base + "/contributions",
                """
                {"donorState": "NOR", "amount": 1000, "currency": "NOK", "usdRate": 0.0915,
                 "date": "2026-01-31", "pledgeId": "%s"}
                """
                    .formatted(pledge),
                "date",
                "The contribution is dated 2026-01-31, before its pledge (2026-02-01)"),
            new Bad(
                base + "/contributions",
                """
                {"donorState": "CHE", "amount": 1000, "currency": "CHF", "usdRate": 1.1,
                 "date": "2026-03-01", "pledgeId": "%s"}
                """
                    .formatted(pledge),
                "pledgeId",
                "not one of this fund and donor"),
            new Bad(
                base + "/contributions",
                "{\"amount\": 10, \"currency\": \"USD\", \"usdRate\": 1, \"date\": \"2026-03-01\"}",
                "donorState",
                "exactly one donor"),
            new Bad(
                allocations,
                "{\"projectId\": \"%s\", \"amountUsd\": 5000, \"date\": \"2026-03-02\"}"
                    .formatted(active),
                "amountUsd",
                "Only USD 200.00 is available in " + fund + "; the allocation asks USD 5,000.00"),
            new Bad(
                allocations,
                "{\"projectId\": \"%s\", \"amountUsd\": 100, \"date\": \"2026-03-02\"}"
                    .formatted(suspended),
                "projectId",
                "is suspended: it accepts no new allocation"),
            new Bad(
                disbursements,
                "{\"amountUsd\": 700, \"date\": \"2026-04-01\"}",
                "amountUsd",
                "Only USD 600.00 remains of this allocation; the disbursement asks USD 700.00"),
            new Bad(
                disbursements,
                "{\"amountUsd\": 10, \"date\": \"2026-02-28\"}",
                "date",
                "before the allocation was decided"),
            new Bad(
                disbursements,
                "{\"amountUsd\": 10.005, \"date\": \"2026-04-01\"}",
                "amountUsd",
                "at most 2 decimals"),
            new Bad(
                expenditures,
                "{\"amountUsd\": 450, \"date\": \"2026-04-01\", \"purpose\": \"Workshop\"}",
                "amountUsd",
                "Only USD 400.00 was disbursed and not yet spent; the expenditure asks USD 450.00"));
    for (Bad b : bad) {
      JsonNode before = t.balances(fund);
      long rows = t.rows(fund);
      JsonNode problem =
          t.read(
              t.post(b.path() + "?lang=en", b.body(), DemoLogins.FUND_MANAGER)
                  .andExpect(status().isBadRequest()));
      assertThat(problem.get("field").asString()).as(b.body()).isEqualTo(b.field());
      assertThat(problem.get("detail").asString()).as(b.body()).contains(b.says());
      assertThat(t.balances(fund)).as(b.body()).isEqualTo(before);
      assertThat(t.rows(fund)).as(b.body()).isEqualTo(rows);
    }

    // the State withdrew its consent: the project is suspended and takes no more money
    jdbc.sql("update project set status = 'SUSPENDED' where id = ?").param(active).update();
    JsonNode before = t.balances(fund);
    JsonNode problem =
        t.read(
            t.post(
                    disbursements + "?lang=en",
                    "{\"amountUsd\": 10, \"date\": \"2026-04-01\"}",
                    DemoLogins.FUND_MANAGER)
                .andExpect(status().isBadRequest()));
    assertThat(problem.get("detail").asString())
        .contains("is suspended: it accepts no new allocation or disbursement");
    assertThat(t.balances(fund)).isEqualTo(before);
    t.post(
            allocations + "/" + UUID.randomUUID() + "/disbursements",
            "{\"amountUsd\": 10, \"date\": \"2026-04-01\"}",
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isNotFound());
  }

  @Test
  void aStaleAllocationEditIsRefused() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "1000", "USD", "1");
    UUID allocation = t.allocate(fund, t.project("ACTIVE"), "500", "2026-03-01");
    String path = "/api/v1/funds/" + fund + "/allocations/" + allocation;
    t.put(path, "{\"amountUsd\": 600, \"version\": 0}", DemoLogins.FUND_MANAGER)
        .andExpect(status().isNoContent());
    JsonNode problem =
        t.read(
            t.put(path, "{\"amountUsd\": 700, \"version\": 0}", DemoLogins.ADMIN)
                .andExpect(status().isConflict()));
    assertThat(problem.get("code").asString()).isEqualTo("stale");
    assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
    assertThat(t.balances(fund).get("allocated").decimalValue()).isEqualByComparingTo("600");
    // and an edit beyond the fund is refused with the figures
    JsonNode beyond =
        t.read(
            t.put(path + "?lang=en", "{\"amountUsd\": 1000.01, \"version\": 1}", DemoLogins.ADMIN)
                .andExpect(status().isBadRequest()));
    assertThat(beyond.get("detail").asString())
        .isEqualTo(
            "Only USD 1,000.00 is available in " + fund + "; the allocation asks USD 1,000.01.");
  }

  @Test
  void concurrentDisbursementsOnOneAllocationCannotOverspend() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "100000", "USD", "1");
    CooperaUser manager = (CooperaUser) users.loadUserByUsername(DemoLogins.FUND_MANAGER);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        UUID allocation = t.allocate(fund, t.project("ACTIVE"), "1000", "2026-03-01");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> disburse =
            () -> {
              start.await();
              try {
                funds.disburse(
                    fund,
                    allocation,
                    new Funds.Outgo(
                        null,
                        new BigDecimal("700"),
                        java.time.LocalDate.of(2026, 4, 1),
                        null,
                        null),
                    manager);
                return true;
              } catch (InvalidInputException refused) {
                return false;
              }
            };
        List<Future<Boolean>> both =
            new ArrayList<>(List.of(pool.submit(disburse), pool.submit(disburse)));
        start.countDown();
        long done = 0;
        for (Future<Boolean> f : both) {
          done += f.get() ? 1 : 0;
        }
        assertThat(done).isEqualTo(1);
        assertThat(
                jdbc.sql("select sum(amount_usd) from fund_disbursement where allocation_id = ?")
                    .param(allocation)
                    .query(BigDecimal.class)
                    .single())
            .isEqualByComparingTo("700");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentAllocationsCannotOverspendTheFund() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "1000", "USD", "1");
    CooperaUser manager = (CooperaUser) users.loadUserByUsername(DemoLogins.FUND_MANAGER);
    UUID project = t.project("ACTIVE");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Callable<Boolean> allocate =
          () -> {
            start.await();
            try {
              funds.allocate(
                  fund,
                  new Funds.Outgo(
                      project,
                      new BigDecimal("400"),
                      java.time.LocalDate.of(2026, 3, 1),
                      null,
                      null),
                  manager);
              return true;
            } catch (InvalidInputException refused) {
              return false;
            }
          };
      List<Future<Boolean>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(pool.submit(allocate));
      }
      start.countDown();
      long done = 0;
      for (Future<Boolean> f : all) {
        done += f.get() ? 1 : 0;
      }
      assertThat(done).isEqualTo(2);
      assertThat(t.balances(fund).get("available").decimalValue()).isEqualByComparingTo("200");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theBoardReportCarriesTheLedgersFigures() throws Exception {
    String fund = t.newFund();
    t.contribute(fund, "NOR", "10000000", "NOK", "0.0915");
    t.contribute(fund, "CHE", "200000", "CHF", "1.125");
    UUID allocation = t.allocate(fund, t.project("ACTIVE"), "500000", "2026-03-01");
    t.disburse(fund, allocation, "125000.50", "2026-03-20");
    String base = "/api/v1/funds/" + fund;

    byte[] xlsx =
        t.get(base + "/report.xlsx", DemoLogins.FUND_MANAGER)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    Map<String, Double> cells = new java.util.LinkedHashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      for (Row row : sheet) {
        Cell label = row.getCell(0);
        Cell value = row.getCell(1);
        if (label != null && value != null) {
          cells.putIfAbsent(label.getStringCellValue(), value.getNumericCellValue());
        }
      }
    }
    assertThat(cells.get("NOR")).isEqualTo(915000.00);
    assertThat(cells.get("CHE")).isEqualTo(225000.00);
    assertThat(cells.get("Contributions received")).isEqualTo(1140000.00);
    assertThat(cells.get("Allocated")).isEqualTo(500000.00);
    assertThat(cells.get("Available (received - allocated)")).isEqualTo(640000.00);
    assertThat(cells.get("Disbursed")).isEqualTo(125000.50);

    byte[] pdf =
        t.get(base + "/report.pdf", DemoLogins.ADMIN)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "Income by donor",
              "NOR: USD 915,000.00",
              "CHE: USD 225,000.00",
              "Contributions received: USD 1,140,000.00",
              "Available (received - allocated): USD 640,000.00",
              "Disbursed: USD 125,000.50");
    }

    byte[] arabic =
        t.get(base + "/report.pdf?lang=ar", DemoLogins.ADMIN)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(arabic)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ar");
      String text = compact(new PDFTextStripper().getText(document));
      Locale language = Locale.forLanguageTag("ar");
      assertThat(text)
          .as("the report in the reader's language")
          .contains(
              compact(messages.getMessage("funds.report.income", null, language)),
              compact(messages.getMessage("funds.report.balance", null, language)),
              "NOR",
              "CHE");
    }
  }

  /** Without spaces, Arabic presentation forms back to letters. */
  private static String compact(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
        .replaceAll("[\\s\\u00a0\\u202f]+", "");
  }

  private static String income(String currency, String amount, String rate) {
    return """
        {"donorState": "NOR", "amount": %s, "currency": "%s", "usdRate": %s, "date": "2026-02-01"}
        """
        .formatted(amount, currency, rate);
  }

  @Test
  void theBoardReportNeutralisesFormulasInTextAndKeepsNumbersNumbers() throws Exception {
    String fund =
        "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    t.post(
            "/api/v1/funds",
            "{\"code\": \"%s\", \"name\": \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\", \"kind\": \"BILATERAL\"}"
                .formatted(fund),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isCreated());
    t.contribute(fund, "NOR", "1000", "USD", "1");

    byte[] xlsx =
        t.get("/api/v1/funds/" + fund + "/report.xlsx", DemoLogins.FUND_MANAGER)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      Cell title = sheet.getRow(0).getCell(0);
      assertThat(title.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
      assertThat(title.getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"y\") (USD)");
      for (Row row : sheet) {
        Cell value = row.getCell(1);
        if (value != null) {
          assertThat(value.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
        }
      }
    }
  }
}
