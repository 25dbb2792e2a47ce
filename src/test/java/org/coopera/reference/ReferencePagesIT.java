package org.coopera.reference;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.coopera.support.CooperaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public reference pages show the data a visitor looks for. */
@CooperaIntegrationTest
class ReferencePagesIT {

  @Autowired MockMvc mvc;

  @Test
  void theIndexLinksEveryReferenceList() throws Exception {
    mvc.perform(get("/reference"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("195 States"),
                        containsString("18 instruments"),
                        containsString("169 SDG targets"),
                        containsString("/reference/themes"))));
  }

  @Test
  void instrumentsAreGroupedByTreatyWithProtocolsAndDeclarations() throws Exception {
    mvc.perform(get("/reference/instruments"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("International Covenant on Civil and Political Rights"),
                        containsString("ICCPR-OP2"),
                        containsString("1976-03-23"),
                        containsString(
                            "Article 14: competence of the committee to receive individual"
                                + " communications"))));
  }

  @Test
  void mechanismsShowTheUprCyclesTreatyBodiesAndSpecialProcedures() throws Exception {
    mvc.perform(get("/reference/mechanisms").header("Accept-Language", "fr"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Examen périodique universel"),
                        containsString("2008–2011"),
                        containsString("Les 10 organes conventionnels"),
                        containsString("Sous-comité pour la prévention de la torture"),
                        containsString("Mandats thématiques"))));
  }

  @Test
  void sdgsListEveryGoalWithItsTargets() throws Exception {
    mvc.perform(get("/reference/sdgs"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Goal 16: Peace, justice and strong institutions"),
                        containsString("16.10"),
                        containsString("(12 targets)"))));
  }

  @Test
  void themesAreGroupedUnderTheirUhriHeadings() throws Exception {
    mvc.perform(get("/reference/themes"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("A12"),
                        containsString("Acceptance of international norms"),
                        containsString("Persons with disabilities"))));
  }
}
