package org.coopera.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data shipped in {@code classpath:reference/} (see its SOURCE.md) with
 * PostgreSQL {@code COPY}. The CSV headers must match the table columns exactly ({@code HEADER
 * MATCH}), so a file that drifts from the schema fails the migration instead of loading wrong
 * columns. The checksum covers every file, so editing one is noticed: reference data changes come
 * as a new migration.
 */
@Component
class ReferenceDataMigration implements JavaMigration {

  /** Table, CSV file and the columns of the file, in load order (parents first). */
  record Load(String table, String file, String columns) {}

  static final List<Load> LOADS =
      List.of(
          new Load("region", "regions.csv", "code, name, level, parent_code"),
          new Load(
              "state",
              "states.csv",
              "iso3, iso2, m49, name, region_code, sub_region_code, intermediate_region_code,"
                  + " un_status, ldc, lldc, sids"),
          new Load(
              "mechanism",
              "mechanisms.csv",
              "code, kind, abbreviation, name, instrument_code, mandate_kind, established_year"),
          new Load(
              "instrument",
              "instruments.csv",
              "code, abbreviation, name, kind, parent_code, adopted_on, entry_into_force_on,"
                  + " treaty_body_code"),
          new Load("declaration", "declarations.csv", "code, instrument_code, article, kind, name"),
          new Load(
              "upr_cycle",
              "upr_cycles.csv",
              "cycle, first_session, last_session, start_year, end_year"),
          new Load("upr_session", "upr_sessions.csv", "session, year, cycle"),
          new Load("sdg_goal", "sdg_goals.csv", "number, short_title, title"),
          new Load("sdg_target", "sdg_targets.csv", "code, goal, text"),
          new Load("sdg_indicator", "sdg_indicators.csv", "code, target_code, text, unsd_codes"),
          new Load("theme", "themes.csv", "code, name, parent_code"),
          new Load("affected_group", "affected_groups.csv", "code, name"),
          new Load("organisation", "organisations.csv", "code, name, kind"));

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "reference data";
  }

  @Override
  public Integer getChecksum() {
    CRC32 crc = new CRC32();
    for (Load load : LOADS) {
      try (InputStream in = open(load.file())) {
        crc.update(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return (int) crc.getValue();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    PGConnection connection = context.getConnection().unwrap(PGConnection.class);
    for (Load load : LOADS) {
      try (Reader reader = new InputStreamReader(open(load.file()), StandardCharsets.UTF_8)) {
        connection
            .getCopyAPI()
            .copyIn(
                "copy "
                    + load.table()
                    + " ("
                    + load.columns()
                    + ") from stdin with (format csv, header match, encoding 'UTF8')",
                reader);
      }
    }
  }

  private static InputStream open(String file) throws IOException {
    return new ClassPathResource("reference/" + file).getInputStream();
  }
}
