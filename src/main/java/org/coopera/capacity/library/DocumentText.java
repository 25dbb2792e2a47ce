package org.coopera.capacity.library;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.coopera.platform.InvalidInputException;

/**
 * The text of a library file, PDF or Word (DOCX), read so that it can be searched; and the refusal
 * of a file that carries active content: a PDF with JavaScript, launch actions or embedded files, a
 * Word document with macros or ActiveX controls. A file that cannot be read is refused too: what
 * cannot be searched has no place in the library.
 */
final class DocumentText {

  static final String PDF = "application/pdf";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The most text kept per file (characters), which is far more than a manual holds. */
  static final int MAX_TEXT = 5_000_000;

  private static final Set<COSName> ACTIVE_PDF =
      Set.of(
          COSName.JS,
          COSName.JAVA_SCRIPT,
          COSName.getPDFName("Launch"),
          COSName.EMBEDDED_FILES,
          COSName.getPDFName("RichMedia"),
          COSName.getPDFName("XFA"));

  /** The extracted text and the number of pages (null for Word, which has none fixed). */
  record Extracted(String text, Integer pages) {}

  private DocumentText() {}

  /** The file's text; refused when it is neither PDF nor DOCX, unreadable or active. */
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
      COSDocument cos = document.getDocument();
      boolean active = isActive(cos.getTrailer());
      for (COSObjectKey key : List.copyOf(cos.getXrefTable().keySet())) {
        COSObject object = cos.getObjectFromPool(key);
        active = active || isActive(object == null ? null : object.getObject());
      }
      if (active) {
        throw new InvalidInputException("library.error.active-pdf", "file");
      }
      PDFTextStripper stripper = new PDFTextStripper();
      return new Extracted(limit(stripper.getText(document)), document.getNumberOfPages());
    } catch (IOException | StackOverflowError e) {
      throw new InvalidInputException("library.error.unreadable", "file");
    }
  }

  /**
   * Whether a PDF object names active content: a key such as {@code /JS} or {@code /EmbeddedFiles},
   * or an action of type {@code /JavaScript} or {@code /Launch}, in it or in the dictionaries and
   * arrays written inside it (objects it refers to are looked at on their own).
   */
  private static boolean isActive(COSBase value) {
    if (value instanceof COSDictionary dictionary) {
      for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
        if (ACTIVE_PDF.contains(entry.getKey())
            || entry.getKey().equals(COSName.S)
                && entry.getValue() instanceof COSName name
                && ACTIVE_PDF.contains(name)
            || isActive(entry.getValue())) {
          return true;
        }
      }
    } else if (value instanceof COSArray array) {
      for (COSBase element : array) {
        if (isActive(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Extracted docx(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith("vbaproject.bin")
            || name.startsWith("word/activex/")
            || name.endsWith(".bin") && name.contains("vba")) {
          throw new InvalidInputException("library.error.active-docx", "file");
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("library.error.unreadable", "file");
    }
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
