package org.coopera.reference.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.reference.ReferenceData;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The reference data as open JSON. Every list is {@code {"total", "page", "size", "items"}}. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data", description = "States, instruments, mechanisms, SDGs, taxonomies")
class ReferenceApiController {

  private final ReferenceData reference;

  ReferenceApiController(ReferenceData reference) {
    this.reference = reference;
  }

  @GetMapping("/states")
  @Operation(summary = "UN Member and observer States, filtered by name, region or grouping")
  ListPage<ReferenceData.State> states(
      @Parameter(description = "part of the name, or an ISO 3166 alpha-2/alpha-3 code")
          @RequestParam(required = false)
          String q,
      @Parameter(description = "M49 code of a region or sub-region, e.g. 002 (Africa)")
          @RequestParam(required = false)
          String region,
      @Parameter(description = "ldc, lldc, sids or observer") @RequestParam(required = false)
          String group,
      @ParameterObject PageParameters paging) {
    return reference.states(new ReferenceData.StateFilter(q, region, group), paging);
  }

  @GetMapping("/states/{iso3}")
  @Operation(summary = "One State by its ISO 3166 alpha-3 code")
  ReferenceData.State state(@PathVariable String iso3) {
    return reference
        .findState(iso3)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  @GetMapping("/regions")
  @Operation(summary = "M49 regions, sub-regions and intermediate regions")
  ListPage<ReferenceData.Region> regions(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.regions(), paging);
  }

  @GetMapping("/instruments")
  @Operation(summary = "The 18 international human rights instruments")
  ListPage<ReferenceData.Instrument> instruments(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.instruments(), paging);
  }

  @GetMapping("/instruments/declarations")
  @Operation(summary = "Declarations recognising a committee's competence")
  ListPage<ReferenceData.Declaration> declarations(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.declarations(), paging);
  }

  @GetMapping("/mechanisms")
  @Operation(summary = "The UPR, the treaty bodies and the special procedures")
  ListPage<ReferenceData.Mechanism> mechanisms(
      @Parameter(description = "UPR, TREATY_BODY or SPECIAL_PROCEDURE")
          @RequestParam(required = false)
          String kind,
      @ParameterObject PageParameters paging) {
    return ListPage.slice(reference.mechanisms(kind), paging);
  }

  @GetMapping("/mechanisms/upr/cycles")
  @Operation(summary = "The cycles of the Universal Periodic Review")
  ListPage<ReferenceData.UprCycle> uprCycles(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.uprCycles(), paging);
  }

  @GetMapping("/sdg/goals")
  @Operation(summary = "The 17 Sustainable Development Goals")
  ListPage<ReferenceData.SdgGoal> goals(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.sdgGoals(), paging);
  }

  @GetMapping("/sdg/targets")
  @Operation(summary = "The 169 SDG targets, optionally of one goal")
  ListPage<ReferenceData.SdgTarget> targets(
      @Parameter(description = "goal number, 1 to 17") @RequestParam(required = false) Integer goal,
      @ParameterObject PageParameters paging) {
    return ListPage.slice(reference.sdgTargets(goal), paging);
  }

  @GetMapping("/sdg/targets/{code}/indicators")
  @Operation(summary = "The indicators of one SDG target")
  ListPage<ReferenceData.SdgIndicator> indicators(
      @PathVariable String code, @ParameterObject PageParameters paging) {
    return ListPage.slice(reference.sdgIndicators(code), paging);
  }

  @GetMapping("/themes")
  @Operation(summary = "Human rights themes (Universal Human Rights Index codes)")
  ListPage<ReferenceData.Theme> themes(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.themes(), paging);
  }

  @GetMapping("/affected-groups")
  @Operation(summary = "Affected persons and groups")
  ListPage<ReferenceData.AffectedGroup> affectedGroups(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.affectedGroups(), paging);
  }

  @GetMapping("/organisations")
  @Operation(summary = "Organisations that hold accounts, provide or fund assistance")
  ListPage<ReferenceData.Organisation> organisations(@ParameterObject PageParameters paging) {
    return ListPage.slice(reference.organisations(), paging);
  }
}
