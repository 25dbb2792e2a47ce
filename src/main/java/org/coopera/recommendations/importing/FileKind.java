package org.coopera.recommendations.importing;

/**
 * What a file's bytes are, whatever its name says: told by the signature at its start, or, for a
 * file with none, by whether its first bytes read as text.
 */
enum FileKind {
  /** {@code %PDF-} within the first kilobyte, where PDF readers look for it. */
  PDF,
  /**
   * An OLE2 compound file: an Excel 97–2003 workbook, a Word 97–2003 document, an encrypted OOXML.
   */
  OLE2,
  /** A ZIP container: XLSX, DOCX, OpenDocument or any other archive. */
  ZIP,
  /** Text: UTF-16 with a byte-order mark, or bytes without NUL and with few control characters. */
  TEXT,
  /** Anything else: images, archives, executables. */
  BINARY;

  private static final int SAMPLE = 8192;
  private static final int PDF_SEARCH = 1024;

  static FileKind of(byte[] bytes) {
    if (TextDecoding.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return OLE2;
    }
    if (TextDecoding.startsWith(bytes, 'P', 'K', 3, 4)
        || TextDecoding.startsWith(bytes, 'P', 'K', 5, 6)
        || TextDecoding.startsWith(bytes, 'P', 'K', 7, 8)) {
      return ZIP;
    }
    if (isPdf(bytes)) {
      return PDF;
    }
    if (TextDecoding.startsWith(bytes, 0xFF, 0xFE) || TextDecoding.startsWith(bytes, 0xFE, 0xFF)) {
      return TEXT;
    }
    int controls = 0;
    int sample = Math.min(bytes.length, SAMPLE);
    for (int i = 0; i < sample; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return BINARY;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A) {
        controls++;
      }
    }
    return controls * 50 > sample ? BINARY : TEXT;
  }

  private static boolean isPdf(byte[] bytes) {
    int end = Math.min(bytes.length, PDF_SEARCH) - 5;
    for (int i = 0; i <= end; i++) {
      if (bytes[i] == '%'
          && bytes[i + 1] == 'P'
          && bytes[i + 2] == 'D'
          && bytes[i + 3] == 'F'
          && bytes[i + 4] == '-') {
        return true;
      }
    }
    return false;
  }
}
