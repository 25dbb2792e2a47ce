package org.coopera.treaties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.StatsScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ratifications in force and their history: how many States are party to each instrument at any
 * date, the matrix of States by instruments, and the discrepancies between sources with the
 * administrators' decisions. Counts at a past date count only what has a date on or before it.
 * Universal ratification is every UN Member State party to each of the 18 instruments.
 */
@Service
@Transactional(readOnly = true)
public class Ratifications {

  /** One cell of the matrix: what a State did in respect of an instrument. */
  public record Cell(
      LocalDate signed,
      DatePrecision signedPrecision,
      LocalDate consent,
      DatePrecision consentPrecision,
      LocalDate communications,
      LocalDate inquiry,
      boolean communicationsAccepted,
      boolean inquiryAccepted) {

    public boolean party() {
      return consentPrecision != null;
    }

    public boolean signatory() {
      return !party() && signedPrecision != null;
    }
  }

  /** One State's row of the matrix, cells by instrument code. */
  public record MatrixRow(String iso3, String name, Map<String, Cell> cells) {}

  /** Parties and signatories of one instrument. */
  public record InstrumentCount(
      String code, String abbreviation, long parties, long signatories, long states) {}

  /** Parties at the end of a year. */
  public record YearCount(int year, long parties) {}

  /** A discrepancy between sources or inside one, with what was decided. */
  public record DiscrepancyView(
      UUID id,
      String kind,
      String iso3,
      String stateName,
      String instrument,
      String event,
      String sourceValue,
      String recordedValue,
      String recordedSource,
      String file,
      Integer row,
      String detail,
      String source,
      String status,
      long version) {}

  /** An import as listed. */
  public record ImportView(
      UUID id,
      String source,
      String format,
      String fileName,
      LocalDate asOf,
      int rows,
      int claims,
      Instant importedAt,
      long open) {}

  /** What an administrator decides about a discrepancy. */
  public enum Decision {
    /** Keep what is recorded (the source is wrong or older). */
    KEEP_RECORD,
    /** Take what the source says instead. */
    TAKE_SOURCE,
    /** Seen; nothing to change (a finding inside one source). */
    NOTED
  }

  private final JdbcClient jdbc;

  Ratifications(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The number of UN Member States in the scope. */
  public long memberStates(StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("st.iso3");
    return jdbc.sql(
            "select count(*) from state st where st.un_status = 'MEMBER' and " + states.sql())
        .params(states.params())
        .query(Long.class)
        .single();
  }

  /**
   * The number of State-instrument pairs where a Member State in the scope is party, at the end of
   * {@code date} (null: now, counting parties without a known date too).
   */
  public long partiesAt(LocalDate date, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    List<Object> params = new ArrayList<>(states.params());
    String when = "";
    if (date != null) {
      when = " and r.on_date <= ?";
      params.add(Date.valueOf(date));
    }
    return jdbc.sql(
            """
            select count(*) from ratification r join state st on st.iso3 = r.state_iso3
            where r.event = 'CONSENT' and st.un_status = 'MEMBER' and\s"""
                + states.sql()
                + when)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** How many of the 18 instruments bind one State (Member or observer), dated or not. */
  public long instrumentsBinding(String iso3) {
    return jdbc.sql("select count(*) from ratification where state_iso3 = ? and event = 'CONSENT'")
        .param(iso3)
        .query(Long.class)
        .single();
  }

  /**
   * Acceptances of the individual communications procedures (by protocol or declaration) at the end
   * of {@code date} (null: now, counting those without a known date too).
   */
  public long communicationsAccepted(LocalDate date, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    List<Object> params = new ArrayList<>();
    params.add(Procedures.communicationsProtocols().toArray(String[]::new));
    params.addAll(states.params());
    String when = "";
    if (date != null) {
      when = " and r.on_date <= ?";
      params.add(Date.valueOf(date));
    }
    return jdbc.sql(
            """
            select count(*) from ratification r
            where ((r.event = 'CONSENT' and r.instrument_code = any(cast(? as text[])))
                   or r.event = 'COMMUNICATIONS') and\s"""
                + states.sql()
                + when)
        .params(params)
        .query(Long.class)
        .single();
  }

  /**
   * Parties (Member States) at the end of each year from {@code from} to {@code to}: the
   * ratifications of each year, added up. The ratifications are counted per year once ({@code
   * materialized}); inlined, the count ran again for every year of the series.
   */
  public List<YearCount> partiesByYear(int from, int to, StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("r.state_iso3");
    List<Object> params = new ArrayList<>(states.params());
    params.add(from);
    params.add(to);
    return jdbc.sql(
            """
            with per_year as materialized (
              select extract(year from r.on_date)::int as y, count(*) as n
              from ratification r join state st on st.iso3 = r.state_iso3
              where r.event = 'CONSENT' and st.un_status = 'MEMBER' and r.on_date is not null
                and\s"""
                + states.sql()
                + """

              group by 1
            )
            select g.year, coalesce((select sum(p.n) from per_year p where p.y <= g.year), 0)
            from generate_series(?::int, ?::int) as g(year)
            order by g.year
            """)
        .params(params)
        .query((rs, n) -> new YearCount(rs.getInt(1), rs.getLong(2)))
        .list();
  }

  /**
   * Parties and signatories of each instrument among the Member States in the scope, now. Each
   * State's consent and signature come from one row per State and instrument, joined on both, so
   * that the join stays one hash lookup per pair.
   */
  public List<InstrumentCount> byInstrument(StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("st.iso3");
    return jdbc.sql(
            """
            select i.code, i.abbreviation,
                   count(*) filter (where r.consent) as parties,
                   count(*) filter (where not coalesce(r.consent, false) and r.signature)
                     as signatories,
                   count(*) as states
            from instrument i
            cross join state st
            left join (select r.instrument_code, r.state_iso3,
                              bool_or(r.event = 'CONSENT') as consent,
                              bool_or(r.event = 'SIGNATURE') as signature
                       from ratification r where r.event in ('CONSENT', 'SIGNATURE')
                       group by 1, 2) r
                   on r.instrument_code = i.code and r.state_iso3 = st.iso3
            where st.un_status = 'MEMBER' and\s"""
                + states.sql()
                + """

            group by i.code, i.abbreviation, i.adopted_on
            order by i.kind, i.adopted_on, i.code
            """)
        .params(states.params())
        .query(
            (rs, n) ->
                new InstrumentCount(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  /** The matrix of the States in the scope (Member and observer States) by instruments. */
  public List<MatrixRow> matrix(StatsScope scope) {
    StatsScope.SqlCondition states = scope.states("st.iso3");
    Map<String, MatrixRow> rows = new java.util.LinkedHashMap<>();
    jdbc.sql("select st.iso3, st.name from state st where " + states.sql() + " order by st.name")
        .params(states.params())
        .query((rs, n) -> new MatrixRow(rs.getString(1), rs.getString(2), new HashMap<>()))
        .list()
        .forEach(r -> rows.put(r.iso3(), r));
    Map<String, Map<String, Object[]>> events = new HashMap<>();
    StatsScope.SqlCondition recorded = scope.states("r.state_iso3");
    jdbc.sql(
            "select r.state_iso3, r.instrument_code, r.event, r.on_date, r.date_precision"
                + " from ratification r where "
                + recorded.sql())
        .params(recorded.params())
        .query(
            (rs, n) ->
                new Object[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, LocalDate.class),
                  DatePrecision.valueOf(rs.getString(5))
                })
        .list()
        .forEach(
            e ->
                events
                    .computeIfAbsent(e[0] + "/" + e[1], k -> new HashMap<>())
                    .put((String) e[2], e));
    events.forEach(
        (key, byEvent) -> {
          String[] parts = key.split("/");
          MatrixRow row = rows.get(parts[0]);
          if (row == null) {
            return;
          }
          Object[] sig = byEvent.get("SIGNATURE");
          Object[] con = byEvent.get("CONSENT");
          Object[] com = byEvent.get("COMMUNICATIONS");
          Object[] inq = byEvent.get("INQUIRY");
          row.cells()
              .put(
                  parts[1],
                  new Cell(
                      sig == null ? null : (LocalDate) sig[3],
                      sig == null ? null : (DatePrecision) sig[4],
                      con == null ? null : (LocalDate) con[3],
                      con == null ? null : (DatePrecision) con[4],
                      com == null ? null : (LocalDate) com[3],
                      inq == null ? null : (LocalDate) inq[3],
                      com != null,
                      inq != null));
        });
    return List.copyOf(rows.values());
  }

  /** The imports, latest first, with the number of their discrepancies still open. */
  public List<ImportView> imports() {
    return jdbc.sql(
            """
            select i.id, i.source, i.format, i.file_name, i.as_of, i.rows_read, i.claims, i.imported_at,
                   (select count(*) from ratification_discrepancy d
                    where d.import_id = i.id and d.status = 'OPEN')
            from ratification_import i order by i.imported_at desc
            """)
        .query(
            (rs, n) ->
                new ImportView(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getTimestamp(8).toInstant(),
                    rs.getLong(9)))
        .list();
  }

  /** The discrepancies, open ones first, or only those of one status. */
  public List<DiscrepancyView> discrepancies(String status) {
    List<Object> params = new ArrayList<>();
    String where = "";
    if (status != null) {
      where = " where d.status = ?";
      params.add(status);
    }
    return jdbc.sql(
            """
            select d.id, d.kind, d.state_iso3, st.name, d.instrument_code, d.event, d.source_value,
                   d.recorded_value, d.recorded_source, d.source_file, d.source_row, d.detail,
                   i.source || ', ' || to_char(i.as_of, 'YYYY-MM-DD'), d.status, d.version
            from ratification_discrepancy d
            join ratification_import i on i.id = d.import_id
            left join state st on st.iso3 = d.state_iso3"""
                + where
                + " order by d.status <> 'OPEN', d.kind, st.name nulls first, d.instrument_code")
        .params(params)
        .query(
            (rs, n) ->
                new DiscrepancyView(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    (Integer) rs.getObject(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getString(14),
                    rs.getLong(15)))
        .list();
  }

  /**
   * Records an administrator's decision on an open discrepancy. Taking the source's value writes
   * the source's claim into the record (or removes the record when the source said no).
   *
   * @throws InvalidInputException when the discrepancy was decided or changed since it was read
   */
  @Transactional
  public void decide(UUID id, Decision decision, long version, UUID by) {
    Map<String, Object> d =
        jdbc
            .sql(
                """
                select kind, state_iso3, instrument_code, event, import_id, status, version
                from ratification_discrepancy where id = ? for update
                """)
            .param(id)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("treaties.discrepancy.not-found", null));
    if (((Number) d.get("version")).longValue() != version || !"OPEN".equals(d.get("status"))) {
      throw new InvalidInputException("treaties.discrepancy.stale", null);
    }
    if (decision == Decision.TAKE_SOURCE) {
      if (!"SOURCES_DISAGREE".equals(d.get("kind"))) {
        throw new InvalidInputException("treaties.discrepancy.nothing-to-take", "decision");
      }
      takeSource(d);
    }
    String status =
        switch (decision) {
          case KEEP_RECORD -> "KEPT_RECORD";
          case TAKE_SOURCE -> "TOOK_SOURCE";
          case NOTED -> "NOTED";
        };
    jdbc.sql(
            """
            update ratification_discrepancy
            set status = ?, decided_by = ?, decided_at = ?, version = version + 1
            where id = ?
            """)
        .params(status, by, Timestamp.from(Instant.now()), id)
        .update();
  }

  private void takeSource(Map<String, Object> d) {
    Map<String, Object> claim =
        jdbc.sql(
                """
                select present, on_date, date_precision from ratification_claim
                where import_id = ? and state_iso3 = ? and instrument_code = ? and event = ?
                """)
            .params(
                d.get("import_id"), d.get("state_iso3"), d.get("instrument_code"), d.get("event"))
            .query()
            .singleRow();
    if (Boolean.TRUE.equals(claim.get("present"))) {
      jdbc.sql(
              """
              insert into ratification
                (state_iso3, instrument_code, event, on_date, date_precision, import_id, updated_at)
              values (?, ?, ?, ?, ?, ?, now())
              on conflict (state_iso3, instrument_code, event) do update set
                on_date = excluded.on_date, date_precision = excluded.date_precision,
                import_id = excluded.import_id, entered_by = null, updated_at = now(),
                version = ratification.version + 1
              """)
          .params(
              d.get("state_iso3"),
              d.get("instrument_code"),
              d.get("event"),
              claim.get("on_date"),
              claim.get("date_precision"),
              d.get("import_id"))
          .update();
    } else {
      jdbc.sql(
              "delete from ratification where state_iso3 = ? and instrument_code = ? and event = ?")
          .params(d.get("state_iso3"), d.get("instrument_code"), d.get("event"))
          .update();
    }
  }
}
