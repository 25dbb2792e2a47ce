package org.coopera.recommendations.importing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Writes a spreadsheet's numeric cell as a person would type it: a whole number without a decimal
 * part ({@code 5}, not {@code 5.0}), other numbers in plain notation, and a cell formatted as a
 * date as an ISO date ({@code 2013-10-22}), whatever display format or locale the workbook uses. As
 * a {@link DataFormatter}, it replaces POI's formatting in the XLSX streaming reader.
 */
final class CellText extends DataFormatter {

  static String number(double value, int formatIndex, String formatString) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    if (formatString != null
        && DateUtil.isADateFormat(formatIndex, formatString)
        && DateUtil.isValidExcelDate(value)) {
      LocalDateTime date = DateUtil.getLocalDateTime(value, false);
      if (date != null) {
        return date.toLocalDate().toString();
      }
    }
    return plain(value);
  }

  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public String formatRawCellContents(double value, int formatIndex, String formatString) {
    return number(value, formatIndex, formatString);
  }

  @Override
  public String formatRawCellContents(
      double value, int formatIndex, String formatString, boolean use1904Windowing) {
    return number(value, formatIndex, formatString);
  }
}
