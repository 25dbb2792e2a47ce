package org.coopera.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.coopera.CooperaApplication;
import org.coopera.support.CooperaIntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every released schema version upgrades to the latest one and then matches the database a fresh
 * install builds: the same schema, line for line of the catalogue ({@link SchemaSnapshot}), and the
 * same rows written by the migrations themselves (reference data; {@link TableDigests}), the audit
 * trail and the time a migration ran aside. Flyway runs as the application runs it (the
 * application's own {@link Flyway} bean's configuration: its Java migrations, the audit trigger
 * callback; before V10, the callback of that time), on databases of the shared test context's
 * server: a chain is migrated one version at a time, each version copied aside with {@code CREATE
 * DATABASE ... TEMPLATE}, and each copy migrated to the latest. The backups of released versions in
 * {@code src/test/resources/backups} restore and upgrade too.
 */
@CooperaIntegrationTest
class MigrationUpgradesIT {

  /**
   * The audit trail of the migrations' own rows: entries carry the time and transaction that wrote
   * them, and an upgrade audits what a later migration inserts into an older, already audited table
   * (the triggers are attached at the end of each run, {@code AuditTriggerCallback}), while a fresh
   * install writes its reference data before any trigger exists. Its schema is compared.
   */
  private static final String DIFFERS_BY_DESIGN = "audit_entry";

  /** Columns in which a migration writes the time it ran ({@code now()}): left out of the rows. */
  private static final Map<String, String> MIGRATION_TIME =
      Map.of("communication_target", "set_at");

  /**
   * Tables whose rows a migration after a fixture's version rewrites, by table, with the migration:
   * their rows are not compared with the fixture's. None yet.
   */
  private static final Map<String, String> REWRITTEN_BY_LATER_MIGRATIONS = Map.of();

  @Autowired Flyway flyway;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyReleasedVersionUpgradesToWhatAFreshInstallBuilds() throws Exception {
    long started = System.nanoTime();
    List<MigrationVersion> versions = new ArrayList<>();
    for (MigrationInfo migration : flyway.info().all()) {
      if (migration.getVersion() != null) {
        versions.add(migration.getVersion());
      }
    }
    MigrationVersion latest = versions.get(versions.size() - 1);
    List<MigrationVersion> released = versions.subList(0, versions.size() - 1);
    assertThat(released).hasSizeGreaterThanOrEqualTo(30);

    createDatabase("upgrade_fresh", null);
    migrate("upgrade_fresh", null);
    TreeSet<String> freshSchema;
    Map<String, String> freshRows;
    try (Connection connection = connect("upgrade_fresh")) {
      freshSchema = SchemaSnapshot.of(connection);
      freshRows = migrationRows(connection);
    }
    assertThat(freshRows).containsKey("state");

    createDatabase("upgrade_chain", null);
    for (MigrationVersion version : released) {
      migrate("upgrade_chain", version);
      createDatabase(name(version), "upgrade_chain");
    }
    long prepared = System.nanoTime();

    Map<String, List<String>> failures = new TreeMap<>();
    for (MigrationVersion version : released) {
      String database = name(version);
      migrate(database, null);
      try (Connection connection = connect(database)) {
        assertThat(latestApplied(connection)).isEqualTo(latest.getVersion());
        List<String> differences =
            new ArrayList<>(SchemaSnapshot.differences(freshSchema, SchemaSnapshot.of(connection)));
        Map<String, String> rows = migrationRows(connection);
        freshRows.forEach(
            (table, digest) -> {
              if (!digest.equals(rows.get(table))) {
                differences.add("rows of " + table + ": " + rows.get(table) + ", fresh " + digest);
              }
            });
        rows.keySet().stream()
            .filter(table -> !freshRows.containsKey(table))
            .forEach(table -> differences.add("rows of " + table + " not in a fresh install"));
        if (!differences.isEmpty()) {
          failures.put("from V" + version, differences);
        }
      }
      dropDatabase(database);
    }
    dropDatabase("upgrade_chain");
    dropDatabase("upgrade_fresh");
    System.out.printf(
        "Upgrades from %d released versions to V%s checked in %d ms (versions prepared in %d ms)%n",
        released.size(),
        latest,
        (System.nanoTime() - started) / 1_000_000,
        (prepared - started) / 1_000_000);

    assertThat(failures).as("what an upgrade builds that a fresh install does not").isEmpty();
  }

  /**
   * Every backup of a released version shipped in {@code src/test/resources/backups} (one a
   * release, see its README.md) restores into a fresh database, which migrates it to the latest
   * version: every table keeps its rows (count and checksum of the manifest) unless a later
   * migration changed its columns (then its count) or rewrote it, the audit trail keeps its entries
   * (later ones may follow), and Coopera starts on it and finds its recommendations.
   */
  @Test
  void everyReleasedBackupRestoresAndUpgradesToTheLatestVersion() throws Exception {
    Resource[] fixtures =
        new PathMatchingResourcePatternResolver().getResources("classpath:backups/*.zip");
    assertThat(fixtures).isNotEmpty();
    for (Resource fixture : fixtures) {
      Path archive = temp.resolve(fixture.getFilename());
      try (InputStream in = fixture.getInputStream()) {
        Files.copy(in, archive);
      }
      Manifest manifest;
      try (BackupArchive opened = BackupArchive.open(archive)) {
        manifest = opened.manifest();
      }
      long started = System.nanoTime();
      Path data = temp.resolve(fixture.getFilename() + "-postgres");
      try (ConfigurableApplicationContext restored =
          new SpringApplicationBuilder(CooperaApplication.class)
              .run(
                  "--spring.datasource.url=",
                  "--spring.main.banner-mode=off",
                  "--server.port=0",
                  "--coopera.demo=true",
                  "--coopera.database.data-directory=" + data,
                  "--coopera.search.index-directory="
                      + temp.resolve(fixture.getFilename() + "-index"),
                  "--coopera.restore.from=" + archive)) {
        System.out.printf(
            "%s (schema version %s) restored, upgraded and started in %d ms%n",
            fixture.getFilename(),
            manifest.schemaVersion(),
            (System.nanoTime() - started) / 1_000_000);
        List<String> differences;
        try (Connection connection = restored.getBean(DataSource.class).getConnection()) {
          differences = keptRows(connection, manifest);
        }
        assertThat(differences).as(fixture.getFilename()).isEmpty();
        JdbcClient restoredJdbc = restored.getBean(JdbcClient.class);
        long recommendations =
            restoredJdbc.sql("select count(*) from recommendation").query(Long.class).single();
        assertThat(recommendations).isPositive();
        int port = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
        HttpResponse<String> listed =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/recommendations?size=1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"total\":" + recommendations);
      }
    }
  }

  /** What differs between the fixture's tables and the upgraded database's. */
  private static List<String> keptRows(Connection connection, Manifest manifest)
      throws SQLException, IOException {
    List<String> differences = new ArrayList<>();
    connection.setAutoCommit(false);
    try {
      Tables.canonicalSettings(connection);
      Map<String, Tables.Table> tables = new TreeMap<>();
      Tables.list(connection).forEach(table -> tables.put(table.name(), table));
      for (Manifest.TableEntry entry : manifest.tables()) {
        Tables.Table table = tables.get(entry.name());
        if (REWRITTEN_BY_LATER_MIGRATIONS.containsKey(entry.name())) {
          continue;
        }
        if (table == null) {
          differences.add(entry.name() + " is gone");
          continue;
        }
        long rows = Tables.count(connection, table);
        if (entry.name().equals(DIFFERS_BY_DESIGN)) {
          // later migrations may add entries, after the fixture's own
          Tables.Table first =
              new Tables.Table(table.name(), table.columns(), List.of("id limit " + entry.rows()));
          String sha256 = Tables.copyOut(connection, first, OutputStream.nullOutputStream());
          if (rows < entry.rows() || !sha256.equals(entry.sha256())) {
            differences.add(entry.name() + ": the fixture's entries changed");
          }
        } else if (rows != entry.rows()) {
          differences.add(entry.name() + ": " + rows + " rows, the fixture " + entry.rows());
        } else if (table.columns().equals(entry.columns())) {
          String sha256 = Tables.copyOut(connection, table, OutputStream.nullOutputStream());
          if (!sha256.equals(entry.sha256())) {
            differences.add(entry.name() + ": other values than the fixture's");
          }
        }
      }
    } finally {
      connection.rollback();
    }
    return differences;
  }

  /**
   * The digests of the migrations' rows: the audit trail and its sequence left out, and the columns
   * of {@link #MIGRATION_TIME}.
   */
  private static Map<String, String> migrationRows(Connection connection) throws SQLException {
    Map<String, String> rows = new TreeMap<>(TableDigests.of(connection));
    rows.remove(DIFFERS_BY_DESIGN);
    rows.remove("sequence " + DIFFERS_BY_DESIGN + "_id_seq");
    for (Map.Entry<String, String> time : MIGRATION_TIME.entrySet()) {
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "select count(*) || ' rows, md5 ' || md5(coalesce(string_agg((to_jsonb(t) - '"
                      + time.getValue()
                      + "')::text, e'\\n' order by (to_jsonb(t) - '"
                      + time.getValue()
                      + "')::text collate \"C\"), '')) from "
                      + time.getKey()
                      + " t")) {
        row.next();
        rows.put(time.getKey(), row.getString(1));
      }
    }
    return rows;
  }

  private static String name(MigrationVersion version) {
    return "upgrade_from_" + version.getVersion().replace('.', '_');
  }

  private void migrate(String database, MigrationVersion target) throws SQLException {
    FluentConfiguration configuration =
        Flyway.configure(flyway.getConfiguration().getClassLoader())
            .configuration(flyway.getConfiguration())
            .dataSource(url(database), server().getUsername(), server().getPassword());
    if (target != null) {
      configuration.target(target);
    }
    boolean beforeV10 = target != null && MigrationVersion.fromVersion("10").isNewerThan(target);
    if (beforeV10) {
      // today's callback attaches V10's statement trigger, which does not exist yet: a release
      // before V10 ran the callback of its time instead
      configuration.callbacks(new Callback[0]);
    }
    configuration.load().migrate();
    if (beforeV10) {
      try (Connection connection = connect(database)) {
        auditAsBeforeV10(connection);
      }
    }
  }

  /**
   * What {@code AuditTriggerCallback} did after each migration before V10 (commit 1d6e987): every
   * table but these, lacking it, got the row trigger {@code audit_row} for inserts, updates and
   * deletes (V10 moves the inserts to a statement trigger).
   */
  private static final List<String> NOT_AUDITED_BEFORE_V10 =
      List.of(
          "audit_entry",
          "flyway_schema_history",
          "event_publication",
          "spring_session",
          "spring_session_attributes",
          "login_failure",
          "recommendation_import_file");

  private static void auditAsBeforeV10(Connection connection) throws SQLException {
    Map<String, String> keys = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                select c.relname,
                       (select string_agg(quote_literal(a.attname), ', ' order by k.ord)
                        from pg_index i
                            cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
                        where i.indrelid = c.oid and i.indisprimary)
                from pg_class c
                where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_trigger t
                                  where t.tgrelid = c.oid and t.tgname = 'audit_row')
                """)) {
      while (rows.next()) {
        if (!NOT_AUDITED_BEFORE_V10.contains(rows.getString(1))) {
          keys.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> table : keys.entrySet()) {
        statement.execute(
            "create trigger audit_row after insert or update or delete on \""
                + table.getKey()
                + "\" for each row execute function audit_row("
                + table.getValue()
                + ")");
      }
    }
  }

  private void createDatabase(String name, String template) throws InterruptedException {
    dropDatabase(name);
    String sql = "create database " + name + (template == null ? "" : " template " + template);
    for (int attempt = 0; ; attempt++) {
      try {
        jdbc.sql(sql).update();
        return;
      } catch (RuntimeException e) {
        // Flyway's connections to the template may take a moment to go
        if (attempt == 20 || !String.valueOf(e.getMessage()).contains("accessed by other users")) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private void dropDatabase(String name) {
    jdbc.sql("drop database if exists " + name + " with (force)").update();
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        url(database), server().getUsername(), server().getPassword());
  }

  private static String latestApplied(Connection connection) throws SQLException {
    return DatabaseBackup.schemaVersion(connection);
  }

  private HikariDataSource server() {
    try {
      return dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String url(String database) {
    String url = server().getJdbcUrl();
    return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + database);
  }
}
