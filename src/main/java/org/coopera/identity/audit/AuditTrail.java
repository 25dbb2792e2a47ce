package org.coopera.identity.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.SqlFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail, newest first, filtered as an administrator asks. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

  /** One audited change. {@code changes} maps each column to its old and new value. */
  public record Entry(
      long id,
      Instant occurredAt,
      long transactionId,
      String actor,
      String tableName,
      String recordId,
      String operation,
      Map<String, Change> changes) {}

  /** The values of one column before and after; null where the operation has no side. */
  public record Change(Object oldValue, Object newValue) {}

  /** Filters; blank ones do not filter. Dates are inclusive, in UTC. */
  public record Filter(
      String table,
      String record,
      String actor,
      String operation,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static Filter none() {
      return new Filter(null, null, null, null, null, null);
    }
  }

  static final List<String> OPERATIONS = List.of("INSERT", "UPDATE", "DELETE");

  private final JdbcClient jdbc;
  private final JsonMapper json;

  AuditTrail(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public ListPage<Entry> find(Filter filter, PageParameters paging) {
    return where(filter).page(jdbc, COLUMNS, RECORDS, ORDER, (rs, n) -> entry(rs), paging);
  }

  /**
   * Refuses a filter with a value it cannot use ({@link InvalidParameterException}), so that an
   * export can be refused with its 400 before its first byte is sent.
   */
  public void check(Filter filter) {
    where(filter);
  }

  /** Every entry the filter selects, newest first, one at a time (for exports of any size). */
  public void forEach(Filter filter, Consumer<Entry> action) {
    SqlFilter where = where(filter);
    jdbc.sql("select " + COLUMNS + " from " + RECORDS + where.clause() + " order by " + ORDER)
        .params(where.params())
        .withFetchSize(500)
        .query((RowCallbackHandler) rs -> action.accept(entry(rs)));
  }

  /**
   * The trail one record at a time (migration V24): entries written row by row as they are, and
   * each row of a bulk insert's entry as an entry of its own, under the entry's id.
   */
  private static final String RECORDS = "audit_record";

  private static final String COLUMNS =
      "id, occurred_at, transaction_id, actor, table_name, record_id, operation, changes::text";
  private static final String ORDER = "occurred_at desc, id desc, record_id";

  private static SqlFilter where(Filter filter) {
    SqlFilter where = new SqlFilter();
    if (SqlFilter.hasText(filter.table())) {
      where.and("table_name = ?", filter.table().strip());
    }
    if (SqlFilter.hasText(filter.record())) {
      String record = filter.record().strip();
      // The second condition only lets the index find the bulk entries that hold the record.
      where.and(
          "record_id = ? and (entry_record_id = ? or record_ids @> array[?]::text[])",
          record,
          record,
          record);
    }
    if (SqlFilter.hasText(filter.actor())) {
      where.and("actor ilike ?", SqlFilter.containing(filter.actor()));
    }
    if (SqlFilter.hasText(filter.operation())) {
      if (!OPERATIONS.contains(filter.operation())) {
        throw new InvalidParameterException(
            "operation", "parameter.error.operation", String.join(", ", OPERATIONS));
      }
      where.and("operation = ?", filter.operation());
    }
    if (filter.from() != null) {
      where.and(
          "occurred_at >= ?",
          Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (filter.to() != null) {
      where.and(
          "occurred_at < ?",
          Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return where;
  }

  private Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Entry(
        rs.getLong(1),
        rs.getTimestamp(2).toInstant(),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        changes(rs.getString(8)));
  }

  /** The audited tables, for the filter. */
  public List<String> tables() {
    return jdbc.sql(
            """
            select c.relname from pg_trigger t
                join pg_class c on c.oid = t.tgrelid
                join pg_namespace n on n.oid = c.relnamespace
            where t.tgname = 'audit_row' and n.nspname = current_schema()
            order by c.relname
            """)
        .query(String.class)
        .list();
  }

  private Map<String, Change> changes(String text) {
    Map<String, Map<String, Object>> raw =
        json.readValue(text, new TypeReference<Map<String, Map<String, Object>>>() {});
    Map<String, Change> changes = new LinkedHashMap<>();
    raw.forEach(
        (column, values) -> changes.put(column, new Change(values.get("old"), values.get("new"))));
    return changes;
  }
}
