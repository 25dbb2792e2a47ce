package org.coopera.capacity.library.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.coopera.capacity.library.Library;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.FileResponses;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.platform.StoredFiles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The resource library over HTTP: anyone searches and reads published resources and downloads their
 * files; administrators, agency officers and trainers describe, upload and publish.
 */
@RestController
@RequestMapping("/api/v1/capacity/resources")
@Tag(name = "Capacity")
class LibraryApiController {

  private final Library library;

  LibraryApiController(Library library) {
    this.library = library;
  }

  /** A resource as a client sends it; {@code version} for a change. */
  record ResourceRequest(
      String title,
      String kind,
      String summary,
      String treaty,
      String theme,
      String audience,
      String language,
      Long version) {

    Library.ResourceDraft draft() {
      return new Library.ResourceDraft(title, kind, summary, treaty, theme, audience, language);
    }
  }

  /** Publication asked for a version. */
  record Publication(boolean published, long version) {}

  @GetMapping
  @Operation(
      summary =
          "Search the library: words in titles, summaries and the files' text; filters by treaty,"
              + " theme, audience, language and kind")
  ListPage<Library.Hit> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String treaty,
      @RequestParam(required = false) String theme,
      @RequestParam(required = false) String audience,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @AuthenticationPrincipal CooperaUser user) {
    return library.search(
        new Library.Filter(q, treaty, theme, audience, language, kind),
        PageParameters.of(page, size, 20),
        user);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One resource with every version of its files")
  Library.Resource one(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return library.find(id, user);
  }

  @PostMapping
  @Operation(summary = "Describe a resource (administrators, agency officers, trainers)")
  ResponseEntity<Library.Resource> create(
      @RequestBody ResourceRequest request, @AuthenticationPrincipal CooperaUser user) {
    Library.Resource created = library.create(request.draft(), user);
    return ResponseEntity.created(URI.create("/api/v1/capacity/resources/" + created.id()))
        .body(created);
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a resource's description (with its version; 409 when stale)")
  Library.Resource update(
      @PathVariable UUID id,
      @RequestBody ResourceRequest request,
      @AuthenticationPrincipal CooperaUser user) {
    return library.update(
        id, request.version() == null ? -1 : request.version(), request.draft(), user);
  }

  @PostMapping("/{id}/publication")
  @Operation(summary = "Publish or withdraw a resource (with its version)")
  Library.Resource publish(
      @PathVariable UUID id,
      @RequestBody Publication publication,
      @AuthenticationPrincipal CooperaUser user) {
    return library.publish(id, publication.version(), publication.published(), user);
  }

  @PostMapping(value = "/{id}/files", consumes = "multipart/form-data")
  @Operation(
      summary =
          "Upload a PDF or Word file of the resource in a language: the next version of that"
              + " language; its text is extracted and searched")
  ResponseEntity<Library.FileVersion> upload(
      @PathVariable UUID id,
      @RequestParam String language,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String note,
      @AuthenticationPrincipal CooperaUser user)
      throws IOException {
    Library.FileVersion uploaded =
        library.upload(
            id,
            language,
            file == null ? null : file.getOriginalFilename(),
            file == null ? new byte[0] : file.getBytes(),
            note,
            user);
    return ResponseEntity.created(
            URI.create("/api/v1/capacity/resources/" + id + "/files/" + uploaded.id()))
        .body(uploaded);
  }

  @GetMapping("/{id}/files/{fileVersion}")
  @Operation(summary = "Download one version of a file")
  ResponseEntity<byte[]> download(
      @PathVariable UUID id,
      @PathVariable UUID fileVersion,
      @AuthenticationPrincipal CooperaUser user) {
    StoredFiles.StoredFile file = library.file(id, fileVersion, user);
    return FileResponses.attachment(file, library.content(file));
  }
}
