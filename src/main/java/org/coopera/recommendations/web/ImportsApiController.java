package org.coopera.recommendations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidParameterException;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.recommendations.importing.ImportFormat;
import org.coopera.recommendations.importing.ImportService;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports over the API, the same two steps as on the import page: upload (validated, nothing
 * created), then apply. For administrators and State coordinators (a coordinator's imports hold
 * only their State's recommendations).
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(
    name = "Imports",
    description = "Import recommendations from UPR Info, OHCHR matrices or the template")
class ImportsApiController {

  private final ImportService imports;
  private final MessageSource messages;

  ImportsApiController(ImportService imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload a file and validate it",
      description =
          "Reads and checks the whole file; creates no recommendation. The answer says whether the"
              + " file is valid, how many rows were read, how many recommendations it would create,"
              + " how many are already present, and every problem with its row.")
  ImportJson upload(
      @RequestPart("file") MultipartFile file,
      @Parameter(description = "upr-info, ohchr-matrix or coopera; detected when absent")
          @RequestParam(required = false)
          String format,
      @Parameter(
              description =
                  "ISO 3166 alpha-3 code of the State the file is for; required of a coordinator"
                      + " of several States")
          @RequestParam(required = false)
          String state,
      @AuthenticationPrincipal CooperaUser user,
      Locale locale)
      throws IOException {
    requireImporter(user);
    ImportFormat chosen = null;
    if (format != null && !format.isBlank()) {
      chosen =
          ImportFormat.fromApiName(format.strip())
              .orElseThrow(
                  () ->
                      new InvalidParameterException(
                          "format", "import.error.format", "upr-info, ohchr-matrix, coopera"));
    }
    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
    return ImportJson.of(
        imports.validate(name, file.getBytes(), chosen, state, user), messages, locale);
  }

  @PostMapping("/{id}/apply")
  @Operation(
      summary = "Apply a valid import",
      description =
          "Creates the import's recommendations, all or none, and answers the import with the"
              + " number created. An import whose file no longer passes is answered 409 with its"
              + " problems.")
  ImportJson apply(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Locale locale) {
    requireImporter(user);
    return ImportJson.of(imports.apply(id, user, n -> {}), messages, locale);
  }

  @PostMapping("/{id}/mappings")
  @Operation(
      summary = "Map a State name the file uses to a State",
      description = "Remembered for every later import; the import is checked again.")
  ImportJson map(
      @PathVariable UUID id,
      @RequestParam String name,
      @Parameter(description = "ISO 3166 alpha-3 code") @RequestParam String state,
      @AuthenticationPrincipal CooperaUser user,
      Locale locale) {
    requireImporter(user);
    return ImportJson.of(imports.mapName(id, name, state, user), messages, locale);
  }

  @GetMapping
  @Operation(summary = "The imports you may see, newest first")
  ListPage<ImportJson> list(
      @ParameterObject PageParameters paging,
      @AuthenticationPrincipal CooperaUser user,
      Locale locale) {
    requireImporter(user);
    return imports.list(user, paging).map(r -> ImportJson.of(r, messages, locale));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One import")
  ImportJson one(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user, Locale locale) {
    requireImporter(user);
    return ImportJson.of(imports.find(id, user), messages, locale);
  }

  private static void requireImporter(CooperaUser user) {
    if (user == null || !ImportService.mayImport(user)) {
      throw new AccessDeniedException("Only administrators and State coordinators import");
    }
  }
}
