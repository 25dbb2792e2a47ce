package org.coopera.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

  private static final String TEXT = "To,Text\r\"Côte d’Ivoire\",État\r";

  @Test
  void validUtf8IsUtf8AndItsByteOrderMarkIsDropped() {
    TextDecoding.Decoded plain = TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8));
    TextDecoding.Decoded marked =
        TextDecoding.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8));

    assertThat(plain.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(plain.text()).isEqualTo(TEXT);
    assertThat(marked.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(marked.text()).isEqualTo(TEXT);
  }

  @Test
  void notUtf8WithBareCarriageReturnsIsMacRoman() {
    TextDecoding.Decoded decoded =
        TextDecoding.decode(TEXT.getBytes(Charset.forName("x-MacRoman")));

    assertThat(decoded.charset().name()).isEqualTo("x-MacRoman");
    assertThat(decoded.text()).isEqualTo(TEXT);
  }

  @Test
  void notUtf8WithLineFeedsIsWindows1252() {
    String text = TEXT.replace("\r", "\r\n");
    TextDecoding.Decoded decoded =
        TextDecoding.decode(text.getBytes(Charset.forName("windows-1252")));

    assertThat(decoded.charset().name()).isEqualTo("windows-1252");
    assertThat(decoded.text()).isEqualTo(text);
  }

  @Test
  void aUtf16ByteOrderMarkIsUtf16() {
    TextDecoding.Decoded decoded =
        TextDecoding.decode(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE));

    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(decoded.text()).isEqualTo(TEXT);
  }

  @Test
  void theUprInfoFixtureIsMacRoman() {
    TextDecoding.Decoded decoded =
        TextDecoding.decode(ImportFixtures.fixture("upr-info-defects.csv"));

    assertThat(decoded.charset().name()).isEqualTo("x-MacRoman");
    assertThat(decoded.text()).contains("State’s first report to the Comité");
  }
}
