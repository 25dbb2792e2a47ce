package org.coopera.recommendations.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.Sha256;
import org.coopera.recommendations.internal.RecommendationDraft;
import org.coopera.recommendations.internal.RecommendationRegistry;
import org.coopera.recommendations.internal.StateNames;
import org.coopera.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of recommendations, in two steps. {@link #validate} reads and checks the whole file,
 * keeps it, and records what it found (rows read, recommendations to create, rows already present,
 * every problem with its row); nothing enters the registry. {@link #apply} creates the
 * recommendations of a valid import, all or none, after checking the kept file again (a name mapped
 * or a recommendation imported since then counts). Administrators import for any State; a State
 * coordinator imports the recommendations addressed to their State.
 */
@Service
public class ImportService {

  /** Who imports demo data: no account. */
  public static final UUID SYSTEM = new UUID(0, 0);

  private final ImportFiles files;
  private final ImportRecords records;
  private final CheckedFiles checkedFiles;
  private final RecommendationRegistry registry;
  private final StateNames stateNames;
  private final ReferenceData reference;
  private final Clock clock;

  ImportService(
      ImportFiles files,
      ImportRecords records,
      CheckedFiles checkedFiles,
      RecommendationRegistry registry,
      StateNames stateNames,
      ReferenceData reference,
      Clock clock) {
    this.files = files;
    this.records = records;
    this.checkedFiles = checkedFiles;
    this.registry = registry;
    this.stateNames = stateNames;
    this.reference = reference;
    this.clock = clock;
  }

  /** Whether this person may import at all. */
  public static boolean mayImport(CooperaUser user) {
    return user.isAdministrator() || user.hasRole(Role.STATE_COORDINATOR);
  }

  /** Reads and checks a file, keeps it and its findings; creates nothing. */
  @Transactional
  public ImportReport validate(
      String fileName, byte[] content, ImportFormat format, CooperaUser user) {
    return validate(fileName, content, format, null, user);
  }

  /**
   * Reads and checks a file for one State, keeps it and its findings; creates nothing. A State
   * coordinator imports for a State they coordinate, which they must name when they coordinate
   * several; an administrator imports for any State, or for one when they name it.
   */
  @Transactional
  public ImportReport validate(
      String fileName, byte[] content, ImportFormat format, String stateIso3, CooperaUser user) {
    String scope = scope(user, stateIso3);
    UUID id = UUID.randomUUID();
    String sha256 = Sha256.hex(content);
    FileValidation validation = check(id, sha256, fileName, content, format, scope);
    ImportReport report =
        report(id, fileName, content.length, validation, scope, user.accountId(), clock.instant());
    records.insert(report, sha256, content);
    return report;
  }

  /** The States this person imports for, in code order: none for an administrator (any State). */
  public static List<String> importStates(CooperaUser user) {
    if (user.isAdministrator()) {
      return List.of();
    }
    return user.grants().stream()
        .filter(g -> g.role() == Role.STATE_COORDINATOR)
        .map(Grant::stateIso3)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * Creates the recommendations of a valid import and answers the import as applied. If the kept
   * file no longer passes (a name mapping was removed, the rules changed), the import becomes
   * invalid, nothing is created, and the caller gets the new findings in an {@link
   * ImportNotApplicable}.
   */
  @Transactional(noRollbackFor = ImportNotApplicable.class)
  public ImportReport apply(UUID id, CooperaUser user, IntConsumer progress) {
    return applyAs(id, user, user.accountId(), false, progress);
  }

  /** Imports a file the application ships as demo data, marked as such. */
  @Transactional
  public ImportReport importDemo(String fileName, byte[] content) {
    UUID id = UUID.randomUUID();
    String sha256 = Sha256.hex(content);
    FileValidation validation = check(id, sha256, fileName, content, null, null);
    Instant now = clock.instant();
    ImportReport report = report(id, fileName, content.length, validation, null, SYSTEM, now);
    records.insert(report, sha256, content);
    if (!validation.valid()) {
      return report;
    }
    return applyAs(report.id(), null, SYSTEM, true, n -> {});
  }

  private ImportReport applyAs(
      UUID id, CooperaUser user, UUID by, boolean demo, IntConsumer progress) {
    ImportReport current = records.lock(id).orElseThrow(() -> new ImportNotFound(id));
    if (user != null) {
      checkMayUse(current, user);
    }
    if (current.status() == ImportReport.Status.APPLIED) {
      throw new InvalidInputException("import.error.already-applied", null);
    }
    Checked checked = checkAgain(current);
    FileValidation validation = checked.validation();
    ImportReport again = checked.report();
    if (!validation.valid()) {
      records.revalidated(again);
      throw new ImportNotApplicable(again);
    }
    List<RecommendationDraft> drafts =
        validation.toCreate().stream().map(d -> d.withImport(id, demo)).toList();
    int created = registry.createAll(drafts, progress);
    checkedFiles.forget(id);
    Instant now = clock.instant();
    records.revalidated(again);
    records.applied(id, created, by, now);
    return records.find(id).orElseThrow();
  }

  /** The import, if this person may see it. */
  @Transactional(readOnly = true)
  public ImportReport find(UUID id, CooperaUser user) {
    ImportReport report = records.find(id).orElseThrow(() -> new ImportNotFound(id));
    checkMayUse(report, user);
    return report;
  }

  /** The imports this person may see, newest first. */
  @Transactional(readOnly = true)
  public ListPage<ImportReport> list(CooperaUser user, PageParameters paging) {
    return records.list(user.isAdministrator() ? null : importStates(user), paging);
  }

  /** The kept file of an import, for the person who may see the import. */
  @Transactional(readOnly = true)
  public byte[] file(UUID id, CooperaUser user) {
    find(id, user);
    return records.content(id);
  }

  /**
   * Remembers that a name means a State, then checks the import's file again so its findings say
   * what the mapping changed.
   */
  @Transactional
  public ImportReport mapName(UUID id, String name, String iso3, CooperaUser user) {
    ImportReport current = records.lock(id).orElseThrow(() -> new ImportNotFound(id));
    checkMayUse(current, user);
    if (current.status() == ImportReport.Status.APPLIED) {
      throw new InvalidInputException("import.error.already-applied", null);
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("import.error.map-name", "name");
    }
    if (iso3 == null || reference.findState(iso3).isEmpty()) {
      throw new InvalidInputException("import.error.map-state", "iso3");
    }
    stateNames.map(name, reference.findState(iso3).orElseThrow().iso3(), user.accountId());
    records.revalidated(checkAgain(current).report());
    return records.find(id).orElseThrow();
  }

  /** An import's kept file checked again, and the findings as the import's record. */
  private record Checked(FileValidation validation, ImportReport report) {}

  /**
   * The kept file checked again: its rows as checked last time when nothing they were checked
   * against has changed ({@link CheckedFiles}), else the file read and checked anew; which
   * recommendations the registry already holds is asked again in both cases.
   */
  private Checked checkAgain(ImportReport current) {
    String sha256 = records.sha256(current.id());
    ImportVocabulary vocabulary = new ImportVocabulary(reference);
    StateNames.Lookup names = stateNames.lookup();
    FileValidation.Rows rows =
        checkedFiles
            .find(current.id(), sha256, current.format(), current.scopeIso3(), vocabulary, names)
            .orElseGet(
                () ->
                    checkRows(
                        current.id(),
                        sha256,
                        current.fileName(),
                        records.content(current.id()),
                        current.format(),
                        current.scopeIso3(),
                        vocabulary,
                        names));
    FileValidation validation = rows.against(registry::existing);
    ImportReport report =
        report(
            current.id(),
            current.fileName(),
            current.fileSize(),
            validation,
            current.scopeIso3(),
            current.createdBy(),
            current.createdAt());
    return new Checked(validation, report);
  }

  private FileValidation check(
      UUID id, String sha256, String fileName, byte[] content, ImportFormat format, String scope) {
    return checkRows(
            id,
            sha256,
            fileName,
            content,
            format,
            scope,
            new ImportVocabulary(reference),
            stateNames.lookup())
        .against(registry::existing);
  }

  /** Reads and checks the rows of a file, and keeps them for applying the import. */
  private FileValidation.Rows checkRows(
      UUID id,
      String sha256,
      String fileName,
      byte[] content,
      ImportFormat format,
      String scope,
      ImportVocabulary vocabulary,
      StateNames.Lookup names) {
    ParsedFile parsed = files.read(fileName, content, format);
    FileValidation.Rows rows =
        FileValidation.rows(parsed, new RowValidator(vocabulary, names, scope));
    checkedFiles.keep(id, sha256, scope, vocabulary, names, rows);
    return rows;
  }

  private static ImportReport report(
      UUID id, String fileName, long size, FileValidation v, String scope, UUID by, Instant at) {
    return new ImportReport(
        id,
        v.format(),
        fileName,
        size,
        v.valid() ? ImportReport.Status.VALID : ImportReport.Status.INVALID,
        v.rowsRead(),
        v.toCreate().size(),
        v.duplicates(),
        v.merged(),
        null,
        v.problems(),
        v.notes(),
        v.unknownStates(),
        scope,
        by,
        at,
        null,
        null);
  }

  /** The State an import is limited to: none for an administrator who names none. */
  private String scope(CooperaUser user, String wanted) {
    String iso3 =
        wanted == null || wanted.isBlank() ? null : wanted.strip().toUpperCase(Locale.ROOT);
    if (user.isAdministrator()) {
      if (iso3 != null && reference.findState(iso3).isEmpty()) {
        throw new InvalidInputException("import.error.unknown-state", "state", iso3);
      }
      return iso3;
    }
    List<String> mine = importStates(user);
    if (mine.isEmpty()) {
      throw new AccessDeniedException("Only administrators and State coordinators import");
    }
    if (iso3 == null) {
      if (mine.size() > 1) {
        throw new InvalidInputException("import.error.choose-state", "state");
      }
      return mine.get(0);
    }
    if (!mine.contains(iso3)) {
      throw new InvalidInputException("import.error.not-your-state", "state", iso3);
    }
    return iso3;
  }

  private static void checkMayUse(ImportReport report, CooperaUser user) {
    if (user.isAdministrator()) {
      return;
    }
    if (report.scopeIso3() == null
        || !user.hasRoleForState(Role.STATE_COORDINATOR, report.scopeIso3())) {
      throw new ImportNotFound(report.id());
    }
  }

  /** No import with this id, or none this person may see. */
  public static class ImportNotFound extends RuntimeException {
    public ImportNotFound(UUID id) {
      super("No import " + id);
    }
  }

  /** An import that cannot be applied, with what its file was found to contain. */
  public static class ImportNotApplicable extends RuntimeException {
    private final transient ImportReport report;

    public ImportNotApplicable(ImportReport report) {
      super("Import " + report.id() + " has problems");
      this.report = report;
    }

    public ImportReport report() {
      return report;
    }
  }
}
