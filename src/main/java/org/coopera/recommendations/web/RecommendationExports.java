package org.coopera.recommendations.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.coopera.platform.Csv;
import org.coopera.platform.SpreadsheetCells;
import org.coopera.recommendations.internal.RecommendationQuery;
import org.coopera.recommendations.internal.RecommendationSearch;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every result of a search, streamed as CSV, XLSX or JSON, so an export of the whole registry holds
 * no more than one batch in memory. In CSV and XLSX, text that a spreadsheet would run as a formula
 * is neutralised ({@link Csv#neutralise}).
 */
@Component
class RecommendationExports {

  static final List<String> COLUMNS =
      List.of(
          "code",
          "state_under_review",
          "mechanism",
          "cycle",
          "session",
          "year",
          "date",
          "document_symbol",
          "paragraph",
          "language",
          "text",
          "recommending_states",
          "response",
          "action_category",
          "themes",
          "sdg_goals",
          "affected_groups");

  private final RecommendationSearch search;
  private final JsonMapper json;

  RecommendationExports(RecommendationSearch search, JsonMapper json) {
    this.search = search;
    this.json = json;
  }

  void csv(RecommendationQuery query, HttpServletResponse response) throws IOException {
    try (Csv csv = Csv.download(response, "recommendations.csv", COLUMNS)) {
      search.forEachHit(query, hit -> csv.row(row(hit)));
    }
  }

  void xlsx(RecommendationQuery query, HttpServletResponse response) throws IOException {
    attachment(
        response,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "recommendations.xlsx");
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      SXSSFSheet sheet = workbook.createSheet("recommendations");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(COLUMNS.get(i));
        cell.setCellStyle(bold);
      }
      int[] next = {1};
      search.forEachHit(
          query,
          hit -> {
            Row row = sheet.createRow(next[0]++);
            List<Object> values = row(hit);
            for (int i = 0; i < values.size(); i++) {
              Object value = values.get(i);
              if (value instanceof Integer number) {
                row.createCell(i).setCellValue(number);
              } else if (value != null) {
                SpreadsheetCells.text(row.createCell(i), value);
              }
            }
          });
      try (OutputStream out = response.getOutputStream()) {
        workbook.write(out);
      }
    }
  }

  void json(RecommendationQuery query, String language, HttpServletResponse response)
      throws IOException {
    attachment(response, "application/json", "recommendations.json");
    try (Writer writer =
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        JsonGenerator generator = json.createGenerator(writer)) {
      generator.writeStartArray();
      search.forEachHit(
          query, hit -> json.writeValue(generator, RecommendationJson.of(hit, language)));
      generator.writeEndArray();
    }
  }

  private static List<Object> row(RecommendationSearch.Hit hit) {
    List<Object> cells = new ArrayList<>();
    cells.add(hit.code());
    cells.add(hit.stateIso3());
    cells.add(hit.mechanism());
    cells.add(hit.cycle());
    cells.add(hit.session());
    cells.add(hit.year());
    cells.add(hit.date() == null ? null : hit.date().toString());
    cells.add(hit.documentSymbol());
    cells.add(hit.paragraph());
    cells.add(hit.originalLanguage());
    cells.add(hit.texts().get(hit.originalLanguage()));
    cells.add(String.join(";", hit.recommendingStates()));
    cells.add(hit.response() == null ? null : hit.response().apiName());
    cells.add(hit.actionCategory());
    cells.add(String.join(";", hit.themes()));
    cells.add(String.join(";", hit.sdgGoals()));
    cells.add(String.join(";", hit.affectedGroups()));
    return cells;
  }

  private static void attachment(HttpServletResponse response, String type, String name) {
    response.setContentType(type);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name).build().toString());
  }
}
