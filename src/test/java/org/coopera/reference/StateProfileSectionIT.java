package org.coopera.reference;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Another module extends a State's profile page by declaring a {@link StateProfileSection}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(StateProfileSectionIT.SectionFromAnotherModule.class)
class StateProfileSectionIT {

  @Autowired MockMvc mvc;

  @TestConfiguration(proxyBeanMethods = false)
  static class SectionFromAnotherModule {
    @Bean
    StateProfileSection ratifiedInstruments() {
      return new StateProfileSection() {
        @Override
        public int order() {
          return 10;
        }

        @Override
        public Optional<Content> contentFor(String iso3) {
          return "PRY".equals(iso3)
              ? Optional.of(
                  new Content(
                      "state.groupings",
                      "test/profile-section :: note",
                      Map.of("note", "Paraguay has ratified 18 instruments (test section)")))
              : Optional.empty();
        }
      };
    }
  }

  @Test
  void aContributedSectionAppearsOnTheProfilesItConcerns() throws Exception {
    mvc.perform(get("/states/PRY"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("class=\"test-section\"")))
        .andExpect(
            content()
                .string(containsString("Paraguay has ratified 18 instruments (test section)")));
    mvc.perform(get("/states/SVN"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("test-section"))));
  }
}
