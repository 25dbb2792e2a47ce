package org.coopera.implementation.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The fonts that the reports embed, shipped with the application (src/main/resources/fonts, with
 * their licence) so that no writer depends on the fonts of the machine it runs on. DejaVu Sans
 * covers Latin with its accents, Greek and Cyrillic.
 */
final class ReportFonts {

  static final String REGULAR = "/fonts/DejaVuSans.ttf";
  static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  private ReportFonts() {}

  static InputStream open(String path) throws IOException {
    InputStream in = ReportFonts.class.getResourceAsStream(path);
    if (in == null) {
      throw new FileNotFoundException("Font not on the class path: " + path);
    }
    return in;
  }
}
