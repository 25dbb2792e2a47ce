package org.coopera.recommendations.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.recommendations.importing.FileProblem;
import org.coopera.recommendations.importing.ImportReport;
import org.coopera.recommendations.internal.StateNames;
import org.springframework.context.MessageSource;

/**
 * An import as the API gives it: {@code status} is {@code valid}, {@code invalid} or {@code
 * applied}; every problem and note has its row (0 for the whole file) and a message in the caller's
 * language.
 */
record ImportJson(
    UUID id,
    String status,
    String format,
    String fileName,
    long fileSize,
    int rowsRead,
    int toCreate,
    int duplicates,
    int merged,
    Integer created,
    List<Message> problems,
    List<Message> notes,
    List<UnknownName> unknownNames,
    Instant createdAt,
    Instant appliedAt) {

  record Message(int row, String message) {}

  record UnknownName(String name, List<StateNames.Candidate> closest) {}

  static ImportJson of(ImportReport r, MessageSource messages, Locale locale) {
    return new ImportJson(
        r.id(),
        r.status().name().toLowerCase(Locale.ROOT),
        r.format() == null ? null : r.format().apiName(),
        r.fileName(),
        r.fileSize(),
        r.rowsRead(),
        r.toCreate(),
        r.duplicates(),
        r.merged(),
        r.created(),
        messages(r.problems(), messages, locale),
        messages(r.notes(), messages, locale),
        r.unknownNames().entrySet().stream()
            .map(e -> new UnknownName(e.getKey(), e.getValue()))
            .toList(),
        r.createdAt(),
        r.appliedAt());
  }

  static List<Message> messages(List<FileProblem> problems, MessageSource messages, Locale locale) {
    return problems.stream().map(p -> new Message(p.row(), text(p, messages, locale))).toList();
  }

  static String text(FileProblem p, MessageSource messages, Locale locale) {
    return messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale);
  }
}
