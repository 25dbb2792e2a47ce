package org.coopera.treaties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.coopera.reference.ReferenceData;
import org.coopera.treaties.importing.Claim;
import org.coopera.treaties.importing.Finding;
import org.coopera.treaties.importing.ImportProblem;
import org.coopera.treaties.importing.OhchrExportParser;
import org.coopera.treaties.importing.ParsedSource;
import org.coopera.treaties.importing.SourceFile;
import org.coopera.treaties.importing.StateNames;
import org.coopera.treaties.importing.StatusCsvParser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports ratification sources and reconciles them with what is recorded. Every claim of a source
 * is kept. A claim becomes the record when nothing is recorded and no earlier source said the
 * opposite at a later date; it refines the record when it gives the same year with the day; where
 * it disagrees with the record (a different date, a party the other source says is not, at a time
 * both cover) the record keeps its value and a discrepancy is listed for an administrator to
 * decide. A source with any problem is refused whole, with every problem listed.
 */
@Service
public class RatificationImports {

  /** The formats that can be imported. */
  public enum Format {
    /** One CSV per instrument: iso2, status and year of ratification or accession. */
    STATUS_CSV,
    /** OHCHR's status-of-ratification export of one instrument, as .xls or its CSV. */
    OHCHR
  }

  /** The outcome of an import that was applied. */
  public record Report(
      UUID importId,
      int rows,
      int claims,
      int added,
      int refined,
      int agreed,
      List<Discrepancy> discrepancies) {}

  /**
   * A discrepancy as the import reports it. Values are a date, a year, {@code +} (yes, no date) or
   * {@code -} (no); the page words them in the reader's language.
   *
   * @param recordedSource the source (and its date) of the recorded value, or null
   * @param file the file of a finding inside the source, or null
   * @param row its row, or 0
   */
  public record Discrepancy(
      String kind,
      String iso3,
      String instrument,
      String event,
      String sourceValue,
      String recordedValue,
      String recordedSource,
      String file,
      int row) {}

  /** A source refused: every problem, nothing applied. */
  public static class Refused extends RuntimeException {
    private final transient List<ImportProblem> problems;

    public Refused(List<ImportProblem> problems) {
      super(problems.size() + " problems");
      this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
      return problems;
    }
  }

  private final JdbcClient jdbc;
  private final ReferenceData reference;

  RatificationImports(JdbcClient jdbc, ReferenceData reference) {
    this.jdbc = jdbc;
    this.reference = reference;
  }

  /**
   * Reads and applies a source, or refuses it whole.
   *
   * @param source who published it, e.g. {@code OHCHR}
   * @param asOf the date its data stand at; for an OHCHR export, null takes the date in its title
   * @param importedBy the account importing, or null for the demo data
   * @throws Refused with every problem when anything cannot be read
   */
  @Transactional
  public Report importSource(
      String source, Format format, List<SourceFile> files, LocalDate asOf, UUID importedBy) {
    StateNames names = stateNames();
    ParsedSource parsed;
    if (format == Format.STATUS_CSV) {
      if (asOf == null) {
        throw new Refused(List.of(ImportProblem.of("", 0, "treaties.import.error.as-of")));
      }
      Set<String> codes =
          reference.instruments().stream()
              .map(ReferenceData.Instrument::code)
              .collect(Collectors.toSet());
      parsed = new StatusCsvParser(names, codes).parse(files, asOf);
    } else {
      if (files.size() != 1) {
        throw new Refused(List.of(ImportProblem.of("", 0, "treaties.import.error.one-file")));
      }
      Map<String, String> byName = new HashMap<>();
      reference.instruments().forEach(i -> byName.put(StateNames.normalise(i.name()), i.code()));
      parsed = new OhchrExportParser(names, byName).parse(files.get(0), asOf);
    }
    if (parsed.refused()) {
      throw new Refused(parsed.problems());
    }
    return apply(source, format, files, parsed, importedBy);
  }

  private StateNames stateNames() {
    Map<String, String> byIso2 = new HashMap<>();
    Map<String, String> byName = new HashMap<>();
    for (ReferenceData.State s : reference.allStates()) {
      byIso2.put(s.iso2(), s.iso3());
      byName.put(StateNames.normalise(s.name()), s.iso3());
    }
    return new StateNames(byIso2, byName);
  }

  private record Recorded(
      String iso3,
      String instrument,
      String event,
      LocalDate date,
      DatePrecision precision,
      String source) {
    String key() {
      return iso3 + "/" + instrument + "/" + event;
    }

    String describe() {
      return precision.describe(date);
    }
  }

  private Report apply(
      String source, Format format, List<SourceFile> files, ParsedSource parsed, UUID by) {
    UUID importId = UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql(
            """
            insert into ratification_import
              (id, source, format, file_name, as_of, rows_read, claims, imported_by, imported_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            importId,
            source,
            format == Format.STATUS_CSV
                ? "STATUS_CSV"
                : files.get(0).name().toLowerCase(java.util.Locale.ROOT).endsWith(".xls")
                    ? "OHCHR_XLS"
                    : "OHCHR_CSV",
            files.stream().map(SourceFile::name).collect(Collectors.joining(", ")),
            Date.valueOf(parsed.asOf()),
            parsed.rows(),
            parsed.claims().size(),
            by,
            Timestamp.from(now))
        .update();
    insertClaims(importId, parsed.claims());

    Map<String, Recorded> records = new HashMap<>();
    jdbc.sql(
            """
            select r.state_iso3, r.instrument_code, r.event, r.on_date, r.date_precision,
                   i.source || ', ' || to_char(i.as_of, 'YYYY-MM-DD')
            from ratification r left join ratification_import i on i.id = r.import_id
            """)
        .query(
            (rs, n) ->
                new Recorded(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    DatePrecision.valueOf(rs.getString(5)),
                    rs.getString(6)))
        .list()
        .forEach(r -> records.put(r.key(), r));
    // The latest date at which an earlier source said an event had NOT happened.
    Map<String, Object[]> earlierAbsent = new HashMap<>();
    jdbc.sql(
            """
            select c.state_iso3 || '/' || c.instrument_code || '/' || c.event, max(i.as_of),
                   (array_agg(i.source || ', ' || to_char(i.as_of, 'YYYY-MM-DD') order by i.as_of desc))[1]
            from ratification_claim c join ratification_import i on i.id = c.import_id
            where not c.present and c.import_id <> ?
            group by 1
            """)
        .param(importId)
        .query(
            (rs, n) ->
                new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)})
        .list()
        .forEach(r -> earlierAbsent.put((String) r[0], r));

    List<Discrepancy> found = new ArrayList<>();
    for (Finding f : parsed.findings()) {
      found.add(
          new Discrepancy(
              f.kind(),
              f.iso3(),
              f.instrument(),
              f.event(),
              f.sourceValue(),
              null,
              null,
              f.file(),
              f.row()));
    }
    int added = 0;
    int refined = 0;
    int agreed = 0;
    for (Claim claim : parsed.claims()) {
      Recorded record = records.get(claim.key());
      if (claim.present()) {
        if (record == null) {
          Object[] absent = earlierAbsent.get(claim.key());
          LocalDate absentAsOf = absent == null ? null : (LocalDate) absent[1];
          if (absentAsOf != null && (claim.date() == null || !claim.date().isAfter(absentAsOf))) {
            found.add(disagreement(claim, "-", (String) absent[2]));
          } else {
            upsert(claim, importId, now);
            added++;
          }
        } else if (sameDate(record, claim)) {
          agreed++;
        } else if (refines(record, claim)) {
          upsert(claim, importId, now);
          refined++;
        } else if (compatible(record, claim)) {
          agreed++;
        } else {
          found.add(disagreement(claim, record.describe(), record.source()));
        }
      } else if (record != null) {
        if (record.date() == null || !record.date().isAfter(parsed.asOf())) {
          found.add(disagreement(claim, record.describe(), record.source()));
        } else {
          agreed++;
        }
      }
    }
    List<Discrepancy> listed = insertDiscrepancies(importId, found);
    return new Report(
        importId, parsed.rows(), parsed.claims().size(), added, refined, agreed, listed);
  }

  private static Discrepancy disagreement(Claim claim, String recorded, String recordedSource) {
    return new Discrepancy(
        "SOURCES_DISAGREE",
        claim.iso3(),
        claim.instrument(),
        claim.event().name(),
        claim.describe(),
        recorded,
        recordedSource,
        null,
        0);
  }

  private static boolean sameDate(Recorded record, Claim claim) {
    return record.precision() == claim.precision()
        && java.util.Objects.equals(record.date(), claim.date());
  }

  /** The claim says the same as the record, more precisely (the day within the year, a date). */
  private static boolean refines(Recorded record, Claim claim) {
    if (record.precision() == DatePrecision.NONE) {
      return claim.precision() != DatePrecision.NONE;
    }
    return record.precision() == DatePrecision.YEAR
        && claim.precision() == DatePrecision.DAY
        && record.date().getYear() == claim.date().getYear();
  }

  /** The claim says the same as the record, less precisely. */
  private static boolean compatible(Recorded record, Claim claim) {
    return claim.precision() == DatePrecision.NONE
        || (claim.precision() == DatePrecision.YEAR
            && record.precision() == DatePrecision.DAY
            && record.date().getYear() == claim.date().getYear());
  }

  private void upsert(Claim claim, UUID importId, Instant now) {
    jdbc.sql(
            """
            insert into ratification
              (state_iso3, instrument_code, event, on_date, date_precision, import_id, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (state_iso3, instrument_code, event) do update set
              on_date = excluded.on_date, date_precision = excluded.date_precision,
              import_id = excluded.import_id, entered_by = null, updated_at = excluded.updated_at,
              version = ratification.version + 1
            """)
        .params(
            claim.iso3(),
            claim.instrument(),
            claim.event().name(),
            claim.date() == null ? null : Date.valueOf(claim.date()),
            claim.precision().name(),
            importId,
            Timestamp.from(now))
        .update();
  }

  private void insertClaims(UUID importId, List<Claim> claims) {
    List<Object[]> batch = new ArrayList<>();
    for (Claim c : claims) {
      batch.add(
          new Object[] {
            importId,
            c.iso3(),
            c.instrument(),
            c.event().name(),
            c.present(),
            c.date() == null ? null : Date.valueOf(c.date()),
            c.precision().name()
          });
    }
    for (int from = 0; from < batch.size(); from += 1000) {
      List<Object[]> part = batch.subList(from, Math.min(batch.size(), from + 1000));
      StringBuilder sql =
          new StringBuilder(
              "insert into ratification_claim (import_id, state_iso3, instrument_code, event, present,"
                  + " on_date, date_precision) values ");
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        params.addAll(java.util.Arrays.asList(part.get(i)));
      }
      jdbc.sql(sql.toString()).params(params).update();
    }
  }

  /**
   * Lists the discrepancies not listed before (the same kind, State, instrument, event and values
   * already listed, decided or not, are not listed again when a source is imported twice).
   */
  private List<Discrepancy> insertDiscrepancies(UUID importId, List<Discrepancy> found) {
    Set<String> known = new HashSet<>();
    jdbc.sql(
            """
            select concat_ws('|', kind, state_iso3, instrument_code, event, source_value, recorded_value)
            from ratification_discrepancy
            """)
        .query(String.class)
        .list()
        .forEach(known::add);
    List<Discrepancy> listed = new ArrayList<>();
    for (Discrepancy d : found) {
      String key =
          java.util.stream.Stream.of(
                  d.kind(), d.iso3(), d.instrument(), d.event(), d.sourceValue(), d.recordedValue())
              .filter(java.util.Objects::nonNull)
              .collect(Collectors.joining("|"));
      if (!known.add(key)) {
        continue;
      }
      jdbc.sql(
              """
              insert into ratification_discrepancy
                (id, import_id, state_iso3, instrument_code, event, kind, source_value,
                 recorded_value, recorded_source, source_file, source_row)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              UUID.randomUUID(),
              importId,
              d.iso3(),
              d.instrument(),
              d.event(),
              d.kind(),
              d.sourceValue(),
              d.recordedValue(),
              d.recordedSource(),
              d.file(),
              d.row() == 0 ? null : d.row())
          .update();
      listed.add(d);
    }
    return listed;
  }
}
