package org.coopera.funds;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.coopera.support.DemoLogins;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the funds ITs share: a fund of their own, projects made by SQL, calls as a role. */
record FundTestSupport(MockMvc mvc, DemoLogins logins, JdbcClient jdbc, JsonMapper json) {

  /** A new bilateral funding line of the test's own, so that tests do not see each other. */
  String newFund() throws Exception {
    String code =
        "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    post(
            "/api/v1/funds",
            "{\"code\": \"%s\", \"name\": \"Test line %s\", \"kind\": \"BILATERAL\"}"
                .formatted(code, code),
            DemoLogins.FUND_MANAGER)
        .andExpect(status().isCreated());
    return code;
  }

  /**
   * A project of Slovenia answering the request its coordinator submitted, the assessment waived
   * (principles 1 and 3), in the given status.
   */
  UUID project(String status) {
    UUID account =
        jdbc.sql("select id from account where email = ?")
            .param(DemoLogins.ADMIN)
            .query(UUID.class)
            .single();
    UUID coordinator =
        jdbc.sql("select id from account where email = ?")
            .param(DemoLogins.COORDINATOR_SVN)
            .query(UUID.class)
            .single();
    UUID request = UUID.randomUUID();
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, status, created_by,
              submitted_by, submitted_at, assessment_waived_by, assessment_waived_at,
              assessment_waiver, created_at, updated_at)
            values (?, 'SVN', 'Funds test request', 'SUBMITTED', ?, ?, now(), ?, now(),
              'Funds test: the State waived the assessment', now(), now())
            """)
        .params(request, coordinator, coordinator, coordinator)
        .update();
    UUID project = UUID.randomUUID();
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, status,
              start_date, end_date, budget_amount, budget_currency, created_by, created_at,
              updated_at)
            values (?, ?, 'SVN', ?, ?, ?, date '2026-01-01', date '2027-12-31', 100000, 'USD', ?,
              now(), now())
            """)
        .params(project, request, "XM-TEST-" + project, "Test project " + project, status, account)
        .update();
    return project;
  }

  ResultActions post(String path, String body, String who) throws Exception {
    var request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(csrf());
    return mvc.perform(who == null ? request : request.with(logins.as(who)));
  }

  ResultActions put(String path, String body, String who) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body)
            .with(csrf())
            .with(logins.as(who)));
  }

  ResultActions get(String path, String who) throws Exception {
    var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path);
    return mvc.perform(who == null ? request : request.with(logins.as(who)));
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  /** The fund's balances as the public API answers them. */
  JsonNode balances(String code) throws Exception {
    return read(get("/api/v1/funds/" + code, null).andExpect(status().isOk()));
  }

  /** Every row of money of the fund, to prove a refusal wrote nothing. */
  long rows(String code) {
    return jdbc.sql(
            """
            select (select count(*) from fund_pledge where fund_code = ?)
                 + (select count(*) from fund_contribution where fund_code = ?)
                 + (select count(*) from fund_allocation where fund_code = ?)
                 + (select count(*) from fund_disbursement d join fund_allocation a
                      on a.id = d.allocation_id where a.fund_code = ?)
                 + (select count(*) from fund_expenditure e join fund_allocation a
                      on a.id = e.allocation_id where a.fund_code = ?)
            """)
        .params(code, code, code, code, code)
        .query(Long.class)
        .single();
  }

  UUID contribute(String fund, String donorState, String amount, String currency, String rate)
      throws Exception {
    return id(
        post(
                "/api/v1/funds/" + fund + "/contributions",
                """
                {"donorState": "%s", "amount": %s, "currency": "%s", "usdRate": %s,
                 "date": "2026-02-01"}
                """
                    .formatted(donorState, amount, currency, rate),
                DemoLogins.FUND_MANAGER)
            .andExpect(status().isCreated()));
  }

  UUID allocate(String fund, UUID project, String usd, String decided) throws Exception {
    return id(
        post(
                "/api/v1/funds/" + fund + "/allocations",
                """
                {"projectId": "%s", "amountUsd": %s, "date": "%s", "purpose": "Test"}
                """
                    .formatted(project, usd, decided),
                DemoLogins.FUND_MANAGER)
            .andExpect(status().isCreated()));
  }

  UUID disburse(String fund, UUID allocation, String usd, String date) throws Exception {
    return id(
        post(
                "/api/v1/funds/" + fund + "/allocations/" + allocation + "/disbursements",
                "{\"amountUsd\": %s, \"date\": \"%s\"}".formatted(usd, date),
                DemoLogins.FUND_MANAGER)
            .andExpect(status().isCreated()));
  }

  UUID id(ResultActions result) throws Exception {
    return UUID.fromString(read(result).get("id").asString());
  }
}
