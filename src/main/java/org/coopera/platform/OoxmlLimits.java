package org.coopera.platform;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The limits POI applies while it inflates the parts of an XLSX or DOCX, set before every OOXML
 * read anywhere in Coopera (an import, a library document's text): they are JVM-wide statics of
 * POI, so another library's change cannot loosen them for long, and POI's own default of 4 GB per
 * part never applies. A part may not inflate to more than {@link #MAX_ENTRY_SIZE} bytes, nor to
 * more than 100 times its compressed size (a genuine sheet compresses about 5 to 20 times), and a
 * package may not hold more than {@link #MAX_FILE_COUNT} parts. A file over a limit makes POI throw
 * an exception whose message says "Zip bomb" or names the limit; the reader turns it into a
 * refusal.
 */
public final class OoxmlLimits {

  public static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
  public static final double MIN_INFLATE_RATIO = 0.01;
  public static final long MAX_FILE_COUNT = 1_000;

  private OoxmlLimits() {}

  public static void apply() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
  }
}
