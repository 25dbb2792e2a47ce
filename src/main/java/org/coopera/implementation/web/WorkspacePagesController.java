package org.coopera.implementation.web;

import java.util.List;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The way into a workspace: one's own State's, or the choice among several. */
@Controller
class WorkspacePagesController {

  private final ReferenceData reference;

  WorkspacePagesController(ReferenceData reference) {
    this.reference = reference;
  }

  @GetMapping("/workspace")
  String choose(@AuthenticationPrincipal CooperaUser user, Model model) {
    List<ReferenceData.State> states =
        user.isAdministrator()
            ? reference.allStates()
            : user.grants().stream()
                .filter(
                    g -> g.role() == Role.STATE_COORDINATOR || g.role() == Role.STATE_FOCAL_POINT)
                .map(Grant::stateIso3)
                .distinct()
                .sorted()
                .map(iso3 -> reference.findState(iso3).orElseThrow())
                .toList();
    if (states.isEmpty()) {
      throw new AccessDeniedException("Only State officials and administrators have workspaces");
    }
    if (states.size() == 1) {
      return "redirect:/workspace/" + states.get(0).iso3();
    }
    model.addAttribute("states", states);
    return "implementation/workspaces";
  }
}
