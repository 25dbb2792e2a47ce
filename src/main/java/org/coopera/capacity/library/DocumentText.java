package org.coopera.capacity.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.OoxmlLimits;

/**
 * The text of a library file, PDF or Word (DOCX), read so that it can be searched. A file that
 * cannot be read, or an encrypted PDF, is refused: what cannot be searched has no place in the
 * library. A Word document is read within {@link OoxmlLimits} and without any document type
 * declaration (POI refuses one, so no XML entity is resolved or expanded). (Files with active
 * content, such as a PDF with JavaScript or a Word document with macros, are refused before, when
 * {@code StoredFiles} keeps them.)
 */
final class DocumentText {

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The most text kept per file (characters), which is far more than a manual holds. */
  static final int MAX_TEXT = 5_000_000;

  /** The extracted text and the number of pages (null for Word, which has none fixed). */
  record Extracted(String text, Integer pages) {}

  private DocumentText() {}

  /** The file's text; refused when it is neither PDF nor DOCX, or unreadable. */
  static Extracted of(String mediaType, byte[] content) {
    if (PDF.equals(mediaType)) {
      return pdf(content);
    }
    if (DOCX.equals(mediaType)) {
      return docx(content);
    }
    throw new InvalidInputException("library.error.type", "file");
  }

  private static Extracted pdf(byte[] content) {
    try (PDDocument document = Loader.loadPDF(content)) {
      if (document.isEncrypted()) {
        throw new InvalidInputException("library.error.encrypted", "file");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      return new Extracted(limit(stripper.getText(document)), document.getNumberOfPages());
    } catch (IOException | StackOverflowError e) {
      throw new InvalidInputException("library.error.unreadable", "file");
    }
  }

  private static Extracted docx(byte[] content) {
    OoxmlLimits.apply();
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
        XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
      return new Extracted(limit(extractor.getText()), null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException refusal) {
        throw refusal;
      }
      throw new InvalidInputException("library.error.unreadable", "file");
    }
  }

  private static String limit(String text) {
    String clean = text.replace('\u0000', ' ').strip();
    return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
  }
}
