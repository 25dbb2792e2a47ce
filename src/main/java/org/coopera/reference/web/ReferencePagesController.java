package org.coopera.reference.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.coopera.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Public pages of the reference data: instruments, mechanisms, the SDGs, themes and groups. */
@Controller
@RequestMapping("/reference")
class ReferencePagesController {

  private final ReferenceData reference;

  ReferencePagesController(ReferenceData reference) {
    this.reference = reference;
  }

  /** A core treaty with its optional protocols and the declarations made under it. */
  record TreatyFamily(
      ReferenceData.Instrument treaty,
      List<ReferenceData.Instrument> protocols,
      List<ReferenceData.Declaration> declarations) {}

  /** A goal with its targets. */
  record GoalTargets(ReferenceData.SdgGoal goal, List<ReferenceData.SdgTarget> targets) {}

  /** A top-level theme group with its themes in code order. */
  record ThemeGroup(ReferenceData.Theme group, List<ReferenceData.Theme> themes) {}

  @GetMapping
  String index(Model model) {
    model.addAttribute("counts", reference.counts());
    return "reference/index";
  }

  @GetMapping("/instruments")
  String instruments(Model model) {
    List<ReferenceData.Instrument> all = reference.instruments();
    Map<String, List<ReferenceData.Declaration>> declarations =
        reference.declarations().stream()
            .collect(Collectors.groupingBy(ReferenceData.Declaration::instrumentCode));
    List<TreatyFamily> families =
        all.stream()
            .filter(i -> i.parentCode() == null)
            .map(
                treaty ->
                    new TreatyFamily(
                        treaty,
                        all.stream().filter(i -> treaty.code().equals(i.parentCode())).toList(),
                        declarations.getOrDefault(treaty.code(), List.of())))
            .toList();
    model.addAttribute("families", families);
    model.addAttribute("count", all.size());
    return "reference/instruments";
  }

  @GetMapping("/mechanisms")
  String mechanisms(Model model) {
    List<ReferenceData.Mechanism> all = reference.mechanisms(null);
    model.addAttribute(
        "instruments",
        reference.instruments().stream()
            .collect(Collectors.toMap(ReferenceData.Instrument::code, i -> i)));
    model.addAttribute("cycles", reference.uprCycles());
    model.addAttribute(
        "treatyBodies", all.stream().filter(m -> "TREATY_BODY".equals(m.kind())).toList());
    model.addAttribute(
        "thematic",
        all.stream()
            .filter(m -> "SPECIAL_PROCEDURE".equals(m.kind()) && "THEMATIC".equals(m.mandateKind()))
            .toList());
    model.addAttribute(
        "country",
        all.stream()
            .filter(m -> "SPECIAL_PROCEDURE".equals(m.kind()) && "COUNTRY".equals(m.mandateKind()))
            .toList());
    return "reference/mechanisms";
  }

  @GetMapping("/sdgs")
  String sdgs(Model model) {
    Map<Integer, List<ReferenceData.SdgTarget>> targets =
        reference.sdgTargets(null).stream()
            .collect(
                Collectors.groupingBy(
                    ReferenceData.SdgTarget::goal, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute(
        "goals",
        reference.sdgGoals().stream()
            .map(g -> new GoalTargets(g, targets.getOrDefault(g.number(), List.of())))
            .toList());
    return "reference/sdgs";
  }

  @GetMapping("/themes")
  String themes(Model model) {
    List<ReferenceData.Theme> all = reference.themes();
    model.addAttribute(
        "groups",
        all.stream()
            .filter(t -> t.parentCode() == null)
            .map(
                group ->
                    new ThemeGroup(
                        group,
                        all.stream()
                            .filter(
                                t ->
                                    t.parentCode() != null
                                        && t.code().startsWith(group.code())
                                        && !t.code().equals(group.code()))
                            .toList()))
            .toList());
    model.addAttribute("affectedGroups", reference.affectedGroups());
    return "reference/themes";
  }
}
