package org.coopera.recommendations.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.recommendations.internal.StateNames;

/**
 * An import as the preview page and the API show it: the file, what validation found, and what
 * applying it created.
 *
 * @param unknownNames names of States the file uses that no State, alias or earlier mapping
 *     matches, with the States whose names come closest: a person maps each once
 */
public record ImportReport(
    UUID id,
    ImportFormat format,
    String fileName,
    long fileSize,
    Status status,
    int rowsRead,
    int toCreate,
    int duplicates,
    int merged,
    Integer created,
    List<FileProblem> problems,
    List<FileProblem> notes,
    Map<String, List<StateNames.Candidate>> unknownNames,
    String scopeIso3,
    UUID createdBy,
    Instant createdAt,
    UUID appliedBy,
    Instant appliedAt) {

  /** Where an import stands. */
  public enum Status {
    /** Validated without a problem; may be applied. */
    VALID,
    /** Validated with problems; nothing can be applied until a corrected file is uploaded. */
    INVALID,
    /** Applied: its recommendations are in the registry. */
    APPLIED
  }
}
