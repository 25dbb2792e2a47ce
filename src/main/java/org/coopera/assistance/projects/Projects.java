package org.coopera.assistance.projects;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.coopera.assistance.projects.AssistedRequests.RequestFacts;
import org.coopera.identity.CooperaUser;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects (principles 1, 3, 4): created only by an officer of a provider that accepted a submitted
 * request, and only after an agreed assessment or the State's waiver; edited with the version they
 * were read at. Each gets an IATI identifier {@code COOPERA-<ISO3>-<n>}: reference data holds no
 * IATI organisation identifiers, so the prefix is the reporting organisation Coopera's own ({@code
 * COOPERA}, see {@link IatiActivities}), then the State and the project's number within it.
 */
@Service
@Transactional
public class Projects {

  /** A project's statuses, as forms offer them. */
  public static final List<String> STATUSES =
      List.of("PLANNED", "ACTIVE", "SUSPENDED", "COMPLETED", "CANCELLED");

  private final JdbcClient jdbc;
  private final AssistedRequests requests;
  private final ProjectRows rows;
  private final ReferenceData reference;
  private final Clock clock;

  Projects(
      JdbcClient jdbc,
      AssistedRequests requests,
      ProjectRows rows,
      ReferenceData reference,
      Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.rows = rows;
    this.reference = reference;
    this.clock = clock;
  }

  /** What a person sends to create or change a project. */
  public record Draft(
      String title,
      String description,
      String status,
      LocalDate startDate,
      LocalDate endDate,
      BigDecimal budgetAmount,
      String budgetCurrency,
      Boolean published,
      List<PartnerDraft> partners,
      List<UUID> recommendations) {}

  /** A partner: an organisation code or a State, with its IATI role (1 to 4). */
  public record PartnerDraft(String organisation, String state, Integer role) {}

  /** Which projects a list shows; blank fields do not filter. */
  public record Filter(String state, String region, String status) {}

  @Transactional(readOnly = true)
  public Optional<Project> find(UUID id, CooperaUser user) {
    return rows.load(id).filter(p -> p.visibleTo(user));
  }

  /** A project the caller may see, or {@link ProjectNotFound}. */
  @Transactional(readOnly = true)
  public Project require(UUID id, CooperaUser user) {
    return find(id, user).orElseThrow(() -> new ProjectNotFound(id));
  }

  @Transactional(readOnly = true)
  public List<Project> list(Filter filter, CooperaUser user) {
    return rows.list(filter).stream().filter(p -> p.visibleTo(user)).toList();
  }

  public Project create(UUID requestId, Draft draft, CooperaUser user) {
    RequestFacts request = requests.require(requestId);
    if (!ProjectAccess.maySeeUnpublished(user, request.stateIso3(), request.accepted())) {
      throw new ProjectNotFound(requestId);
    }
    request.requireSubmitted();
    if (request.accepted().isEmpty()) {
      throw new ProjectRefused("no-accepted-provider");
    }
    if (!ProjectAccess.isProviderOfficer(user, request.accepted())) {
      throw new AccessDeniedException(
          "Only an officer of the accepting provider creates a project");
    }
    if (!request.assessmentAgreed() && !request.waived()) {
      throw new ProjectRefused("assessment-missing");
    }
    Checked c = check(draft, request, null);
    if (c.status().equals("SUSPENDED")) {
      throw new InvalidInputException("projects.error.status", "status");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    long number =
        jdbc.sql("select count(*) from project where state_iso3 = ?")
                .param(request.stateIso3())
                .query(Long.class)
                .single()
            + 1;
    jdbc.sql(
            """
            insert into project (id, request_id, state_iso3, iati_identifier, title, description,
                status, start_date, end_date, budget_amount, budget_currency, published, created_by,
                created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            requestId,
            request.stateIso3(),
            "COOPERA-" + request.stateIso3() + "-" + number,
            c.title(),
            c.description(),
            c.status(),
            Date.valueOf(c.start()),
            Date.valueOf(c.end()),
            c.amount(),
            c.currency(),
            c.published(),
            user.accountId(),
            now,
            now)
        .update();
    setLinks(id, c);
    return rows.load(id).orElseThrow();
  }

  /**
   * Changes a project as read at {@code version}; a stale version is refused with the project as it
   * is.
   */
  public Project update(UUID id, long version, Draft draft, CooperaUser user) {
    Project current = require(id, user);
    if (!ProjectAccess.mayWork(user, current.stateIso3(), current.providers())) {
      throw new AccessDeniedException("Only the project's providers and State edit it");
    }
    Checked c = check(draft, requests.require(current.requestId()), current);
    if (c.status().equals("SUSPENDED") != current.status().equals("SUSPENDED")) {
      throw new ProjectRefused("suspension-by-consent");
    }
    int changed =
        jdbc.sql(
                """
                update project set title = ?, description = ?, status = ?, start_date = ?,
                    end_date = ?, budget_amount = ?, budget_currency = ?, published = ?,
                    updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.title(),
                c.description(),
                c.status(),
                Date.valueOf(c.start()),
                Date.valueOf(c.end()),
                c.amount(),
                c.currency(),
                c.published(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleEdit(current);
    }
    if (draft.partners() != null) {
      jdbc.sql("delete from project_partner where project_id = ?").param(id).update();
    }
    if (draft.recommendations() != null) {
      jdbc.sql("delete from project_recommendation where project_id = ?").param(id).update();
    }
    setLinks(id, c);
    return rows.load(id).orElseThrow();
  }

  private record Checked(
      String title,
      String description,
      String status,
      LocalDate start,
      LocalDate end,
      BigDecimal amount,
      String currency,
      boolean published,
      List<PartnerDraft> partners,
      Set<UUID> recommendations) {}

  private Checked check(Draft d, RequestFacts request, Project current) {
    String title = Texts.required(d.title(), "title", 300);
    String status = d.status() == null ? "PLANNED" : d.status().strip().toUpperCase();
    if (!STATUSES.contains(status)) {
      throw new InvalidInputException("projects.error.status", "status");
    }
    LocalDate start = Texts.date(d.startDate(), "startDate");
    LocalDate end = Texts.date(d.endDate(), "endDate");
    Texts.inOrder(start, end, "endDate");
    BigDecimal amount = d.budgetAmount();
    if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
      throw new InvalidInputException("projects.error.budget", "budgetAmount");
    }
    String currency = d.budgetCurrency() == null ? "" : d.budgetCurrency().strip();
    if (!currency.matches("[A-Z]{3}")) {
      throw new InvalidInputException("projects.error.currency", "budgetCurrency");
    }
    List<PartnerDraft> partners = new ArrayList<>();
    for (PartnerDraft p : d.partners() == null ? List.<PartnerDraft>of() : d.partners()) {
      boolean org = Texts.clean(p.organisation()) != null;
      boolean state = Texts.clean(p.state()) != null;
      if (org == state
          || p.role() == null
          || p.role() < 1
          || p.role() > 4
          || (org && reference.findOrganisation(p.organisation().strip()).isEmpty())
          || (state && reference.findState(p.state().strip()).isEmpty())) {
        throw new InvalidInputException("projects.error.partner", "partners");
      }
      PartnerDraft clean =
          new PartnerDraft(Texts.clean(p.organisation()), Texts.clean(p.state()), p.role());
      if (partners.contains(clean)) {
        throw new InvalidInputException("projects.error.partner", "partners");
      }
      partners.add(clean);
    }
    Set<UUID> recommendations =
        new LinkedHashSet<>(d.recommendations() == null ? List.of() : d.recommendations());
    if (!request.recommendations().containsAll(recommendations)) {
      throw new InvalidInputException("projects.error.recommendation", "recommendations");
    }
    boolean published =
        d.published() != null ? d.published() : current != null && current.published();
    return new Checked(
        title,
        Texts.clean(d.description()),
        status,
        start,
        end,
        amount,
        currency,
        published,
        d.partners() == null ? null : partners,
        d.recommendations() == null ? null : recommendations);
  }

  private void setLinks(UUID id, Checked c) {
    if (c.partners() != null) {
      for (PartnerDraft p : c.partners()) {
        jdbc.sql(
                "insert into project_partner (id, project_id, organisation_code, partner_state,"
                    + " iati_role) values (?, ?, ?, ?, ?)")
            .params(UUID.randomUUID(), id, p.organisation(), p.state(), p.role())
            .update();
      }
    }
    if (c.recommendations() != null) {
      for (UUID r : c.recommendations()) {
        jdbc.sql("insert into project_recommendation (project_id, recommendation_id) values (?, ?)")
            .params(id, r)
            .update();
      }
    }
  }
}
