package org.coopera.treaties.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.coopera.platform.CsvRows;
import org.coopera.treaties.Procedures;
import org.coopera.treaties.TreatyEvent;

/**
 * Reads OHCHR's status-of-ratification export of one instrument (the indicators dashboard's
 * Underlying Data, as {@code .xls} or as CSV with ISO dates, told apart by their content, never by
 * their name; anything else, such as a PDF or a ZIP under either name, is unreadable): a title
 * naming the instrument and the date it was last updated, then {@code Country}, the dates of
 * signature, of ratification or accession, of acceptance of the individual communications procedure
 * and of the inquiry procedure. Countries are matched by name; one that is not a State of the
 * reference data (the Cook Islands, Niue, the European Union) is reported and left out. Acceptance
 * of a procedure that an optional protocol establishes is read as becoming party to that protocol.
 */
public final class OhchrExportParser {

  private static final Pattern UPDATED =
      Pattern.compile("^(.*?)\\s*\\[Last Updated:\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4}).*\\]\\s*$");

  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

  private final StateNames states;
  private final Map<String, String> instrumentsByName;

  /**
   * @param instrumentsByName the instruments' names as normalised by {@link StateNames#normalise}
   *     to their codes
   */
  public OhchrExportParser(StateNames states, Map<String, String> instrumentsByName) {
    this.states = states;
    this.instrumentsByName = Map.copyOf(instrumentsByName);
  }

  public ParsedSource parse(SourceFile file, LocalDate asOfGiven) {
    List<ImportProblem> problems = new ArrayList<>();
    List<List<Object>> rows;
    try {
      rows = isWorkbook(file.content()) ? xls(file) : csv(file);
    } catch (IOException | RuntimeException e) {
      // CharacterCodingException is an IOException: text that is not UTF-8 is no CSV
      problems.add(ImportProblem.of(file.name(), 0, "treaties.import.error.unreadable"));
      return new ParsedSource(asOfGiven, 0, List.of(), List.of(), problems);
    }
    int headerAt = -1;
    for (int i = 0; i < rows.size() && headerAt < 0; i++) {
      if ("country".equalsIgnoreCase(text(rows.get(i), 0))) {
        headerAt = i;
      }
    }
    String instrument = null;
    LocalDate asOf = asOfGiven;
    for (int i = 0; i < Math.max(headerAt, 0); i++) {
      Matcher title = UPDATED.matcher(text(rows.get(i), 0));
      if (title.matches()) {
        instrument = instrumentsByName.get(StateNames.normalise(title.group(1)));
        try {
          LocalDate updated =
              LocalDate.of(
                  Integer.parseInt(title.group(4)),
                  Integer.parseInt(title.group(2)),
                  Integer.parseInt(title.group(3)));
          asOf = asOfGiven == null ? updated : asOfGiven;
        } catch (DateTimeException e) {
          // a date that does not exist (month 13): the title does not give its date
          instrument = null;
        }
      }
    }
    if (headerAt < 0) {
      problems.add(ImportProblem.of(file.name(), 0, "treaties.import.error.ohchr-header"));
    }
    if (instrument == null) {
      problems.add(ImportProblem.of(file.name(), 0, "treaties.import.error.ohchr-title"));
    }
    if (asOf == null) {
      asOf = LocalDate.now();
    }
    if (!problems.isEmpty()) {
      return new ParsedSource(asOf, 0, List.of(), List.of(), problems);
    }
    String protocol = Procedures.COMMUNICATIONS_PROTOCOL.get(instrument);
    List<Claim> claims = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (int i = headerAt + 1; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      String country = text(row, 0);
      boolean noDates = true;
      for (int c = 1; c <= 4; c++) {
        noDates &= text(row, c).isEmpty();
      }
      if (country.isEmpty() || (noDates && isFooter(country))) {
        continue;
      }
      count++;
      int number = i + 1;
      String iso3 = states.name(country).orElse(null);
      if (iso3 == null) {
        findings.add(
            new Finding("UNKNOWN_STATE", null, instrument, null, country, file.name(), number));
        continue;
      }
      if (!seen.add(iso3)) {
        problems.add(
            ImportProblem.of(file.name(), number, "treaties.import.error.state-twice", country));
        continue;
      }
      LocalDate[] dates = new LocalDate[5];
      boolean ok = true;
      for (int c = 1; c <= 4; c++) {
        Object value = c < row.size() ? row.get(c) : null;
        try {
          dates[c] = date(value);
        } catch (DateTimeParseException e) {
          problems.add(
              ImportProblem.of(file.name(), number, "treaties.import.error.date", text(row, c)));
          ok = false;
          continue;
        }
        if (dates[c] != null && dates[c].isAfter(asOf)) {
          problems.add(
              ImportProblem.of(
                  file.name(), number, "treaties.import.error.future", dates[c].toString()));
          ok = false;
        }
      }
      if (!ok) {
        continue;
      }
      claims.add(claim(iso3, instrument, TreatyEvent.SIGNATURE, dates[1]));
      claims.add(claim(iso3, instrument, TreatyEvent.CONSENT, dates[2]));
      if (protocol != null) {
        claims.add(claim(iso3, protocol, TreatyEvent.CONSENT, dates[3]));
        claims.add(claim(iso3, protocol, TreatyEvent.INQUIRY, dates[4]));
      } else {
        claims.add(claim(iso3, instrument, TreatyEvent.COMMUNICATIONS, dates[3]));
        claims.add(claim(iso3, instrument, TreatyEvent.INQUIRY, dates[4]));
      }
    }
    return new ParsedSource(asOf, count, claims, findings, problems);
  }

  private static Claim claim(String iso3, String instrument, TreatyEvent event, LocalDate date) {
    return date == null
        ? Claim.absent(iso3, instrument, event)
        : Claim.onDay(iso3, instrument, event, date);
  }

  private static boolean isFooter(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.startsWith("definitions") || lower.startsWith("source");
  }

  private static String text(List<Object> row, int column) {
    Object value = column < row.size() ? row.get(column) : null;
    return value == null ? "" : value.toString().strip();
  }

  private static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    return text.contains("/") ? LocalDate.parse(text, DAY_MONTH_YEAR) : LocalDate.parse(text);
  }

  private static List<List<Object>> xls(SourceFile file) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file.content()));
        HSSFWorkbook workbook = new HSSFWorkbook(fs)) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<Object> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            cells.add(value(row.getCell(c)));
          }
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static Object value(Cell cell) {
    if (cell == null) {
      return null;
    }
    CellType type =
        cell.getCellType() == CellType.FORMULA
            ? cell.getCachedFormulaResultType()
            : cell.getCellType();
    return switch (type) {
      case NUMERIC ->
          DateUtil.isValidExcelDate(cell.getNumericCellValue())
              ? cell.getLocalDateTimeCellValue().toLocalDate()
              : null;
      case STRING -> cell.getStringCellValue();
      default -> null;
    };
  }

  /** Whether the bytes are an OLE2 compound file, as an Excel 97–2003 workbook is. */
  private static boolean isWorkbook(byte[] content) {
    byte[] signature = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A
    };
    return content.length >= signature.length
        && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
  }

  /** The rows of a CSV file: UTF-8 text without NUL, or refused (a PDF, a ZIP, a program). */
  private static List<List<Object>> csv(SourceFile file) throws CharacterCodingException {
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(file.content()))
            .toString();
    if (text.indexOf('\u0000') >= 0 || text.startsWith("%PDF-") || text.startsWith("PK")) {
      throw new CharacterCodingException();
    }
    return CsvRows.parse(text).stream().map(r -> List.<Object>copyOf(r)).toList();
  }
}
