package org.coopera.generator;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.copy.CopyIn;
import org.postgresql.core.BaseConnection;

/**
 * Streams rows into one table with PostgreSQL {@code COPY … FROM STDIN (FORMAT csv)}, a megabyte at
 * a time, and counts them per table. Values are quoted; a null is left empty.
 */
final class Copier {

  /** The rows of one table, written by {@link Copier#copy}. */
  interface Rows {
    void write(Csv csv);
  }

  private static final int FLUSH_CHARS = 1 << 20;

  private final BaseConnection connection;
  private final Map<String, Long> counts = new LinkedHashMap<>();

  Copier(BaseConnection connection) {
    this.connection = connection;
  }

  Map<String, Long> counts() {
    return counts;
  }

  void copy(String table, String columns, Rows rows) throws SQLException {
    CopyIn copy =
        connection
            .getCopyAPI()
            .copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
    try {
      Csv csv = new Csv(copy);
      rows.write(csv);
      csv.flush();
      counts.merge(table, copy.endCopy(), Long::sum);
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** CSV rows in PostgreSQL's format, sent to the server each megabyte. */
  static final class Csv {

    private final StringBuilder out = new StringBuilder(FLUSH_CHARS + 8192);
    private final CopyIn copy;

    private Csv(CopyIn copy) {
      this.copy = copy;
    }

    void row(Object... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        if (values[i] != null) {
          out.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
        }
      }
      out.append('\n');
      if (out.length() > FLUSH_CHARS) {
        flush();
      }
    }

    private void flush() {
      byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
      out.setLength(0);
      try {
        copy.writeToCopy(bytes, 0, bytes.length);
      } catch (SQLException e) {
        throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
      }
    }
  }
}
