package org.coopera.platform;

import java.util.List;
import java.util.Map;

/**
 * What the shared fragments of {@code layout/versions.html} need to show a record's texts in the
 * reader's language and its versions in other languages, with the forms to write them.
 *
 * @param path the record's page ({@code /practices/…}); versions are posted to {@code
 *     path/versions} and removed at {@code path/versions/{language}/remove}
 * @param shown the texts shown on the page and their language
 * @param versions the versions in other languages than the original, by language
 * @param fields what a version carries
 * @param editable whether the reader may write versions
 * @param typedLanguage the language of the version form refused, or null
 * @param typed what was typed in the refused form, kept so nothing is lost
 * @param error why the form was refused (a field's message), or null
 * @param refusal the message key when the version changed meanwhile, or null
 */
public record VersionsView(
    String path,
    ContentVersions.Shown shown,
    Map<String, ContentVersions.Version> versions,
    List<ContentVersions.Field> fields,
    boolean editable,
    String typedLanguage,
    Map<String, String> typed,
    InvalidInputException error,
    String refusal) {

  /** The message key of a version refused because it changed since it was read. */
  public static final String STALE = "versions.error.stale";

  /** The view of a record read normally. */
  public static VersionsView of(
      String path,
      ContentVersions.Shown shown,
      Map<String, ContentVersions.Version> versions,
      List<ContentVersions.Field> fields,
      boolean editable) {
    return new VersionsView(path, shown, versions, fields, editable, null, Map.of(), null, null);
  }

  /** The same view with a refused version form, showing what was typed and why it was refused. */
  public VersionsView refused(VersionForms.Refused refused) {
    return new VersionsView(
        path,
        shown,
        versions,
        fields,
        editable,
        refused.language(),
        Map.copyOf(refused.typed()),
        refused.error(),
        refused.refusal());
  }

  /** True when this version form was the one refused. */
  public boolean refusedFor(String language) {
    return typedLanguage != null && typedLanguage.equals(language);
  }

  /** The value to show in a field of the form of a language: what was typed, else what is kept. */
  public String value(String language, String field) {
    if (refusedFor(language)) {
      return typed.getOrDefault(field, "");
    }
    ContentVersions.Version version = versions.get(language);
    return version == null ? "" : version.field(field);
  }

  /** True when the refused form's error concerns this field of this language's form. */
  public boolean errorOn(String language, String field) {
    return refusedFor(language) && error != null && field.equals(error.field());
  }

  /** The language a reader asked to read with {@code ?text=}, or the page's. */
  public static String wanted(String text, String pageLanguage) {
    return LanguageNames.isLanguage(text) ? text : pageLanguage;
  }
}
