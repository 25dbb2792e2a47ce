package org.coopera.assistance.requests;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Grant;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agencies (their officers) and States (their coordinators) offer to provide. Offers are
 * matched to requests, never pushed into a State's workspace.
 */
@Service
@Transactional
public class Offers {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final JdbcClient jdbc;
  private final ReferenceData reference;
  private final Clock clock;

  Offers(JdbcClient jdbc, ReferenceData reference, Clock clock) {
    this.jdbc = jdbc;
    this.reference = reference;
    this.clock = clock;
  }

  /** An offer as pages and the API show it. */
  public record Offer(
      UUID id,
      String organisationCode,
      String providerState,
      String providerName,
      String title,
      String description,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> regions,
      List<String> themes,
      BigDecimal budgetAmount,
      String budgetCurrency,
      boolean published,
      long version) {

    public String providerKey() {
      return organisationCode != null ? "org:" + organisationCode : "state:" + providerState;
    }
  }

  /** What a provider typed into the offer form (or sent to the API). */
  public record OfferDraft(
      String title,
      String description,
      List<String> areas,
      List<String> forms,
      List<String> languages,
      List<String> regions,
      List<String> themes,
      BigDecimal budgetAmount,
      String budgetCurrency) {}

  /** The published offers, by provider and title. */
  @Transactional(readOnly = true)
  public List<Offer> published() {
    return load("o.published");
  }

  /** Whether this person may publish offers (for an organisation or for their State). */
  public static boolean mayOffer(CooperaUser user) {
    return user.hasRole(Role.AGENCY_OFFICER) || user.hasRole(Role.STATE_COORDINATOR);
  }

  /** Publishes an offer for the person's organisation (agency officer) or State (coordinator). */
  public Offer publish(OfferDraft draft, CooperaUser user) {
    Grant as =
        user.grants().stream()
            .filter(g -> g.role() == Role.AGENCY_OFFICER || g.role() == Role.STATE_COORDINATOR)
            .findFirst()
            .orElseThrow(() -> new AccessDeniedException("Only providers publish offers"));
    Checked c = check(draft);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            insert into assistance_offer (id, organisation_code, provider_state, title, description,
                areas, forms, languages, regions, themes, budget_amount, budget_currency, published,
                created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)
            """)
        .params(
            id,
            as.role() == Role.AGENCY_OFFICER ? as.organisationCode() : null,
            as.role() == Role.STATE_COORDINATOR ? as.stateIso3() : null,
            c.title(),
            c.description(),
            c.areas(),
            c.forms(),
            c.languages(),
            c.regions(),
            c.themes(),
            c.amount(),
            c.currency(),
            user.accountId(),
            now,
            now)
        .update();
    return load("o.id = ?", id).get(0);
  }

  /**
   * An offer: a published one for anyone, an unpublished one for its provider and administrators
   * only.
   */
  @Transactional(readOnly = true)
  public Offer find(UUID id, CooperaUser user) {
    Offer offer =
        load("o.id = ?", id).stream().findFirst().orElseThrow(() -> new OfferNotFound(id));
    if (!offer.published() && !mayManage(offer, user)) {
      throw new OfferNotFound(id);
    }
    return offer;
  }

  /** The offers of the person's organisations and States, published or not. */
  @Transactional(readOnly = true)
  public List<Offer> mine(CooperaUser user) {
    if (user == null) {
      return List.of();
    }
    List<String> organisations = new ArrayList<>();
    List<String> states = new ArrayList<>();
    for (Grant g : user.grants()) {
      if (g.role() == Role.AGENCY_OFFICER && g.organisationCode() != null) {
        organisations.add(g.organisationCode());
      } else if (g.role() == Role.STATE_COORDINATOR && g.stateIso3() != null) {
        states.add(g.stateIso3());
      }
    }
    return load(
        "(o.organisation_code = any(?) or o.provider_state = any(?))",
        organisations.toArray(String[]::new),
        states.toArray(String[]::new));
  }

  /**
   * Whether this person speaks for the offer's provider: an agency officer of its organisation, a
   * coordinator of its State, or an administrator.
   */
  public static boolean mayManage(Offer offer, CooperaUser user) {
    return user != null
        && (user.isAdministrator()
            || offer.organisationCode() != null
                && user.hasRoleForOrganisation(Role.AGENCY_OFFICER, offer.organisationCode())
            || offer.providerState() != null
                && user.hasRoleForState(Role.STATE_COORDINATOR, offer.providerState()));
  }

  /** Changes an offer, refused when the version is not the current one. */
  public Offer update(UUID id, long version, OfferDraft draft, CooperaUser user) {
    Offer current = requireManaged(id, user);
    Checked c = check(draft);
    int changed =
        jdbc.sql(
                """
                update assistance_offer set title = ?, description = ?, areas = ?, forms = ?,
                  languages = ?, regions = ?, themes = ?, budget_amount = ?, budget_currency = ?,
                  updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
            .params(
                c.title(),
                c.description(),
                c.areas(),
                c.forms(),
                c.languages(),
                c.regions(),
                c.themes(),
                c.amount(),
                c.currency(),
                Timestamp.from(clock.instant()),
                id,
                version)
            .update();
    if (changed == 0) {
      throw new StaleOffer(current);
    }
    return load("o.id = ?", id).get(0);
  }

  /**
   * Publishes an offer again or withdraws it from the offers and the matching; its provider keeps
   * it.
   */
  public Offer setPublished(UUID id, long version, boolean published, CooperaUser user) {
    Offer current = requireManaged(id, user);
    int changed =
        jdbc.sql(
                "update assistance_offer set published = ?, updated_at = ?, version = version + 1"
                    + " where id = ? and version = ?")
            .params(published, Timestamp.from(clock.instant()), id, version)
            .update();
    if (changed == 0) {
      throw new StaleOffer(current);
    }
    return load("o.id = ?", id).get(0);
  }

  private Offer requireManaged(UUID id, CooperaUser user) {
    Offer offer = find(id, user);
    if (!mayManage(offer, user)) {
      throw new AccessDeniedException("Only the offer's provider changes it");
    }
    return offer;
  }

  private record Checked(
      String title,
      String description,
      String[] areas,
      String[] forms,
      String[] languages,
      String[] regions,
      String[] themes,
      BigDecimal amount,
      String currency) {}

  private Checked check(OfferDraft draft) {
    String title = Vocabulary.clean(draft.title());
    if (title == null) {
      throw new InvalidInputException("assistance.error.title", "title");
    }
    if (title.length() > 300) {
      throw new InvalidInputException("assistance.error.title-length", "title", 300);
    }
    List<String> regions = regions(draft.regions());
    List<String> themes = themes(draft.themes());
    BigDecimal amount = draft.budgetAmount();
    String currency = Vocabulary.clean(draft.budgetCurrency());
    if (amount != null) {
      if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
        throw new InvalidInputException("assistance.error.budget", "budgetAmount");
      }
      if (currency == null || !CURRENCY.matcher(currency.toUpperCase(Locale.ROOT)).matches()) {
        throw new InvalidInputException("assistance.error.currency", "budgetCurrency");
      }
      currency = currency.toUpperCase(Locale.ROOT);
    } else {
      currency = null;
    }
    return new Checked(
        title,
        Vocabulary.clean(draft.description()),
        Vocabulary.codes(draft.areas(), Vocabulary.AREAS, "areas").toArray(String[]::new),
        Vocabulary.codes(draft.forms(), Vocabulary.FORMS, "forms").toArray(String[]::new),
        Vocabulary.languages(draft.languages()).toArray(String[]::new),
        regions.toArray(String[]::new),
        themes.toArray(String[]::new),
        amount,
        currency);
  }

  /** An offer that does not exist or that this person may not see. */
  public static class OfferNotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OfferNotFound(UUID id) {
      super("no offer " + id);
    }
  }

  /** A change made on a version of the offer that is no longer the current one. */
  public static class StaleOffer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Offer current;

    StaleOffer(Offer current) {
      super("stale offer " + current.id());
      this.current = current;
    }

    public Offer current() {
      return current;
    }
  }

  private List<String> regions(List<String> values) {
    Set<String> found = new LinkedHashSet<>();
    for (String value : RequestDraft.orEmpty(values)) {
      String v = Vocabulary.clean(value);
      if (v == null) {
        continue;
      }
      if (reference.findRegion(v).isEmpty()) {
        throw new InvalidInputException("assistance.error.region", "regions", v);
      }
      found.add(v);
    }
    return List.copyOf(found);
  }

  private List<String> themes(List<String> values) {
    Set<String> known = new LinkedHashSet<>();
    reference.themes().forEach(t -> known.add(t.code()));
    Set<String> found = new LinkedHashSet<>();
    for (String value : RequestDraft.orEmpty(values)) {
      String v = Vocabulary.clean(value);
      if (v == null) {
        continue;
      }
      if (!known.contains(v)) {
        throw new InvalidInputException("assistance.error.theme", "themes", v);
      }
      found.add(v);
    }
    return List.copyOf(found);
  }

  List<Offer> load(String condition, Object... params) {
    return jdbc.sql(
            "select o.*, coalesce(g.name, s.name) as provider_name from assistance_offer o"
                + " left join organisation g on g.code = o.organisation_code"
                + " left join state s on s.iso3 = o.provider_state where "
                + condition
                + " order by coalesce(g.name, s.name), o.title")
        .params(params)
        .query(
            (rs, n) ->
                new Offer(
                    rs.getObject("id", UUID.class),
                    rs.getString("organisation_code"),
                    rs.getString("provider_state"),
                    rs.getString("provider_name"),
                    rs.getString("title"),
                    rs.getString("description"),
                    RequestStore.strings(rs.getArray("areas")),
                    RequestStore.strings(rs.getArray("forms")),
                    RequestStore.strings(rs.getArray("languages")),
                    RequestStore.strings(rs.getArray("regions")),
                    RequestStore.strings(rs.getArray("themes")),
                    rs.getBigDecimal("budget_amount"),
                    rs.getString("budget_currency"),
                    rs.getBoolean("published"),
                    rs.getLong("version")))
        .list();
  }
}
