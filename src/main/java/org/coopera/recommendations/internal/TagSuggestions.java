package org.coopera.recommendations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.coopera.identity.CooperaUser;
import org.coopera.recommendations.TagKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The machine's tag suggestions: a {@link TagSuggester} trained on every recommendation of the
 * installation that has confirmed tags (so what people confirm feeds the next training), asked for
 * the recommendations that have none. A suggestion waits for a person to confirm or reject it.
 */
@Service
@Transactional
public class TagSuggestions {

  private final JdbcClient jdbc;
  private final RecommendationRepository recommendations;

  TagSuggestions(JdbcClient jdbc, RecommendationRepository recommendations) {
    this.jdbc = jdbc;
    this.recommendations = recommendations;
  }

  /** What a run did. */
  public record Outcome(int trainedOn, int considered, int suggested)
      implements java.io.Serializable {}

  /** A recommendation with open suggestions, for the review page. */
  public record Pending(String code, String stateIso3, String text, List<Tag> suggestions) {}

  public Outcome suggest(String stateIso3, CooperaUser user) {
    if (!Curators.mayCurate(user, stateIso3)) {
      throw new AccessDeniedException("Only the State's curators ask for suggestions");
    }
    return suggestFor(stateIso3);
  }

  /** Trains on the whole installation and suggests tags for the untagged of one State. */
  public Outcome suggestFor(String stateIso3) {
    List<TaggedText> examples = trainingExamples();
    if (examples.isEmpty()) {
      return new Outcome(0, 0, 0);
    }
    TagSuggester suggester = TagSuggester.train(examples);
    int considered = 0;
    int suggested = 0;
    for (Recommendation r : recommendations.findByStateIso3OrderByYearAscCodeAsc(stateIso3)) {
      boolean tagged = r.tags().stream().anyMatch(t -> t.status() == Tag.Status.CONFIRMED);
      if (tagged) {
        continue;
      }
      considered++;
      r.dropOpenSuggestions();
      for (Suggestion s : suggester.suggestionsToShow(r.originalText())) {
        int colon = s.label().indexOf(':');
        TagKind kind = kindOf(s.label().substring(0, colon));
        if (kind != null
            && r.suggest(kind, s.label().substring(colon + 1), (float) s.confidence())) {
          suggested++;
        }
      }
    }
    return new Outcome(examples.size(), considered, suggested);
  }

  /** The recommendations of a State that have suggestions waiting, most confident first. */
  @Transactional(readOnly = true)
  public List<Pending> pending(String stateIso3, int limit) {
    List<Pending> out = new ArrayList<>();
    List<String> codes =
        jdbc.sql(
                """
                select r.code from recommendation r join recommendation_tag t on t.recommendation_id = r.id
                where r.state_iso3 = ? and t.status = 'SUGGESTED'
                group by r.code order by max(t.confidence) desc, r.code limit ?
                """)
            .params(stateIso3, limit)
            .query(String.class)
            .list();
    for (String code : codes) {
      recommendations
          .findByCode(code)
          .ifPresent(
              r ->
                  out.add(
                      new Pending(
                          r.code(),
                          r.stateIso3(),
                          r.originalText(),
                          r.tags().stream()
                              .filter(t -> t.status() == Tag.Status.SUGGESTED)
                              .toList())));
    }
    return out;
  }

  @Transactional(readOnly = true)
  public long pendingCount(String stateIso3) {
    return jdbc.sql(
            """
            select count(distinct r.id) from recommendation r
                join recommendation_tag t on t.recommendation_id = r.id
            where r.state_iso3 = ? and t.status = 'SUGGESTED'
            """)
        .param(stateIso3)
        .query(Long.class)
        .single();
  }

  private List<TaggedText> trainingExamples() {
    Map<UUID, Set<String>> labels = new HashMap<>();
    jdbc.sql(
            "select recommendation_id, kind, code from recommendation_tag where status = 'CONFIRMED'")
        .query(
            rs -> {
              labels
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(prefix(rs.getString(2)) + ":" + rs.getString(3));
            });
    List<TaggedText> examples = new ArrayList<>();
    jdbc.sql(
            """
            select r.id, t.text from recommendation r
                join recommendation_text t on t.recommendation_id = r.id and t.language = r.original_language
            where exists (select 1 from recommendation_tag g
                          where g.recommendation_id = r.id and g.status = 'CONFIRMED')
            order by r.code
            """)
        .query(
            rs -> {
              Set<String> l = labels.get(rs.getObject(1, UUID.class));
              if (l != null) {
                examples.add(new TaggedText(rs.getString(2), l));
              }
            });
    return examples;
  }

  private static String prefix(String kind) {
    return switch (kind) {
      case "THEME" -> "theme";
      case "SDG" -> "sdg";
      default -> "group";
    };
  }

  private static TagKind kindOf(String prefix) {
    return switch (prefix) {
      case "theme" -> TagKind.THEME;
      case "sdg" -> TagKind.SDG;
      case "group" -> TagKind.AFFECTED_GROUP;
      default -> null;
    };
  }
}
