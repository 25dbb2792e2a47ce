package org.coopera.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Versions of a record's texts in languages other than the one it was written in: a practice, a
 * library resource, a State's action or progress update may be read in Arabic, Chinese, English,
 * French, Russian and Spanish once someone has written those versions. The record keeps its
 * original; each version holds the same named fields (title, narrative...) in one language. A
 * reader is shown their language when a version exists and the original otherwise, marked as such
 * ({@link #shown}); a search finds a record through any of its versions ({@link #matches}).
 */
public interface ContentVersions {

  /** All versions of a record, by language in alphabetical order. */
  Map<String, Version> of(String subject, UUID id);

  /** The versions of many records at once (for a list page), by record then language. */
  Map<UUID, Map<String, Version>> of(String subject, Collection<UUID> ids);

  /**
   * Writes the version of a record in a language, in the caller's transaction.
   *
   * @param expectedVersion the version the person read, or null when they wrote a new one
   * @throws StaleVersion when the version changed since it was read, or was written meanwhile
   */
  Version put(
      String subject,
      UUID id,
      String language,
      Map<String, String> fields,
      Long expectedVersion,
      UUID accountId);

  /** Removes the version of a record in a language, from the version read. */
  void remove(String subject, UUID id, String language, long expectedVersion);

  /**
   * An SQL condition true when one of the record's versions matches the web-search query bound to
   * {@code :parameter} (same {@code simple} configuration as the records' own search columns).
   */
  static String matches(String subject, String idColumn, String parameter) {
    if (!subject.matches("[a-z_]+") || !idColumn.matches("[a-z_.]+")) {
      throw new IllegalArgumentException("not an identifier: " + subject + ", " + idColumn);
    }
    return "exists (select 1 from content_version cv where cv.subject = '"
        + subject
        + "' and cv.subject_id = "
        + idColumn
        + " and cv.search @@ websearch_to_tsquery('simple', :"
        + parameter
        + "))";
  }

  /**
   * What a reader is shown: the version in their language when there is one (a field the version
   * leaves blank shows the original's), otherwise the original.
   */
  static Shown shown(
      String readerLanguage,
      String originalLanguage,
      Map<String, String> original,
      Map<String, Version> versions) {
    Version version = versions.get(readerLanguage);
    if (readerLanguage.equals(originalLanguage) || version == null) {
      return new Shown(originalLanguage, originalLanguage, readerLanguage, original, Map.of());
    }
    Map<String, String> fields = new LinkedHashMap<>(original);
    Map<String, String> languages = new LinkedHashMap<>();
    original.keySet().forEach(name -> languages.put(name, originalLanguage));
    version
        .fields()
        .forEach(
            (name, text) -> {
              if (text != null && !text.isBlank()) {
                fields.put(name, text);
                languages.put(name, readerLanguage);
              }
            });
    return new Shown(readerLanguage, originalLanguage, readerLanguage, fields, languages);
  }

  /**
   * Checks the fields typed for a version against what the record's versions carry, and returns
   * them stripped, blank ones left out (the original shows through).
   *
   * @throws InvalidInputException naming the field at fault, in the messages of {@code versions.*}
   */
  static Map<String, String> checked(
      List<Field> spec, String language, String originalLanguage, Map<String, String> typed) {
    if (!LanguageNames.isLanguage(language)) {
      throw new InvalidInputException("versions.error.language", "language");
    }
    if (language.equals(originalLanguage)) {
      throw new InvalidInputException("versions.error.original-language", "language");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Field field : spec) {
      String text = typed.get(field.name());
      text = text == null ? "" : text.strip();
      if (text.isEmpty() && field.required()) {
        throw new InvalidInputException("versions.error.required", field.name());
      }
      if (text.length() > field.maxLength()) {
        throw new InvalidInputException("versions.error.too-long", field.name(), field.maxLength());
      }
      if (!text.isEmpty()) {
        fields.put(field.name(), text);
      }
    }
    return fields;
  }

  /**
   * A text field that versions of a record carry.
   *
   * @param name the key in the version's fields and the form's parameter name
   * @param labelKey the message key of its label
   * @param multiline a paragraph rather than a line
   * @param required a version must have it (the title...)
   * @param maxLength the longest text accepted
   */
  record Field(String name, String labelKey, boolean multiline, boolean required, int maxLength) {}

  /** One language's version of a record. */
  record Version(String language, Map<String, String> fields, long version, Instant updatedAt) {

    public Version {
      fields = Map.copyOf(fields);
    }

    /** The text of a field, or an empty string. */
    public String field(String name) {
      return fields.getOrDefault(name, "");
    }
  }

  /**
   * The texts a reader is shown and in which language.
   *
   * @param language the language of the texts shown
   * @param originalLanguage the language the record was written in
   * @param readerLanguage the language of the page
   * @param fieldLanguages the language of each field shown, where it is not {@code language}
   */
  record Shown(
      String language,
      String originalLanguage,
      String readerLanguage,
      Map<String, String> fields,
      Map<String, String> fieldLanguages) {

    public Shown {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      fieldLanguages = Map.copyOf(fieldLanguages);
    }

    /** The text of a field as shown, or null. */
    public String text(String name) {
      return fields.get(name);
    }

    /**
     * The language of a field as shown: the version's, or the original's where the version left the
     * field blank.
     */
    public String languageOf(String name) {
      return fieldLanguages.getOrDefault(name, language);
    }

    /** True when the reader sees the original, written in another language than theirs. */
    public boolean originalInAnotherLanguage() {
      return language.equals(originalLanguage) && !language.equals(readerLanguage);
    }

    /** True when the reader sees a translation of the original into their language. */
    public boolean translated() {
      return !language.equals(originalLanguage);
    }
  }

  /** A version changed since it was read, or was written by someone else meanwhile. */
  class StaleVersion extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StaleVersion(String subject, UUID id, String language) {
      super("version of " + subject + " " + id + " in " + language + " changed since it was read");
    }
  }
}
