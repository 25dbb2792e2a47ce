package org.coopera.assistance.web.projects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.coopera.assistance.projects.IatiImports;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.ApiProblems;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * IATI activity files of other publishers, imported for the projects they fund. A file with any
 * problem answers 400 with every problem (position, identifier, reason) and writes nothing.
 */
@RestController
@Tag(name = "Projects")
class IatiImportsApiController {

  private final IatiImports imports;
  private final ApiProblems problems;
  private final MessageSource messages;

  IatiImportsApiController(IatiImports imports, ApiProblems problems, MessageSource messages) {
    this.imports = imports;
    this.problems = problems;
    this.messages = messages;
  }

  /** What an import wrote. */
  record ImportJson(UUID id, List<IatiImports.Imported> imported, List<String> skipped) {}

  /** One problem of a refused file. */
  record ProblemJson(int position, String identifier, String detail) {}

  @PostMapping(
      value = "/api/v1/assistance/iati-imports",
      consumes = {"application/xml", "text/xml"})
  @Operation(
      summary =
          "Import an IATI activity file of another publisher (agency officers, fund managers,"
              + " administrators)")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      description = "The IATI activity file, at most 20 MB",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = "application/xml",
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
  ResponseEntity<?> importFile(
      @RequestParam(required = false) String fileName,
      @AuthenticationPrincipal CooperaUser user,
      HttpServletRequest request,
      Locale locale)
      throws IOException {
    // The body is read up to one byte over the limit, never whole: a larger one is refused as too
    // large by the reader, and memory holds at most the limit whatever the client sends.
    byte[] file = request.getInputStream().readNBytes(IatiImports.MAX_BYTES + 1);
    IatiImports.Outcome outcome = imports.importFile(fileName, file, user);
    if (outcome.applied()) {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new ImportJson(outcome.id(), outcome.imported(), outcome.skipped()));
    }
    ProblemDetail problem =
        problems.of(
            HttpStatus.BAD_REQUEST,
            "iati-import-refused",
            messages.getMessage(
                "projects.iati-import.refused", new Object[] {outcome.problems().size()}, locale),
            request.getRequestURI(),
            locale);
    problem.setProperty(
        "problems",
        outcome.problems().stream()
            .map(
                p ->
                    new ProblemJson(
                        p.position(), p.identifier(), messages.getMessage(p.message(), locale)))
            .toList());
    return ResponseEntity.badRequest().body(problem);
  }

  @GetMapping("/api/v1/assistance/iati-imports")
  @Operation(summary = "Past IATI imports, latest first")
  List<IatiImports.ImportRecord> list(@AuthenticationPrincipal CooperaUser user) {
    return imports.imports(user);
  }
}
