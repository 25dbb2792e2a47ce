package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Flyway builds the whole schema on an empty database and loads the reference data. */
@CooperaIntegrationTest
class MigrationsIT {

  @Autowired JdbcClient jdbc;

  @Test
  void everyMigrationIsAppliedOnAnEmptyDatabase() {
    List<String> versions =
        jdbc.sql(
                "select version from flyway_schema_history where success and version is not null"
                    + " order by installed_rank")
            .query(String.class)
            .list();
    assertThat(versions)
        .containsExactly(
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
            "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
            "31", "32", "33", "34");
    assertThat(
            jdbc.sql("select count(*) from flyway_schema_history where not success")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void referenceDataHasTheExpectedCounts() {
    assertThat(count("state")).isEqualTo(195);
    assertThat(count("state where un_status = 'MEMBER'")).isEqualTo(193);
    assertThat(count("state where un_status = 'OBSERVER'")).isEqualTo(2);
    assertThat(count("instrument")).isEqualTo(18);
    assertThat(count("instrument where kind = 'CORE_TREATY'")).isEqualTo(9);
    assertThat(count("instrument where kind = 'OPTIONAL_PROTOCOL'")).isEqualTo(9);
    assertThat(count("mechanism where kind = 'TREATY_BODY'")).isEqualTo(10);
    assertThat(count("mechanism where kind = 'UPR'")).isEqualTo(1);
    assertThat(count("mechanism where kind = 'SPECIAL_PROCEDURE'")).isGreaterThan(40);
    assertThat(count("declaration where kind = 'INDIVIDUAL_COMMUNICATIONS'")).isEqualTo(4);
    assertThat(count("upr_cycle")).isEqualTo(4);
    assertThat(count("sdg_goal")).isEqualTo(17);
    assertThat(count("sdg_target")).isEqualTo(169);
    assertThat(count("sdg_indicator")).isGreaterThanOrEqualTo(231);
    assertThat(count("theme")).isGreaterThan(80);
    assertThat(count("affected_group")).isGreaterThan(20);
  }

  @Test
  void stateGroupingsMatchUnsdM49() {
    assertThat(count("state where ldc")).isEqualTo(44);
    assertThat(count("state where lldc")).isEqualTo(32);
    assertThat(jdbc.sql("select iso2 from state where iso3 = 'NAM'").query(String.class).single())
        .as("Namibia's alpha-2 code is the text NA, not a missing value")
        .isEqualTo("NA");
  }

  @Test
  void everyTableButTheFrameworkBookkeepingIsAudited() {
    List<String> unaudited =
        jdbc.sql(
                """
                select c.relname from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_trigger t
                                  where t.tgrelid = c.oid and t.tgname = 'audit_row')
                order by c.relname
                """)
            .query(String.class)
            .list();
    assertThat(unaudited)
        .containsExactlyInAnyOrder(
            "audit_entry",
            "event_publication",
            "flyway_schema_history",
            "spring_session",
            "spring_session_attributes",
            "login_failure",
            "recommendation_import_file",
            "mail_outbox",
            "notification",
            "stored_file_content",
            "reminder_sent",
            "digest_sent",
            "recommendation_count",
            "recommendation_tag_count",
            "recommendation_tag_year_count",
            "recommendation_tag_state_count",
            "recommendation_published_status",
            "recommendation_sdg_goal");
  }

  @Test
  void theAuditTrailCannotBeChangedOrDeleted() {
    assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'someone else'").update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
        .rootCause()
        .hasMessageContaining("append-only");
  }

  private long count(String fromClause) {
    return jdbc.sql("select count(*) from " + fromClause).query(Long.class).single();
  }

  /**
   * A database audited before V10 (its tables' audit_row trigger also fired on INSERT): V10 moves
   * the inserts to the statement trigger, leaves the tables it already converted alone, and the
   * entries stay what they were.
   */
  @Test
  void v10MovesTheInsertsOfAnEarlierDatabaseToTheStatementTrigger() throws Exception {
    jdbc.sql("create table upgrade_probe (id int primary key, name text, token_hash text)")
        .update();
    jdbc.sql(
            "create trigger audit_row after insert or update or delete on upgrade_probe"
                + " for each row execute function audit_row('id')")
        .update();
    String v10;
    try (var in =
        getClass().getResourceAsStream("/db/migration/V10__audit_inserts_by_statement.sql")) {
      v10 = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    try {
      jdbc.sql(v10.replace("create function", "create or replace function")).update();

      assertThat(
              jdbc.sql(
                      "select tgname || ':' || (tgtype & 4 <> 0) || ':' || (tgtype & 1 <> 0)"
                          + " from pg_trigger where tgrelid = 'upgrade_probe'::regclass"
                          + " and not tgisinternal order by tgname")
                  .query(String.class)
                  .list())
          .as("name : fires on insert : for each row")
          .containsExactly("audit_insert:true:false", "audit_row:false:true");
      long before =
          jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
      jdbc.sql("insert into upgrade_probe values (1, 'one', 'secret'), (2, 'two', null)").update();
      jdbc.sql("update upgrade_probe set name = 'uno' where id = 1").update();
      assertThat(
              jdbc.sql(
                      "select record_id || ' ' || operation || ' ' || changes::text from audit_entry"
                          + " where id > ? and table_name = 'upgrade_probe' order by id")
                  .param(before)
                  .query(String.class)
                  .list())
          .containsExactly(
              "1 INSERT {\"id\": {\"new\": 1}, \"name\": {\"new\": \"one\"},"
                  + " \"token_hash\": {\"new\": \"[redacted]\"}}",
              "2 INSERT {\"id\": {\"new\": 2}, \"name\": {\"new\": \"two\"},"
                  + " \"token_hash\": {\"new\": null}}",
              "1 UPDATE {\"name\": {\"new\": \"uno\", \"old\": \"one\"}}");
    } finally {
      jdbc.sql("drop table upgrade_probe").update();
    }
  }
}
