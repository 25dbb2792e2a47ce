package org.coopera.recommendations.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the blank {@link CooperaTemplate} as XLSX. The texts of the "Instructions" sheet come from
 * the {@code i18n/recommendations} bundle ({@code import.template.*}), read without Spring.
 */
final class CooperaTemplateWorkbook {

  private static final String BUNDLE = "i18n/recommendations";
  private static final int TEXT_FORMAT = 0x31; // the built-in "@" (text) format
  private static final int WIDE = 60 * 256;
  private static final int NARROW = 18 * 256;

  private final ResourceBundle messages;
  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final CellStyle text;
  private final CellStyle heading;
  private final CellStyle example;
  private final CellStyle wrapped;

  private CooperaTemplateWorkbook(Locale locale) {
    this.messages =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.text = style(false, false, false);
    this.heading = style(true, false, false);
    this.example = style(false, true, false);
    this.wrapped = style(false, false, true);
  }

  static byte[] write(Locale locale) {
    CooperaTemplateWorkbook template = new CooperaTemplateWorkbook(locale);
    try (XSSFWorkbook workbook = template.workbook) {
      template.recommendations();
      template.instructions();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void recommendations() {
    Sheet sheet = workbook.createSheet(message("sheet.recommendations"));
    List<String> columns = CooperaTemplate.COLUMNS;
    for (int c = 0; c < columns.size(); c++) {
      sheet.setDefaultColumnStyle(c, text);
      sheet.setColumnWidth(c, columns.get(c).equals("text") ? WIDE : NARROW);
    }
    row(sheet, 0, columns, heading);
    for (int r = 0; r < CooperaTemplate.EXAMPLES.size(); r++) {
      row(sheet, r + 1, CooperaTemplate.EXAMPLES.get(r), example);
    }
    sheet.createFreezePane(0, 1);
  }

  private void instructions() {
    Sheet sheet = workbook.createSheet(message("sheet.instructions"));
    sheet.setColumnWidth(0, NARROW + 4 * 256);
    sheet.setColumnWidth(1, 12 * 256);
    sheet.setColumnWidth(2, WIDE + 30 * 256);
    sheet.setColumnWidth(3, WIDE / 2);
    row(sheet, 0, List.of(message("instructions.title")), heading);
    row(sheet, 1, List.of(message("instructions.intro")), text);
    row(
        sheet,
        3,
        List.of(
            message("instructions.column"),
            message("instructions.required"),
            message("instructions.description"),
            message("instructions.example")),
        heading);
    List<String> firstExample = CooperaTemplate.EXAMPLES.get(0);
    for (int c = 0; c < CooperaTemplate.COLUMNS.size(); c++) {
      String column = CooperaTemplate.COLUMNS.get(c);
      String required = CooperaTemplate.REQUIRED.contains(column) ? message("yes") : "";
      String description = message("column." + column);
      row(sheet, 4 + c, List.of(column, required, description, firstExample.get(c)), wrapped);
    }
  }

  private void row(Sheet sheet, int index, List<String> values, CellStyle style) {
    Row row = sheet.createRow(index);
    for (int c = 0; c < values.size(); c++) {
      var cell = row.createCell(c);
      cell.setCellValue(values.get(c));
      cell.setCellStyle(style);
    }
  }

  private CellStyle style(boolean bold, boolean italic, boolean wrap) {
    Font font = workbook.createFont();
    font.setBold(bold);
    font.setItalic(italic);
    if (italic) {
      font.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    }
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setDataFormat((short) TEXT_FORMAT);
    style.setWrapText(wrap);
    style.setVerticalAlignment(VerticalAlignment.TOP);
    return style;
  }

  private String message(String key) {
    return messages.getString("import.template." + key);
  }
}
