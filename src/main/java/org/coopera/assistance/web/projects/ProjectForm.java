package org.coopera.assistance.web.projects;

import java.util.ArrayList;
import java.util.List;
import org.coopera.assistance.projects.Project;
import org.coopera.assistance.projects.Projects;

/**
 * The form that creates or edits a project, as typed: partners in rows of an organisation or a
 * State and an IATI role (rows left blank are ignored).
 */
public record ProjectForm(
    String title,
    String description,
    String status,
    String startDate,
    String endDate,
    String budgetAmount,
    String budgetCurrency,
    List<String> partnerOrganisation,
    List<String> partnerState,
    List<String> partnerRole,
    Boolean published) {

  /** How many partner rows a form offers beyond those already filled. */
  static final int BLANK_PARTNER_ROWS = 2;

  public static ProjectForm empty() {
    return new ProjectForm(null, null, "PLANNED", null, null, null, null, null, null, null, null);
  }

  static ProjectForm of(Project p) {
    return new ProjectForm(
        p.title(),
        p.description(),
        p.status(),
        String.valueOf(p.startDate()),
        String.valueOf(p.endDate()),
        p.budgetAmount().toPlainString(),
        p.budgetCurrency(),
        p.partners().stream().map(Project.Partner::organisationCode).toList(),
        p.partners().stream().map(Project.Partner::stateIso3).toList(),
        p.partners().stream().map(x -> String.valueOf(x.role())).toList(),
        p.published());
  }

  /** The partner rows to show: those typed, then blank ones. */
  public List<Integer> rows() {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < filledRows() + BLANK_PARTNER_ROWS; i++) {
      rows.add(i);
    }
    return rows;
  }

  public String organisation(int i) {
    return FormValues.at(partnerOrganisation, i);
  }

  public String state(int i) {
    return FormValues.at(partnerState, i);
  }

  public String role(int i) {
    return FormValues.at(partnerRole, i);
  }

  private int filledRows() {
    int rows = 0;
    for (List<String> column : List.of(orEmpty(partnerOrganisation), orEmpty(partnerState))) {
      for (int i = 0; i < column.size(); i++) {
        if (!FormValues.blank(column.get(i))) {
          rows = Math.max(rows, i + 1);
        }
      }
    }
    return rows;
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }

  /** The draft the services check; a number or date that cannot be read is refused here. */
  public Projects.Draft draft() {
    List<Projects.PartnerDraft> partners = new ArrayList<>();
    int rows =
        Math.max(
            orEmpty(partnerOrganisation).size(),
            Math.max(orEmpty(partnerState).size(), orEmpty(partnerRole).size()));
    for (int i = 0; i < rows; i++) {
      if (FormValues.blank(organisation(i)) && FormValues.blank(state(i))) {
        continue;
      }
      partners.add(
          new Projects.PartnerDraft(
              organisation(i),
              state(i),
              FormValues.integer(role(i), "partners", "projects.error.partner")));
    }
    return new Projects.Draft(
        title,
        description,
        status,
        FormValues.date(startDate, "startDate"),
        FormValues.date(endDate, "endDate"),
        FormValues.number(budgetAmount, "budgetAmount", "projects.error.budget"),
        budgetCurrency,
        published,
        partners,
        null);
  }
}
