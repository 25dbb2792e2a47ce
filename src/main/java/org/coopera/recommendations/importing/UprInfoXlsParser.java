package org.coopera.recommendations.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The legacy UPR Info export as an Excel 97–2003 workbook (BIFF8, written by PHPExcel), headings
 * {@code SuR, Rgrp, Org, Recommendation, RS, Rgrp, Org, Response, Action, Issue, Session}: the
 * first worksheet read by {@link XlsReader}, columns found by heading ({@link UprInfoLayout}).
 * {@code Action} and {@code Session} are numeric cells there and come out as {@code 5}, not {@code
 * 5.0}. Row numbers are the spreadsheet's.
 */
final class UprInfoXlsParser {

  private UprInfoXlsParser() {}

  /**
   * @throws IOException when the bytes are not a readable BIFF8 workbook ({@link ImportFiles} turns
   *     this and POI's runtime exceptions into a {@link FileProblem})
   */
  static ParsedFile parse(String fileName, byte[] content) throws IOException {
    try (POIFSFileSystem fileSystem = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      return parse(fileName, XlsReader.read(fileSystem));
    }
  }

  static ParsedFile parse(String fileName, Table table) {
    return UprInfoLayout.parse(fileName, table, false);
  }
}
