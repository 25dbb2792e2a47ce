package org.coopera.implementation.report;

import java.math.BigInteger;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The paragraph styles of a Word report. A document that POI creates has none, so the title and
 * heading styles are declared here, with Word's own ids and names so that Word treats them as its
 * built-in Title and Heading styles (navigation pane, table of contents).
 */
final class DocxStyles {

  static final String TITLE = "Title";
  static final String SUBTITLE = "Subtitle";

  private DocxStyles() {}

  static String heading(int level) {
    return "Heading" + Math.max(1, Math.min(3, level));
  }

  static void addTo(XWPFDocument document, Locale language) {
    XWPFStyles styles = document.createStyles();
    styles.setSpellingLanguage(language.toLanguageTag());
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
    }
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    run.addNewColor().setVal(outlineLevel < 0 ? "000000" : "1F3864");
    styles.addStyle(new XWPFStyle(style));
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
