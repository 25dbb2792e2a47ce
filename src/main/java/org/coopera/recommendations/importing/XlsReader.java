package org.coopera.recommendations.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;

/**
 * Reads the first worksheet of a BIFF8 workbook (Excel 97–2003 {@code .xls}) with POI's event API:
 * record by record, keeping only cell values, so memory stays proportional to the text and a record
 * that the full workbook model would reject (PHPExcel writes some) does not stop the read unless it
 * holds cells. Numbers come out as {@link CellText} writes them; formulas give their cached result.
 *
 * <p>The UPR Info export was written by PHPExcel, and not as Excel writes BIFF8: its worksheet has
 * no ROW records and no INDEX or DBCELL records (only the cell records), and its shared-string
 * table has no EXTSST after it. A reader that goes by the row index finds no rows or rejects the
 * file; POI 5.5.1 reads it with {@code HSSFWorkbook} as well, and this reader, which takes cells as
 * they come, does not need what is missing. It is chosen for memory (the whole-workbook model of a
 * 50 MB file needs many times that), not as a workaround.
 */
final class XlsReader {

  private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(r -> {});
  private final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();
  private SSTRecord strings;
  private int worksheets;
  private int depth;
  private CellValueRecordInterface pendingFormula;

  private XlsReader() {}

  /**
   * @throws IOException when the file system holds no workbook, the records are unreadable or none
   *     starts a worksheet
   * @throws org.apache.poi.hssf.OldExcelFormatException for an Excel 5.0/95 workbook
   * @throws org.apache.poi.EncryptedDocumentException for a workbook with a password
   */
  static Table read(POIFSFileSystem fileSystem) throws IOException {
    XlsReader reader = new XlsReader();
    HSSFRequest request = new HSSFRequest();
    request.addListenerForAllRecords(reader.new Listener());
    try {
      new HSSFEventFactory().abortableProcessWorkbookEvents(request, fileSystem);
    } catch (HSSFUserException e) {
      throw new IOException(e);
    }
    if (reader.worksheets == 0) {
      throw new IOException("The workbook stream has no worksheet");
    }
    return reader.table();
  }

  private final class Listener extends AbortableHSSFListener {
    @Override
    public short abortableProcessRecord(Record record) {
      formats.processRecordInternally(record);
      return XlsReader.this.process(record) ? (short) 1 : (short) 0;
    }
  }

  /** Takes one record; answers true when the first worksheet is complete. */
  private boolean process(Record record) {
    if (record instanceof BOFRecord bof) {
      depth++;
      if (depth == 1 && bof.getType() == BOFRecord.TYPE_WORKSHEET) {
        worksheets++;
      }
      return false;
    }
    if (record instanceof EOFRecord) {
      depth--;
      return depth == 0 && worksheets == 1;
    }
    if (record instanceof SSTRecord sst) {
      strings = sst;
      return false;
    }
    if (depth != 1 || worksheets != 1) {
      return false;
    }
    if (record instanceof LabelSSTRecord label) {
      int index = label.getSSTIndex();
      if (strings != null && index >= 0 && index < strings.getNumUniqueStrings()) {
        put(label, strings.getString(index).getString());
      }
    } else if (record instanceof LabelRecord label) {
      put(label, label.getValue());
    } else if (record instanceof NumberRecord number) {
      put(number, number(number, number.getValue()));
    } else if (record instanceof FormulaRecord formula) {
      formula(formula);
    } else if (record instanceof StringRecord string && pendingFormula != null) {
      put(pendingFormula, string.getString());
      pendingFormula = null;
    } else if (record instanceof BoolErrRecord boolErr && boolErr.isBoolean()) {
      put(boolErr, boolErr.getBooleanValue() ? "TRUE" : "FALSE");
    }
    return false;
  }

  private void formula(FormulaRecord formula) {
    CellType result = formula.getCachedResultTypeEnum();
    if (result == CellType.STRING) {
      pendingFormula = formula;
    } else if (result == CellType.NUMERIC) {
      put(formula, number(formula, formula.getValue()));
    } else if (result == CellType.BOOLEAN) {
      put(formula, formula.getCachedBooleanValue() ? "TRUE" : "FALSE");
    }
  }

  private String number(CellValueRecordInterface cell, double value) {
    int formatIndex;
    String formatString;
    try {
      formatIndex = formats.getFormatIndex(cell);
      formatString = formats.getFormatString(cell);
    } catch (RuntimeException noSuchFormat) {
      formatIndex = -1;
      formatString = null;
    }
    return CellText.number(value, formatIndex, formatString);
  }

  private void put(CellValueRecordInterface cell, String value) {
    if (value != null && cell.getRow() >= 0 && cell.getColumn() >= 0) {
      cells.computeIfAbsent(cell.getRow(), r -> new TreeMap<>()).put((int) cell.getColumn(), value);
    }
  }

  private Table table() {
    List<Table.Row> rows = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, String>> row : cells.entrySet()) {
      Map<Integer, String> values = row.getValue();
      int width = values.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      List<String> list = new ArrayList<>(width);
      for (int column = 0; column < width; column++) {
        list.add(values.get(column));
      }
      Table.Row tableRow = new Table.Row(row.getKey() + 1, list);
      if (!tableRow.isBlank()) {
        rows.add(tableRow);
      }
    }
    return new Table(rows, List.of());
  }
}
