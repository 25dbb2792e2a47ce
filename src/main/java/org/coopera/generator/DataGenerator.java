package org.coopera.generator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.coopera.recommendations.RegistryMaintenance;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fills the database with generated rows across every module in one transaction, with {@code COPY},
 * streaming: each table is written in a pass of its own, every row made again from its number and
 * the seed, so memory stays bounded whatever the scale (a few small arrays per project and
 * assignment). Every constraint and every trigger stays on except the audit trail's two ({@code
 * audit_row}, {@code audit_insert}), which are disabled on the tables written inside the
 * transaction (so no one else's writes escape the trail) and enabled before the commit; the run
 * itself is recorded by one audit entry (table {@code data_generation}) with its settings and row
 * counts. A database that already has such an entry is refused. After the commit the tables are
 * analysed and the search index rebuilt.
 */
@Service
public class DataGenerator {

  static final String AUDIT_TABLE = "data_generation";
  private static final Logger log = LoggerFactory.getLogger(DataGenerator.class);
  private static final List<String> AUDIT_TRIGGERS = List.of("audit_row", "audit_insert");
  private static final int LENGTH_SAMPLE = 20_000;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final RegistryMaintenance registry;

  DataGenerator(DataSource dataSource, JdbcClient jdbc, RegistryMaintenance registry) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.registry = registry;
  }

  /** True when a generation run already filled this database. */
  public boolean alreadyGenerated() {
    return jdbc.sql("select count(*) from audit_entry where table_name = ?")
            .param(AUDIT_TABLE)
            .query(Long.class)
            .single()
        > 0;
  }

  public GenerationReport generate(GeneratorSettings asked) {
    GeneratorSettings settings = asked.resolved();
    if (alreadyGenerated()) {
      throw new GenerationRefused(
          "This database was already filled by the data generator (see the audit trail, table "
              + AUDIT_TABLE
              + "); generate into an empty database instead.");
    }
    resetPeaks();
    Reference reference = Reference.read(jdbc);
    TextModel text = TextModel.learn(registry.shippedSamples());
    Ids ids = new Ids(settings.seed());
    RecommendationRows recommendations =
        new RecommendationRows(text, reference, ids, settings.seed());
    People people = new People(ids, reference);
    WorkspaceRows workspace =
        new WorkspaceRows(
            ids,
            reference,
            people,
            text,
            recommendations,
            settings.recommendations(),
            settings.actions(),
            settings.progressUpdates());
    AssistanceRows assistance =
        new AssistanceRows(
            ids,
            reference,
            people,
            text,
            recommendations,
            settings.recommendations(),
            settings.projects());
    FundRows funds = new FundRows(ids, reference, people, assistance);
    TrainingRows training =
        new TrainingRows(ids, reference, people, assistance, settings.trainees());
    String generatedLengths = generatedLengths(recommendations, settings.recommendations());
    long start = System.nanoTime();
    Map<String, Long> rows;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        Copier copier = new Copier(connection.unwrap(BaseConnection.class));
        List<String[]> disabled = settings.auditRows() ? List.of() : disableAudit(connection);
        recommendations.write(copier, settings.recommendations());
        log.info("Generated {} recommendations", settings.recommendations());
        people.write(copier);
        workspace.write(copier);
        assistance.write(copier);
        funds.write(copier);
        training.write(copier);
        setTriggers(connection, disabled, true);
        recordRun(connection, settings, copier.counts());
        connection.commit();
        rows = copier.counts();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Data generation failed: " + e.getMessage(), e);
    }
    long copyMillis = (System.nanoTime() - start) / 1_000_000;
    long analyzeStart = System.nanoTime();
    rows.keySet().forEach(table -> jdbc.sql("analyze " + table).update());
    long analyzeMillis = (System.nanoTime() - analyzeStart) / 1_000_000;
    long indexMillis = registry.rebuildSearchIndex();
    return new GenerationReport(
        settings,
        rows,
        copyMillis,
        analyzeMillis,
        indexMillis,
        peakHeap(),
        TextModel.percentiles(text.realLengths()),
        generatedLengths);
  }

  private static String generatedLengths(RecommendationRows recommendations, int size) {
    int[] lengths = new int[Math.min(size, LENGTH_SAMPLE)];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = recommendations.recommendation(i).text().length();
    }
    Arrays.sort(lengths);
    return TextModel.percentiles(lengths);
  }

  /** Disables the audit triggers of every table (they exist only where the callback put them). */
  private static List<String[]> disableAudit(Connection connection) throws SQLException {
    List<String[]> triggers = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select c.relname, t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = current_schema() and not t.tgisinternal"
                + " and t.tgname = any (?) and c.relname <> 'audit_entry' order by 1, 2")) {
      select.setArray(1, connection.createArrayOf("text", AUDIT_TRIGGERS.toArray()));
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          triggers.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    setTriggers(connection, triggers, false);
    return triggers;
  }

  private static void setTriggers(Connection connection, List<String[]> triggers, boolean enabled)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String[] trigger : triggers) {
        statement.execute(
            "alter table "
                + quote(trigger[0])
                + (enabled ? " enable" : " disable")
                + " trigger "
                + quote(trigger[1]));
      }
    }
  }

  private static void recordRun(
      Connection connection, GeneratorSettings settings, Map<String, Long> rows)
      throws SQLException {
    String counts =
        rows.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": {\"new\": " + e.getValue() + "}")
            .collect(Collectors.joining(", "));
    String json =
        String.format(
            Locale.ROOT,
            "{\"seed\": {\"new\": %d}, \"audit_rows\": {\"new\": %b}, %s}",
            settings.seed(),
            settings.auditRows(),
            counts);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_entry (actor, table_name, record_id, operation, changes)"
                + " values ('data generator', ?, ?, 'INSERT', ?::jsonb)")) {
      insert.setString(1, AUDIT_TABLE);
      insert.setString(2, String.valueOf(settings.seed()));
      insert.setString(3, json);
      insert.executeUpdate();
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
