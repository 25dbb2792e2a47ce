package org.coopera.recommendations.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.coopera.platform.OoxmlLimits;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first worksheet of an XLSX workbook by streaming its XML (POI's SAX reader, which
 * refuses document type declarations, so no external entity is ever resolved), with {@link
 * OoxmlLimits} applied first. Numbers and dates come out as {@link CellText} writes them; formulas
 * give their cached result.
 */
final class XlsxReader {

  private XlsxReader() {}

  static Table read(byte[] content) throws IOException, OpenXML4JException, SAXException {
    OoxmlLimits.apply();
    OPCPackage pack = OPCPackage.open(new ByteArrayInputStream(content));
    try {
      XSSFReader reader = new XSSFReader(pack);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pack, false);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      Collector collector = new Collector();
      if (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(styles, strings, collector, new CellText(), false));
          xml.parse(new InputSource(sheet));
        }
      }
      return new Table(collector.rows, List.of());
    } catch (ParserConfigurationException e) {
      throw new IOException(e);
    } finally {
      pack.revert();
    }
  }

  private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final List<Table.Row> rows = new ArrayList<>();
    private List<String> cells = new ArrayList<>();
    private int column;

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      column = 0;
    }

    @Override
    public void endRow(int rowNum) {
      Table.Row row = new Table.Row(rowNum + 1, cells);
      if (!row.isBlank()) {
        rows.add(row);
      }
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
      int at = reference == null ? column : new CellReference(reference).getCol();
      if (at < 0 || at > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
        return;
      }
      while (cells.size() <= at) {
        cells.add(null);
      }
      cells.set(at, value);
      column = at + 1;
    }
  }
}
