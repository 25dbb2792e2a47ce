package org.coopera.assistance.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.coopera.assistance.ConsentWithdrawn;
import org.coopera.assistance.requests.AssistanceRequest.Provider;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assistance requests, owned by the requesting State. Every method checks who asks: the State's
 * officials draft and edit (naming the version they edited), only its coordinator submits and
 * withdraws consent, an addressed provider answers. No provider creates a request for a State or
 * adds anything to one.
 */
@Service
@Transactional
public class AssistanceRequests {

  private final JdbcClient jdbc;
  private final RequestStore store;
  private final RequestContent content;
  private final RequestNotices notices;
  private final ReferenceData reference;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AssistanceRequests(
      JdbcClient jdbc,
      RequestStore store,
      RequestContent content,
      RequestNotices notices,
      ReferenceData reference,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.content = content;
    this.notices = notices;
    this.reference = reference;
    this.events = events;
    this.clock = clock;
  }

  /** A request this person may see, or 404 / 403. */
  @Transactional(readOnly = true)
  public AssistanceRequest find(UUID id, CooperaUser user) {
    AssistanceRequest request = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    if (!request.visibleTo(user)) {
      throw new AccessDeniedException("Only the State and the providers it addressed see this");
    }
    return request;
  }

  /** Several requests with their details, those the person may not see left out. */
  @Transactional(readOnly = true)
  public List<AssistanceRequest> findAll(List<UUID> ids, CooperaUser user) {
    return store.loadAll(ids).stream().filter(r -> r.visibleTo(user)).toList();
  }

  /** The State's requests, for its officials. */
  @Transactional(readOnly = true)
  public List<RequestSummary> ofState(String stateIso3, CooperaUser user) {
    String iso3 = state(stateIso3);
    requireOfficial(user, iso3);
    return store.summaries("r.state_iso3 = ?", iso3);
  }

  /**
   * The submitted (or since withdrawn) requests addressed to this person's organisations or State.
   */
  @Transactional(readOnly = true)
  public List<RequestSummary> inbox(CooperaUser user) {
    List<String> organisations = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (Grant g : user.grants()) {
      if (g.role() == Role.AGENCY_OFFICER && g.organisationCode() != null) {
        organisations.add(g.organisationCode());
      } else if (g.role() == Role.STATE_COORDINATOR && g.stateIso3() != null) {
        states.add(g.stateIso3());
      }
    }
    return store.summaries(
        "r.status <> 'DRAFT' and exists (select 1 from assistance_request_provider p where"
            + " p.request_id = r.id and (p.organisation_code = any(?) or p.provider_state = any(?)))",
        organisations.toArray(String[]::new),
        states.toArray(String[]::new));
  }

  public AssistanceRequest create(String stateIso3, RequestDraft draft, CooperaUser user) {
    String iso3 = state(stateIso3);
    requireOfficial(user, iso3);
    RequestContent.Checked checked = content.check(iso3, draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into assistance_request (id, state_iso3, title, summary, areas, forms, languages,
                confidential, status, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)
            """)
        .params(
            id,
            iso3,
            checked.title(),
            checked.summary(),
            checked.areas().toArray(String[]::new),
            checked.forms().toArray(String[]::new),
            checked.languages().toArray(String[]::new),
            checked.confidential(),
            user.accountId(),
            now,
            now)
        .update();
    content.write(id, checked);
    return store.load(id).orElseThrow();
  }

  public AssistanceRequest update(UUID id, long version, RequestDraft draft, CooperaUser user) {
    AssistanceRequest current = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    requireOfficial(user, current.stateIso3());
    current.requireEditable();
    RequestContent.Checked checked = content.check(current.stateIso3(), draft);
    int changed =
        jdbc.sql(
                """
                update assistance_request set title = ?, summary = ?, areas = ?, forms = ?,
                       languages = ?, confidential = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status in ('DRAFT', 'SUBMITTED')
                """)
            .params(
                checked.title(),
                checked.summary(),
                checked.areas().toArray(String[]::new),
                checked.forms().toArray(String[]::new),
                checked.languages().toArray(String[]::new),
                checked.confidential(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleRequest(current);
    }
    Set<String> before = new LinkedHashSet<>();
    current.providers().forEach(p -> before.add(p.key()));
    content.write(id, checked);
    AssistanceRequest updated = store.load(id).orElseThrow();
    if (updated.status() == AssistanceRequest.Status.SUBMITTED) {
      notices.addressed(
          updated, updated.providers().stream().filter(p -> !before.contains(p.key())).toList());
    }
    return updated;
  }

  /** The coordinator submits: the State's request and consent. */
  public AssistanceRequest submit(UUID id, CooperaUser user) {
    AssistanceRequest current = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    requireCoordinator(user, current);
    current.requireSubmittable();
    int submittedNow =
        jdbc.sql(
                """
                update assistance_request set status = 'SUBMITTED', submitted_by = ?,
                       submitted_at = ?, updated_at = ?, version = version + 1
                where id = ? and status = 'DRAFT'
                """)
            .params(
                user.accountId(),
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()),
                id)
            .update();
    if (submittedNow == 0) {
      // submitted (or withdrawn) by someone else since it was read: this submission did nothing
      throw new RequestConflict(
          "assistance.error.not-draft", store.load(id).orElseThrow().status());
    }
    AssistanceRequest submitted = store.load(id).orElseThrow();
    notices.addressed(submitted, submitted.providers());
    return submitted;
  }

  /**
   * The coordinator withdraws the State's consent, with a reason: the request accepts nothing new,
   * and its projects still planned or active are suspended (their history is kept).
   */
  public AssistanceRequest withdraw(UUID id, String reason, CooperaUser user) {
    AssistanceRequest current = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    requireCoordinator(user, current);
    current.requireWithdrawable();
    String why = Vocabulary.clean(reason);
    if (why == null) {
      throw new InvalidInputException("assistance.error.reason", "reason");
    }
    Timestamp now = Timestamp.from(clock.instant());
    int withdrawnNow =
        jdbc.sql(
                """
                update assistance_request set status = 'WITHDRAWN', withdrawn_by = ?,
                       withdrawn_at = ?, withdrawal_reason = ?, updated_at = ?,
                       version = version + 1
                where id = ? and status = 'SUBMITTED'
                """)
            .params(user.accountId(), now, why, now, id)
            .update();
    if (withdrawnNow == 0) {
      // withdrawn by someone else since it was read: their reason stays, this one is refused
      throw new RequestConflict(
          "assistance.error.not-submitted", store.load(id).orElseThrow().status());
    }
    List<UUID> suspended =
        jdbc.sql(
                """
                update project set status = 'SUSPENDED', suspended_reason = ?, updated_at = ?,
                       version = version + 1
                where request_id = ? and status in ('PLANNED', 'ACTIVE')
                returning id
                """)
            .params(why, now, id)
            .query(UUID.class)
            .list();
    events.publishEvent(new ConsentWithdrawn(id, current.stateIso3(), suspended));
    AssistanceRequest withdrawn = store.load(id).orElseThrow();
    notices.withdrawn(withdrawn);
    return withdrawn;
  }

  /** An addressed provider accepts or declines a submitted request. */
  public AssistanceRequest answer(UUID id, String answer, String note, CooperaUser user) {
    return answer(id, answer, note, null, user);
  }

  /**
   * A provider the request addresses accepts or declines it. {@code version} is the version of the
   * provider's answer the person read (null: as this request reads it); an answer given by someone
   * else of the same provider since then is not overwritten: this one is refused.
   */
  public AssistanceRequest answer(
      UUID id, String answer, String note, Long version, CooperaUser user) {
    AssistanceRequest current = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    List<Provider> mine = current.providers().stream().filter(p -> p.answeredBy(user)).toList();
    if (current.status() == AssistanceRequest.Status.DRAFT || mine.isEmpty()) {
      throw new AccessDeniedException("Only a provider the request addresses answers it");
    }
    current.requireAnswerable();
    String value = answer == null ? "" : answer.strip().toUpperCase(Locale.ROOT);
    if (!value.equals("ACCEPTED") && !value.equals("DECLINED")) {
      throw new InvalidInputException("assistance.error.answer", "answer");
    }
    for (Provider p : mine) {
      // the version the person read, for the row they answer for; as loaded for any other
      long read = version != null && p == mine.get(0) ? version : p.version();
      int answeredNow =
          jdbc.sql(
                  """
                  update assistance_request_provider set answer = ?, answer_note = ?,
                         answered_by = ?, answered_at = ?, version = version + 1
                  where id = ? and version = ?
                  """)
              .params(
                  value,
                  Vocabulary.clean(note),
                  user.accountId(),
                  Timestamp.from(clock.instant()),
                  p.id(),
                  read)
              .update();
      if (answeredNow == 0) {
        // answered by someone else of the same provider since it was read: theirs stays
        throw new RequestConflict("assistance.error.answered-meanwhile", current.status());
      }
    }
    AssistanceRequest answered = store.load(id).orElseThrow();
    notices.answered(answered, mine.get(0).name(), value);
    return answered;
  }

  /** The State addresses one more provider (a suggested one): only its officials may. */
  public AssistanceRequest address(UUID id, String providerKey, CooperaUser user) {
    AssistanceRequest current = store.load(id).orElseThrow(() -> new RequestNotFound(id));
    requireOfficial(user, current.stateIso3());
    current.requireEditable();
    RequestContent.ProviderKey key = content.provider(current.stateIso3(), providerKey);
    if (current.providers().stream().noneMatch(p -> p.key().equals(key.key()))) {
      content.addProvider(id, key);
      jdbc.sql("update assistance_request set updated_at = ?, version = version + 1 where id = ?")
          .params(Timestamp.from(clock.instant()), id)
          .update();
    }
    AssistanceRequest updated = store.load(id).orElseThrow();
    if (updated.status() == AssistanceRequest.Status.SUBMITTED) {
      notices.addressed(
          updated, updated.providers().stream().filter(p -> p.key().equals(key.key())).toList());
    }
    return updated;
  }

  static void requireOfficial(CooperaUser user, String iso3) {
    if (!AssistanceRequest.official(user, iso3)) {
      throw new AccessDeniedException("Only the State's officials write its requests");
    }
  }

  private static void requireCoordinator(CooperaUser user, AssistanceRequest request) {
    if (!request.isCoordinator(user)) {
      throw new AccessDeniedException("Only the State's coordinator submits or withdraws");
    }
  }

  private String state(String iso3) {
    String code = iso3 == null ? "" : iso3.strip().toUpperCase(Locale.ROOT);
    return reference.findState(code).orElseThrow(() -> new RequestNotFound(null)).iso3();
  }
}
