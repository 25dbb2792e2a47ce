package org.coopera.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
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

/**
 * Whether a document carries content that runs when it is opened: a PDF naming JavaScript, a launch
 * action, embedded files, rich media or XFA forms (every object of its cross-reference table and
 * the dictionaries and arrays written inside it), or an Office file with a VBA project or ActiveX
 * controls. A PDF that cannot be parsed is not judged here (its type was told from its first bytes;
 * a module that needs its text refuses it then).
 */
final class ActiveContent {

  private static final Set<COSName> ACTIVE_PDF =
      Set.of(
          COSName.JS,
          COSName.JAVA_SCRIPT,
          COSName.getPDFName("Launch"),
          COSName.EMBEDDED_FILES,
          COSName.getPDFName("RichMedia"),
          COSName.getPDFName("XFA"));

  private ActiveContent() {}

  static boolean isActive(String mediaType, byte[] content) {
    if (FileTypes.PDF.equals(mediaType)) {
      return activePdf(content);
    }
    if (FileTypes.DOCX.equals(mediaType)
        || FileTypes.XLSX.equals(mediaType)
        || FileTypes.PPTX.equals(mediaType)) {
      return activeOffice(content);
    }
    return false;
  }

  private static boolean activePdf(byte[] content) {
    try (PDDocument document = Loader.loadPDF(content)) {
      COSDocument cos = document.getDocument();
      if (isActive(cos.getTrailer())) {
        return true;
      }
      for (COSObjectKey key : List.copyOf(cos.getXrefTable().keySet())) {
        COSObject object = cos.getObjectFromPool(key);
        if (object != null && isActive(object.getObject())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    } catch (StackOverflowError e) {
      return true;
    }
  }

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

  private static boolean activeOffice(byte[] content) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith("vbaproject.bin")
            || name.contains("/activex/")
            || name.endsWith("vbadata.xml")) {
          return true;
        }
      }
      return false;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
