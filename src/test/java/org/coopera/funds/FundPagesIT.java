package org.coopera.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forms of the funds pages as a fund manager fills them in: money recorded, allocated and
 * disbursed through the pages moves the balances; a refusal answers 400 with the reason and its
 * figures beside the form, keeps what was typed and writes nothing; a stale change of an allocation
 * answers 409 with the allocation as it now is and the amount typed; anyone else gets 403 on every
 * form.
 */
@CooperaIntegrationTest
class FundPagesIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  FundTestSupport t;

  @BeforeEach
  void support() {
    t = new FundTestSupport(mvc, logins, jdbc, json);
  }

  @Test
  void aFundManagerRecordsAContributionAllocatesAndDisbursesOnTheFundPage() throws Exception {
    String fund = t.newFund();
    UUID project = t.project("ACTIVE");
    String page = page(fund, DemoLogins.FUND_MANAGER);
    assertThat(page)
        .contains(
            "Record a contribution received", "Allocate to a project", "Test project " + project);

    form(
            "/funds/" + fund + "/contributions",
            Map.of(
                "donorState", "NOR",
                "currency", "NOK",
                "amount", "1000000",
                "usdRate", "0.0915",
                "date", "2026-02-01"),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/funds/" + fund))
        .andExpect(flash().attribute("notice", "funds.notice.contributed"));
    assertThat(t.balances(fund).get("received").decimalValue()).isEqualByComparingTo("91500.00");

    form(
            "/funds/" + fund + "/allocations",
            Map.of(
                "projectId", project.toString(),
                "amountUsd", "50000",
                "date", "2026-03-01",
                "purpose", "Training of the national mechanism"),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(flash().attribute("notice", "funds.notice.allocated"));
    UUID allocation = allocationOf(fund);

    form(
            "/funds/" + fund + "/disbursements",
            Map.of(
                "allocationId", allocation.toString(),
                "amountUsd", "20000",
                "date", "2026-03-15"),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(flash().attribute("notice", "funds.notice.disbursed"));

    JsonNode balances = t.balances(fund);
    assertThat(balances.get("allocated").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(balances.get("available").decimalValue()).isEqualByComparingTo("41500.00");
    assertThat(balances.get("disbursed").decimalValue()).isEqualByComparingTo("20000.00");
    assertThat(page(fund, DemoLogins.FUND_MANAGER)).contains("30,000.00");
  }

  @Test
  void aFundManagerAddsAFundingLineRecordsAPledgeAndAnExpenditure() throws Exception {
    String code =
        "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    form(
            "/funds",
            Map.of("code", code, "name", "Pages line " + code, "kind", "OTHER"),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/funds/" + code))
        .andExpect(flash().attribute("notice", "funds.notice.fund-added"));
    String refused =
        form("/funds", Map.of("code", code, "name", "Again", "kind", "OTHER"), DemoLogins.ADMIN)
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("A fund with the code " + code + " already exists.", "Again");

    Map<String, String> pledge =
        Map.of(
            "donorState", "NOR",
            "currency", "USD",
            "amount", "12abc",
            "usdRate", "1",
            "date", "2026-01-10",
            "forYear", "2026");
    assertThat(
            form("/funds/" + code + "/pledges", pledge, DemoLogins.FUND_MANAGER)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("12abc is not a number.", "value=\"12abc\"");
    var fixed = new java.util.HashMap<>(pledge);
    fixed.put("amount", "2500");
    form("/funds/" + code + "/pledges", fixed, DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(flash().attribute("notice", "funds.notice.pledged"));
    assertThat(t.balances(code).get("pledged").decimalValue()).isEqualByComparingTo("2500.00");

    UUID project = t.project("ACTIVE");
    t.contribute(code, "NOR", "2500", "USD", "1");
    UUID allocation = t.allocate(code, project, "2000", "2026-03-01");
    t.disburse(code, allocation, "1500", "2026-03-02");
    Map<String, String> spend =
        Map.of(
            "allocationId", allocation.toString(),
            "amountUsd", "1600",
            "date", "2026-03-10",
            "purpose", "Workshop venue");
    assertThat(
            form("/funds/" + code + "/expenditures", spend, DemoLogins.FUND_MANAGER)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(
            "Only USD 1,500.00 was disbursed and not yet spent; the expenditure asks USD"
                + " 1,600.00.");
    var within = new java.util.HashMap<>(spend);
    within.put("amountUsd", "1200");
    form("/funds/" + code + "/expenditures", within, DemoLogins.FUND_MANAGER)
        .andExpect(status().isFound())
        .andExpect(flash().attribute("notice", "funds.notice.spent"));
    assertThat(t.balances(code).get("spent").decimalValue()).isEqualByComparingTo("1200.00");
  }

  @Test
  void anOverAllocationIsRefusedWithTheFiguresAndWhatWasTyped() throws Exception {
    String fund = t.newFund();
    UUID project = t.project("ACTIVE");
    t.contribute(fund, "CHE", "1000", "USD", "1");
    long rows = t.rows(fund);

    String page =
        form(
                "/funds/" + fund + "/allocations",
                Map.of(
                    "projectId", project.toString(),
                    "amountUsd", "5000",
                    "date", "2026-03-01",
                    "purpose", "Too much asked"),
                DemoLogins.FUND_MANAGER)
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "Only USD 1,000.00 is available in " + fund + "; the allocation asks USD 5,000.00.",
            "value=\"5000\"",
            "value=\"Too much asked\"");
    assertThat(t.rows(fund)).isEqualTo(rows);
    JsonNode balances = t.balances(fund);
    assertThat(balances.get("allocated").decimalValue()).isEqualByComparingTo("0");
    assertThat(balances.get("available").decimalValue()).isEqualByComparingTo("1000.00");
  }

  @Test
  void aStaleChangeOfAnAllocationShowsTheCurrentFiguresAndWhatWasTyped() throws Exception {
    String fund = t.newFund();
    UUID project = t.project("ACTIVE");
    t.contribute(fund, "CHE", "10000", "USD", "1");
    UUID allocation = t.allocate(fund, project, "1000", "2026-03-01");
    long read = version(allocation);
    form(
            "/funds/" + fund + "/allocations/" + allocation,
            Map.of("amountUsd", "2000", "version", Long.toString(read)),
            DemoLogins.ADMIN)
        .andExpect(status().isFound())
        .andExpect(flash().attribute("notice", "funds.notice.changed"));

    String page =
        form(
                "/funds/" + fund + "/allocations/" + allocation,
                Map.of("amountUsd", "3000", "version", Long.toString(read)),
                DemoLogins.FUND_MANAGER)
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "it is now USD 2,000.00, of which USD 0.00 was disbursed; you typed 3000.",
            "value=\"3000\"",
            "value=\"" + version(allocation) + "\"");
    assertThat(t.balances(fund).get("allocated").decimalValue()).isEqualByComparingTo("2000.00");
  }

  @Test
  void aDonorAnAgencyOfficerAndACoordinatorAreForbiddenEveryForm() throws Exception {
    String fund = t.newFund();
    UUID project = t.project("ACTIVE");
    t.contribute(fund, "CHE", "10000", "USD", "1");
    UUID allocation = t.allocate(fund, project, "1000", "2026-03-01");
    t.disburse(fund, allocation, "500", "2026-03-02");
    long rows = t.rows(fund);
    Map<String, String> income =
        Map.of(
            "donorState", "NOR",
            "currency", "USD",
            "amount", "100",
            "usdRate", "1",
            "date", "2026-02-01");
    Map<String, String> outgo =
        Map.of(
            "allocationId",
            allocation.toString(),
            "projectId",
            project.toString(),
            "amountUsd",
            "100",
            "date",
            "2026-03-05",
            "purpose",
            "Workshop",
            "version",
            Long.toString(version(allocation)));
    Map<String, Map<String, String>> forms =
        Map.of(
            "/funds/" + fund + "/pledges",
            income,
            "/funds/" + fund + "/contributions",
            income,
            "/funds/" + fund + "/allocations",
            outgo,
            "/funds/" + fund + "/allocations/" + allocation,
            outgo,
            "/funds/" + fund + "/disbursements",
            outgo,
            "/funds/" + fund + "/expenditures",
            outgo,
            "/funds",
            Map.of("code", "X" + fund, "name", "Not theirs", "kind", "OTHER"));
    for (String who :
        List.of(DemoLogins.DONOR, DemoLogins.AGENCY_OFFICER, DemoLogins.COORDINATOR_SVN)) {
      for (var entry : forms.entrySet()) {
        form(entry.getKey(), entry.getValue(), who).andExpect(status().isForbidden());
      }
    }
    assertThat(t.rows(fund)).isEqualTo(rows);
    form("/funds/NO_SUCH_FUND/contributions", income, DemoLogins.FUND_MANAGER)
        .andExpect(status().isNotFound());
    t.get("/funds/NO_SUCH_FUND", DemoLogins.FUND_MANAGER).andExpect(status().isNotFound());
    assertThat(
            jdbc.sql("select count(*) from fund where code = ?")
                .param("X" + fund)
                .query(Long.class)
                .single())
        .isZero();
  }

  private ResultActions form(String path, Map<String, String> fields, String who) throws Exception {
    var request = post(path).param("lang", "en").with(csrf()).with(logins.as(who));
    fields.forEach(request::param);
    return mvc.perform(request);
  }

  private String page(String fund, String who) throws Exception {
    return t.get("/funds/" + fund + "?lang=en", who)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private UUID allocationOf(String fund) {
    return jdbc.sql("select id from fund_allocation where fund_code = ?")
        .param(fund)
        .query(UUID.class)
        .single();
  }

  private long version(UUID allocation) {
    return jdbc.sql("select version from fund_allocation where id = ?")
        .param(allocation)
        .query(Long.class)
        .single();
  }
}
