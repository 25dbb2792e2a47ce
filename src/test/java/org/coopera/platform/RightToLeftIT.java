package org.coopera.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The layout mirrors for a right-to-left language: with Arabic enabled (its bundle is not written
 * yet, so the texts fall back to English), pages are {@code dir="rtl"} and load Bootstrap's RTL
 * stylesheet.
 */
@SpringBootTest(properties = "coopera.web.languages=en,fr,ar")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RightToLeftIT {

  @Autowired MockMvc mvc;

  @Test
  void arabicPagesAreLaidOutRightToLeft() throws Exception {
    mvc.perform(get("/states").header("Accept-Language", "ar-EG, ar;q=0.9"))
        .andExpect(content().string(containsString("<html lang=\"ar\" dir=\"rtl\">")))
        .andExpect(content().string(containsString("bootstrap.rtl.min.css")))
        .andExpect(content().string(not(containsString("bootstrap.min.css\""))));
  }

  @Test
  void leftToRightLanguagesKeepTheirLayout() throws Exception {
    mvc.perform(get("/states").header("Accept-Language", "fr"))
        .andExpect(content().string(containsString("<html lang=\"fr\" dir=\"ltr\">")))
        .andExpect(content().string(not(containsString("bootstrap.rtl.min.css"))));
  }
}
