package org.coopera.recommendations.importing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.coopera.recommendations.internal.StateNames;
import org.springframework.stereotype.Component;

/**
 * The rows of the last few valid files checked, kept in memory so that applying an import need not
 * read and check its file again (a sixth of the time of applying 25,000 rows, issue 9). Applying
 * must still see what changed since the check: an entry is used only for the same import, the same
 * file (its SHA-256 as kept), the same scope, and a vocabulary and State names equal to those the
 * rows were checked against; which recommendations the registry holds already is always asked again
 * ({@link FileValidation.Rows#against}). Anything else (another instance of the application, a
 * restart, an entry pushed out) checks the file as before. Invalid files are not kept: they cannot
 * be applied, and their findings name States whose names may change.
 */
@Component
class CheckedFiles {

  /** Enough for the imports being worked on at one time; each holds its drafts (tens of MB). */
  private static final int KEPT = 3;

  /** What the rows were checked against, besides the file. */
  private record Entry(
      String sha256,
      String scope,
      ImportVocabulary vocabulary,
      StateNames.Lookup names,
      FileValidation.Rows rows) {}

  private final Map<UUID, Entry> entries =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
          return size() > KEPT;
        }
      };

  /** Keeps the rows of import {@code id} if they are valid, forgets older ones otherwise. */
  synchronized void keep(
      UUID id,
      String sha256,
      String scope,
      ImportVocabulary vocabulary,
      StateNames.Lookup names,
      FileValidation.Rows rows) {
    if (rows.valid()) {
      entries.put(id, new Entry(sha256, scope, vocabulary, names, rows));
    } else {
      entries.remove(id);
    }
  }

  /** The rows of import {@code id} if they were checked against exactly what is given. */
  synchronized Optional<FileValidation.Rows> find(
      UUID id,
      String sha256,
      ImportFormat format,
      String scope,
      ImportVocabulary vocabulary,
      StateNames.Lookup names) {
    Entry entry = entries.get(id);
    if (entry == null
        || !entry.sha256().equals(sha256)
        || !java.util.Objects.equals(entry.scope(), scope)
        || (format != null && entry.rows().format() != format)
        || !entry.vocabulary().sameAs(vocabulary)
        || !entry.names().sameNames(names)) {
      return Optional.empty();
    }
    return Optional.of(entry.rows());
  }

  synchronized void forget(UUID id) {
    entries.remove(id);
  }
}
