package org.coopera.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reader is shown of a record with versions, and how a typed version is checked. */
class ContentVersionsTest {

  private static final Map<String, String> ORIGINAL = texts("Title", "What was done");
  private static final Map<String, ContentVersions.Version> VERSIONS =
      Map.of("ar", new ContentVersions.Version("ar", Map.of("title", "عنوان"), 0, Instant.EPOCH));

  @Test
  void aReaderSeesTheirVersionWithTheOriginalWhereItIsBlank() {
    ContentVersions.Shown shown = ContentVersions.shown("ar", "en", ORIGINAL, VERSIONS);
    assertThat(shown.text("title")).isEqualTo("عنوان");
    assertThat(shown.languageOf("title")).isEqualTo("ar");
    assertThat(shown.text("whatDone")).isEqualTo("What was done");
    assertThat(shown.languageOf("whatDone")).isEqualTo("en");
    assertThat(shown.translated()).isTrue();
    assertThat(shown.originalInAnotherLanguage()).isFalse();
  }

  @Test
  void withoutAVersionInTheirLanguageAReaderSeesTheOriginalMarked() {
    ContentVersions.Shown shown = ContentVersions.shown("ru", "en", ORIGINAL, VERSIONS);
    assertThat(shown.text("title")).isEqualTo("Title");
    assertThat(shown.languageOf("title")).isEqualTo("en");
    assertThat(shown.translated()).isFalse();
    assertThat(shown.originalInAnotherLanguage()).isTrue();
    ContentVersions.Shown english = ContentVersions.shown("en", "en", ORIGINAL, VERSIONS);
    assertThat(english.originalInAnotherLanguage()).isFalse();
  }

  @Test
  void aTypedVersionIsCheckedFieldByField() {
    List<ContentVersions.Field> spec =
        List.of(
            new ContentVersions.Field("title", "t", false, true, 10),
            new ContentVersions.Field("whatDone", "w", true, false, 100));
    assertThat(ContentVersions.checked(spec, "fr", "en", texts(" Titre ", " ")))
        .containsExactly(Map.entry("title", "Titre"));
    assertThatThrownBy(() -> ContentVersions.checked(spec, "xx", "en", texts("Titre", "")))
        .isInstanceOf(InvalidInputException.class)
        .extracting("field")
        .isEqualTo("language");
    assertThatThrownBy(() -> ContentVersions.checked(spec, "en", "en", texts("Titre", "")))
        .hasMessage("versions.error.original-language");
    assertThatThrownBy(() -> ContentVersions.checked(spec, "fr", "en", texts(" ", "x")))
        .hasMessage("versions.error.required")
        .extracting("field")
        .isEqualTo("title");
    assertThatThrownBy(() -> ContentVersions.checked(spec, "fr", "en", texts("x".repeat(11), "")))
        .hasMessage("versions.error.too-long");
  }

  private static Map<String, String> texts(String title, String whatDone) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("title", title);
    texts.put("whatDone", whatDone);
    return texts;
  }
}
