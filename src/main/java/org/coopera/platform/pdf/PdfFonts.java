package org.coopera.platform.pdf;

import com.ibm.icu.util.ULocale;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The fonts of one PDF document in one language: a regular and a bold {@link PdfFace}, each a chain
 * of fonts tried by script, and whether the language is written right to left. The font files are
 * shipped with the application (src/main/resources/fonts, with their licences and SOURCE.md), so no
 * report depends on the fonts of the machine it is written on.
 *
 * <p>A character that no font can draw becomes a question mark and is logged; with the system
 * property {@code coopera.pdf.strict-glyphs} set to true (as the tests run) it fails the document.
 */
public final class PdfFonts {

  /** DejaVu Sans: Latin with its accents, Greek, Cyrillic. */
  public static final String LATIN = "/fonts/DejaVuSans.ttf";

  public static final String LATIN_BOLD = "/fonts/DejaVuSans-Bold.ttf";

  /** Noto Sans Arabic. */
  public static final String ARABIC = "/fonts/NotoSansArabic-Regular.ttf";

  public static final String ARABIC_BOLD = "/fonts/NotoSansArabic-Bold.ttf";

  /** Noto Sans SC, the Chinese ideographs and punctuation; regular only, bold is simulated. */
  public static final String CJK = "/fonts/NotoSansSC-Regular.ttf";

  /** The font files in the order tried for text of no particular script. */
  public static final List<String> FILES = List.of(LATIN, ARABIC, CJK);

  private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

  private final Locale language;
  private final boolean rightToLeft;
  private final PdfFace regular;
  private final PdfFace bold;

  private PdfFonts(PDDocument document, Locale language) {
    this.language = language;
    this.rightToLeft = rightToLeft(language);
    this.regular =
        new PdfFace(
            this,
            new ScriptFont(document, LATIN, false),
            new ScriptFont(document, ARABIC, false),
            new ScriptFont(document, CJK, false));
    this.bold =
        new PdfFace(
            this,
            new ScriptFont(document, LATIN_BOLD, false),
            new ScriptFont(document, ARABIC_BOLD, false),
            new ScriptFont(document, CJK, true));
  }

  /** The fonts for text in {@code language} in this document; each is embedded when first used. */
  public static PdfFonts of(PDDocument document, Locale language) {
    return new PdfFonts(document, language);
  }

  /** Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu...). */
  public static boolean rightToLeft(Locale language) {
    return language != null && ULocale.forLocale(language).isRightToLeft();
  }

  public PdfFace regular() {
    return regular;
  }

  public PdfFace bold() {
    return bold;
  }

  public Locale language() {
    return language;
  }

  public boolean rightToLeft() {
    return rightToLeft;
  }

  /** A font file shipped with the application, for drawing outside PDF (charts). */
  public static InputStream open(String path) throws IOException {
    InputStream in = PdfFonts.class.getResourceAsStream(path);
    if (in == null) {
      throw new FileNotFoundException("Font not on the class path: " + path);
    }
    return in;
  }

  static byte[] bytes(String path) {
    return LOADED.computeIfAbsent(
        path,
        p -> {
          try (InputStream in = open(p)) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static boolean strict() {
    return Boolean.getBoolean("coopera.pdf.strict-glyphs");
  }
}
