package org.coopera.platform.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The schema of a database as sorted lines of text, from PostgreSQL's catalogue: relations, columns
 * (type, nullability, default, identity, generated), constraints, indexes, functions' definitions,
 * triggers (and whether they fire), sequences' definitions, views, types, row-level security
 * policies and extensions. Two schemas are the same when their lines are.
 */
final class SchemaSnapshot {

  private static final List<String> QUERIES =
      List.of(
          """
          select format('relation %s kind %s rls %s', c.relname, c.relkind, c.relrowsecurity)
          from pg_class c where c.relnamespace = current_schema()::regnamespace
          """,
          """
          select format('column %s.%s #%s %s %s default %s identity %s generated %s',
                        c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod),
                        case when a.attnotnull then 'not null' else 'null' end,
                        coalesce(pg_get_expr(d.adbin, d.adrelid), '-'),
                        a.attidentity, a.attgenerated)
          from pg_attribute a
              join pg_class c on c.oid = a.attrelid
              left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
          where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
            and a.attnum > 0 and not a.attisdropped
          """,
          """
          select format('constraint %s on %s: %s', conname, conrelid::regclass,
                        pg_get_constraintdef(oid))
          from pg_constraint where connamespace = current_schema()::regnamespace
          """,
          """
          select 'index ' || indexdef from pg_indexes where schemaname = current_schema()
          """,
          """
          select 'function ' || pg_get_functiondef(p.oid) from pg_proc p
          where p.pronamespace = current_schema()::regnamespace and p.prokind in ('f', 'p')
          """,
          """
          select format('trigger %s enabled %s', pg_get_triggerdef(t.oid), t.tgenabled)
          from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where c.relnamespace = current_schema()::regnamespace and not t.tgisinternal
          """,
          """
          select format('sequence %s %s start %s increment %s min %s max %s cycle %s',
                        sequencename, data_type, start_value, increment_by, min_value, max_value,
                        cycle)
          from pg_sequences where schemaname = current_schema()
          """,
          """
          select 'view ' || viewname || ': ' || definition from pg_views
          where schemaname = current_schema()
          """,
          """
          select 'materialized view ' || matviewname || ': ' || definition from pg_matviews
          where schemaname = current_schema()
          """,
          """
          select format('type %s %s %s', t.typname, t.typtype,
                        (select string_agg(e.enumlabel, ',' order by e.enumsortorder)
                         from pg_enum e where e.enumtypid = t.oid))
          from pg_type t where t.typnamespace = current_schema()::regnamespace
          """,
          """
          select format('policy %s on %s %s %s using %s check %s', policyname, tablename,
                        permissive, cmd, qual, with_check)
          from pg_policies where schemaname = current_schema()
          """,
          """
          select 'extension ' || extname || ' ' || extversion from pg_extension
          """);

  private SchemaSnapshot() {}

  static TreeSet<String> of(Connection connection) throws SQLException {
    TreeSet<String> lines = new TreeSet<>();
    try (Statement statement = connection.createStatement()) {
      for (String query : QUERIES) {
        try (ResultSet rows = statement.executeQuery(query)) {
          while (rows.next()) {
            lines.add(rows.getString(1));
          }
        }
      }
    }
    return lines;
  }

  /**
   * The lines only one side has, each marked with the side ({@code -} expected, {@code +} found).
   */
  static List<String> differences(TreeSet<String> expected, TreeSet<String> found) {
    List<String> differences = new ArrayList<>();
    expected.stream().filter(line -> !found.contains(line)).forEach(l -> differences.add("- " + l));
    found.stream().filter(line -> !expected.contains(line)).forEach(l -> differences.add("+ " + l));
    return differences;
  }
}
