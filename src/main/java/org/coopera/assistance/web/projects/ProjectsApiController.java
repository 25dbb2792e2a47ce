package org.coopera.assistance.web.projects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.coopera.assistance.projects.Assessments;
import org.coopera.assistance.projects.Evaluations;
import org.coopera.assistance.projects.IatiActivities;
import org.coopera.assistance.projects.IatiImports;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.ProjectWork;
import org.coopera.assistance.projects.Projects;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Needs assessments, projects, their activities, results and evaluations over the API, with the
 * rules of the pages: what the caller may not see answers 404, what the caller may not do 403, a
 * broken rule 409 and bad input 400, nothing written; a stale {@code version} answers 409 with the
 * project as it now is. Published projects and their IATI export are public.
 */
@RestController
@Tag(name = "Projects", description = "Needs assessments and assistance projects")
class ProjectsApiController {

  private final Projects projects;
  private final ProjectWork work;
  private final Evaluations evaluations;
  private final Assessments assessments;
  private final IatiActivities iati;
  private final IatiImports imports;

  ProjectsApiController(
      Projects projects,
      ProjectWork work,
      Evaluations evaluations,
      Assessments assessments,
      IatiActivities iati,
      IatiImports imports) {
    this.projects = projects;
    this.work = work;
    this.evaluations = evaluations;
    this.assessments = assessments;
    this.iati = iati;
    this.imports = imports;
  }

  /** What a client sends to create a project: the request it answers and the project. */
  record CreateProject(UUID requestId, Projects.Draft project) {}

  /** What a client sends to change a project: the version it read and the project. */
  record UpdateProject(Long version, Projects.Draft project) {}

  record Waiver(String reason) {}

  record Agreement(Long version) {}

  @GetMapping("/api/v1/assistance/requests/{requestId}/assessments")
  @Operation(summary = "A request's needs assessments")
  List<Assessments.Assessment> assessments(
      @PathVariable UUID requestId, @AuthenticationPrincipal CooperaUser user) {
    return assessments.ofRequest(requestId, user);
  }

  @PostMapping("/api/v1/assistance/requests/{requestId}/assessments")
  @Operation(summary = "Record a needs assessment of a submitted request")
  ResponseEntity<Assessments.Assessment> recordAssessment(
      @PathVariable UUID requestId,
      @RequestBody Assessments.Draft draft,
      @AuthenticationPrincipal CooperaUser user) {
    Assessments.Assessment a = assessments.record(requestId, draft, user);
    return ResponseEntity.created(
            URI.create("/api/v1/assistance/requests/" + requestId + "/assessments/" + a.id()))
        .body(a);
  }

  @PostMapping("/api/v1/assistance/requests/{requestId}/assessments/{id}/agreement")
  @Operation(summary = "The State's coordinator agrees an assessment")
  Assessments.Assessment agree(
      @PathVariable UUID requestId,
      @PathVariable UUID id,
      @RequestBody Agreement agreement,
      @AuthenticationPrincipal CooperaUser user) {
    return assessments.agree(id, version(agreement.version()), user);
  }

  @PostMapping("/api/v1/assistance/requests/{requestId}/assessment-waiver")
  @Operation(summary = "The State's coordinator waives the assessment, with a reason")
  ResponseEntity<Void> waive(
      @PathVariable UUID requestId,
      @RequestBody Waiver waiver,
      @AuthenticationPrincipal CooperaUser user) {
    assessments.waive(requestId, waiver.reason(), user);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/projects")
  @Operation(summary = "The projects the caller may see (the public: published ones)")
  List<Project> list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String status,
      @AuthenticationPrincipal CooperaUser user) {
    return projects.list(new Projects.Filter(state, region, status), user);
  }

  @PostMapping("/api/v1/projects")
  @Operation(summary = "Create a project for a submitted, accepted and assessed request")
  ResponseEntity<Project> create(
      @RequestBody CreateProject body, @AuthenticationPrincipal CooperaUser user) {
    if (body.requestId() == null || body.project() == null) {
      throw new InvalidInputException("projects.error.required", "requestId");
    }
    Project p = projects.create(body.requestId(), body.project(), user);
    return ResponseEntity.created(URI.create("/api/v1/projects/" + p.id())).body(p);
  }

  @GetMapping("/api/v1/projects/{id}")
  @Operation(summary = "One project")
  Project one(@PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return projects.require(id, user);
  }

  @PutMapping("/api/v1/projects/{id}")
  @Operation(summary = "Change a project; send the version it was read at")
  Project update(
      @PathVariable UUID id,
      @RequestBody UpdateProject body,
      @AuthenticationPrincipal CooperaUser user) {
    if (body.project() == null) {
      throw new InvalidInputException("projects.error.required", "project");
    }
    return projects.update(id, version(body.version()), body.project(), user);
  }

  @GetMapping("/api/v1/projects/{id}/activities")
  List<ProjectWork.Activity> activities(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return work.activities(id, user);
  }

  @PostMapping("/api/v1/projects/{id}/activities")
  @Operation(summary = "Add an activity (refused on a suspended, completed or cancelled project)")
  ResponseEntity<ProjectWork.Activity> addActivity(
      @PathVariable UUID id,
      @RequestBody ProjectWork.ActivityDraft draft,
      @AuthenticationPrincipal CooperaUser user) {
    return ResponseEntity.status(201).body(work.addActivity(id, draft, user));
  }

  @GetMapping("/api/v1/projects/{id}/results")
  List<ProjectWork.Result> results(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return work.results(id, user);
  }

  @PostMapping("/api/v1/projects/{id}/results")
  @Operation(summary = "Add an outcome or output with its indicators")
  ResponseEntity<Map<String, UUID>> addResult(
      @PathVariable UUID id,
      @RequestBody ProjectWork.ResultDraft draft,
      @AuthenticationPrincipal CooperaUser user) {
    return ResponseEntity.status(201).body(Map.of("id", work.addResult(id, draft, user)));
  }

  @PostMapping("/api/v1/projects/{id}/indicators/{indicatorId}/values")
  @Operation(summary = "Record an indicator's actual value over a period")
  ResponseEntity<Void> addValue(
      @PathVariable UUID id,
      @PathVariable UUID indicatorId,
      @RequestBody ProjectWork.Value value,
      @AuthenticationPrincipal CooperaUser user) {
    work.addValue(id, indicatorId, value, user);
    return ResponseEntity.status(201).build();
  }

  @GetMapping("/api/v1/projects/{id}/evaluations")
  List<Evaluations.Evaluation> evaluations(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return evaluations.evaluations(id, user);
  }

  @PostMapping("/api/v1/projects/{id}/evaluations")
  @Operation(summary = "Record an evaluation: what changed, the evidence, the lag")
  ResponseEntity<Evaluations.Evaluation> addEvaluation(
      @PathVariable UUID id,
      @RequestBody Evaluations.EvaluationDraft draft,
      @AuthenticationPrincipal CooperaUser user) {
    return ResponseEntity.status(201).body(evaluations.addEvaluation(id, draft, null, user));
  }

  @PostMapping(
      value = "/api/v1/projects/{id}/evaluations",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Record an evaluation with a file as evidence")
  ResponseEntity<Evaluations.Evaluation> addEvaluationWithFile(
      @PathVariable UUID id,
      @RequestParam String whatChanged,
      @RequestParam(required = false) String evidence,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activitiesEnded,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate changeMeasured,
      @RequestParam(required = false) MultipartFile file,
      @AuthenticationPrincipal CooperaUser user)
      throws IOException {
    Evaluations.Attachment attachment =
        file == null || file.isEmpty()
            ? null
            : new Evaluations.Attachment(file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.status(201)
        .body(
            evaluations.addEvaluation(
                id,
                new Evaluations.EvaluationDraft(
                    whatChanged, evidence, activitiesEnded, changeMeasured),
                attachment,
                user));
  }

  @GetMapping(value = "/api/v1/projects/{id}/iati.xml", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "One published project as an IATI 2.03 activity file")
  String iatiOne(@PathVariable UUID id) {
    return iati.one(id);
  }

  @GetMapping("/api/v1/projects/{id}/external-funding")
  @Operation(summary = "What other publishers report in IATI for a project they fund")
  List<IatiImports.ExternalActivity> externalFunding(
      @PathVariable UUID id, @AuthenticationPrincipal CooperaUser user) {
    return imports.forProject(id, user);
  }

  @GetMapping(value = "/api/v1/projects/iati.xml", produces = MediaType.APPLICATION_XML_VALUE)
  @Operation(summary = "Every published project: the IATI 2.03 publisher file")
  String iatiAll() {
    return iati.all();
  }

  private static long version(Long version) {
    if (version == null) {
      throw new InvalidInputException("projects.error.version", "version");
    }
    return version;
  }
}
