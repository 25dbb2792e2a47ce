package org.coopera.implementation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.coopera.implementation.internal.PublicImplementation;
import org.coopera.reference.StateProfileSection;
import org.springframework.stereotype.Component;

/** The follow-up part of a State's profile: a link to what it has published, with counts. */
@Component
class ImplementationProfileSection implements StateProfileSection {

  private final PublicImplementation published;

  ImplementationProfileSection(PublicImplementation published) {
    this.published = published;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Optional<Content> contentFor(String iso3) {
    return published
        .summary(iso3)
        .map(
            s -> {
              Map<String, Object> model = new LinkedHashMap<>();
              model.put("iso3", iso3);
              model.put("assignments", s.assignments());
              model.put("updates", s.updates());
              return new Content(
                  "public.profile.heading", "implementation/public/profile :: section", model);
            });
  }
}
