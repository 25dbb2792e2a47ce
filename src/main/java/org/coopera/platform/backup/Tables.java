package org.coopera.platform.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * What a backup holds and how each table reads in its canonical form: every ordinary table of the
 * current schema but Flyway's history (the manifest names the schema version instead), its stored
 * columns (not the generated ones, which PostgreSQL computes again), and its rows as PostgreSQL's
 * {@code COPY} text in primary-key order with the session settings fixed. The SHA-256 of that text
 * is the table's checksum, the same on any server whatever its time zone or collation.
 */
final class Tables {

  static final String FLYWAY_HISTORY = "flyway_schema_history";

  /** A table: its name, its stored columns in order, and the columns its rows are sorted by. */
  record Table(String name, List<String> columns, List<String> orderBy) {

    /** The {@code COPY} that reads the table in canonical form. */
    String copyOut() {
      return "copy (select "
          + columnList()
          + " from "
          + identifier(name)
          + " order by "
          + String.join(", ", orderBy)
          + ") to stdout";
    }

    /** The {@code COPY} that loads rows read by {@link #copyOut()}. */
    String copyIn() {
      return "copy " + identifier(name) + " (" + columnList() + ") from stdin";
    }

    private String columnList() {
      return String.join(", ", columns.stream().map(Tables::identifier).toList());
    }
  }

  /** A sequence and where it stands. */
  record Sequence(String name, long lastValue, boolean called) {}

  private Tables() {}

  /**
   * Fixes, for the current transaction, every setting that changes how values print: the same rows
   * give the same text on any server.
   */
  static void canonicalSettings(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set local timezone = 'UTC'");
      statement.execute("set local datestyle = 'ISO, YMD'");
      statement.execute("set local intervalstyle = 'postgres'");
      statement.execute("set local extra_float_digits = 1");
      statement.execute("set local bytea_output = 'hex'");
    }
  }

  /** Every ordinary table of the current schema but Flyway's history, by name. */
  static List<Table> list(Connection connection) throws SQLException {
    List<Table> tables = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                """
                select c.oid, c.relname from pg_class c
                    join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> ?
                order by c.relname collate "C"
                """);
        PreparedStatement columns =
            connection.prepareStatement(
                """
                select a.attname, a.attcollation <> 0 from pg_attribute a
                where a.attrelid = ? and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = ''
                order by a.attnum
                """);
        PreparedStatement key =
            connection.prepareStatement(
                """
                select a.attname, a.attcollation <> 0 from pg_index i
                    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = ? and i.indisprimary
                order by k.ord
                """)) {
      statement.setString(1, FLYWAY_HISTORY);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          long oid = rows.getLong(1);
          String name = rows.getString(2);
          List<String> names = new ArrayList<>();
          List<String> all = new ArrayList<>();
          columns.setLong(1, oid);
          try (ResultSet column = columns.executeQuery()) {
            while (column.next()) {
              names.add(column.getString(1));
              // without a primary key, the whole row sorts the rows: as text, since some types
              // (json) have no order of their own
              all.add(identifier(column.getString(1)) + "::text collate \"C\"");
            }
          }
          List<String> orderBy = new ArrayList<>();
          key.setLong(1, oid);
          try (ResultSet column = key.executeQuery()) {
            while (column.next()) {
              orderBy.add(
                  identifier(column.getString(1)) + (column.getBoolean(2) ? " collate \"C\"" : ""));
            }
          }
          tables.add(new Table(name, List.copyOf(names), orderBy.isEmpty() ? all : orderBy));
        }
      }
    }
    return tables;
  }

  /** Every sequence of the current schema, by name, with its last value. */
  static List<Sequence> sequences(Connection connection) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'S'
                order by c.relname collate "C"
                """)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    List<Sequence> sequences = new ArrayList<>();
    for (String name : names) {
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery("select last_value, is_called from " + identifier(name))) {
        row.next();
        sequences.add(new Sequence(name, row.getLong(1), row.getBoolean(2)));
      }
    }
    return sequences;
  }

  /** The table's row count. */
  static long count(Connection connection, Table table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("select count(*) from " + identifier(table.name()))) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Writes the table's canonical text to {@code out} (which stays open) and answers its SHA-256;
   * the caller has set {@link #canonicalSettings}.
   */
  static String copyOut(Connection connection, Table table, OutputStream out)
      throws SQLException, IOException {
    MessageDigest digest = sha256();
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    copy.copyOut(table.copyOut(), new DigestOutputStream(new KeepOpen(out), digest));
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** An output stream whose close leaves the stream under it open (a zip entry, say). */
  static final class KeepOpen extends OutputStream {
    private final OutputStream out;

    KeepOpen(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
