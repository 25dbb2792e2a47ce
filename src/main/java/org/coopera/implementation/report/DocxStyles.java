package org.coopera.implementation.report;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.coopera.platform.pdf.PdfFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of a Word report. A document that POI creates has none, so the title and
 * heading styles are declared here, with Word's own ids and names so that Word treats them as its
 * built-in Title and Heading styles (navigation pane, table of contents).
 */
final class DocxStyles {

  static final String TITLE = "Title";
  static final String SUBTITLE = "Subtitle";

  /** The font Word is asked to use for Chinese, the one the PDF embeds. */
  static final String EAST_ASIAN_FONT = "Noto Sans SC";

  /** The font Word is asked to use for Arabic. */
  static final String COMPLEX_FONT = "Noto Sans Arabic";

  private DocxStyles() {}

  static String heading(int level) {
    return "Heading" + Math.max(1, Math.min(3, level));
  }

  static void addTo(XWPFDocument document, Locale language) {
    XWPFStyles styles = document.createStyles();
    defaults(styles, language);
    add(styles, TITLE, "Title", -1, 48, true);
    add(styles, SUBTITLE, "Subtitle", -1, 28, false);
    add(styles, heading(1), "heading 1", 0, 32, true);
    add(styles, heading(2), "heading 2", 1, 26, true);
    add(styles, heading(3), "heading 3", 2, 22, true);
  }

  /**
   * Declares a paragraph style.
   *
   * @param outlineLevel its level in the document outline, or -1 for none
   * @param halfPoints its font size in half-points
   */
  private static void add(
      XWPFStyles styles, String id, String name, int outlineLevel, int halfPoints, boolean bold) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    style.addNewNext().setVal("Normal");
    style.addNewQFormat();
    CTPPrGeneral paragraph = style.addNewPPr();
    paragraph.addNewKeepNext();
    paragraph
        .addNewSpacing()
        .setBefore(BigInteger.valueOf(outlineLevel < 0 ? 240 : 360 - 60L * outlineLevel));
    if (outlineLevel >= 0) {
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
    }
    CTRPr run = style.addNewRPr();
    if (bold) {
      run.addNewB();
      run.addNewBCs(); // bold for right-to-left (complex script) text too
    }
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    run.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
    run.addNewColor().setVal(outlineLevel < 0 ? "000000" : "1F3864");
    styles.addStyle(new XWPFStyle(style));
  }

  /**
   * The document's defaults: its language for the Latin, complex (right-to-left) and East Asian
   * scripts, and fonts for the latter two that have their letters.
   */
  private static void defaults(XWPFStyles styles, Locale language) {
    String tag = language.stripExtensions().toLanguageTag();
    CTStyles ctStyles = CTStyles.Factory.newInstance();
    CTRPr run = ctStyles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
    CTLanguage lang = run.addNewLang();
    lang.setVal(tag);
    lang.setBidi(PdfFonts.rightToLeft(language) ? tag : "ar-SA");
    lang.setEastAsia(eastAsian(language) ? tag : "zh-CN");
    CTFonts fonts = run.addNewRFonts();
    fonts.setEastAsia(EAST_ASIAN_FONT);
    fonts.setCs(COMPLEX_FONT);
    styles.setStyles(ctStyles);
  }

  /** The paragraph runs right to left (w:bidi) in a right-to-left document. */
  static void direction(XWPFParagraph paragraph, boolean rightToLeft) {
    if (rightToLeft) {
      CTP p = paragraph.getCTP();
      CTPPr properties = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
      if (!properties.isSetBidi()) {
        properties.addNewBidi();
      }
    }
  }

  /**
   * Marks a run holding right-to-left letters as such (w:rtl, with its bold and size for complex
   * scripts) and a run holding Chinese characters with the East Asian font hint.
   */
  static void script(XWPFRun run, String text) {
    boolean rightToLeft = false;
    boolean eastAsian = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      byte direction = Character.getDirectionality(c);
      rightToLeft |=
          direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
              || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      eastAsian |=
          script == Character.UnicodeScript.HAN
              || script == Character.UnicodeScript.HIRAGANA
              || script == Character.UnicodeScript.KATAKANA
              || script == Character.UnicodeScript.HANGUL;
    }
    CTRPr properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    if (rightToLeft) {
      properties.addNewRtl();
      if (run.isBold()) {
        properties.addNewBCs();
      }
      if (run.getFontSizeAsDouble() != null) {
        properties
            .addNewSzCs()
            .setVal(BigInteger.valueOf(Math.round(run.getFontSizeAsDouble() * 2)));
      }
    }
    if (eastAsian) {
      CTFonts fonts =
          properties.sizeOfRFontsArray() > 0
              ? properties.getRFontsArray(0)
              : properties.addNewRFonts();
      fonts.setHint(STHint.EAST_ASIA);
      fonts.setEastAsia(EAST_ASIAN_FONT);
    }
  }

  private static boolean eastAsian(Locale language) {
    return List.of("zh", "ja", "ko").contains(language.getLanguage());
  }

  /** The text without the characters that XML 1.0 cannot hold (controls other than tab, LF, CR). */
  static String xmlSafe(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
