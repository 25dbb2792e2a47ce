package org.coopera.funds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The fund report's PDF in Arabic, Chinese, Russian and English, read back with PDFBox: its
 * headings are what the message bundles say in that language, donors and projects are as typed,
 * Arabic is drawn joined, no character lacks a glyph, and the file stays small.
 */
class FundReportLanguagesTest {

  private static final ResourceBundleMessageSource MESSAGES = messages();

  private final FundReport report = new FundReport(null, MESSAGES);

  @BeforeAll
  static void strictGlyphs() {
    System.setProperty("coopera.pdf.strict-glyphs", "true");
  }

  private static String project(String language) {
    return switch (language) {
      case "ar" -> "تدريب القضاة على حقوق الإنسان";
      case "zh" -> "人权法官培训";
      case "ru" -> "Обучение судей правам человека";
      default -> "Training judges in human rights";
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "ru", "en"})
  void thePdfSpeaksTheReadersLanguage(String tag) throws IOException {
    Locale language = Locale.forLanguageTag(tag);
    List<FundReport.Section> sections =
        List.of(
            new FundReport.Section(
                text("funds.report.income", language),
                List.of(new FundReport.Line("NOR", new BigDecimal("915000.00"))),
                true),
            new FundReport.Section(
                text("funds.report.allocations", language),
                List.of(
                    new FundReport.Line(
                        "PRY · " + project(tag) + " (ICCPR)", new BigDecimal("500000.00"))),
                true),
            new FundReport.Section(
                text("funds.report.balance", language),
                List.of(
                    new FundReport.Line(
                        text("funds.report.available", language), new BigDecimal("415000.00"))),
                false));

    byte[] file = report.pdf("UNVFVT", sections, language);
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/report-samples"));
    java.nio.file.Files.write(
        java.nio.file.Path.of(
            "target/report-samples/%s-%s.%s".formatted("fund-report", tag, "pdf")),
        file);
    System.out.printf("fund report PDF in %s: %,d bytes%n", tag, file.length);

    try (PDDocument pdf = Loader.loadPDF(file)) {
      String raw = new PDFTextStripper().getText(pdf);
      String text = compact(raw);
      assertThat(text)
          .contains(
              compact(MESSAGES.getMessage("funds.report.title", new Object[] {"UNVFVT"}, language)),
              compact(text("funds.report.income", language)),
              compact(text("funds.report.allocations", language)),
              compact(text("funds.report.balance", language)),
              compact(text("funds.report.total", language)),
              compact(project(tag)),
              "NOR",
              "ICCPR");
      // a label with a parenthesis: the extracted order of its parts follows the drawing, not the
      // reading, in right-to-left lines, so each part is looked for
      for (String part : text("funds.report.available", language).split("[\\s()]+")) {
        assertThat(text).as("part of the available line").contains(compact(part));
      }
      if (tag.equals("ar")) {
        assertThat(raw).as("Western Arabic digits").doesNotContain("\u0661");
        assertThat(
                drawnCharacters(pdf).codePoints().filter(c -> c >= 0xFB50 && c <= 0xFEFF).count())
            .as("Arabic letters drawn in their joined forms")
            .isGreaterThan(10);
      }
      if (tag.equals("en")) {
        assertThat(raw).contains("NOR: USD 915,000.00", "Total: USD 500,000.00");
      }
    }
    assertThat(file.length).isLessThan(500_000);
  }

  private static String text(String key, Locale language) {
    return MESSAGES.getMessage(key, null, language);
  }

  /** The characters as drawn, glyph by glyph, before the extraction normalises them. */
  private static String drawnCharacters(PDDocument pdf) throws IOException {
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

  private static String compact(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u00a0\\u202f]+", "");
  }

  private static ResourceBundleMessageSource messages() {
    Properties application = new Properties();
    try (InputStream in =
        FundReportLanguagesTest.class.getResourceAsStream("/application.properties")) {
      application.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(application.getProperty("spring.messages.basename").split(","));
    messages.setDefaultEncoding(application.getProperty("spring.messages.encoding", "UTF-8"));
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
