package org.coopera.identity.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After every migration, attaches the audit triggers to each table that lacks them: {@value
 * #TRIGGER} (row by row, for updates and deletes) and {@value #INSERT_TRIGGER} (once per statement,
 * for all the rows it inserted; see migration V10). A module that adds a table in a migration gets
 * an audited table without asking; only the tables named here are left out, each for a reason.
 */
@Component
class AuditTriggerCallback implements Callback {

  private static final Logger log = LoggerFactory.getLogger(AuditTriggerCallback.class);

  /**
   * Tables that are not audited: the trail itself, the frameworks' bookkeeping, the bytes of
   * uploaded import files (the import that holds them is audited; copying megabytes of a file into
   * the trail would say nothing more), and the registry's counts (migrations V23 and V26): derived
   * data that triggers keep from the audited recommendations and tags, whose entries already say
   * who changed what.
   */
  static final Set<String> NOT_AUDITED =
      Set.of(
          "audit_entry",
          "flyway_schema_history",
          "event_publication",
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

  static final String TRIGGER = "audit_row";
  static final String INSERT_TRIGGER = "audit_insert";

  private static final String TABLES_WITHOUT_TRIGGER =
      """
      select c.relname,
             array(select a.attname
                   from pg_index i
                            cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                   where i.indrelid = c.oid and i.indisprimary
                   order by k.ord) as key_columns
      from pg_class c
               join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema()
        and c.relkind in ('r', 'p')
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = ?)
      order by c.relname
      """;

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try {
      for (Table table : tablesWithoutTrigger(connection)) {
        attach(connection, table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not attach the audit trigger", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "audit-trigger";
  }

  private record Table(String name, List<String> keyColumns) {}

  private static List<Table> tablesWithoutTrigger(Connection connection) throws SQLException {
    List<Table> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES_WITHOUT_TRIGGER)) {
      statement.setString(1, TRIGGER);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          if (NOT_AUDITED.contains(name)) {
            continue;
          }
          Array keys = rows.getArray(2);
          List<String> keyColumns = List.of((String[]) keys.getArray());
          if (keyColumns.isEmpty()) {
            throw new IllegalStateException(
                "Table " + name + " has no primary key, so its audit entries could not name a row");
          }
          tables.add(new Table(name, keyColumns));
        }
      }
    }
    return tables;
  }

  private static void attach(Connection connection, Table table) throws SQLException {
    String arguments =
        String.join(", ", table.keyColumns().stream().map(AuditTriggerCallback::literal).toList());
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "create trigger "
              + TRIGGER
              + " after update or delete on "
              + identifier(table.name())
              + " for each row execute function audit_row("
              + arguments
              + ")");
      statement.execute(
          "create trigger "
              + INSERT_TRIGGER
              + " after insert on "
              + identifier(table.name())
              + " referencing new table as inserted"
              + " for each statement execute function audit_inserted("
              + arguments
              + ")");
    }
    log.info("Audit trail attached to table {}", table.name());
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
