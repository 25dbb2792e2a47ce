package org.coopera.assistance.projects;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports IATI activity files of other publishers for the Coopera projects they fund, read only. A
 * file applies whole or not at all: every problem is reported and nothing is written when there is
 * one. A later import of an activity replaces the earlier one; an activity another publisher
 * reported is refused. Agency officers, fund managers and administrators import; whoever may see a
 * project sees what other publishers report for it.
 */
@Service
@Transactional
public class IatiImports {

  /** The largest activity file read; a caller reads at most one byte more, to tell. */
  public static final int MAX_BYTES = IatiActivityFile.MAX_BYTES;

  private final JdbcClient jdbc;
  private final Projects projects;
  private final Clock clock;

  IatiImports(JdbcClient jdbc, Projects projects, Clock clock) {
    this.jdbc = jdbc;
    this.projects = projects;
    this.clock = clock;
  }

  /** A past import. */
  public record ImportRecord(
      UUID id,
      String fileName,
      int activities,
      int skipped,
      String importedBy,
      Instant importedAt) {}

  /**
   * The outcome of an import: when there are problems, nothing was written and {@code id} is null.
   *
   * @param imported the activities written, with the projects they fund
   * @param skipped the identifiers of the activities that fund no Coopera project
   */
  public record Outcome(
      UUID id, List<Imported> imported, List<String> skipped, List<ImportProblem> problems) {

    public boolean applied() {
      return id != null;
    }
  }

  /** An activity written by an import (kept in the session for the page that follows). */
  public record Imported(
      String identifier, String publisher, String title, List<String> projects, int transactions)
      implements java.io.Serializable {}

  /**
   * A problem of a file (position 0) or of its activity at a position, as a message to resolve.
   *
   * @param identifier the activity's IATI identifier, when it has one
   */
  public record ImportProblem(
      int position,
      String identifier,
      org.springframework.context.MessageSourceResolvable message) {}

  /** What another publisher reports for a project. */
  public record ExternalActivity(
      String identifier,
      String publisherRef,
      String publisherName,
      String title,
      String statusCode,
      Instant importedAt,
      List<ExternalTransaction> transactions) {

    /** The total of each currency, commitments and disbursements apart. */
    public Map<String, BigDecimal> totals(String type) {
      Map<String, BigDecimal> sums = new LinkedHashMap<>();
      for (ExternalTransaction t : transactions) {
        if (t.typeCode().equals(type)) {
          sums.merge(t.currency(), t.amount(), BigDecimal::add);
        }
      }
      return sums;
    }
  }

  /** A commitment ({@code 2}) or disbursement ({@code 3}) to the project. */
  public record ExternalTransaction(
      String typeCode, LocalDate date, BigDecimal amount, String currency, String description) {}

  /** Agency officers, fund managers and administrators. */
  public static boolean mayImport(CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || user.hasRole(Role.FUND_MANAGER)
            || user.hasRole(Role.AGENCY_OFFICER));
  }

  /** Reads a file and, when it has no problem, applies it whole. */
  public Outcome importFile(String fileName, byte[] file, CooperaUser user) {
    if (!mayImport(user)) {
      throw new AccessDeniedException("Only agency officers, fund managers and administrators");
    }
    // one import at a time: two files replacing the same activity must not interleave
    jdbc.sql("select pg_advisory_xact_lock(hashtext('iati_import'))").query().singleValue();
    Map<String, UUID> known = new LinkedHashMap<>();
    jdbc.sql("select iati_identifier, id from project")
        .query(
            rs -> {
              known.put(rs.getString(1), rs.getObject(2, UUID.class));
            });
    IatiActivityFile.Reading reading =
        IatiActivityFile.read(
            file, known::containsKey, id -> id.startsWith(IatiActivities.REPORTING_ORG + "-"));
    List<ImportProblem> problems = new ArrayList<>();
    for (IatiActivityFile.Problem p : reading.problems()) {
      problems.add(new ImportProblem(p.position(), p.identifier(), p));
    }
    for (IatiActivityFile.Activity a : reading.activities()) {
      jdbc.sql("select publisher_ref from external_activity where iati_identifier = ?")
          .param(a.identifier())
          .query(String.class)
          .optional()
          .filter(publisher -> !publisher.equals(a.publisherRef()))
          .ifPresent(
              publisher ->
                  problems.add(
                      new ImportProblem(
                          a.position(),
                          a.identifier(),
                          IatiActivityFile.Problem.of(
                              a.position(),
                              a.identifier(),
                              "projects.iati-import.error.other-publisher",
                              publisher))));
    }
    if (!problems.isEmpty()) {
      return new Outcome(null, List.of(), reading.skipped(), problems);
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            "insert into iati_import (id, file_name, activities, skipped, imported_by,"
                + " imported_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            fileName == null || fileName.isBlank() ? "iati.xml" : fileName.strip(),
            reading.activities().size(),
            reading.skipped().size(),
            user.accountId(),
            Timestamp.from(now))
        .update();
    List<Imported> imported = new ArrayList<>();
    for (IatiActivityFile.Activity a : reading.activities()) {
      jdbc.sql("delete from external_activity where iati_identifier = ?")
          .param(a.identifier())
          .update();
      UUID activity = UUID.randomUUID();
      jdbc.sql(
              "insert into external_activity (id, import_id, iati_identifier, publisher_ref,"
                  + " publisher_name, title, status_code, last_updated)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              activity,
              id,
              a.identifier(),
              a.publisherRef(),
              a.publisherName(),
              a.title(),
              a.status(),
              a.lastUpdated() == null ? null : Timestamp.from(a.lastUpdated().toInstant()))
          .update();
      for (String project : a.projects()) {
        jdbc.sql("insert into external_activity_project (activity_id, project_id) values (?, ?)")
            .params(activity, known.get(project))
            .update();
      }
      for (IatiActivityFile.Transaction t : a.transactions()) {
        jdbc.sql(
                "insert into external_transaction (id, activity_id, project_id, type_code,"
                    + " transaction_date, amount, currency, description)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                UUID.randomUUID(),
                activity,
                known.get(t.project()),
                t.type(),
                t.date(),
                t.amount(),
                t.currency(),
                t.description())
            .update();
      }
      imported.add(
          new Imported(
              a.identifier(),
              a.publisherName() == null ? a.publisherRef() : a.publisherName(),
              a.title(),
              List.copyOf(a.projects()),
              a.transactions().size()));
    }
    return new Outcome(id, imported, reading.skipped(), List.of());
  }

  /** The imports, latest first. */
  @Transactional(readOnly = true)
  public List<ImportRecord> imports(CooperaUser user) {
    if (!mayImport(user)) {
      throw new AccessDeniedException("Only agency officers, fund managers and administrators");
    }
    return jdbc.sql(
            """
            select i.id, i.file_name, i.activities, i.skipped, a.display_name, i.imported_at
            from iati_import i join account a on a.id = i.imported_by
            order by i.imported_at desc limit 200
            """)
        .query(
            (rs, n) ->
                new ImportRecord(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** What other publishers report for a project the user may see; 404 otherwise. */
  @Transactional(readOnly = true)
  public List<ExternalActivity> forProject(UUID projectId, CooperaUser user) {
    projects.require(projectId, user);
    Map<UUID, List<ExternalTransaction>> transactions = new LinkedHashMap<>();
    jdbc.sql(
            """
            select activity_id, type_code, transaction_date, amount, currency, description
            from external_transaction where project_id = ?
            order by transaction_date, type_code
            """)
        .param(projectId)
        .query(
            rs -> {
              transactions
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new ExternalTransaction(
                          rs.getString(2),
                          rs.getObject(3, LocalDate.class),
                          rs.getBigDecimal(4),
                          rs.getString(5),
                          rs.getString(6)));
            });
    return jdbc.sql(
            """
            select a.id, a.iati_identifier, a.publisher_ref, a.publisher_name, a.title,
                   a.status_code, i.imported_at
            from external_activity a
            join external_activity_project l on l.activity_id = a.id
            join iati_import i on i.id = a.import_id
            where l.project_id = ?
            order by a.publisher_ref, a.iati_identifier
            """)
        .param(projectId)
        .query(
            (rs, n) ->
                new ExternalActivity(
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    transactions.getOrDefault(rs.getObject(1, UUID.class), List.of())))
        .list();
  }
}
