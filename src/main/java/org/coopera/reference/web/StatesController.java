package org.coopera.reference.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.coopera.platform.Csv;
import org.coopera.platform.ListPage;
import org.coopera.platform.PageParameters;
import org.coopera.reference.ReferenceData;
import org.coopera.reference.ReferenceData.State;
import org.coopera.reference.ReferenceData.StateFilter;
import org.coopera.reference.StateProfileSection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public directory of States and each State's profile. */
@Controller
class StatesController {

  static final int PAGE_SIZE = 60;

  private final ReferenceData reference;
  private final List<StateProfileSection> sections;

  StatesController(ReferenceData reference, List<StateProfileSection> sections) {
    this.reference = reference;
    this.sections = sections;
  }

  @GetMapping("/states")
  String directory(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      @RequestParam(required = false) Integer page,
      Model model) {
    StateFilter filter = new StateFilter(q, region, group);
    ListPage<State> states = reference.states(filter, PageParameters.of(page, null, PAGE_SIZE));
    model.addAttribute("filter", filter);
    model.addAttribute("states", states);
    model.addAttribute(
        "regions",
        reference.regions().stream()
            .filter(r -> !"INTERMEDIATE_REGION".equals(r.level()))
            .toList());
    model.addAttribute("groups", StateFilter.GROUPS);
    return "states/directory";
  }

  /** The directory, filtered the same way, as CSV. */
  @GetMapping(value = "/states/export.csv", produces = Csv.MEDIA_TYPE)
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String group,
      HttpServletResponse response)
      throws IOException {
    List<State> states =
        reference
            .states(
                new StateFilter(q, region, group), new PageParameters(0, PageParameters.MAX_SIZE))
            .items();
    try (Csv csv =
        Csv.download(
            response,
            "coopera-states.csv",
            List.of(
                "iso3",
                "iso2",
                "m49",
                "name",
                "region",
                "sub_region",
                "intermediate_region",
                "un_status",
                "ldc",
                "lldc",
                "sids"))) {
      for (State s : states) {
        csv.row(
            java.util.Arrays.asList(
                s.iso3(),
                s.iso2(),
                s.m49(),
                s.name(),
                s.regionName(),
                s.subRegionName(),
                s.intermediateRegionName(),
                s.unStatus(),
                s.ldc(),
                s.lldc(),
                s.sids()));
      }
    }
  }

  @GetMapping("/states/{iso3}")
  String profile(@PathVariable String iso3, Model model) {
    State state =
        reference
            .findState(iso3)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("state", state);
    model.addAttribute(
        "sections",
        sections.stream()
            .sorted(Comparator.comparingInt(StateProfileSection::order))
            .map(s -> s.contentFor(state.iso3()))
            .flatMap(Optional::stream)
            .toList());
    return "states/profile";
  }
}
