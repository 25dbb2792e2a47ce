package org.coopera.recommendations.importing;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The limits POI applies while it inflates the parts of an XLSX or DOCX, set before every OOXML
 * read (they are JVM-wide statics of POI, so another library's change cannot loosen them for an
 * import): a part may not inflate to more than {@link #MAX_ENTRY_SIZE} bytes, nor to more than 100
 * times its compressed size (a genuine sheet compresses about 5 to 20 times), and a package may not
 * hold more than {@link #MAX_FILE_COUNT} parts.
 */
final class OoxmlLimits {

  static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
  static final double MIN_INFLATE_RATIO = 0.01;
  static final long MAX_FILE_COUNT = 1_000;

  private OoxmlLimits() {}

  static void apply() {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
  }
}
