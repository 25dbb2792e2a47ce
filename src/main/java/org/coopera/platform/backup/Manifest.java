package org.coopera.platform.backup;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup archive holds ({@code manifest.json}, written last): who made it and when, the
 * schema version of its tables, and for every table its columns, row count and checksum (the
 * SHA-256 of its {@code tables/<name>.copy} entry, the canonical text of {@link Tables}).
 *
 * @param format {@value #FORMAT}; another value is not an archive this version can read
 * @param cooperaVersion the version of Coopera that took it
 * @param schemaVersion Flyway's schema version of the database it was taken from
 * @param takenAt when its snapshot began (ISO-8601, UTC)
 * @param tables the tables, by name
 * @param sequences the sequences and where they stood
 */
record Manifest(
    String format,
    String cooperaVersion,
    String schemaVersion,
    String takenAt,
    List<TableEntry> tables,
    List<SequenceEntry> sequences) {

  static final String FORMAT = "coopera-backup-1";
  static final String ENTRY = "manifest.json";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A table: its stored columns in order, its rows, the SHA-256 of their canonical text. */
  record TableEntry(String name, List<String> columns, long rows, String sha256) {

    String entryName() {
      return "tables/" + name + ".copy";
    }
  }

  /** A sequence's last value, as {@code setval(name, lastValue, called)} sets it back. */
  record SequenceEntry(String name, long lastValue, boolean called) {}

  long totalRows() {
    return tables.stream().mapToLong(TableEntry::rows).sum();
  }
}
