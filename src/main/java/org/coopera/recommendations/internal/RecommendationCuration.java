package org.coopera.recommendations.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.coopera.identity.CooperaUser;
import org.coopera.identity.Role;
import org.coopera.platform.InvalidInputException;
import org.coopera.recommendations.Response;
import org.coopera.recommendations.TagKind;
import org.coopera.reference.ReferenceData;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's changes to one recommendation: tags set, removed, suggestions confirmed or rejected,
 * language versions added. Each change names the version the person saw; a change made on a version
 * someone else has changed since is refused, never applied over theirs.
 */
@Service
@Transactional
public class RecommendationCuration {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private final RecommendationRepository recommendations;
  private final ReferenceData reference;
  private final Clock clock;

  RecommendationCuration(
      RecommendationRepository recommendations, ReferenceData reference, Clock clock) {
    this.recommendations = recommendations;
    this.reference = reference;
    this.clock = clock;
  }

  public void tag(String code, long version, TagKind kind, String tagCode, CooperaUser user) {
    Recommendation r = editable(code, version, user);
    r.tag(kind, checkedCode(kind, tagCode), user.accountId(), clock.instant());
  }

  public void untag(String code, long version, TagKind kind, String tagCode, CooperaUser user) {
    editable(code, version, user).untag(kind, tagCode, user.accountId(), clock.instant());
  }

  /** Confirms or rejects a machine suggestion; suggestions are decided one by one, any version. */
  public void decide(String code, TagKind kind, String tagCode, boolean accept, CooperaUser user) {
    Recommendation r = find(code);
    requireCurator(r, user);
    try {
      r.decideSuggestion(kind, tagCode, accept, user.accountId(), clock.instant());
    } catch (IllegalStateException e) {
      throw new InvalidInputException("curation.error.no-suggestion", null);
    }
  }

  public void addText(String code, long version, String language, String text, CooperaUser user) {
    Recommendation r = editable(code, version, user);
    String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (!LANGUAGE.matcher(lang).matches()) {
      throw new InvalidInputException("curation.error.language", "language");
    }
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("curation.error.text", "text");
    }
    if (text.length() > 20_000) {
      throw new InvalidInputException("curation.error.text-length", "text", 20_000);
    }
    r.putText(lang, text.strip(), clock.instant());
  }

  /**
   * Records the State's position on a recommendation, as its coordinator states it (for example
   * once the addendum to the UPR report is published); the response is the State's own word, so
   * only its coordinators (and administrators) set it, not its focal points.
   */
  public void respond(
      String code, long version, String response, String comment, String source, CooperaUser user) {
    Recommendation r = find(code);
    if (!user.isAdministrator() && !user.hasRoleForState(Role.STATE_COORDINATOR, r.stateIso3())) {
      throw new AccessDeniedException("Only the State's coordinators set its response");
    }
    if (r.version() != version) {
      throw new InvalidInputException("curation.error.stale", null);
    }
    Response chosen =
        Response.fromApiName(response == null ? "" : response.strip())
            .orElseThrow(() -> new InvalidInputException("curation.error.response", "response"));
    String cleanComment = blankToNull(comment);
    if (cleanComment != null && cleanComment.length() > 4_000) {
      throw new InvalidInputException("curation.error.response-comment", "comment", 4_000);
    }
    String cleanSource = blankToNull(source);
    if (cleanSource != null && cleanSource.length() > 500) {
      throw new InvalidInputException("curation.error.response-source", "source", 500);
    }
    r.respond(chosen, cleanComment, cleanSource, clock.instant());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Recommendation editable(String code, long version, CooperaUser user) {
    Recommendation r = find(code);
    requireCurator(r, user);
    if (r.version() != version) {
      throw new InvalidInputException("curation.error.stale", null);
    }
    return r;
  }

  private Recommendation find(String code) {
    return recommendations
        .findByCode(code)
        .orElseThrow(() -> new InvalidInputException("curation.error.not-found", null, code));
  }

  private static void requireCurator(Recommendation r, CooperaUser user) {
    if (!Curators.mayCurate(user, r.stateIso3())) {
      throw new AccessDeniedException("Only the State's coordinators and focal points curate");
    }
  }

  private String checkedCode(TagKind kind, String code) {
    String c = code == null ? "" : code.strip();
    boolean known =
        switch (kind) {
          case THEME -> reference.themes().stream().anyMatch(t -> t.code().equals(c));
          case SDG ->
              reference.sdgGoals().stream().anyMatch(g -> String.valueOf(g.number()).equals(c))
                  || reference.sdgTargets(null).stream().anyMatch(t -> t.code().equals(c));
          case AFFECTED_GROUP ->
              reference.affectedGroups().stream().anyMatch(g -> g.code().equals(c));
        };
    if (!known) {
      throw new InvalidInputException("curation.error.unknown-tag", "code", c);
    }
    return c;
  }
}
