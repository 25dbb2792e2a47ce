package org.coopera.identity.audit;

import java.time.LocalDate;
import org.coopera.platform.PageParameters;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators: who changed what, when. */
@Controller
class AuditController {

  static final int PAGE_SIZE = 50;

  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/admin/audit")
  String audit(
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String record,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String operation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      Model model) {
    AuditTrail.Filter filter = new AuditTrail.Filter(table, record, actor, operation, from, to);
    model.addAttribute("filter", filter);
    model.addAttribute("entries", trail.find(filter, PageParameters.of(page, null, PAGE_SIZE)));
    model.addAttribute("tables", trail.tables());
    model.addAttribute("operations", AuditTrail.OPERATIONS);
    return "admin/audit";
  }
}
