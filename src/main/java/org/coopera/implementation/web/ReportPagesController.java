package org.coopera.implementation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.coopera.identity.CooperaUser;
import org.coopera.implementation.internal.ImplementationReports;
import org.coopera.implementation.report.ReportContent;
import org.coopera.implementation.report.ReportWriter;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drafts of a State's implementation report: the form to choose the review, the language and
 * the format, and the generated DOCX or PDF.
 */
@Controller
class ReportPagesController {

  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final ImplementationReports reports;
  private final ReportWriter writer;
  private final ReferenceData reference;
  private final List<String> languages;

  ReportPagesController(
      ImplementationReports reports,
      ReportWriter writer,
      ReferenceData reference,
      @Value("${coopera.web.languages:en,ar,zh,fr,ru,es}") List<String> languages) {
    this.reports = reports;
    this.writer = writer;
    this.reference = reference;
    this.languages = languages;
  }

  @GetMapping("/workspace/{iso3}/reports")
  String form(@PathVariable String iso3, @AuthenticationPrincipal CooperaUser user, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    String code = iso3.toUpperCase(Locale.ROOT);
    model.addAttribute("reviews", reports.reviews(code, user, locale));
    model.addAttribute("state", reference.findState(code).orElseThrow());
    model.addAttribute("languages", languages);
    model.addAttribute("current", locale.getLanguage());
    return "implementation/reports";
  }

  @GetMapping("/workspace/{iso3}/reports/draft")
  ResponseEntity<byte[]> draft(
      @PathVariable String iso3,
      @RequestParam(required = false) String review,
      @RequestParam(defaultValue = "en") String language,
      @RequestParam(defaultValue = "docx") String format,
      @AuthenticationPrincipal CooperaUser user) {
    if (!languages.contains(language)) {
      throw new InvalidInputException(
          "report.error.language", "language", String.join(", ", languages));
    }
    if (!format.equals("docx") && !format.equals("pdf")) {
      throw new InvalidInputException("report.error.format", "format");
    }
    ReportContent content =
        reports.content(iso3, review == null ? "" : review, Locale.forLanguageTag(language), user);
    byte[] body = format.equals("pdf") ? writer.pdf(content) : writer.docx(content);
    String name =
        "Coopera-"
            + content.stateIso3()
            + "-"
            + (review == null ? "" : review.replaceAll("[^A-Za-z0-9-]", ""))
            + "-"
            + content.preparedOn()
            + "-"
            + language
            + "."
            + format;
    return ResponseEntity.ok()
        .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : DOCX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(body);
  }

  /** A review, language or format the form does not offer: 400 with the reason. */
  @ExceptionHandler(InvalidInputException.class)
  void invalid(InvalidInputException e, HttpServletResponse response) throws IOException {
    response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
  }
}
