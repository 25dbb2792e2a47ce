package org.coopera.recommendations.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The test fixtures of the imports, all made by the project (see {@code
 * src/test/resources/imports/README.md}). {@link #main} writes the committed ones again; the others
 * (too large, zip bomb, a Word 97 document...) are made in memory by the tests that use them, from
 * the methods here.
 *
 * <p>Run from the project directory: {@code java -cp target/test-classes:$(cat cp.txt)
 * org.coopera.recommendations.importing.ImportFixtures}, with {@code cp.txt} written by {@code mvn
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
final class ImportFixtures {

  static final String FOLDER = "/imports/";

  /** The UPR Info CSV headings, as the export writes them. */
  static final String UPR_INFO_HEADER =
      "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session";

  /**
   * A UPR Info export with the defects of the real one (see the README), one line per row. The
   * multi-line text holds a bare carriage return, as a classic Mac writes one.
   */
  static final List<String> UPR_INFO_ROWS =
      List.of(
          UPR_INFO_HEADER,
          "Lesotho,Africa,\"AU, Commonwealth\",Adopt a national plan to end child marriage and"
              + " raise the minimum age of marriage to 18 ,Norway,WEOG,,Accepted,5,\"Rights of the"
              + " Child,Women's rights\",8",
          "Lesotho,Africa,\"AU, Commonwealth\",Adopt a national plan to end child marriage and"
              + " raise the minimum age of marriage to 18 ,Norway,WEOG,,Accepted,5,\"Rights of the"
              + " Child,Women's rights\",8",
          "Chad,Africa,\"AU, OIC\",Guarantee the independence of judges and the right to a fair"
              + " trial,Bosnia & Herzegovina,EEG,,Accepted,4,Justice,9",
          "Chad,Africa,\"AU, OIC\",Guarantee the independence of judges and the right to a fair"
              + " trial,Republic of Congo,Africa,\"AU, OIF\",Accepted,4,Justice,9",
          "Chad,Africa,\"AU, OIC\",Promote women&#39;s participation &amp; leadership in public"
              + " life,DPR Korea,Asia,,Accepted,3,\"Women's rights,Political rights\",9",
          "Chad,Africa,\"AU, OIC\",\"Ratify the Convention on the Rights of Persons with"
              + " Disabilities and submit the State’s first report to the Comité without"
              + " delay\",St Kitts & Nevis,GRULAC,\"OAS, Commonwealth\",Noted,5,\"Disabilities,Treaty"
              + " bodies\",9",
          "Chad,Africa,\"AU, OIC\",Investigate every allegation of torture in places of"
              + " detention,&#40;Unknown&#41;,&#40;Unknown&#41;,,Accepted,5,\"Torture and other CID"
              + " treatment,Detention conditions\",9",
          "Chad,Africa,\"AU, OIC\",\"Establish a national human rights institution\r"
              + "in line with the Paris Principles,\r"
              + "with an adequate budget\",Chile,GRULAC,\"OAS, OEI\",Accepted,5,NHRI,9",
          "Chad,Africa,\"AU, OIC\",,France,WEOG,\"EU, OIF\",Noted,2,Other,9",
          "Chad,Africa,\"AU, OIC\",Abolish the death penalty,Atlantis,WEOG,,Noted,5,Death"
              + " penalty,9",
          "Chad,Africa,\"AU, OIC\",Extend a standing invitation to the special"
              + " procedures,Uruguay,GRULAC,\"OAS, OEI\",Accepted,4,Special procedures,abc");

  /** The Coopera template rows of the CSV and XLSX fixtures. */
  static final List<List<String>> COOPERA_ROWS =
      List.of(
          CooperaTemplate.COLUMNS,
          CooperaTemplate.EXAMPLES.get(0),
          List.of(
              "",
              "SVN",
              "UPR",
              "3",
              "34",
              "A/HRC/43/15",
              "121.10",
              "2019-11-13",
              "",
              "Ensure that all asylum seekers have access to fair and effective procedures",
              "Honduras;Canada",
              "supported",
              "",
              "A/HRC/43/15/Add.1",
              "",
              "G5",
              "10;16.3",
              "refugees_and_asylum_seekers"),
          List.of(
              "",
              "PRY",
              "CEDAW",
              "",
              "",
              "CEDAW/C/PRY/CO/7",
              "12",
              "2013-13-45",
              "en",
              "Adopt a definition of discrimination against women in line with the Convention",
              "",
              "pending",
              "",
              "",
              "",
              "F12",
              "5.1",
              "women"),
          List.of(
              "",
              "Paraguay",
              "UPR",
              "2",
              "24",
              "A/HRC/32/9",
              "102.3",
              "2016",
              "en",
              "Strengthen the national mechanism for the prevention of torture",
              "Denmark",
              "accepted-ish",
              "The State considers it already implemented",
              "A/HRC/32/9/Add.1",
              "4",
              "D25",
              "16.3",
              "persons_deprived_of_liberty"));

  private ImportFixtures() {}

  /** Writes the committed fixtures into {@code src/test/resources/imports}. */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/imports");
    Files.createDirectories(folder);
    Files.write(folder.resolve("upr-info-defects.csv"), uprInfoMacRoman());
    Files.write(folder.resolve("upr-info-legacy.xls"), uprInfoXls());
    Files.write(folder.resolve("coopera-template.csv"), cooperaCsv());
    byte[] xlsx = cooperaXlsx();
    Files.write(folder.resolve("coopera-template.xlsx"), xlsx);
    Files.write(folder.resolve("truncated.xlsx"), Arrays.copyOf(xlsx, 1000));
    Files.write(folder.resolve("pdf-named.csv"), pdf());
  }

  static byte[] resource(String name) {
    try (InputStream in = ImportFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] fixture(String name) {
    return resource(FOLDER + name);
  }

  /** The UPR Info fixture as the database wrote it: Mac Roman, bare carriage returns. */
  static byte[] uprInfoMacRoman() {
    return (String.join("\r", UPR_INFO_ROWS) + "\r").getBytes(Charset.forName("x-MacRoman"));
  }

  /** The legacy XLS layout: repeated Rgrp and Org headings, Action and Session as numbers. */
  static byte[] uprInfoXls() throws IOException {
    try (HSSFWorkbook workbook = new HSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Worksheet");
      String[] headings = {
        "SuR",
        "Rgrp",
        "Org",
        "Recommendation",
        "RS",
        "Rgrp",
        "Org",
        "Response",
        "Action",
        "Issue",
        "Session"
      };
      Row heading = sheet.createRow(0);
      for (int c = 0; c < headings.length; c++) {
        heading.createCell(c).setCellValue(headings[c]);
      }
      Object[][] rows = {
        {
          "Chad",
          "Africa",
          "AU, OIC",
          "Abolish the death penalty",
          "Norway",
          "WEOG",
          "",
          "Noted",
          5,
          "Death penalty",
          9
        },
        {
          "Chad",
          "Africa",
          "AU, OIC",
          "Investigate every allegation of torture",
          "&#40;Unknown&#41;",
          "&#40;Unknown&#41;",
          "",
          "Accepted",
          4,
          "Torture and other CID treatment,Justice",
          9
        },
        {
          "Lesotho",
          "Africa",
          "AU",
          "Submit the State’s overdue reports to the Comité",
          "Côte d'Ivoire",
          "Africa",
          "AU, OIF",
          "Accepted",
          3,
          "Treaty bodies",
          8
        }
      };
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Integer number) {
            row.createCell(c).setCellValue(number);
          } else if (!rows[r][c].toString().isEmpty()) {
            row.createCell(c).setCellValue(rows[r][c].toString());
          }
        }
      }
      return bytes(workbook);
    }
  }

  /** The Coopera template fixture as CSV: UTF-8 with a byte-order mark, CRLF. */
  static byte[] cooperaCsv() {
    StringBuilder csv = new StringBuilder("\uFEFF");
    for (List<String> row : COOPERA_ROWS) {
      csv.append(String.join(",", row.stream().map(ImportFixtures::quoted).toList()))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The Coopera template fixture as XLSX, typed as a person would in a plain workbook: the second
   * row's session a number cell and its date a date cell.
   */
  static byte[] cooperaXlsx() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet("Recommendations");
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      for (int r = 0; r < COOPERA_ROWS.size(); r++) {
        Row row = sheet.createRow(r);
        List<String> values = COOPERA_ROWS.get(r);
        for (int c = 0; c < values.size(); c++) {
          String column = CooperaTemplate.COLUMNS.get(c);
          String value = values.get(c);
          if (value.isEmpty()) {
            continue;
          }
          if (r == 2 && column.equals("session")) {
            row.createCell(c).setCellValue(Double.parseDouble(value));
          } else if (r == 2 && column.equals("date")) {
            var cell = row.createCell(c);
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(date);
          } else {
            row.createCell(c).setCellValue(value);
          }
        }
      }
      workbook.createSheet("Instructions").createRow(0).createCell(0).setCellValue("Not read");
      return bytes(workbook);
    }
  }

  /** A small but well-formed PDF. */
  static byte[] pdf() {
    String pdf =
        "%PDF-1.4\n"
            + "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "trailer << /Root 1 0 R >>\n"
            + "%%EOF\n";
    return pdf.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * A ZIP that looks like an XLSX (content types, workbook, one sheet) whose sheet inflates to
   * {@code megabytes} MB of spaces from about a thousandth of that.
   */
  static byte[] zipBomb(int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      entry(
          zip,
          "[Content_Types].xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
              + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
              + " Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default"
              + " Extension=\"xml\" ContentType=\"application/xml\"/><Override"
              + " PartName=\"/xl/workbook.xml\""
              + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
      entry(zip, "xl/workbook.xml", "<workbook/>");
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] spaces = new byte[1024 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** A ZIP with the given entries, each holding its name as text. */
  static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        entry(zip, name, name);
      }
    }
    return bytes.toByteArray();
  }

  /** An OLE2 compound file with the given (empty) entries: a Word 97 document has WordDocument. */
  static byte[] compoundFile(String... entries) throws IOException {
    try (POIFSFileSystem files = new POIFSFileSystem()) {
      for (String entry : entries) {
        files.createDocument(new java.io.ByteArrayInputStream(new byte[600]), entry);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      files.writeFilesystem(bytes);
      return bytes.toByteArray();
    }
  }

  /**
   * A Word document with the given paragraphs, then one table of the given rows (a row shorter than
   * the first has fewer cells, like the one-cell theme headings of OHCHR matrices).
   */
  static byte[] docx(List<String> paragraphs, List<List<String>> table) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      paragraphs.forEach(p -> document.createParagraph().createRun().setText(p));
      if (!table.isEmpty()) {
        XWPFTable words = document.createTable(table.size(), table.get(0).size());
        for (int r = 0; r < table.size(); r++) {
          XWPFTableRow row = words.getRow(r);
          for (int c = 0; c < table.get(r).size(); c++) {
            row.getCell(c).setText(table.get(r).get(c));
          }
          while (row.getTableCells().size() > table.get(r).size()) {
            row.removeCell(row.getTableCells().size() - 1);
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.write(bytes);
      return bytes.toByteArray();
    }
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static byte[] bytes(Workbook workbook) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    workbook.write(bytes);
    return bytes.toByteArray();
  }

  private static String quoted(String cell) {
    boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n");
    return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}
