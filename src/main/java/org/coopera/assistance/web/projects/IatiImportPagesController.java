package org.coopera.assistance.web.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.coopera.assistance.projects.IatiImports;
import org.coopera.identity.CooperaUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which agency officers, fund managers and administrators upload IATI activity files of
 * other publishers, with the past imports; a refused file is listed with every problem.
 */
@Controller
class IatiImportPagesController {

  static final String VIEW = "assistance/projects/iati-imports";

  private final IatiImports imports;

  IatiImportPagesController(IatiImports imports) {
    this.imports = imports;
  }

  @GetMapping("/assistance/iati-imports")
  String page(@AuthenticationPrincipal CooperaUser user, Model model) {
    model.addAttribute("imports", imports.imports(user));
    return VIEW;
  }

  @PostMapping("/assistance/iati-imports")
  String upload(
      @RequestParam(required = false) MultipartFile file,
      @AuthenticationPrincipal CooperaUser user,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    if (!IatiImports.mayImport(user)) {
      throw new AccessDeniedException("Only agency officers, fund managers and administrators");
    }
    byte[] content = file == null ? new byte[0] : file.getBytes();
    String name = file == null ? null : file.getOriginalFilename();
    IatiImports.Outcome outcome = imports.importFile(name, content, user);
    if (outcome.applied()) {
      redirect.addFlashAttribute("imported", List.copyOf(outcome.imported()));
      redirect.addFlashAttribute("skipped", List.copyOf(outcome.skipped()));
      return "redirect:/assistance/iati-imports";
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("refused", outcome);
    model.addAttribute("fileName", name);
    model.addAttribute("imports", imports.imports(user));
    return VIEW;
  }
}
