package org.coopera.reference;

import java.util.Map;
import java.util.Optional;

/**
 * A section of a State's public profile page contributed by another module (the instruments the
 * State ratified, its recommendations, its projects...). The module declares a bean; the profile
 * page renders each section's template fragment with its model, in {@link #order()}.
 */
public interface StateProfileSection {

  /** Position on the page, lower first. */
  int order();

  /**
   * The section for the given State, or empty when the module has nothing to show for it.
   *
   * @param iso3 the State's ISO 3166 alpha-3 code
   */
  Optional<Content> contentFor(String iso3);

  /**
   * What to render: a Thymeleaf fragment expression such as {@code treaties/profile ::
   * ratifications} and the model it reads.
   */
  record Content(String headingKey, String fragment, Map<String, Object> model) {}
}
