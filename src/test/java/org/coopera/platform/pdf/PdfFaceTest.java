package org.coopera.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lines of mixed scripts measured, wrapped, drawn and read back. */
class PdfFaceTest {

  private static final String MIXED = "中国批准了ICCPR، وصادقت مصر على العهد. Россия тоже.";

  @AfterEach
  void strictAgain() {
    System.setProperty("coopera.pdf.strict-glyphs", "true");
  }

  @Test
  void aLineMixingChineseLatinArabicAndCyrillicKeepsEveryCharacter() throws IOException {
    for (Locale language : List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"))) {
      String text = extracted(language, List.of(MIXED), false);
      assertThat(compact(text)).contains("中国批准了ICCPR", "وصادقتمصرعلىالعهد", "Россиятоже");
    }
  }

  @Test
  void boldChineseIsDrawnWithTheRegularFontMadeThicker() throws IOException {
    assertThat(compact(extracted(Locale.CHINESE, List.of("执行情况摘要"), true))).contains("执行情况摘要");
  }

  @Test
  void chineseWrapsBetweenCharactersWithinTheWidth() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PdfFace face = PdfFonts.of(document, Locale.CHINESE).regular();
      String text = "国家人权机构应当根据巴黎原则获得充分的资源和独立性，以便有效履行其任务。".repeat(3);
      List<String> lines = face.wrap(text, 10, 120);
      assertThat(lines).hasSizeGreaterThan(3);
      assertThat(lines).allMatch(line -> face.width(line, 10) <= 120);
      assertThat(String.join("", lines)).isEqualTo(text);
    }
  }

  @Test
  void aCharacterNoFontHasFailsInTestsAndIsAQuestionMarkOtherwise() throws IOException {
    String privateUse = "Code \uE000 here";
    assertThatThrownBy(() -> extracted(Locale.ENGLISH, List.of(privateUse), false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("U+E000");

    System.setProperty("coopera.pdf.strict-glyphs", "false");
    assertThat(extracted(Locale.ENGLISH, List.of(privateUse), false)).contains("Code ? here");
  }

  @Test
  void rightToLeftLinesStartAtTheRight() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.of(document, Locale.forLanguageTag("ar"));
      try (PdfFlow flow = new PdfFlow(document, fonts)) {
        assertThat(fonts.rightToLeft()).isTrue();
        assertThat(flow.at(0, 100)).isEqualTo(flow.left() + flow.width() - 100);
      }
    }
  }

  private static String extracted(Locale language, List<String> lines, boolean bold)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      PdfFonts fonts = PdfFonts.of(document, language);
      try (PdfFlow flow = new PdfFlow(document, fonts)) {
        flow.newPage();
        PdfFace face = bold ? fonts.bold() : fonts.regular();
        for (String line : lines) {
          flow.lines(
              face,
              12,
              16,
              flow.left(),
              flow.width(),
              face.wrap(line, 12, flow.width()),
              PdfFace.Align.START,
              Color.BLACK);
        }
      }
      document.save(out);
    }
    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  private static String compact(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
  }
}
