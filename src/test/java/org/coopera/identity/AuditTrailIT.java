package org.coopera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.coopera.support.CooperaIntegrationTest;
import org.coopera.support.DemoLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Every write leaves an audit entry naming who, when, which record and what changed. */
@CooperaIntegrationTest
class AuditTrailIT {

  @Autowired MockMvc mvc;
  @Autowired DemoLogins logins;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void creatingAnAccountOverHttpIsAttributedToTheAdministrator() throws Exception {
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", "Audit.Created@Example.org")
                .param("displayName", "Audited Person")
                .param("password", "correct horse battery")
                .param("grants[0].role", "STATE_FOCAL_POINT")
                .param("grants[0].state", "SVN"))
        .andExpect(status().isFound());
    String id = accountId("audit.created@example.org");

    Map<String, Object> entry =
        jdbc.sql(
                "select actor, actor_id::text as actor_id, operation, changes::text as changes"
                    + " from audit_entry where table_name = 'account' and record_id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(entry.get("actor")).isEqualTo(DemoLogins.ADMIN);
    assertThat(entry.get("actor_id")).isEqualTo(accountId(DemoLogins.ADMIN));
    assertThat(entry.get("operation")).isEqualTo("INSERT");
    assertThat((String) entry.get("changes"))
        .contains("audit.created@example.org")
        .contains("[redacted]")
        .doesNotContain("{bcrypt}");

    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where table_name = 'role_assignment' and"
                        + " operation = 'INSERT' and changes -> 'account_id' ->> 'new' = ? and"
                        + " actor = ?")
                .params(id, DemoLogins.ADMIN)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anUpdateRecordsTheOldAndNewValuesOfWhatChanged() throws Exception {
    createAccount("rename.me@example.org", "Before");
    String id = accountId("rename.me@example.org");

    updateAccount(id, "rename.me@example.org", "After").andExpect(status().isFound());

    Map<String, Object> update =
        jdbc.sql(
                "select changes -> 'display_name' ->> 'old' as old_name, changes -> 'display_name'"
                    + " ->> 'new' as new_name, (changes -> 'email') is not null as email_changed from audit_entry"
                    + " where table_name = 'account' and record_id = ? and operation = 'UPDATE'")
            .param(id)
            .query()
            .singleRow();
    assertThat(update.get("old_name")).isEqualTo("Before");
    assertThat(update.get("new_name")).isEqualTo("After");
    assertThat(update.get("email_changed")).isEqualTo(false);

    mvc.perform(
            get("/admin/audit")
                .with(logins.as(DemoLogins.ADMIN))
                .param("table", "account")
                .param("record", id))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Before")))
        .andExpect(content().string(containsString("After")))
        .andExpect(content().string(containsString("2 entries")));
  }

  @Test
  void aStaleEditIsRefusedAndChangesNothing() throws Exception {
    createAccount("stale@example.org", "Original");
    String id = accountId("stale@example.org");
    updateAccount(id, "stale@example.org", "First editor").andExpect(status().isFound());

    updateAccount(id, "stale@example.org", "Second editor, who saw version 0")
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed this account")));

    assertThat(
            jdbc.sql("select display_name from account where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("First editor");
  }

  @Test
  void aPasswordResetShowsAsAChangeWithoutRevealingTheHash() throws Exception {
    createAccount("reset.me@example.org", "Reset Me");
    String id = accountId("reset.me@example.org");
    mvc.perform(
            post("/admin/accounts/" + id + "/password")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("newPassword", "another long passphrase"))
        .andExpect(status().isFound());

    String changes =
        jdbc.sql(
                "select changes::text from audit_entry where table_name = 'account' and"
                    + " record_id = ? and operation = 'UPDATE'")
            .param(id)
            .query(String.class)
            .single();
    assertThat(changes)
        .contains("\"password_hash\": {\"new\": \"[redacted]\", \"old\": \"[redacted]\"}")
        .doesNotContain("bcrypt");
  }

  @Test
  void administratorsExportTheFilteredTrailAsCsv() throws Exception {
    String csv =
        mvc.perform(
                get("/admin/audit/export.csv")
                    .with(logins.as(DemoLogins.ADMIN))
                    .param("table", "account")
                    .param("operation", "INSERT"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("\uFEFFid,occurred_at,transaction_id,actor,table,record,operation,changes");
    assertThat(lines.subList(1, lines.size()))
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(line -> assertThat(line).contains(",account,").contains(",INSERT,"));
    assertThat(csv).contains("admin@demo.coopera.org").doesNotContain("{bcrypt}");
    mvc.perform(get("/admin/audit/export.csv").with(logins.as(DemoLogins.TRAINER)))
        .andExpect(status().isForbidden());
  }

  @Test
  void theTrailFiltersByDateActorAndOperation() throws Exception {
    mvc.perform(
            get("/admin/audit")
                .with(logins.as(DemoLogins.ADMIN))
                .param("from", "2000-01-01")
                .param("to", "2000-12-31"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("No entry matches these filters")));
    mvc.perform(
            get("/admin/audit")
                .with(logins.as(DemoLogins.ADMIN))
                .param("from", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .param("actor", "SYSTEM")
                .param("operation", "INSERT")
                .param("table", "account"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("demo.coopera.org")));
    mvc.perform(get("/admin/audit").with(logins.as(DemoLogins.ADMIN)).param("operation", "DROP"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void plainSqlWritesAreAuditedTooAsTheSystem() {
    transactions.executeWithoutResult(
        tx ->
            jdbc.sql(
                    "insert into organisation (code, name, kind) values ('AUDIT_TEST',"
                        + " 'Audit test organisation', 'NGO')")
                .update());
    transactions.executeWithoutResult(
        tx -> jdbc.sql("delete from organisation where code = 'AUDIT_TEST'").update());

    List<String> operations =
        jdbc.sql(
                "select operation || ':' || actor from audit_entry where table_name ="
                    + " 'organisation' and record_id = 'AUDIT_TEST' order by id")
            .query(String.class)
            .list();
    assertThat(operations).containsExactly("INSERT:system", "DELETE:system");
  }

  @Test
  void oneStatementInsertingManyRowsLeavesOneEntryPerRowWithAllItsColumns() {
    long before =
        jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
    transactions.executeWithoutResult(
        tx ->
            jdbc.sql(
                    "insert into organisation (code, name, kind) values ('AUDIT_A', 'First', 'NGO'),"
                        + " ('AUDIT_B', 'Second', 'NGO'), ('AUDIT_C', 'Third', 'NGO')")
                .update());

    List<Map<String, Object>> entries =
        jdbc.sql(
                "select record_id, operation, actor, changes -> 'name' ->> 'new' as name,"
                    + " changes -> 'code' ->> 'new' as code from audit_entry"
                    + " where id > ? and table_name = 'organisation' order by id")
            .param(before)
            .query()
            .listOfRows();
    assertThat(entries)
        .extracting(e -> e.get("record_id"), e -> e.get("name"), e -> e.get("operation"))
        .containsExactly(
            Tuple.tuple("AUDIT_A", "First", "INSERT"),
            Tuple.tuple("AUDIT_B", "Second", "INSERT"),
            Tuple.tuple("AUDIT_C", "Third", "INSERT"));
    assertThat(entries).allSatisfy(e -> assertThat(e.get("actor")).isEqualTo("system"));
    assertThat(entries).allSatisfy(e -> assertThat(e.get("code")).isEqualTo(e.get("record_id")));
    transactions.executeWithoutResult(
        tx -> jdbc.sql("delete from organisation where code like 'AUDIT\\_%'").update());
  }

  @Test
  void invalidInputIsRefusedWithItsReasonAndWritesNothing() throws Exception {
    long before = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", "short.password@example.org")
                .param("displayName", "Short Password")
                .param("password", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at least 12 characters")));
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", "wrong.scope@example.org")
                .param("displayName", "Wrong Scope")
                .param("password", "correct horse battery")
                .param("grants[0].role", "STATE_COORDINATOR"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("choose the State")));
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", DemoLogins.TRAINER)
                .param("displayName", "Duplicate")
                .param("password", "correct horse battery"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("already exists")));
    assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single())
        .isEqualTo(before);
  }

  /** Creates an account over HTTP as the demo administrator, as a person would. */
  private void createAccount(String email, String displayName) throws Exception {
    mvc.perform(
            post("/admin/accounts")
                .with(logins.as(DemoLogins.ADMIN))
                .with(csrf())
                .param("email", email)
                .param("displayName", displayName)
                .param("password", "correct horse battery"))
        .andExpect(status().isFound());
  }

  /** Saves the account form as the demo administrator, as someone who saw version 0. */
  private org.springframework.test.web.servlet.ResultActions updateAccount(
      String id, String email, String displayName) throws Exception {
    return mvc.perform(
        post("/admin/accounts/" + id)
            .with(logins.as(DemoLogins.ADMIN))
            .with(csrf())
            .param("version", "0")
            .param("email", email)
            .param("displayName", displayName)
            .param("enabled", "true"));
  }

  private String accountId(String email) {
    return jdbc.sql("select id::text from account where email = ?")
        .param(email)
        .query(String.class)
        .single();
  }
}
