package org.coopera.recommendations.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded recommendations file into {@link SourceRow}s, whatever is wrong with it. What
 * the bytes are is told from the bytes, not from the name ({@link FileKind}, {@link ZipContents}):
 * a PDF named {@code .csv} is reported as a PDF. When no format is given it is told from the file:
 * a Word document is an OHCHR matrix, a CSV, XLS or XLSX table is a UPR Info export or the Coopera
 * template by its headings.
 *
 * <p>It never throws for bad input: an empty or oversized file, a file that is not what it claims,
 * a truncated or password-protected one, a zip bomb, a text that is no table, unknown headings, and
 * any exception a reader raises on damaged bytes become a {@link FileProblem} of the {@code
 * i18n/recommendations} bundle. (Running out of memory is not caught.) XML external entities are
 * never resolved: POI's OOXML readers refuse them, and no other XML parser is used.
 *
 * <p>A plain class: {@code new ImportFiles()} works without Spring.
 */
@Component
public class ImportFiles {

  /** The largest upload read by default: 50 MB. */
  public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);
  private static final Set<String> WORKBOOK_ENTRIES = Set.of("Workbook", "WORKBOOK", "BOOK");
  private static final String EXCEL_95_ENTRY = "Book";
  private static final int MARKUP_SEARCH = 1024;
  private static final int MAX_CAUSES = 20;

  private final long maxBytes;

  public ImportFiles() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes the largest file read; a larger one is refused unread
   */
  public ImportFiles(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Reads a file.
   *
   * @param fileName the name it was uploaded under, for messages (may be null)
   * @param content its bytes (may be null or empty: that is reported)
   * @param formatOrNull the format the person chose, or null to tell it from the file
   * @return the rows and problems; its format is the one given or found, null when neither (the
   *     file could not be read far enough to tell)
   */
  public ParsedFile read(String fileName, byte[] content, ImportFormat formatOrNull) {
    String name = fileName == null || fileName.isBlank() ? "?" : fileName.strip();
    try {
      return readBytes(name, content, formatOrNull);
    } catch (EncryptedDocumentException e) {
      return Problem.ENCRYPTED.unreadable(formatOrNull, name);
    } catch (OldExcelFormatException e) {
      return Problem.LEGACY_EXCEL.unreadable(formatOrNull, name);
    } catch (Exception | StackOverflowError e) {
      // The boundary where damaged bytes meet the readers: POI raises runtime exceptions of many
      // kinds (RecordFormatException, NotOfficeXmlFileException, POIXMLException, ...) besides
      // IOException and SAXException. Each is a problem with the file, not with the application.
      log.debug("Could not read {}", name, e);
      Problem problem = isZipBomb(e) ? Problem.ZIP_BOMB : Problem.DAMAGED;
      return problem.unreadable(formatOrNull, name);
    }
  }

  private ParsedFile readBytes(String name, byte[] content, ImportFormat format) throws Exception {
    if (content == null || content.length == 0) {
      return Problem.EMPTY.unreadable(format, name);
    }
    if (content.length > maxBytes) {
      return Problem.TOO_LARGE.unreadable(
          format, name, megabytes(content.length), megabytes(maxBytes));
    }
    return switch (FileKind.of(content)) {
      case PDF -> Problem.PDF.unreadable(format, name);
      case BINARY -> Problem.BINARY.unreadable(format, name);
      case OLE2 -> compoundFile(name, content, format);
      case ZIP -> zip(name, content, format);
      case TEXT -> text(name, content, format);
    };
  }

  private ParsedFile compoundFile(String name, byte[] content, ImportFormat format)
      throws IOException {
    try (POIFSFileSystem files = new POIFSFileSystem(new ByteArrayInputStream(content))) {
      Set<String> entries = files.getRoot().getEntryNames();
      if (entries.contains("EncryptedPackage")) {
        return Problem.ENCRYPTED.unreadable(format, name);
      }
      if (entries.contains("WordDocument")) {
        return Problem.LEGACY_WORD.unreadable(format, name);
      }
      if (entries.stream().anyMatch(WORKBOOK_ENTRIES::contains)) {
        if (format == ImportFormat.OHCHR_MATRIX) {
          return Problem.NOT_WORD.unreadable(format, name);
        }
        return table(name, XlsReader.read(files), format, false);
      }
      if (entries.contains(EXCEL_95_ENTRY)) {
        return Problem.LEGACY_EXCEL.unreadable(format, name);
      }
      return Problem.BINARY.unreadable(format, name);
    }
  }

  private ParsedFile zip(String name, byte[] content, ImportFormat format) throws Exception {
    return switch (ZipContents.kind(content)) {
      case TRUNCATED -> Problem.TRUNCATED.unreadable(format, name);
      case BOMB -> Problem.ZIP_BOMB.unreadable(format, name);
      case OPEN_DOCUMENT -> Problem.OPEN_DOCUMENT.unreadable(format, name);
      case OTHER -> Problem.OTHER_ZIP.unreadable(format, name);
      case DOCX ->
          format == null || format == ImportFormat.OHCHR_MATRIX
              ? OhchrMatrixParser.parse(name, content)
              : Problem.WORD_NOT_TABLE.unreadable(format, name);
      case XLSX ->
          format == ImportFormat.OHCHR_MATRIX
              ? Problem.NOT_WORD.unreadable(format, name)
              : table(name, XlsxReader.read(content), format, false);
    };
  }

  private ParsedFile text(String name, byte[] content, ImportFormat format) {
    String text = TextDecoding.decode(content).text();
    if (isMarkup(text)) {
      return Problem.MARKUP.unreadable(format, name);
    }
    if (format == ImportFormat.OHCHR_MATRIX) {
      return Problem.NOT_WORD.unreadable(format, name);
    }
    Table table = CsvReader.read(text);
    if (table.isEmpty()) {
      return Problem.EMPTY.unreadable(format, name);
    }
    if (table.heading().cells().size() < 2) {
      return Problem.NOT_A_TABLE.unreadable(format, name);
    }
    return table(name, table, format, true);
  }

  /**
   * Applies a table layout: the one given, or the one the headings show.
   *
   * @param csv whether every row must have as many cells as the heading row
   */
  private ParsedFile table(String name, Table table, ImportFormat given, boolean csv) {
    if (table.isEmpty()) {
      return Problem.NO_ROWS.unreadable(given, name);
    }
    Headings headings = Headings.of(table.heading());
    ImportFormat format = given != null ? given : layout(headings);
    if (format == null) {
      return Problem.UNKNOWN_LAYOUT.unreadable(null, name, headings.written());
    }
    return switch (format) {
      case UPR_INFO ->
          csv ? UprInfoCsvParser.parse(name, table) : UprInfoXlsParser.parse(name, table);
      case COOPERA -> CooperaTemplate.parse(name, table, csv);
      case OHCHR_MATRIX -> Problem.NOT_WORD.unreadable(format, name);
    };
  }

  private static ImportFormat layout(Headings headings) {
    if (UprInfoLayout.recognises(headings)) {
      return ImportFormat.UPR_INFO;
    }
    if (CooperaTemplate.recognises(headings)) {
      return ImportFormat.COOPERA;
    }
    return null;
  }

  /** An HTML page or XML spreadsheet, which Excel opens and some sites serve as ".xls". */
  private static boolean isMarkup(String text) {
    String start = text.substring(0, Math.min(text.length(), MARKUP_SEARCH));
    String head = start.stripLeading().toLowerCase(Locale.ROOT);
    return head.startsWith("<")
        && (head.startsWith("<?xml")
            || head.startsWith("<!doctype")
            || head.contains("<html")
            || head.contains("<table"));
  }

  private static boolean isZipBomb(Throwable e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null
          && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
        return true;
      }
    }
    return false;
  }

  private static double megabytes(long bytes) {
    return Math.ceil(bytes * 10.0 / (1024 * 1024)) / 10.0;
  }
}
