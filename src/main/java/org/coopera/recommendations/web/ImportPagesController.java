package org.coopera.recommendations.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.coopera.identity.AccountNames;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.importing.CooperaTemplate;
import org.coopera.recommendations.importing.ImportFormat;
import org.coopera.recommendations.importing.ImportReport;
import org.coopera.recommendations.importing.ImportService;
import org.coopera.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: upload a file (validated at once, nothing created), read the preview with every
 * problem and its row, map unknown State names, then apply — in the background, with the progress
 * shown — and find every earlier import listed.
 */
@Controller
class ImportPagesController {

  private static final Logger log = LoggerFactory.getLogger(ImportPagesController.class);

  private final ImportService imports;
  private final ImportProgress progress;
  private final TaskExecutor executor;
  private final ReferenceData reference;
  private final MessageSource messages;
  private final AccountNames accountNames;

  ImportPagesController(
      ImportService imports,
      ImportProgress progress,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor,
      ReferenceData reference,
      MessageSource messages,
      AccountNames accountNames) {
    this.imports = imports;
    this.progress = progress;
    this.executor = executor;
    this.reference = reference;
    this.messages = messages;
    this.accountNames = accountNames;
  }

  @GetMapping("/registry/imports")
  String list(
      @AuthenticationPrincipal CooperaUser user,
      @RequestParam(required = false) Integer page,
      Model model) {
    requireImporter(user);
    var list = imports.list(user, PageParameters.of(page, 20, 20));
    model.addAttribute("imports", list);
    model.addAttribute(
        "names", accountNames.of(list.items().stream().map(ImportReport::createdBy).toList()));
    model.addAttribute("formats", ImportFormat.values());
    model.addAttribute(
        "importStates",
        ImportService.importStates(user).stream()
            .map(iso3 -> reference.findState(iso3).orElseThrow())
            .toList());
    return "recommendations/imports";
  }

  @PostMapping("/registry/imports")
  String upload(
      @AuthenticationPrincipal CooperaUser user,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) String state,
      RedirectAttributes redirect)
      throws IOException {
    requireImporter(user);
    redirect.addFlashAttribute("chosenState", state);
    if (file == null || file.isEmpty()) {
      redirect.addFlashAttribute("uploadError", "import.error.no-file");
      return "redirect:/registry/imports";
    }
    ImportFormat chosen =
        format == null || format.isBlank() ? null : ImportFormat.fromApiName(format).orElse(null);
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    ImportReport report;
    try {
      report = imports.validate(name, file.getBytes(), chosen, state, user);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("uploadError", e.messageKey());
      return "redirect:/registry/imports";
    }
    return "redirect:/registry/imports/" + report.id();
  }

  @GetMapping("/registry/imports/{id}")
  String show(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Model model) {
    requireImporter(user);
    ImportReport report = imports.find(id, user);
    model.addAttribute("report", report);
    model.addAttribute("progress", progress.of(id));
    model.addAttribute("running", progress.running(id));
    model.addAttribute("states", reference.allStates());
    model.addAttribute(
        "names", accountNames.of(java.util.Arrays.asList(report.createdBy(), report.appliedBy())));
    return "recommendations/import";
  }

  @GetMapping("/registry/imports/{id}/progress")
  String progressFragment(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response) {
    requireImporter(user);
    model.addAttribute("report", imports.find(id, user));
    model.addAttribute("progress", progress.of(id));
    model.addAttribute("running", progress.running(id));
    if (!progress.running(id)) {
      // The application has ended: have htmx load the whole page, now showing the outcome.
      response.setHeader("HX-Refresh", "true");
    }
    return "recommendations/import :: progress";
  }

  @PostMapping("/registry/imports/{id}/apply")
  String apply(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    requireImporter(user);
    ImportReport report = imports.find(id, user);
    if (report.status() != ImportReport.Status.VALID || progress.running(id)) {
      redirect.addFlashAttribute(
          "applyError",
          report.status() == ImportReport.Status.APPLIED
              ? "import.error.already-applied"
              : "import.error.invalid");
      return "redirect:/registry/imports/" + id;
    }
    progress.start(id, report.toCreate());
    Runnable job =
        () -> {
          try {
            imports.apply(id, user, done -> progress.advance(id, done));
            progress.finish(id, null);
          } catch (ImportService.ImportNotApplicable e) {
            progress.finish(id, "import.error.invalid");
          } catch (RuntimeException e) {
            log.error("Applying import {} failed", id, e);
            progress.finish(id, "import.error.apply-failed");
          }
        };
    try {
      executor.execute(new DelegatingSecurityContextRunnable(job));
    } catch (RejectedExecutionException e) {
      progress.finish(id, "import.error.apply-failed");
    }
    return "redirect:/registry/imports/" + id;
  }

  @PostMapping("/registry/imports/{id}/mappings")
  String map(
      @PathVariable UUID id,
      @RequestParam String name,
      @RequestParam(required = false) String state,
      @AuthenticationPrincipal CooperaUser user,
      RedirectAttributes redirect) {
    requireImporter(user);
    try {
      imports.mapName(id, name, state, user);
      redirect.addFlashAttribute("notice", "import.mapped");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("applyError", e.messageKey());
    }
    return "redirect:/registry/imports/" + id;
  }

  @GetMapping("/registry/imports/{id}/file")
  void file(
      @PathVariable UUID id,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletResponse response)
      throws IOException {
    requireImporter(user);
    ImportReport report = imports.find(id, user);
    byte[] content = imports.file(id, user);
    response.setContentType("application/octet-stream");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(report.fileName(), java.nio.charset.StandardCharsets.UTF_8)
            .build()
            .toString());
    response.getOutputStream().write(content);
  }

  @GetMapping("/registry/imports/template")
  String templateGuide(@AuthenticationPrincipal CooperaUser user, Model model) {
    requireImporter(user);
    model.addAttribute("columns", CooperaTemplate.COLUMNS);
    return "recommendations/import-template";
  }

  @GetMapping("/registry/imports/template.csv")
  void templateCsv(@AuthenticationPrincipal CooperaUser user, HttpServletResponse response)
      throws IOException {
    requireImporter(user);
    download(
        response,
        "text/csv;charset=UTF-8",
        "coopera-recommendations-template.csv",
        CooperaTemplate.blankCsv());
  }

  @GetMapping("/registry/imports/template.xlsx")
  void templateXlsx(
      @AuthenticationPrincipal CooperaUser user, HttpServletResponse response, Locale locale)
      throws IOException {
    requireImporter(user);
    download(
        response,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "coopera-recommendations-template.xlsx",
        CooperaTemplate.blankXlsx(locale));
  }

  @ExceptionHandler(ImportService.ImportNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model, Locale locale) {
    model.addAttribute("status", 404);
    model.addAttribute("detail", messages.getMessage("import.error.not-found", null, locale));
    return "error";
  }

  private static void download(
      HttpServletResponse response, String type, String name, byte[] content) throws IOException {
    response.setContentType(type);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name).build().toString());
    response.getOutputStream().write(content);
  }

  private static void requireImporter(CooperaUser user) {
    if (user == null || !ImportService.mayImport(user)) {
      throw new AccessDeniedException("Only administrators and State coordinators import");
    }
  }
}
