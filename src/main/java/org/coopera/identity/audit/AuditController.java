package org.coopera.identity.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.coopera.platform.Csv;
import org.coopera.platform.PageParameters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail for administrators: who changed what, when. */
@Controller
class AuditController {

  static final int PAGE_SIZE = 50;

  private final AuditTrail trail;
  private final JsonMapper json;

  AuditController(AuditTrail trail, JsonMapper json) {
    this.trail = trail;
    this.json = json;
  }

  @GetMapping("/admin/audit")
  String audit(
      @ModelAttribute("filter") AuditTrail.Filter filter,
      @RequestParam(required = false) Integer page,
      Model model) {
    model.addAttribute("entries", trail.find(filter, PageParameters.of(page, null, PAGE_SIZE)));
    model.addAttribute("tables", trail.tables());
    model.addAttribute("operations", AuditTrail.OPERATIONS);
    return "admin/audit";
  }

  /** The filtered trail as CSV, every matching entry, streamed. */
  @GetMapping(value = "/admin/audit/export.csv", produces = Csv.MEDIA_TYPE)
  void export(@ModelAttribute("filter") AuditTrail.Filter filter, HttpServletResponse response)
      throws IOException {
    trail.check(filter); // a bad filter is a 400, not a broken download
    try (Csv csv =
        Csv.download(
            response,
            "coopera-audit.csv",
            List.of(
                "id",
                "occurred_at",
                "transaction_id",
                "actor",
                "table",
                "record",
                "operation",
                "changes"))) {
      trail.forEach(
          filter,
          e ->
              csv.row(
                  List.of(
                      e.id(),
                      e.occurredAt().toString(),
                      e.transactionId(),
                      e.actor(),
                      e.tableName(),
                      e.recordId(),
                      e.operation(),
                      json.writeValueAsString(e.changes()))));
    }
  }
}
