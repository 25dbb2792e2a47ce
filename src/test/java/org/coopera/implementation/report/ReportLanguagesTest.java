package org.coopera.implementation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.coopera.implementation.ImplementationStatus;
import org.coopera.implementation.report.ReportContent.Action;
import org.coopera.implementation.report.ReportContent.Entry;
import org.coopera.implementation.report.ReportContent.Recommendation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.springframework.context.MessageSource;

/**
 * The implementation report in Arabic, Chinese, Russian and English, read back as a reader's
 * software reads it: PDFBox's text extraction and POI's. Headings are compared with what the
 * message bundles say in that language (whether translated yet or still in English), the State's
 * own texts with what it typed; the Arabic PDF carries joined (presentation form) letters, no font
 * lacks a glyph (the renderer fails on one in tests), and the embedded font subsets keep the files
 * small.
 */
class ReportLanguagesTest {

  private static final MessageSource MESSAGES = ReportWriterTest.messages();

  private final ReportWriter writer = new ReportWriter(MESSAGES);

  @BeforeAll
  static void strictGlyphs() {
    System.setProperty("coopera.pdf.strict-glyphs", "true");
  }

  /** A State's texts as it would type them in each language, a treaty's acronym in Latin. */
  static String stateName(String language) {
    return switch (language) {
      case "ar" -> "جمهورية أتلانتس";
      case "zh" -> "亚特兰蒂斯共和国";
      case "ru" -> "Республика Атлантида";
      default -> "Republic of Atlantis";
    };
  }

  static String recommendation(String language) {
    return switch (language) {
      case "ar" ->
          "التصديق على العهد الدولي الخاص بالحقوق المدنية والسياسية (ICCPR) وإلغاء عقوبة الإعدام";
      case "zh" -> "批准《公民权利和政治权利国际公约》（ICCPR），并废除死刑。";
      case "ru" -> "Ратифицировать Международный пакт о гражданских и политических правах (МПГПП).";
      default -> "Ratify the International Covenant on Civil and Political Rights (ICCPR).";
    };
  }

  static String action(String language) {
    return switch (language) {
      case "ar" -> "إعداد مشروع قانون التصديق";
      case "zh" -> "起草批准法案";
      case "ru" -> "Подготовить законопроект о ратификации";
      default -> "Draft the ratification bill";
    };
  }

  static ReportContent report(Locale language) {
    String tag = language.getLanguage();
    Entry entry =
        new Entry(
            "155.1",
            List.of(new Recommendation("155.1", recommendation(tag))),
            "recommendations.response.supported",
            List.of(action(tag)),
            "ICCPR",
            List.of(),
            LocalDate.of(2026, 12, 31),
            ImplementationStatus.PARTIALLY_IMPLEMENTED,
            List.of(
                new Action(
                    action(tag),
                    stateName(tag),
                    LocalDate.of(2026, 6, 30),
                    new BigDecimal("1500000"),
                    "USD",
                    ImplementationStatus.IN_PROGRESS,
                    List.of(recommendation(tag)))),
            List.of());
    return new ReportContent(
        "ATL",
        stateName(tag),
        ReportContent.Kind.UPR_MID_TERM,
        null,
        language,
        LocalDate.of(2025, 11, 20),
        List.of(entry));
  }

  private static List<String> headings(Locale language) {
    ReportLabels labels = new ReportLabels(MESSAGES, language);
    return List.of(
        labels.text("report.title.upr-mid-term"),
        labels.text("report.summary"),
        labels.text("report.summary.by-status"),
        labels.text("report.entries"),
        labels.status(ImplementationStatus.PARTIALLY_IMPLEMENTED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "ar-u-nu-arab", "zh", "ru", "en"})
  void thePdfSpeaksTheLanguageAndDrawsEveryCharacter(String tag) throws IOException {
    Locale language = Locale.forLanguageTag(tag);
    byte[] file = writer.pdf(report(language));
    String code = language.getLanguage();
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
    java.nio.file.Files.write(
        java.nio.file.Path.of(
            "target/report-samples/%s-%s.%s".formatted("implementation-report", tag, "pdf")),
        file);
    System.out.printf("implementation report PDF in %s: %,d bytes%n", tag, file.length);

    try (PDDocument pdf = Loader.loadPDF(file)) {
      String raw = new PDFTextStripper().getText(pdf);
      String text = compact(raw);
      assertThat(raw).as("no Arabic mark standing apart").doesNotContainPattern(ARABIC_MARKS);
      for (String heading : headings(language)) {
        assertThat(text).as("heading %s", heading).contains(compact(heading));
      }
      assertThat(text)
          .contains(compact(stateName(code)), compact(recommendation(code)), compact(action(code)));
      assertThat(text).contains("ICCPR");
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo(language.getLanguage());
      if (tag.equals("ar")) {
        assertThat(text)
            .as("Arabic numbers in Western Arabic digits, as in the interface")
            .contains("1,500,000")
            .doesNotContain("١");
      }
      if (tag.equals("ar-u-nu-arab")) {
        assertThat(text).as("the Arabic-Indic digits asked for").contains("١٬٥٠٠٬٠٠٠");
      }
      if (code.equals("ar")) {
        assertThat(
                drawnCharacters(pdf)
                    .codePoints()
                    .filter(ReportLanguagesTest::presentationForm)
                    .count())
            .as("Arabic letters drawn in their joined forms")
            .isGreaterThan(20);
      }
    }
    assertThat(file.length).as("font subsets keep the file small").isLessThan(1_000_000);
  }

  @Test
  void aChineseReportOfThousandsOfDistinctCharactersStaysUnderAMegabyte() throws IOException {
    StringBuilder characters = new StringBuilder();
    for (int c = 0x4E00; c < 0x4E00 + 3000; c++) {
      characters.appendCodePoint(c);
    }
    ReportContent small = report(Locale.CHINESE);
    Entry many =
        new Entry(
            "155.2",
            List.of(new Recommendation("155.2", characters.toString())),
            "recommendations.response.supported",
            List.of(),
            null,
            List.of(),
            null,
            ImplementationStatus.NOT_STARTED,
            List.of(),
            List.of());
    byte[] file =
        writer.pdf(
            new ReportContent(
                small.stateIso3(),
                small.stateName(),
                small.kind(),
                null,
                small.language(),
                small.preparedOn(),
                List.of(small.entries().get(0), many)));
    System.out.printf(
        "implementation report PDF in zh with 3,000 distinct characters: %,d bytes%n", file.length);
    try (PDDocument pdf = Loader.loadPDF(file)) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(characters.codePoints().filter(c -> text.indexOf(c) < 0).boxed().toList())
          .as(
              "characters missing from the text read back (one the font draws with another's"
                  + " glyph, U+58FF, is read back as that other character)")
          .hasSizeLessThanOrEqualTo(2);
    }
    assertThat(file.length).isLessThan(1_000_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "ru", "en"})
  void theDocxSpeaksTheLanguageAndDeclaresIt(String tag) throws IOException {
    Locale language = Locale.forLanguageTag(tag);
    byte[] file = writer.docx(report(language));
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
    java.nio.file.Files.write(
        java.nio.file.Path.of(
            "target/report-samples/%s-%s.%s".formatted("implementation-report", tag, "docx")),
        file);
    System.out.printf("implementation report DOCX in %s: %,d bytes%n", tag, file.length);
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file))) {
      String text;
      try (XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
        extractor.setCloseFilesystem(false);
        text = extractor.getText();
      }
      for (String heading : headings(language)) {
        assertThat(text).contains(heading);
      }
      assertThat(text).contains(stateName(tag), recommendation(tag), action(tag));

      String styles;
      try (InputStream in = docx.getStyles().getPackagePart().getInputStream()) {
        styles = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String declared = styles.substring(styles.indexOf("<w:docDefaults"));
      declared = declared.substring(0, declared.indexOf("</w:docDefaults>"));
      assertThat(declared).contains("w:val=\"" + tag + "\"");
      boolean rightToLeft = tag.equals("ar");
      if (rightToLeft) {
        assertThat(declared).contains("w:bidi=\"ar\"");
      }
      if (tag.equals("zh")) {
        assertThat(declared).contains("w:eastAsia=\"zh\"");
      }
      for (XWPFParagraph paragraph : docx.getParagraphs()) {
        boolean bidi = paragraph.getCTP().isSetPPr() && paragraph.getCTP().getPPr().isSetBidi();
        if (!paragraph.getText().isBlank()) {
          assertThat(bidi).as("right to left: %s", paragraph.getText()).isEqualTo(rightToLeft);
        }
        for (XWPFRun run : paragraph.getRuns()) {
          String runText = run.text();
          boolean arabic =
              runText
                  .codePoints()
                  .anyMatch(
                      c ->
                          Character.getDirectionality(c)
                              == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC);
          boolean han =
              runText
                  .codePoints()
                  .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
          boolean rtlRun = run.getCTR().isSetRPr() && run.getCTR().getRPr().sizeOfRtlArray() > 0;
          assertThat(rtlRun).as("run %s", runText).isEqualTo(arabic);
          if (han) {
            assertThat(run.getCTR().getRPr().getRFontsArray(0).getHint())
                .isEqualTo(STHint.EAST_ASIA);
          }
        }
      }
      if (rightToLeft) {
        assertThat(docx.getTables())
            .isNotEmpty()
            .allMatch(t -> t.getCTTbl().getTblPr().isSetBidiVisual());
      }
    }
  }

  /** Arabic presentation forms A and B: letters in their initial, medial, final, isolated forms. */
  private static boolean presentationForm(int c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
  }

  /**
   * The text without spaces or line breaks, its presentation forms back to letters (the extraction
   * may keep them), non-breaking spaces dropped with the rest.
   */
  static String drawnCharacters(PDDocument pdf) throws IOException {
    StringBuilder drawn = new StringBuilder();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            positions.forEach(p -> drawn.append(p.getUnicode()));
          }
        };
    stripper.getText(pdf);
    return drawn.toString();
  }

  /** Arabic vowel and other marks, as PdfFace leaves them out. */
  static final String ARABIC_MARKS =
      "[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\uFE70-\\uFE7F\\u0640]";

  /**
   * The text without spaces, in compatibility form, and without Arabic vowel marks (which reports
   * leave out: PDFBox cannot place them over their letters).
   */
  static String compact(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .replaceAll("[\\s\\u00a0\\u202f]+", "")
        .replaceAll(ARABIC_MARKS, "");
  }
}
